using System.Management.Automation;
using DeployChecks.Hosting;

namespace DeployChecks.Commands;

/// <summary>The Test-* cmdlets of one checklist area: run that area's rules and write its findings.</summary>
public abstract class AreaTestCommandBase : DeployChecksPathCommandBase
{
    /// <summary>Also write suppressed findings (their Suppression property says why).</summary>
    [Parameter]
    public SwitchParameter IncludeSuppressed { get; set; }

    private protected abstract CheckArea Area { get; }

    private protected override RunSettings CreateSettings()
    {
        var settings = base.CreateSettings();
        settings.Areas = new[] { Area };
        return settings;
    }

    private protected override void WriteReport(ChecklistReport report)
    {
        foreach (var finding in report.Findings)
        {
            if (IncludeSuppressed || !finding.IsSuppressed)
            {
                WriteObject(finding);
            }
        }
    }
}
