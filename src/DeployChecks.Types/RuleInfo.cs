using System.Collections.Generic;

namespace DeployChecks;

/// <summary>The public description of a rule: what it checks, why, and how to fix what it finds.</summary>
public sealed class RuleInfo
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public CheckArea Area { get; set; }
    public Severity DefaultSeverity { get; set; }
    public string Title { get; set; } = "";
    public string Rationale { get; set; } = "";
    public string Remediation { get; set; } = "";
    public string HelpUri { get; set; } = "";
    public IReadOnlyList<string> Tags { get; set; } = new string[0];

    /// <summary>The same check in peer tools, as <c>tool:ID</c> (e.g. <c>hadolint:DL3002</c>).</summary>
    public IReadOnlyList<string> Equivalents { get; set; } = new string[0];

    /// <summary>CWE identifiers, e.g. <c>CWE-798</c>.</summary>
    public IReadOnlyList<string> Cwe { get; set; } = new string[0];

    public override string ToString() => Id + " " + Name;
}
