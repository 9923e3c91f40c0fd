using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Artifacts.Compose;

/// <summary>A <c>command:</c>, <c>entrypoint:</c> or healthcheck <c>test:</c>: a list of words (run as is) or a string
/// (compose splits it shell-like but runs no shell).</summary>
public sealed class ComposeCommand
{
    internal ComposeCommand(IReadOnlyList<string>? words, string? text, SourceLocation location, Yaml.YamlValue node)
    {
        Words = words;
        Text = text;
        Location = location;
        Node = node;
    }

    /// <summary>The list form (<c>["gunicorn", "app:app"]</c>), or null.</summary>
    public IReadOnlyList<string>? Words { get; }

    /// <summary>The string form, or null.</summary>
    public string? Text { get; }

    public bool IsList => Words != null;

    public SourceLocation Location { get; }

    /// <summary>The YAML node (a block scalar's <c>LineAt</c> gives each line of a multi-line command).</summary>
    public Yaml.YamlValue Node { get; }

    public override string ToString() => Words != null ? "[" + string.Join(", ", Words) + "]" : Text ?? "";
}

/// <summary>An environment variable, a build arg or a label: <c>NAME=value</c> (list form) or <c>NAME: value</c> (map
/// form); <see cref="Value"/> is null for <c>NAME</c> alone (taken from the shell running compose).</summary>
public sealed class ComposeVariable
{
    internal ComposeVariable(string name, string? value, SourceLocation location)
    {
        Name = name;
        Value = value;
        Location = location;
    }

    public string Name { get; }

    /// <summary>As written (not interpolated: <c>${DB_PASSWORD}</c> stays as is).</summary>
    public string? Value { get; }

    public SourceLocation Location { get; }

    public override string ToString() => Value == null ? Name : Name + "=" + Value;
}

/// <summary>A <c>ports:</c> entry, short (<c>"127.0.0.1:8080:80/tcp"</c>) or long syntax.</summary>
public sealed class ComposePort
{
    internal ComposePort(string text, string? hostIp, string? published, string target, string protocol, string? mode, SourceLocation location)
    {
        Text = text;
        HostIp = hostIp;
        Published = published;
        Target = target;
        Protocol = protocol;
        Mode = mode;
        Location = location;
    }

    /// <summary>As written (the long syntax rendered as <c>host_ip:published:target/protocol</c>).</summary>
    public string Text { get; }

    /// <summary>The host address it binds (<c>127.0.0.1</c>), or null for all interfaces.</summary>
    public string? HostIp { get; }

    /// <summary>The host port or range, or null when compose picks one.</summary>
    public string? Published { get; }

    /// <summary>The container port or range.</summary>
    public string Target { get; }

    /// <summary><c>tcp</c> (default) or <c>udp</c>.</summary>
    public string Protocol { get; }

    /// <summary><c>host</c> or <c>ingress</c> (long syntax), or null.</summary>
    public string? Mode { get; }

    public SourceLocation Location { get; }

    /// <summary>True when the port is published on every host interface (no host IP, or <c>0.0.0.0</c>/<c>::</c>).</summary>
    public bool IsPublishedOnAllInterfaces => Published != null && (HostIp == null || HostIp is "0.0.0.0" or "::" or "[::]");

    public override string ToString() => Text;
}

/// <summary>A <c>volumes:</c> entry of a service, short (<c>./data:/data:ro</c>) or long syntax.</summary>
public sealed class ComposeVolume
{
    internal ComposeVolume(string type, string? source, string target, bool readOnly, string text, SourceLocation location)
    {
        Type = type;
        Source = source;
        Target = target;
        ReadOnly = readOnly;
        Text = text;
        Location = location;
    }

    /// <summary><c>bind</c> (a host path), <c>volume</c> (a named or anonymous volume), <c>tmpfs</c>, <c>npipe</c>, <c>cluster</c>.</summary>
    public string Type { get; }

    /// <summary>The host path or volume name; null for an anonymous volume.</summary>
    public string? Source { get; }

    /// <summary>The path in the container.</summary>
    public string Target { get; }

    public bool ReadOnly { get; }

    public string Text { get; }

    public SourceLocation Location { get; }

    /// <summary>True for a bind mount of the Docker socket.</summary>
    public bool IsDockerSocket => Type == "bind" && Source != null && Source.EndsWith("docker.sock", StringComparison.Ordinal);

