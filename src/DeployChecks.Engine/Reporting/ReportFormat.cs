namespace DeployChecks.Engine.Reporting;

/// <summary>Formats a <see cref="ChecklistReport"/> can be written as.</summary>
public enum ReportFormat
{
    /// <summary>The on-screen checklist (same as the PowerShell view).</summary>
    Text,
    Json,
    Sarif,
    JUnit,
    Markdown,
    Html,
    /// <summary>A baseline of the active findings' fingerprints (see <c>Suppressions.Baseline</c>).</summary>
    Baseline,
}
