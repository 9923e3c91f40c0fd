using System.Collections.Generic;
using DeployChecks.Engine.Artifacts.Yaml;

namespace DeployChecks.Engine.Artifacts.Compose;

/// <summary>
/// One service of a compose file or of a merged compose project, typed. Every value knows where it was written
/// (<see cref="SourceLocation"/>: after merging override files, the file that set it). Values are as written, not
/// interpolated (<c>${TAG:-latest}</c> stays); <see cref="Definition"/> has everything else.
/// </summary>
public sealed class ComposeService
{
    internal ComposeService(string name, YamlMapping definition, SourceLocation location)
    {
        Name = name;
        Definition = definition;
        Location = location;
    }

    public string Name { get; }

    /// <summary>The service's (merged) YAML mapping.</summary>
    public YamlMapping Definition { get; }

    /// <summary>Where the service is declared (its key in the first file that declares it).</summary>
    public SourceLocation Location { get; }

    /// <summary><c>image:</c>, or null.</summary>
    public string? Image { get; internal set; }

    public ComposeBuild? Build { get; internal set; }

    public ComposeCommand? Command { get; internal set; }

    public ComposeCommand? Entrypoint { get; internal set; }

    /// <summary><c>environment:</c> (list or map form), in order; a name set twice keeps its last value.</summary>
    public IReadOnlyList<ComposeVariable> Environment { get; internal set; } = Empty<ComposeVariable>();

    public IReadOnlyList<ComposeEnvFile> EnvFiles { get; internal set; } = Empty<ComposeEnvFile>();

    public IReadOnlyList<ComposePort> Ports { get; internal set; } = Empty<ComposePort>();

    /// <summary><c>expose:</c>: ports reachable from other services only.</summary>
    public IReadOnlyList<string> Expose { get; internal set; } = Empty<string>();

    public IReadOnlyList<ComposeVolume> Volumes { get; internal set; } = Empty<ComposeVolume>();

    public ComposeHealthcheck? Healthcheck { get; internal set; }

    public IReadOnlyList<ComposeDependency> DependsOn { get; internal set; } = Empty<ComposeDependency>();

    /// <summary><c>restart:</c> (<c>no</c>, <c>always</c>, <c>on-failure[:N]</c>, <c>unless-stopped</c>), or null.</summary>
    public string? Restart { get; internal set; }

    public string? User { get; internal set; }

    /// <summary><c>privileged: true</c>.</summary>
    public bool Privileged { get; internal set; }

    /// <summary><c>read_only: true</c>.</summary>
    public bool ReadOnly { get; internal set; }

    /// <summary><c>network_mode:</c> (<c>host</c>, <c>none</c>, <c>service:x</c>), or null.</summary>
    public string? NetworkMode { get; internal set; }

    public IReadOnlyList<string> CapAdd { get; internal set; } = Empty<string>();

    public IReadOnlyList<string> CapDrop { get; internal set; } = Empty<string>();

    public IReadOnlyList<string> SecurityOpt { get; internal set; } = Empty<string>();

    public IReadOnlyList<ComposeResourceRef> Secrets { get; internal set; } = Empty<ComposeResourceRef>();

    public IReadOnlyList<ComposeResourceRef> Configs { get; internal set; } = Empty<ComposeResourceRef>();

    /// <summary><c>profiles:</c>: the service starts only when one of them is enabled (<c>--profile</c>).</summary>
    public IReadOnlyList<string> Profiles { get; internal set; } = Empty<string>();

    public IReadOnlyList<string> Networks { get; internal set; } = Empty<string>();

    public IReadOnlyList<ComposeVariable> Labels { get; internal set; } = Empty<ComposeVariable>();

    public string? WorkingDir { get; internal set; }

    public string? ContainerName { get; internal set; }

    /// <summary><c>deploy.replicas</c>, or null.</summary>
    public int? Replicas { get; internal set; }

    /// <summary><c>deploy.restart_policy.condition</c> (<c>none</c>, <c>on-failure</c>, <c>any</c>), or null.</summary>
    public string? RestartPolicy { get; internal set; }

    /// <summary><c>logging.driver</c>, or null.</summary>
    public string? LoggingDriver { get; internal set; }

    /// <summary><c>extends:</c> as written in the file (<c>service</c>, and <c>file</c> or null for the same file); in a
    /// merged project the extension is already applied.</summary>
    public (string Service, string? File)? Extends { get; internal set; }

    /// <summary>Where the effective value of <paramref name="key"/> was written (null when the service does not set it).</summary>
    public SourceLocation? LocationOf(string key) => Definition.Entry(key) is { } e ? e.Value.Location : null;

    /// <summary>The value of <paramref name="name"/> in <see cref="Environment"/> (null when unset or without a value).</summary>
    public ComposeVariable? Variable(string name)
    {
        ComposeVariable? found = null;
        foreach (var v in Environment)
        {
            if (v.Name == name)
            {
                found = v;
            }
        }
        return found;
    }

    public override string ToString() => Name;

    private static IReadOnlyList<T> Empty<T>() => System.Array.Empty<T>();
}
