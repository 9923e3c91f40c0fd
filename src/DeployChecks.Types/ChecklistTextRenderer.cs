using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DeployChecks;

/// <summary>Renders a <see cref="ChecklistReport"/> as the on-screen checklist (shared by the PowerShell
/// view and the CLI's text output, so both read the same).</summary>
public static class ChecklistTextRenderer
{
    private const int MaxFindingsPerCheck = 10;

    public static string Glyph(CheckOutcome outcome, bool unicode) => outcome switch
    {
        CheckOutcome.Pass => unicode ? "✓" : "[ok]",
        CheckOutcome.Fail => unicode ? "✗" : "[FAIL]",
        CheckOutcome.NotApplicable => unicode ? "–" : "[n/a]",
        CheckOutcome.Error => unicode ? "!" : "[ERR]",
        CheckOutcome.Suppressed => unicode ? "~" : "[supp]",
        CheckOutcome.NotRun => unicode ? "?" : "[not run]",
        _ => "?",
    };

    public static string Glyph(AreaStatus status, bool unicode) => status switch
    {
        AreaStatus.Pass => unicode ? "✓" : "[ok]",
        AreaStatus.Fail => unicode ? "✗" : "[FAIL]",
        AreaStatus.NotApplicable => unicode ? "–" : "[n/a]",
        AreaStatus.Incomplete => unicode ? "!" : "[!]",
        _ => unicode ? "·" : "[ ]",
    };

    public static string Describe(AreaStatus status) => status switch
    {
        AreaStatus.NotCovered => "not covered",
        AreaStatus.NotApplicable => "not applicable",
        AreaStatus.Incomplete => "incomplete",
        AreaStatus.Pass => "pass",
        AreaStatus.Fail => "fail",
        _ => status.ToString(),
    };

    /// <summary>"3 findings (1 critical, 2 high)".</summary>
    public static string DescribeCounts(IDictionary<Severity, int> bySeverity)
    {
        int total = 0;
        var parts = new List<string>();
        for (var s = Severity.Critical; s >= Severity.Info; s--)
        {
            if (bySeverity.TryGetValue(s, out int n) && n > 0)
            {
                total += n;
                parts.Add(n.ToString(CultureInfo.InvariantCulture) + " " + s.ToString().ToLowerInvariant());
            }
        }
        if (total == 0)
        {
            return "no findings";
        }
        return total.ToString(CultureInfo.InvariantCulture) + (total == 1 ? " finding (" : " findings (") + string.Join(", ", parts) + ")";
    }

