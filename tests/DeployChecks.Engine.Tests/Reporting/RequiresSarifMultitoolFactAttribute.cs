namespace DeployChecks.Engine.Tests.Reporting;

/// <summary>A fact that needs <c>sarif-multitool</c> (from <c>.ci/install-node-tools.sh</c>, linux-x64 only);
/// skipped, with the reason, where it is missing.</summary>
public sealed class RequiresSarifMultitoolFactAttribute : FactAttribute
{
    public RequiresSarifMultitoolFactAttribute()
    {
        string? reason = NodeTools.MultitoolMissingReason();
        if (reason != null)
        {
            Skip = reason;
        }
    }
}
