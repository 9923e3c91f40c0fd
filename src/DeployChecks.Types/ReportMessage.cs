namespace DeployChecks;

/// <summary>A problem the tool had with an input (unreadable or malformed file), or a notice about the run
/// (an expired suppression). Not a finding: findings are about the target, these are about the run.</summary>
public sealed class ReportMessage
{
    /// <summary>Stable identifier with no spaces, e.g. <c>MalformedEnvFile</c>.</summary>
    public string ErrorId { get; set; } = "";

    /// <summary>Path relative to the target root (<c>/</c> separators), or null when not about one file.</summary>
    public string? Path { get; set; }

    public int Line { get; set; }

    public string Message { get; set; } = "";

    /// <summary>True for problems that stopped part of the run; false for notices.</summary>
    public bool IsError { get; set; } = true;

    /// <summary>The rule that hit the problem, if any.</summary>
    public string? RuleId { get; set; }

    public override string ToString() => Path == null ? $"{ErrorId}: {Message}" : $"{ErrorId} {Path}{(Line > 0 ? ":" + Line : "")}: {Message}";
}
