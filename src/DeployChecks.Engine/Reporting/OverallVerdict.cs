namespace DeployChecks.Engine.Reporting;

/// <summary>The one-word answer a report gives: may this deploy go ahead?</summary>
public enum OverallVerdict
{
    /// <summary>No check failed and nothing errored (or the fail-on gate was not reached).</summary>
    Passed = 0,
    /// <summary>A check failed (or, when a fail-on threshold is set, a finding reached it).</summary>
    Failed = 1,
    /// <summary>No check failed, but some errored or could not run, or inputs could not be read.</summary>
    Incomplete = 2,
}
