using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace DeployChecks.Engine.Reporting;

/// <summary>Names, orderings and totals shared by the report writers, so every format says the same thing.</summary>
public static class ReportFacts
{
    /// <summary>Severities from the most to the least severe.</summary>
    public static IReadOnlyList<Severity> SeveritiesDescending { get; } =
        new[] { Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Info };

    public static string SeverityName(Severity severity) => severity.ToString().ToLowerInvariant();

    /// <summary><c>NotApplicable</c> → <c>notApplicable</c>.</summary>
    public static string CamelCase(string name) =>
        string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

    public static string OutcomeName(CheckOutcome outcome) => CamelCase(outcome.ToString());

    public static string StatusName(AreaStatus status) => CamelCase(status.ToString());

    public static string AreaName(CheckArea area) => CamelCase(area.ToString());

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Seconds with millisecond precision, as JUnit wants them.</summary>
    public static string Seconds(TimeSpan duration) =>
        Math.Max(0, duration.TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset time) => time.ToString("o", CultureInfo.InvariantCulture);

    /// <summary>Count of checks with the given outcome.</summary>
    public static int CountOutcome(ChecklistReport report, CheckOutcome outcome) =>
        report.Checks.Count(c => c.Outcome == outcome);

    /// <summary>Active findings by severity over the whole report (every severity present, zero or not).</summary>
    public static IDictionary<Severity, int> ActiveBySeverity(IEnumerable<Finding> findings)
    {
        var counts = new SortedDictionary<Severity, int>();
        foreach (var s in SeveritiesDescending)
        {
            counts[s] = 0;
        }
        foreach (var f in findings)
        {
            if (!f.IsSuppressed)
            {
                counts[f.Severity]++;
            }
        }
        return counts;
    }

    public static int SuppressedCount(ChecklistReport report) => report.Findings.Count(f => f.IsSuppressed);

    public static OverallVerdict Verdict(ChecklistReport report)
    {
        if (report.FailOn.HasValue)
        {
            if (report.FailOnTripped)
            {
                return OverallVerdict.Failed; // findings at the threshold, or errors the gate counts
            }
        }
        else if (report.Checks.Any(c => c.Outcome == CheckOutcome.Fail))
        {
            return OverallVerdict.Failed;
        }
        if (report.Checks.Any(c => c.Outcome == CheckOutcome.Error || c.Outcome == CheckOutcome.NotRun) ||
            report.Errors.Any(e => e.IsError))
        {
            return OverallVerdict.Incomplete;
        }
        return OverallVerdict.Passed;
    }

    /// <summary>Display word for a verdict: "Passed", "Failed", "Incomplete".</summary>
    public static string VerdictTitle(OverallVerdict verdict) => verdict.ToString();

    /// <summary>One line backing the verdict, e.g. "2 of 7 checks failed, 3 findings (1 high, 2 medium); gate failed: …".</summary>
    public static string DescribeVerdict(ChecklistReport report)
    {
        int failed = CountOutcome(report, CheckOutcome.Fail);
        int incomplete = report.Checks.Count(c => c.Outcome == CheckOutcome.Error || c.Outcome == CheckOutcome.NotRun);
        int errors = report.Errors.Count(e => e.IsError);
        string findings = ChecklistTextRenderer.DescribeCounts(ActiveBySeverity(report.Findings));
        var sb = new System.Text.StringBuilder();
        sb.Append(Number(failed)).Append(" of ").Append(Number(report.Checks.Count)).Append(" checks failed, ").Append(findings);
        if (incomplete > 0)
        {
            sb.Append("; ").Append(Number(incomplete)).Append(incomplete == 1 ? " check" : " checks").Append(" errored or did not run");
        }
        if (errors > 0)
        {
            sb.Append("; ").Append(Number(errors)).Append(errors == 1 ? " input error" : " input errors");
        }
        if (report.FailOn.HasValue)
        {
            sb.Append("; ").Append(DescribeGate(report));
        }
        return sb.ToString();
    }

    /// <summary>The gate's verdict in words (see <see cref="ChecklistReport.DescribeGate"/>).</summary>
    public static string DescribeGate(ChecklistReport report) => report.DescribeGate();

    /// <summary>Findings in the order every writer lists them: severity (high first), path, line, column, rule, fingerprint.</summary>
    public static IReadOnlyList<Finding> Ordered(IEnumerable<Finding> findings) =>
        findings.OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Fingerprint, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<CheckResult> OrderedChecks(ChecklistReport report) =>
        report.Checks.OrderBy(c => (int)c.Area).ThenBy(c => c.RuleId, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<RuleInfo> OrderedRules(ChecklistReport report) =>
        report.Rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<ReportMessage> OrderedErrors(ChecklistReport report) =>
        report.Errors.OrderBy(e => e.IsError ? 0 : 1)
            .ThenBy(e => e.Path ?? "", StringComparer.Ordinal)
            .ThenBy(e => e.Line)
            .ThenBy(e => e.ErrorId, StringComparer.Ordinal)
            .ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToList();

    /// <summary>True when the rule is about security (security area, a CWE, or a security/secrets tag).</summary>
    public static bool IsSecurityRelated(RuleInfo rule) =>
        rule.Area == CheckArea.Security || rule.Cwe.Count > 0 ||
        rule.Tags.Any(t => t.Equals("security", StringComparison.OrdinalIgnoreCase) || t.Equals("secrets", StringComparison.OrdinalIgnoreCase));

    /// <summary>The fix to show once for a check: the findings' remediation when they all share it, else null (a rule
    /// with per-finding fixes, such as DC2014's "upgrade X to Y", must not show one finding's fix for all).</summary>
    public static string? CommonRemediation(IEnumerable<Finding> findings)
    {
        string? common = null;
        foreach (var f in findings)
        {
            if (string.IsNullOrWhiteSpace(f.Remediation))
            {
                continue;
            }
            if (common == null)
            {
                common = f.Remediation;
            }
            else if (!string.Equals(common, f.Remediation, System.StringComparison.Ordinal))
            {
                return null;
            }
        }
        return common;
    }
}
