using System.Management.Automation;
using DeployChecks.Hosting;

namespace DeployChecks.Commands;

/// <summary>Invoke-DeployChecklist: runs the production-readiness checklist on application directories and
/// writes one <see cref="ChecklistReport"/> per directory as soon as it is done.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "DeployChecklist", DefaultParameterSetName = PathParameterSet)]
[OutputType(typeof(ChecklistReport))]
public sealed class InvokeDeployChecklistCommand : DeployChecksPathCommandBase
{
    /// <summary>Areas to run (default: all).</summary>
    [Parameter]
    public CheckArea[]? Area { get; set; }

    /// <summary>Rule selectors to keep: ID, name, area, DC1xxx, or tag:NAME.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Rule { get; set; }

    /// <summary>Rule selectors to drop.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludeRule { get; set; }

    /// <summary>Path globs (relative to the target) to leave out.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludePath { get; set; }

    /// <summary>Baseline file (from Export-DeployChecklistReport -Format Baseline) whose findings are suppressed.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? BaselinePath { get; set; }

    /// <summary>OSV vulnerability database for DC2014: a directory of OSV advisories or an export zip. Default: the
    /// option file's vulnerabilities.database, $env:DEPLOYCHECKS_VULN_DB, then the Update-VulnerabilityDatabase cache.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DatabasePath { get; set; }

    /// <summary>Stop with a terminating error when DC2014 would run without any vulnerability database.</summary>
    [Parameter]
    public SwitchParameter RequireVulnerabilityDatabase { get; set; }

    /// <summary>How many directories to check at the same time, in this process (default 1: one after the other, each
    /// report written as soon as it is done). With more, reports come out in the order the runs finish.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 1;

    private protected override int Throttle => ThrottleLimit;

    private protected override RunSettings CreateSettings()
    {
        var settings = base.CreateSettings();
        settings.VulnerabilityDatabase = DatabasePath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(DatabasePath);
        settings.RequireVulnerabilityDatabase = RequireVulnerabilityDatabase.IsPresent ? true : null;
        settings.Areas = Area;
        settings.RulesInclude = Rule;
        settings.RulesExclude = ExcludeRule;
        settings.PathsExclude = ExcludePath;
        settings.BaselinePath = BaselinePath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(BaselinePath);
        return settings;
    }

    private protected override void WriteReport(ChecklistReport report) => WriteObject(report);
}
