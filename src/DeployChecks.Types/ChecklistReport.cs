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

    /// <summary>True when the run was told that errors (unreadable inputs, checks that errored) do not fail the
    /// <see cref="FailOn"/> gate; by default they do, so a gate cannot pass because something could not be checked.</summary>
    public bool IgnoreErrors { get; set; }

    /// <summary>The vulnerability database DC2014 used (path, kind, advisory count, data date); null when none was read.</summary>
    public VulnerabilityDatabaseUsed? VulnerabilityDatabase { get; set; }

    /// <summary>Problems with inputs (<see cref="ReportMessage.IsError"/>), notices left out.</summary>
    public int ErrorCount
    {
        get
        {
            int n = 0;
            foreach (var e in Errors)
            {
                if (e.IsError)
                {
                    n++;
                }
            }
            return n;
        }
    }

    /// <summary>Checks whose outcome is <see cref="CheckOutcome.Error"/>.</summary>
    public int ErroredCheckCount
    {
        get
        {
            int n = 0;
            foreach (var c in Checks)
            {
                if (c.Outcome == CheckOutcome.Error)
                {
                    n++;
                }
            }
            return n;
        }
    }

    /// <summary>True when something could not be checked: an input error or a check that errored.</summary>
    public bool HasErrors => ErrorCount > 0 || ErroredCheckCount > 0;

    /// <summary>True when no selected rule found anything to read: every check is NotApplicable (an empty directory,
    /// a wrong path, a target that is not an application). The cmdlets and the CLI treat this as an error unless
    /// told to allow empty targets.</summary>
    public bool NothingToCheck
    {
        get
        {
            foreach (var c in Checks)
            {
                if (c.Outcome != CheckOutcome.NotApplicable)
                {
                    return false;
                }
            }
            return true;
        }
    }

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

    /// <summary>True when <see cref="FailOn"/> is set and an active finding reaches it, or something could not be
    /// checked (<see cref="HasErrors"/>) and <see cref="IgnoreErrors"/> is off.</summary>
    public bool FailOnTripped => FailOn.HasValue && (CountAtOrAbove(FailOn.Value) > 0 || GateCountsErrors);

    /// <summary>True when errors trip the <see cref="FailOn"/> gate of this report.</summary>
    public bool GateCountsErrors => FailOn.HasValue && !IgnoreErrors && HasErrors;

    /// <summary>The checklist as plain text, as the console views and the CLI show it (80 columns, no colour).</summary>
    public string ToChecklistText(bool unicode = true) => ChecklistTextRenderer.Render(this, unicode);

    /// <summary>The checklist text laid out as <paramref name="options"/> say (width, glyphs, colour).</summary>
    public string ToChecklistText(ChecklistTextOptions options) => ChecklistTextRenderer.Render(this, options);

    /// <summary>The checklist text for a console of <paramref name="width"/> columns, with ANSI colours when
    /// <paramref name="color"/> (what the PowerShell view calls).</summary>
    public string ToChecklistText(bool unicode, bool color, int width) =>
        ChecklistTextRenderer.Render(this, new ChecklistTextOptions { Unicode = unicode, Color = color, Width = width });

    /// <summary>"gate failed: 2 finding(s) at or above high, 1 error(s): not everything could be checked", "gate passed:
    /// nothing at or above high", or "no gate".</summary>
    public string DescribeGate()
    {
        if (!FailOn.HasValue)
        {
            return "no gate";
        }
        string threshold = FailOn.Value.ToString().ToLowerInvariant();
        if (!FailOnTripped)
        {
            return HasErrors && IgnoreErrors
                ? $"gate passed: nothing at or above {threshold} (errors ignored)"
                : $"gate passed: nothing at or above {threshold}";
        }
        var parts = new List<string>();
        int findings = CountAtOrAbove(FailOn.Value);
        if (findings > 0)
        {
            parts.Add(findings.ToString(System.Globalization.CultureInfo.InvariantCulture) + $" finding(s) at or above {threshold}");
        }
        if (GateCountsErrors)
        {
            parts.Add((ErrorCount + ErroredCheckCount).ToString(System.Globalization.CultureInfo.InvariantCulture) + " error(s): not everything could be checked");
        }
        return "gate failed: " + string.Join(", ", parts);
    }

    public override string ToString() => $"{Target}: {Checks.Count} checks, {Findings.Count} findings";
}
