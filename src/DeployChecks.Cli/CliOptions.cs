using System.Collections.Generic;

namespace DeployChecks.Cli;

/// <summary>A parsed <c>deploychecks</c> command line.</summary>
internal sealed class CliOptions
{
    public string Command { get; set; } = "";

    /// <summary>Positional arguments: the target of <c>check</c>, the rule of <c>explain</c>, the reports of <c>merge</c>.</summary>
    public List<string> Paths { get; } = new();

    /// <summary>The one positional argument, or <paramref name="fallback"/>.</summary>
    public string PathOr(string fallback) => Paths.Count > 0 ? Paths[0] : fallback;

    public string? Format { get; set; }
    public string? Output { get; set; }

    /// <summary>Extra reports, <c>format=path</c> each.</summary>
    public List<string> Reports { get; } = new();
    public string? FailOn { get; set; }
    public bool IgnoreErrors { get; set; }
    public bool AllowEmpty { get; set; }
    public List<string> Areas { get; } = new();
    public List<string> Rules { get; } = new();
    public List<string> ExcludeRules { get; } = new();
    public List<string> ExcludePaths { get; } = new();
    public string? OptionPath { get; set; }
    public string? Baseline { get; set; }
    public string? VulnerabilityDatabase { get; set; }
    public bool RequireVulnerabilityDatabase { get; set; }
    public string? Uri { get; set; }
    public string? Timeout { get; set; }
    public bool Force { get; set; }
    public bool Verbose { get; set; }
    public bool Ascii { get; set; }
    public bool Quiet { get; set; }

    /// <summary><c>auto</c> (default: colour on a terminal unless NO_COLOR is set), <c>always</c> or <c>never</c>.</summary>
    public string? Color { get; set; }

    // image-scan
    public string? Platform { get; set; }
    public string? Reference { get; set; }
    public string? AsOf { get; set; }
    public bool NoSecretScan { get; set; }
}

/// <summary>A usage error: exit code 2 with the message and a hint.</summary>
internal sealed class UsageException : System.Exception
{
    public UsageException(string message) : base(message)
    {
    }
}
