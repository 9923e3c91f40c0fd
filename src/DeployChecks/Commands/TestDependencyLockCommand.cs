using System.Management.Automation;
using DeployChecks.Hosting;

namespace DeployChecks.Commands;

/// <summary>Test-DependencyLock: runs only the Dependencies area (DC2xxx: pins, hashes, stale locks, indexes, known
/// vulnerabilities) and writes its findings.</summary>
[Cmdlet(VerbsDiagnostic.Test, "DependencyLock", DefaultParameterSetName = PathParameterSet)]
[OutputType(typeof(Finding))]
public sealed class TestDependencyLockCommand : AreaTestCommandBase
{
    private protected override CheckArea Area => CheckArea.Dependencies;

    /// <summary>OSV vulnerability database for DC2014 (known vulnerabilities): a directory of OSV advisories or an
    /// export zip. Default: the option file's vulnerabilities.database, $env:DEPLOYCHECKS_VULN_DB, then the
    /// Update-VulnerabilityDatabase cache.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DatabasePath { get; set; }

    /// <summary>Stop with a terminating error when DC2014 would run without any vulnerability database.</summary>
    [Parameter]
    public SwitchParameter RequireVulnerabilityDatabase { get; set; }

    private protected override RunSettings CreateSettings()
    {
        var settings = base.CreateSettings();
        settings.VulnerabilityDatabase = DatabasePath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(DatabasePath);
        settings.RequireVulnerabilityDatabase = RequireVulnerabilityDatabase.IsPresent ? true : null;
        return settings;
    }
}
