using System.Management.Automation;

namespace DeployChecks.Loading;

/// <summary>Runs when the module is imported: sets up the isolated loading of the engine and its third-party
/// dependencies (see <see cref="DependencyLoader"/>) before any cmdlet touches them.</summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    public void OnImport() => DependencyLoader.Install();
}
