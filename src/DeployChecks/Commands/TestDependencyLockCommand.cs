using System.Management.Automation;

namespace DeployChecks.Commands;

/// <summary>Test-DependencyLock: runs only the Dependencies area (DC2xxx: pins, hashes, stale locks, indexes, known
/// vulnerabilities) and writes its findings.</summary>
[Cmdlet(VerbsDiagnostic.Test, "DependencyLock", DefaultParameterSetName = PathParameterSet)]
[OutputType(typeof(Finding))]
public sealed class TestDependencyLockCommand : AreaTestCommandBase
{
    private protected override CheckArea Area => CheckArea.Dependencies;
}
