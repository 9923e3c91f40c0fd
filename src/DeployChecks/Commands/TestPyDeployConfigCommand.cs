using System.Management.Automation;

namespace DeployChecks.Commands;

/// <summary>Test-PyDeployConfig: runs only the Configuration area (env files, settings) and writes its findings.</summary>
[Cmdlet(VerbsDiagnostic.Test, "PyDeployConfig", DefaultParameterSetName = PathParameterSet)]
[OutputType(typeof(Finding))]
public sealed class TestPyDeployConfigCommand : AreaTestCommandBase
{
    private protected override CheckArea Area => CheckArea.Configuration;
}
