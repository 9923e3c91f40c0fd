using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Options;
using DeployChecks.Engine.Rules;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Rules;

/// <summary>Every rule fires on its violating fixture and stays silent on its clean one (the meta-test checks
/// that both exist for every rule).</summary>
public class RuleFixtureTests
{
    /// <summary>Fixtures are judged on a fixed date, so date-dependent rules (DC2013's end-of-life table) do not rot.</summary>
    private static readonly OptionOverrides FixtureDay = new() { Today = new System.DateTime(2026, 11, 24) };

    public static IEnumerable<object[]> RuleIds => RuleRegistry.All.Select(r => new object[] { r.Descriptor.Id });

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Violating_fixture_yields_findings(string ruleId)
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture(ruleId, "violating"));
        var report = Runs.Check(tree.Root, FixtureDay);
        var check = report.Check(ruleId);
        Assert.Equal(CheckOutcome.Fail, check.Outcome);
        Assert.NotEmpty(report.Active(ruleId));
        Assert.All(report.Active(ruleId), f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Message));
            Assert.False(string.IsNullOrEmpty(f.Path));
            Assert.DoesNotContain('\\', f.Path);
            Assert.Matches("^[0-9a-f]{32}$", f.Fingerprint);
            Assert.EndsWith(ruleId + ".md", f.HelpUri);
        });
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Clean_fixture_yields_no_findings(string ruleId)
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture(ruleId, "clean"));
        var report = Runs.Check(tree.Root, FixtureDay);
        Assert.Empty(report.Active(ruleId));
        Assert.Contains(report.Check(ruleId).Outcome, new[] { CheckOutcome.Pass, CheckOutcome.NotApplicable });
    }
}
