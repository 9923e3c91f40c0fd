using System;
using System.Collections.Generic;

namespace DeployChecks;

/// <summary>The whole checklist for one target: per-area summary, one result per checklist item, all findings.</summary>
public sealed class ChecklistReport
{
    /// <summary>Full path of the checked directory.</summary>
    public string Target { get; set; } = "";

    public string ToolVersion { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public TimeSpan Duration { get; set; }

    public int FilesScanned { get; set; }

    public IReadOnlyList<AreaSummary> Areas { get; set; } = new AreaSummary[0];

    public IReadOnlyList<CheckResult> Checks { get; set; } = new CheckResult[0];

    /// <summary>Every finding, suppressed ones included; filter on <see cref="Finding.IsSuppressed"/>.</summary>
    public IReadOnlyList<Finding> Findings { get; set; } = new Finding[0];

    /// <summary>Descriptors of the rules that ran.</summary>
    public IReadOnlyList<RuleInfo> Rules { get; set; } = new RuleInfo[0];

    /// <summary>Problems with inputs and notices about the run.</summary>
    public IReadOnlyList<ReportMessage> Errors { get; set; } = new ReportMessage[0];

    /// <summary>Severity threshold the run was asked to fail on, if any.</summary>
    public Severity? FailOn { get; set; }

    /// <summary>Active findings at or above <paramref name="threshold"/>.</summary>
    public int CountAtOrAbove(Severity threshold)
    {
        int n = 0;
        foreach (var f in Findings)
        {
            if (!f.IsSuppressed && f.Severity >= threshold)
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>True when <see cref="FailOn"/> is set and an active finding reaches it.</summary>
    public bool FailOnTripped => FailOn.HasValue && CountAtOrAbove(FailOn.Value) > 0;

    /// <summary>The checklist as plain text, as the console views and the CLI show it.</summary>
    public string ToChecklistText(bool unicode = true) => ChecklistTextRenderer.Render(this, unicode);

    public override string ToString() => $"{Target}: {Checks.Count} checks, {Findings.Count} findings";
}
