using System;
using System.Collections.Generic;

namespace DeployChecks;

/// <summary>One checklist item (one rule) and how the target fared on it.</summary>
public sealed class CheckResult
{
    public string RuleId { get; set; } = "";
    public string RuleName { get; set; } = "";
    public string Title { get; set; } = "";
    public CheckArea Area { get; set; }

    /// <summary>Effective severity of the rule (after overrides).</summary>
    public Severity Severity { get; set; }

    public CheckOutcome Outcome { get; set; }

    /// <summary>Why the check did not apply, could not run, or errored; null on Pass/Fail.</summary>
    public string? Reason { get; set; }

    /// <summary>All findings of this check, suppressed ones included (see <see cref="Finding.Suppression"/>).</summary>
    public IReadOnlyList<Finding> Findings { get; set; } = new Finding[0];

    public TimeSpan Duration { get; set; }

    public int ActiveFindingCount
    {
        get
        {
            int n = 0;
            foreach (var f in Findings)
            {
                if (!f.IsSuppressed)
                {
                    n++;
                }
            }
            return n;
        }
    }

    public override string ToString() => $"{RuleId} {Outcome} {Title}";
}
