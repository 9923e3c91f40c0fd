using System.Collections.Generic;

namespace DeployChecks;

/// <summary>Counts for one checklist area.</summary>
public sealed class AreaSummary
{
    public CheckArea Area { get; set; }
    public string Title { get; set; } = "";
    public AreaStatus Status { get; set; }
    public int Checks { get; set; }
    public int Passed { get; set; }
    public int Failed { get; set; }
    public int NotApplicable { get; set; }
    public int Errors { get; set; }
    public int Suppressed { get; set; }
    public int NotRun { get; set; }

    /// <summary>Active (unsuppressed) findings by severity.</summary>
    public IDictionary<Severity, int> FindingsBySeverity { get; set; } = new SortedDictionary<Severity, int>();

    public int FindingCount
    {
        get
        {
            int n = 0;
            foreach (var kv in FindingsBySeverity)
            {
                n += kv.Value;
            }
            return n;
        }
    }

    /// <summary>Highest severity among active findings, or null when there are none.</summary>
    public Severity? HighestSeverity { get; set; }

    public override string ToString() => $"{Title}: {Status}";
}
