namespace DeployChecks.Engine.Hosting;

/// <summary>How the front end that drives a run names its commands and parameters, so a message tells a CLI user
/// about <c>--vuln-db</c> and a PowerShell user about <c>-DatabasePath</c>, never the other's spelling.</summary>
public sealed class FrontEndNames
{
    /// <summary>The cmdlets' names (the engine's default).</summary>
    public static FrontEndNames PowerShell { get; } = new()
    {
        VulnerabilityDatabaseParameter = "-DatabasePath",
        UpdateVulnerabilityDatabaseCommand = "Update-VulnerabilityDatabase",
        RequireVulnerabilityDatabaseParameter = "-RequireVulnerabilityDatabase",
        FailOnParameter = "-FailOn",
        IgnoreErrorsParameter = "-IgnoreErrors",
        AllowEmptyParameter = "-AllowEmpty",
        OptionPathParameter = "-OptionPath",
        BaselineParameter = "-BaselinePath",
    };

    /// <summary>The <c>deploychecks</c> tool's names.</summary>
    public static FrontEndNames Cli { get; } = new()
    {
        VulnerabilityDatabaseParameter = "--vuln-db",
        UpdateVulnerabilityDatabaseCommand = "deploychecks update-vuln-db",
        RequireVulnerabilityDatabaseParameter = "--require-vuln-db",
        FailOnParameter = "--fail-on",
        IgnoreErrorsParameter = "--ignore-errors",
        AllowEmptyParameter = "--allow-empty",
        OptionPathParameter = "--options",
        BaselineParameter = "--baseline",
    };

    public string VulnerabilityDatabaseParameter { get; private init; } = "";
    public string UpdateVulnerabilityDatabaseCommand { get; private init; } = "";
    public string RequireVulnerabilityDatabaseParameter { get; private init; } = "";
    public string FailOnParameter { get; private init; } = "";
    public string IgnoreErrorsParameter { get; private init; } = "";
    public string AllowEmptyParameter { get; private init; } = "";
    public string OptionPathParameter { get; private init; } = "";
    public string BaselineParameter { get; private init; } = "";
}
