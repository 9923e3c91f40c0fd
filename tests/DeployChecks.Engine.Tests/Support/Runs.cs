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
}
