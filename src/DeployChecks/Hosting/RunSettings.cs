using System.Collections.Generic;

namespace DeployChecks.Hosting;

/// <summary>What a cmdlet collected from its parameters for one run, in plain types (no engine types, so the
/// cmdlet classes can hold it before the engine is loaded). Null = not given.</summary>
internal sealed class RunSettings
{
    public string? OptionPath { get; set; }
    public string? BaselinePath { get; set; }
    public IReadOnlyList<string>? RulesInclude { get; set; }
    public IReadOnlyList<string>? RulesExclude { get; set; }
    public IReadOnlyList<CheckArea>? Areas { get; set; }
    public IReadOnlyList<string>? PathsExclude { get; set; }
    public Severity? FailOn { get; set; }
    public bool? IgnoreErrors { get; set; }
    public bool? RequireVulnerabilityDatabase { get; set; }

    /// <summary>OSV vulnerability database for DC2014 (-DatabasePath), provider-resolved.</summary>
    public string? VulnerabilityDatabase { get; set; }
}
