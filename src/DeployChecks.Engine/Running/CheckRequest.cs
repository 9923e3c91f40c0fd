using System.Collections;
using DeployChecks.Engine.Options;

namespace DeployChecks.Engine.Running;

/// <summary>What to check and how: the target and the option layers that the host collected.</summary>
public sealed class CheckRequest
{
    public CheckRequest(string path)
    {
        Path = path;
    }

    /// <summary>The target directory.</summary>
    public string Path { get; }

    /// <summary>Explicit option file (else <c>deploychecks.yml</c> in the target, else none).</summary>
    public string? OptionPath { get; set; }

    /// <summary>Parameter-level overrides (cmdlet parameters, CLI flags).</summary>
    public OptionOverrides? Overrides { get; set; }

    /// <summary>Environment to read <c>DEPLOYCHECKS_*</c> from; null = the process environment.</summary>
    public IDictionary? Environment { get; set; }

    /// <summary>Fully resolved options; when set, <see cref="OptionPath"/>, <see cref="Overrides"/> and
    /// <see cref="Environment"/> are not consulted.</summary>
    public DeployChecksOptions? Options { get; set; }
}
