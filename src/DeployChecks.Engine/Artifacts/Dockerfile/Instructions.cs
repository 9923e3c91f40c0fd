using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Artifacts.Dockerfile;

/// <summary>One <c>NAME=value</c> of <c>ENV</c>, <c>ARG</c> or <c>LABEL</c>.</summary>
public sealed class DockerAssignment
{
    internal DockerAssignment(string name, string? value, string? rawValue, int line, int column)
    {
        Name = name;
        Value = value;
        RawValue = rawValue;
        Line = line;
        Column = column;
    }

    public string Name { get; }

    /// <summary>The value as the build sees it (quotes removed, variables expanded); null for <c>ARG NAME</c> without a
    /// default.</summary>
    public string? Value { get; }

    /// <summary>The value as written (quotes and <c>$VAR</c> kept).</summary>
    public string? RawValue { get; }

    public int Line { get; }

    public int Column { get; }

    public override string ToString() => Value == null ? Name : Name + "=" + Value;
}

/// <summary><c>FROM [--platform=…] image [AS name]</c>.</summary>
public sealed class FromInstruction : DockerInstruction
{
    internal FromInstruction(DockerInstructionSyntax s, string imageAsWritten, string image, string? stageName) : base(s)
    {
        ImageAsWritten = imageAsWritten;
        Image = image;
        StageName = stageName;
    }

    /// <summary>The image reference as written (<c>python:${PYTHON_VERSION}-slim</c>).</summary>
    public string ImageAsWritten { get; }

    /// <summary>The image reference with global ARG defaults expanded (<c>python:3.12-slim</c>), or an earlier stage's name.</summary>
    public string Image { get; }

    /// <summary>The <c>AS</c> name, or null.</summary>
    public string? StageName { get; }

    public string? Platform => Flag("platform");
}

/// <summary><c>RUN</c>: its command, mounts and other flags.</summary>
public sealed class RunInstruction : DockerInstruction
{
    internal RunInstruction(DockerInstructionSyntax s, DockerCommand command, IReadOnlyList<DockerMount> mounts) : base(s)
    {
        Command = command;
        Mounts = mounts;
    }

    public DockerCommand Command { get; }

    /// <summary><c>--mount=…</c> flags, parsed.</summary>
    public IReadOnlyList<DockerMount> Mounts { get; }

    /// <summary><c>--network=none|host|default</c>, or null.</summary>
    public string? Network => Flag("network");

    /// <summary><c>--security=insecure|sandbox</c>, or null.</summary>
    public string? Security => Flag("security");
}

/// <summary>A <c>RUN --mount=…</c>: <c>type=bind|cache|secret|ssh|tmpfs</c> with its options.</summary>
public sealed class DockerMount
{
    internal DockerMount(string type, IReadOnlyDictionary<string, string> options)
    {
        Type = type;
        Options = options;
    }

    /// <summary><c>bind</c> (the default), <c>cache</c>, <c>secret</c>, <c>ssh</c>, <c>tmpfs</c>.</summary>
    public string Type { get; }

    /// <summary>Every option as written (<c>source</c>/<c>src</c>, <c>target</c>/<c>dst</c>/<c>destination</c>, <c>from</c>,
    /// <c>id</c>, <c>env</c>, <c>required</c>, <c>mode</c>, …), keys lower-case.</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    public string? Source => Get("source") ?? Get("src");

    public string? Target => Get("target") ?? Get("dst") ?? Get("destination");

    /// <summary>The stage or image the mount reads from (<c>from=builder</c>), or null for the build context.</summary>
    public string? From => Get("from");

    public string? Id => Get("id");

    /// <summary>For <c>type=secret</c>: the environment variable the secret is exposed as (<c>env=TOKEN</c>).</summary>
    public string? Env => Get("env");

    private string? Get(string key) => Options.TryGetValue(key, out var v) ? v : null;

    public override string ToString() => "type=" + Type + (Target != null ? ",target=" + Target : "");
}

/// <summary><c>CMD</c>: the default command of the image.</summary>
public sealed class CmdInstruction : DockerInstruction
{
    internal CmdInstruction(DockerInstructionSyntax s, DockerCommand command) : base(s) => Command = command;

    public DockerCommand Command { get; }
}

