using System.Collections.Generic;

namespace DeployChecks;

/// <summary>The smallest upgrade of one locked or pinned package (in one file) that clears the advisories
/// affecting it, as <c>Find-DependencyVulnerability -Remediation</c> writes it. Nothing is changed on disk.</summary>
public sealed class RemediationPlan
{
    public string Package { get; set; } = "";

    /// <summary>The PEP 503 normalised name.</summary>
    public string NormalizedName { get; set; } = "";

    /// <summary>The installed (pinned or locked) version.</summary>
    public string Version { get; set; } = "";

    /// <summary>The smallest version that no known advisory affects, or — when some cannot be cleared — the
    /// smallest that clears every advisory that can be; null when no advisory has a fix above the installed version.</summary>
    public string? TargetVersion { get; set; }

    /// <summary>True when <see cref="TargetVersion"/> has a higher epoch or first release number than the installed
    /// version (<c>3.2.17</c> → <c>4.0.10</c>): expect breaking changes.</summary>
    public bool CrossesMajorVersion { get; set; }

    /// <summary>The advisories affecting the installed version that the target version clears.</summary>
    public IReadOnlyList<string> Clears { get; set; } = new string[0];

    /// <summary>The advisories that still affect the target version (or the installed one when there is no target):
    /// no fixed version is known above it.</summary>
    public IReadOnlyList<string> Unresolved { get; set; } = new string[0];

    /// <summary>The highest severity among the advisories affecting the installed version.</summary>
    public Severity Severity { get; set; }

    /// <summary>The advisories affecting the installed version, as Find-DependencyVulnerability writes them.</summary>
    public IReadOnlyList<VulnerabilityMatch> Matches { get; set; } = new VulnerabilityMatch[0];

    /// <summary>True when the target version clears every advisory.</summary>
    public bool IsComplete => TargetVersion != null && Unresolved.Count == 0;

    /// <summary>Where the version is declared (relative path) and its line.</summary>
    public string? Source { get; set; }

    public int Line { get; set; }

    public override string ToString() =>
        TargetVersion == null ? $"{Package} {Version}: no fixed version" : $"{Package} {Version} -> {TargetVersion}";
}
