using System.Collections.Generic;

namespace DeployChecks.Cli;

/// <summary>The parsed command line of <c>deploychecks check</c>.</summary>
internal sealed class CliOptions
{
    public string Command { get; set; } = "";
    public string Path { get; set; } = ".";
    public string? Format { get; set; }
    public string? Output { get; set; }
    public string? FailOn { get; set; }
    public List<string> Areas { get; } = new();
    public List<string> Rules { get; } = new();
    public List<string> ExcludeRules { get; } = new();
    public List<string> ExcludePaths { get; } = new();
    public string? OptionPath { get; set; }
    public string? Baseline { get; set; }
    public string? VulnerabilityDatabase { get; set; }
    public string? Uri { get; set; }
    public string? Timeout { get; set; }
    public bool Force { get; set; }
    public bool PathGiven { get; set; }
    public bool Verbose { get; set; }
    public bool Ascii { get; set; }
    public bool Quiet { get; set; }

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