/// <summary><c>ENTRYPOINT</c>.</summary>
public sealed class EntrypointInstruction : DockerInstruction
{
    internal EntrypointInstruction(DockerInstructionSyntax s, DockerCommand command) : base(s) => Command = command;

    public DockerCommand Command { get; }
}

/// <summary><c>SHELL ["pwsh", "-Command"]</c>.</summary>
public sealed class ShellInstruction : DockerInstruction
{
    internal ShellInstruction(DockerInstructionSyntax s, IReadOnlyList<string> words) : base(s) => Words = words;

    public IReadOnlyList<string> Words { get; }
}

/// <summary><c>COPY</c> and <c>ADD</c>: sources (from the build context, another stage or image, a URL, or a heredoc),
/// destination and ownership.</summary>
public abstract class FileCopyInstruction : DockerInstruction
{
    private protected FileCopyInstruction(DockerInstructionSyntax s, IReadOnlyList<string> sources, string destination, string resolvedDestination,
        bool execForm) : base(s)
    {
        Sources = sources;
        Destination = destination;
        ResolvedDestination = resolvedDestination;
        IsExecForm = execForm;
    }

    /// <summary>The sources, variables expanded (a heredoc source appears as <c>&lt;&lt;EOF</c>).</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The destination as written (variables expanded).</summary>
    public string Destination { get; }

    /// <summary>The destination as an absolute path in the image (relative to <see cref="DockerInstruction.WorkDir"/>).</summary>
    public string ResolvedDestination { get; }

    public bool IsExecForm { get; }

    /// <summary><c>--from=stage|image|index</c>: not from the build context; null otherwise.</summary>
    public string? From => Flag("from");

    public string? Chown => Flag("chown");

    public string? Chmod => Flag("chmod");

    public bool Link => Flag("link") is { } v && !string.Equals(v, "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the destination names a directory (a trailing <c>/</c>, <c>.</c>, or several sources).</summary>
    public bool DestinationIsDirectory => Destination.EndsWith("/", StringComparison.Ordinal) || Destination == "." || Sources.Count > 1;
}

public sealed class CopyInstruction : FileCopyInstruction
{
    internal CopyInstruction(DockerInstructionSyntax s, IReadOnlyList<string> sources, string destination, string resolvedDestination, bool execForm)
        : base(s, sources, destination, resolvedDestination, execForm)
    {
    }

    /// <summary><c>--parents</c> (dockerfile 1.7 labs).</summary>
    public bool Parents => Flag("parents") != null;
}

public sealed class AddInstruction : FileCopyInstruction
{
    internal AddInstruction(DockerInstructionSyntax s, IReadOnlyList<string> sources, string destination, string resolvedDestination, bool execForm)
        : base(s, sources, destination, resolvedDestination, execForm)
    {
    }

    /// <summary><c>--checksum=sha256:…</c> for a remote source.</summary>
    public string? Checksum => Flag("checksum");

    /// <summary>Sources that are URLs or git repositories (ADD fetches them at build time).</summary>
    public IEnumerable<string> RemoteSources
    {
        get
        {
            foreach (var s in Sources)
            {
                if (s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
                    s.StartsWith("git@", StringComparison.Ordinal) || s.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
                {
                    yield return s;
                }
            }
        }
    }
}

/// <summary><c>ENV NAME=value …</c> (or the legacy <c>ENV NAME value</c>).</summary>
public sealed class EnvInstruction : DockerInstruction
{
    internal EnvInstruction(DockerInstructionSyntax s, IReadOnlyList<DockerAssignment> assignments) : base(s) => Assignments = assignments;

    public IReadOnlyList<DockerAssignment> Assignments { get; }
}

/// <summary><c>ARG NAME[=default] …</c>.</summary>
public sealed class ArgInstruction : DockerInstruction
{
    internal ArgInstruction(DockerInstructionSyntax s, IReadOnlyList<DockerAssignment> declarations) : base(s) => Declarations = declarations;

    /// <summary>Each declared name with its default (null when none).</summary>
    public IReadOnlyList<DockerAssignment> Declarations { get; }
}

/// <summary><c>LABEL key=value …</c>.</summary>
public sealed class LabelInstruction : DockerInstruction
{
    internal LabelInstruction(DockerInstructionSyntax s, IReadOnlyList<DockerAssignment> labels) : base(s) => Labels = labels;

