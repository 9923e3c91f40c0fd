namespace DeployChecks;

/// <summary>The outcome of one checklist item.</summary>
public enum CheckOutcome
{
    /// <summary>The check ran on relevant input and found nothing.</summary>
    Pass = 0,
    /// <summary>The check found at least one unsuppressed problem.</summary>
    Fail = 1,
    /// <summary>Nothing in the target is of the kind this check reads.</summary>
    NotApplicable = 2,
    /// <summary>The check itself failed; see the report's errors.</summary>
    Error = 3,
    /// <summary>The check found problems, all of them suppressed.</summary>
    Suppressed = 4,
    /// <summary>The check could not run (for example, no vulnerability database is available).</summary>
    NotRun = 5,
}