    public override string ToString() => Text;
}

/// <summary><c>build:</c>: a context path, or <c>context</c>, <c>dockerfile</c>, <c>args</c>, <c>target</c>, ….</summary>
public sealed class ComposeBuild
{
    internal ComposeBuild(string context, string? dockerfile, string? dockerfileInline, string? target, IReadOnlyList<ComposeVariable> args, SourceLocation location)
    {
        Context = context;
        Dockerfile = dockerfile;
        DockerfileInline = dockerfileInline;
        Target = target;
        Args = args;
        Location = location;
    }

    /// <summary>The build context as written (relative to the compose file's directory), <c>.</c> by default.</summary>
    public string Context { get; }

    /// <summary>The Dockerfile as written (relative to the context), or null for <c>Dockerfile</c>.</summary>
    public string? Dockerfile { get; }

    public string? DockerfileInline { get; }

    /// <summary>The stage built (<c>--target</c>), or null for the last one.</summary>
    public string? Target { get; }

    public IReadOnlyList<ComposeVariable> Args { get; }

    public SourceLocation Location { get; }
}

/// <summary><c>healthcheck:</c>.</summary>
public sealed class ComposeHealthcheck
{
    internal ComposeHealthcheck(ComposeCommand? test, bool disable, string? interval, string? timeout, string? startPeriod, int? retries, SourceLocation location)
    {
        Test = test;
        Disable = disable;
        Interval = interval;
        Timeout = timeout;
        StartPeriod = startPeriod;
        Retries = retries;
        Location = location;
    }

    /// <summary>The test (<c>["CMD", "curl", …]</c>, <c>["CMD-SHELL", "…"]</c>, a string, or <c>["NONE"]</c>).</summary>
    public ComposeCommand? Test { get; }

    /// <summary><c>disable: true</c>, or a test of <c>NONE</c>.</summary>
    public bool Disable { get; }

    public string? Interval { get; }

    public string? Timeout { get; }

    public string? StartPeriod { get; }

    public int? Retries { get; }

    public SourceLocation Location { get; }
}

/// <summary>A <c>depends_on:</c> entry (list form: <c>service_started</c>, required).</summary>
public sealed class ComposeDependency
{
    internal ComposeDependency(string service, string condition, bool required, bool restart, SourceLocation location)
    {
        Service = service;
        Condition = condition;
        Required = required;
        Restart = restart;
        Location = location;
    }

    public string Service { get; }

    /// <summary><c>service_started</c>, <c>service_healthy</c> or <c>service_completed_successfully</c>.</summary>
    public string Condition { get; }

    public bool Required { get; }

    public bool Restart { get; }

    public SourceLocation Location { get; }
}

/// <summary>A <c>secrets:</c> or <c>configs:</c> grant of a service.</summary>
public sealed class ComposeResourceRef
{
    internal ComposeResourceRef(string source, string? target, SourceLocation location)
    {
        Source = source;
        Target = target;
        Location = location;
    }

    public string Source { get; }

    public string? Target { get; }

    public SourceLocation Location { get; }
}

/// <summary>An <c>env_file:</c> entry.</summary>
public sealed class ComposeEnvFile
{
    internal ComposeEnvFile(string path, bool required, SourceLocation location)
    {
        Path = path;
        Required = required;
        Location = location;
    }

    /// <summary>As written, relative to the compose file's directory.</summary>
    public string Path { get; }

    /// <summary>False for <c>required: false</c> (compose ignores a missing file).</summary>
    public bool Required { get; }

    public SourceLocation Location { get; }
}

/// <summary>A top-level <c>volumes:</c>, <c>secrets:</c>, <c>configs:</c> or <c>networks:</c> entry.</summary>
public sealed class ComposeResource
{
    internal ComposeResource(string name, Yaml.YamlMapping? definition, SourceLocation location)
    {
        Name = name;
        Definition = definition;
        Location = location;
    }

    public string Name { get; }

    /// <summary>The definition (<c>file:</c>, <c>environment:</c>, <c>external:</c>, <c>driver:</c>, …), or null when empty.</summary>
    public Yaml.YamlMapping? Definition { get; }

    /// <summary><c>external: true</c>.</summary>
    public bool External => Definition?.GetBool("external") == true || Definition?["external"] is Yaml.YamlMapping;

    public SourceLocation Location { get; }

    public override string ToString() => Name;
}
