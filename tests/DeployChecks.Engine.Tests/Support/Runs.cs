using System.Collections;
using System.Linq;
using DeployChecks.Engine.Hosting;
using DeployChecks.Engine.Options;
using DeployChecks.Engine.Running;

namespace DeployChecks.Engine.Tests.Support;

/// <summary>Whole runs of the real engine, isolated from the process environment.</summary>
public static class Runs
{
    public static ChecklistReport Check(string root, OptionOverrides? overrides = null, Hashtable? environment = null) =>
        CheckRunner.Run(new CheckRequest(root) { Environment = environment ?? new Hashtable(), Overrides = overrides }, NullHost.Instance);

    public static Finding[] Active(this ChecklistReport report, string ruleId) =>
        report.Findings.Where(f => f.RuleId == ruleId && !f.IsSuppressed).ToArray();

    public static CheckResult Check(this ChecklistReport report, string ruleId) =>
        report.Checks.Single(c => c.RuleId == ruleId);

    /// <summary>A rule's active findings ordered by path, then line.</summary>
    public static Finding[] Sorted(this ChecklistReport report, string ruleId) =>
        report.Active(ruleId).OrderBy(f => f.Path, System.StringComparer.Ordinal).ThenBy(f => f.Line).ToArray();

    /// <summary>No output format carries any of <paramref name="secrets"/> in full.</summary>
    public static void AssertNowhere(ChecklistReport report, params string[] secrets)
    {
        foreach (var format in new[] { DeployChecks.Engine.Reporting.ReportFormat.Json, DeployChecks.Engine.Reporting.ReportFormat.Sarif, DeployChecks.Engine.Reporting.ReportFormat.Text, DeployChecks.Engine.Reporting.ReportFormat.Markdown })
        {
            string text = DeployChecks.Engine.Reporting.ReportWriters.WriteToString(report, format);
            foreach (var s in secrets)
            {
                Xunit.Assert.DoesNotContain(s, text);
            }
        }
    }
}
