namespace DeployChecks;

/// <summary>One problem a rule found, with the evidence to prove it.</summary>
public sealed class Finding
{
    /// <summary>Stable rule identifier, e.g. <c>DC1001</c>.</summary>
    public string RuleId { get; set; } = "";

    /// <summary>Kebab-case rule name, e.g. <c>env-file-not-ignored</c>.</summary>
    public string RuleName { get; set; } = "";

    public CheckArea Area { get; set; }

    /// <summary>Effective severity (after option overrides).</summary>
    public Severity Severity { get; set; }

    public string Message { get; set; } = "";

    /// <summary>Path relative to the target root, with <c>/</c> separators.</summary>
    public string Path { get; set; } = "";

    /// <summary>1-based line, 0 when the finding is about the whole file.</summary>
    public int Line { get; set; }

    /// <summary>1-based column, 0 when unknown.</summary>
    public int Column { get; set; }

    /// <summary>The offending text, with any secret redacted.</summary>
    public string? Evidence { get; set; }

    public string? Remediation { get; set; }

    public string? HelpUri { get; set; }

    /// <summary>Identifies the finding across runs and line moves (rule, path and a rule-chosen key).</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>Null when the finding is active; otherwise why it is suppressed.</summary>
    public string? Suppression { get; set; }

    public bool IsSuppressed => Suppression != null;

    /// <summary>Path and line as <c>path:line</c>, for display.</summary>
    public string Location => Line > 0 ? Path + ":" + Line : Path;

    public override string ToString() => $"{RuleId} {Severity} {Location}: {Message}";
}