    public static string Render(ChecklistReport report, bool unicode)
    {
        if (report == null)
        {
            throw new ArgumentNullException(nameof(report));
        }
        var sb = new StringBuilder();
        sb.Append("DeployChecks ").Append(report.ToolVersion).Append(unicode ? " — " : " - ").Append(report.Target)
          .Append(" (").Append(report.FilesScanned.ToString(CultureInfo.InvariantCulture)).Append(" files, ")
          .Append(((long)report.Duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)).Append(" ms)").Append('\n');

        var checksByArea = new Dictionary<CheckArea, List<CheckResult>>();
        foreach (var c in report.Checks)
        {
            if (!checksByArea.TryGetValue(c.Area, out var list))
            {
                checksByArea[c.Area] = list = new List<CheckResult>();
            }
            list.Add(c);
        }

        int titleWidth = 20;
        foreach (var c in report.Checks)
        {
            titleWidth = Math.Max(titleWidth, c.Title.Length);
        }
        titleWidth = Math.Min(titleWidth, 64);

        bool previousHadChecks = true;
        foreach (var area in report.Areas)
        {
            checksByArea.TryGetValue(area.Area, out var checks);
            bool hasChecks = checks != null && checks.Count > 0;
            if (hasChecks || previousHadChecks)
            {
                sb.Append('\n');
            }
            previousHadChecks = hasChecks;
            string head = Glyph(area.Status, unicode) + " " + area.Title;
            sb.Append(head.PadRight(32)).Append(' ').Append(Describe(area.Status));
            if (area.FindingCount > 0)
            {
                sb.Append(", ").Append(DescribeCounts(area.FindingsBySeverity));
            }
            sb.Append('\n');
            if (!hasChecks)
            {
                continue;
            }
            foreach (var c in checks!)
            {
                sb.Append("  ").Append(Glyph(c.Outcome, unicode)).Append(' ').Append(c.RuleId).Append("  ")
                  .Append(c.Title.PadRight(titleWidth)).Append("  ").Append(c.Severity.ToString().ToLowerInvariant());
                if (c.Reason != null && c.Outcome != CheckOutcome.Pass && c.Outcome != CheckOutcome.Fail)
                {
                    sb.Append(unicode ? " — " : " - ").Append(c.Reason);
                }
                sb.Append('\n');
                int shown = 0;
                foreach (var f in c.Findings)
                {
                    if (f.IsSuppressed)
                    {
                        continue;
                    }
                    if (shown++ == MaxFindingsPerCheck)
                    {
                        sb.Append(unicode ? "      … " : "      ... ").Append((c.ActiveFindingCount - MaxFindingsPerCheck).ToString(CultureInfo.InvariantCulture)).Append(" more\n");
                        break;
                    }
                    sb.Append("      ").Append(f.Severity.ToString().ToLowerInvariant().PadRight(8)).Append(' ')
                      .Append(f.Location).Append("  ").Append(f.Message).Append('\n');
                }
            }
        }

        if (report.Errors.Count > 0)
        {
            sb.Append("\nProblems reading the target:\n");
            foreach (var e in report.Errors)
            {
                sb.Append("  ").Append(e.IsError ? "error  " : "notice ").Append(e.ToString()).Append('\n');
            }
        }

        int pass = 0, fail = 0, na = 0, err = 0, supp = 0, notRun = 0, notCovered = 0;
        foreach (var c in report.Checks)
        {
            switch (c.Outcome)
            {
                case CheckOutcome.Pass: pass++; break;
                case CheckOutcome.Fail: fail++; break;
                case CheckOutcome.NotApplicable: na++; break;
                case CheckOutcome.Error: err++; break;
                case CheckOutcome.Suppressed: supp++; break;
                case CheckOutcome.NotRun: notRun++; break;
            }
        }
        var all = new SortedDictionary<Severity, int>();
        foreach (var f in report.Findings)
        {
            if (!f.IsSuppressed)
            {
                all.TryGetValue(f.Severity, out int n);
                all[f.Severity] = n + 1;
            }
        }
        foreach (var a in report.Areas)
        {
            if (a.Status == AreaStatus.NotCovered)
            {
                notCovered++;
            }
        }
        sb.Append('\n').Append("Summary: ").Append(fail).Append(" failed, ").Append(pass).Append(" passed, ")
          .Append(na).Append(" not applicable");
        if (supp > 0) { sb.Append(", ").Append(supp).Append(" suppressed"); }
        if (err > 0) { sb.Append(", ").Append(err).Append(" errored"); }
        if (notRun > 0) { sb.Append(", ").Append(notRun).Append(" not run"); }
        sb.Append("; ").Append(DescribeCounts(all));
        if (notCovered > 0)
        {
            sb.Append("; ").Append(notCovered).Append(notCovered == 1 ? " area" : " areas").Append(" not covered yet");
        }
        sb.Append('\n');
        if (report.FailOn.HasValue)
        {
            int n = report.CountAtOrAbove(report.FailOn.Value);
            sb.Append(n > 0
                ? $"Gate: FAILED, {n} finding(s) at or above {report.FailOn.Value}\n"
                : $"Gate: passed, nothing at or above {report.FailOn.Value}\n");
        }
        return sb.ToString();
    }
}