    public IReadOnlyList<DockerAssignment> Labels { get; }
}

/// <summary><c>EXPOSE 8000 9000/udp 7000-7010</c>.</summary>
public sealed class ExposeInstruction : DockerInstruction
{
    internal ExposeInstruction(DockerInstructionSyntax s, IReadOnlyList<string> ports) : base(s) => Ports = ports;

    /// <summary>The ports as written (variables expanded): <c>8000</c>, <c>8000/tcp</c>, <c>7000-7010/udp</c>.</summary>
    public IReadOnlyList<string> Ports { get; }
}

/// <summary><c>VOLUME /data</c> or <c>VOLUME ["/data", "/logs"]</c>.</summary>
public sealed class VolumeInstruction : DockerInstruction
{
    internal VolumeInstruction(DockerInstructionSyntax s, IReadOnlyList<string> paths) : base(s) => Paths = paths;

    public IReadOnlyList<string> Paths { get; }
}

/// <summary><c>USER name[:group]</c>.</summary>
public sealed class UserInstruction : DockerInstruction
{
    internal UserInstruction(DockerInstructionSyntax s, string value) : base(s)
    {
        Value = value;
        int colon = value.IndexOf(':');
        UserName = colon >= 0 ? value.Substring(0, colon) : value;
        Group = colon >= 0 ? value.Substring(colon + 1) : null;
    }

    /// <summary>As written, variables expanded (<c>app:app</c>, <c>1000</c>).</summary>
    public string Value { get; }

    public string UserName { get; }

    public string? Group { get; }

    /// <summary>True for <c>root</c> or UID <c>0</c>.</summary>
    public bool IsRoot => UserName is "root" or "0";
}

/// <summary><c>WORKDIR /app</c>.</summary>
public sealed class WorkdirInstruction : DockerInstruction
{
    internal WorkdirInstruction(DockerInstructionSyntax s, string path, string resolvedPath) : base(s)
    {
        Path = path;
        ResolvedPath = resolvedPath;
    }

    /// <summary>As written, variables expanded.</summary>
    public string Path { get; }

    /// <summary>Absolute (a relative WORKDIR is relative to the previous one).</summary>
    public string ResolvedPath { get; }
}

/// <summary><c>HEALTHCHECK [flags] CMD …</c> or <c>HEALTHCHECK NONE</c>.</summary>
public sealed class HealthcheckInstruction : DockerInstruction
{
    internal HealthcheckInstruction(DockerInstructionSyntax s, DockerCommand? command) : base(s) => Command = command;

    /// <summary><c>HEALTHCHECK NONE</c>: disables a check inherited from the base image.</summary>
    public bool IsNone => Command == null;

    public DockerCommand? Command { get; }

    public string? Interval => Flag("interval");

    public string? Timeout => Flag("timeout");

    public string? StartPeriod => Flag("start-period");

    public string? StartInterval => Flag("start-interval");

    public int? Retries => int.TryParse(Flag("retries"), out int n) ? n : null;
}

/// <summary><c>STOPSIGNAL SIGTERM</c>.</summary>
public sealed class StopsignalInstruction : DockerInstruction
{
    internal StopsignalInstruction(DockerInstructionSyntax s, string signal) : base(s) => Signal = signal;

    public string Signal { get; }
}

/// <summary><c>MAINTAINER</c> (deprecated; a <c>LABEL</c> replaces it).</summary>
public sealed class MaintainerInstruction : DockerInstruction
{
    internal MaintainerInstruction(DockerInstructionSyntax s) : base(s)
    {
    }

    public string Name => Arguments.Trim();
}

/// <summary><c>ONBUILD &lt;instruction&gt;</c>: runs in images built FROM this one, not in this one.</summary>
public sealed class OnbuildInstruction : DockerInstruction
{
    internal OnbuildInstruction(DockerInstructionSyntax s, DockerInstruction? trigger) : base(s) => Trigger = trigger;

    /// <summary>The instruction it registers (its build state is the child image's, unknown here); null when it does
    /// not parse.</summary>
    public DockerInstruction? Trigger { get; }
}
