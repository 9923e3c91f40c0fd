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
    /// <summary>GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>, one per finding and error),
    /// then the checklist: what a step's log should show.</summary>
    GitHub,
    /// <summary>Azure Pipelines logging commands (<c>##vso[task.logissue type=error;sourcepath=…]message</c>), then the
    /// checklist.</summary>
    Azure,
}
