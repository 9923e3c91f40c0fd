using System.Management.Automation;
using DeployChecks.Hosting;

namespace DeployChecks.Commands;

/// <summary>Test-PyDeployConfig: runs only the Configuration area (env files, settings) and writes its findings.</summary>
[Cmdlet(VerbsDiagnostic.Test, "PyDeployConfig", DefaultParameterSetName = PathParameterSet)]
[OutputType(typeof(Finding))]
public sealed class TestPyDeployConfigCommand : DeployChecksPathCommandBase
{
    private static readonly CheckArea[] ConfigurationOnly = { CheckArea.Configuration };

    /// <summary>Also write suppressed findings (their Suppression property says why).</summary>
    [Parameter]
    public SwitchParameter IncludeSuppressed { get; set; }

    private protected override RunSettings CreateSettings()
    {
        var settings = base.CreateSettings();
        settings.Areas = ConfigurationOnly;
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
