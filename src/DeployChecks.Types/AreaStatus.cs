namespace DeployChecks;

/// <summary>The state of a whole checklist area.</summary>
public enum AreaStatus
{
    /// <summary>No rule of this release covers the area: nothing was checked, which is not a pass.</summary>
    NotCovered = 0,
    /// <summary>Rules ran and none failed.</summary>
    Pass = 1,
    /// <summary>At least one check failed.</summary>
    Fail = 2,
    /// <summary>Rules exist but none applied to the target (or all were excluded).</summary>
    NotApplicable = 3,
    /// <summary>No check failed but at least one errored or could not run.</summary>
    Incomplete = 4,
}
