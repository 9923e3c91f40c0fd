using DeployChecks.Engine.Tests.Reporting;

namespace DeployChecks.Engine.Tests.Sbom;

/// <summary>A fact that needs the official CycloneDX 1.5 JSON schema (from <c>.ci/install-node-tools.sh</c>);
/// skipped, with the reason, where it is missing.</summary>
public sealed class RequiresCycloneDxSchemaFactAttribute : FactAttribute
{
    public RequiresCycloneDxSchemaFactAttribute()
    {
        string? reason = NodeTools.CycloneDxSchemaMissingReason();
        if (reason != null)
        {
            Skip = reason;
        }
    }
}
