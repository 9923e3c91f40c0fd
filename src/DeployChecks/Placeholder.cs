namespace DeployChecks;

internal static class ModuleInfo
{
    public const string Name = "DeployChecks";
}
