namespace DeployChecks.Engine.Tests.Reporting;

/// <summary>A fact that needs the official <c>sarif-2.1.0.json</c> (from <c>.ci/install-node-tools.sh</c>) but not
/// node; skipped, with the reason, where it is missing.</summary>
public sealed class RequiresSarifSchemaFactAttribute : FactAttribute
{
    public RequiresSarifSchemaFactAttribute()
    {
        string? reason = NodeTools.SchemaMissingReason();
        if (reason != null)
        {
            Skip = reason;
        }
    }
}
