namespace DeployChecks.Engine.Tests.Reporting;

/// <summary>A fact that needs node and the packages of <c>.ci/install-node-tools.sh</c>; skipped, with the
/// reason, where they are missing. CI installs them, so there it runs for real.</summary>
public sealed class RequiresNodeToolsFactAttribute : FactAttribute
{
    public RequiresNodeToolsFactAttribute()
    {
        string? reason = NodeTools.MissingReason();
        if (reason != null)
        {
            Skip = reason;
        }
    }
}
