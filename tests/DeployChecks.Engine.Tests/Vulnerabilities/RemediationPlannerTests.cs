using System.Linq;
using DeployChecks.Engine.Tests.Support;
using DeployChecks.Engine.Vulnerabilities;

namespace DeployChecks.Engine.Tests.Vulnerabilities;

public class RemediationPlannerTests
{
    private static string Advisory(string id, string package, string ranges, string severity = "") =>
        $$"""{"id": "{{id}}", "summary": "{{id}} summary", {{severity}} "affected": [{"package": {"ecosystem": "PyPI", "name": "{{package}}"}, "ranges": [{{ranges}}]}]}""";

    private static string Range(params string[] events) =>
        """{"type": "ECOSYSTEM", "events": [""" + string.Join(", ", events) + "]}";

    private static RemediationPlanner Planner(TempTree tree) => new(new VulnerabilityMatcher(OsvDatabase.Load(tree.Root)));

    [Fact]
    public void Target_is_the_largest_per_advisory_smallest_fix()
    {
        using var tree = new TempTree();
        // Two branches fixed separately; the installed 3.2.17 needs 3.2.18 for A and 3.2.19 for B.
        tree.Write("A.json", Advisory("A", "Django", Range("""{"introduced": "0"}""", """{"fixed": "3.2.18"}""", """{"introduced": "4.0"}""", """{"fixed": "4.0.10"}""")));
        tree.Write("B.json", Advisory("B", "django", Range("""{"introduced": "3.0"}""", """{"fixed": "3.2.19"}""", """{"introduced": "4.0"}""", """{"fixed": "4.1.9"}"""),
            "\"severity\": [{\"type\": \"CVSS_V3\", \"score\": \"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}],"));
        tree.Write("C.json", Advisory("C", "flask", Range("""{"introduced": "0"}""", """{"fixed": "2.3.2"}""")));
        var plan = Planner(tree).Plan("Django", "3.2.17", "requirements.txt", 3)!;
        Assert.Equal("3.2.19", plan.TargetVersion);
        Assert.Equal(new[] { "A", "B" }, plan.Clears.OrderBy(x => x));
        Assert.Empty(plan.Unresolved);
        Assert.True(plan.IsComplete);
        Assert.False(plan.CrossesMajorVersion);
        Assert.Equal(Severity.Critical, plan.Severity);
        Assert.Equal(("requirements.txt", 3), (plan.Source, plan.Line));
        Assert.Equal("django", plan.NormalizedName);
        Assert.Equal(2, plan.Matches.Count);

        Assert.Null(Planner(tree).Plan("django", "3.2.19"));
        Assert.Null(Planner(tree).Plan("django", "not a version"));
    }

    [Fact]
    public void A_target_inside_another_advisorys_range_moves_up_until_clean()
    {
        using var tree = new TempTree();
        tree.Write("A.json", Advisory("A", "pkg", Range("""{"introduced": "0"}""", """{"fixed": "2.0.0"}""")));
        // 2.0.0 itself is affected by B (introduced in 2.0), fixed in 2.0.3, and 2.0.3 by C, fixed in 2.1.
        tree.Write("B.json", Advisory("B", "pkg", Range("""{"introduced": "2.0"}""", """{"fixed": "2.0.3"}""")));
        tree.Write("C.json", Advisory("C", "pkg", Range("""{"introduced": "2.0.3"}""", """{"fixed": "2.1"}""")));
        var plan = Planner(tree).Plan("pkg", "1.4")!;
        Assert.Equal("2.1", plan.TargetVersion);
        Assert.Equal(new[] { "A" }, plan.Clears);
        Assert.Empty(plan.Unresolved);
        Assert.True(plan.CrossesMajorVersion);
    }

    [Fact]
    public void Advisories_without_a_fix_are_reported_as_unresolved()
    {
        using var tree = new TempTree();
        tree.Write("A.json", Advisory("A", "pkg", Range("""{"introduced": "0"}""", """{"fixed": "1.5"}""")));
        tree.Write("N.json", Advisory("N", "pkg", Range("""{"introduced": "0"}""")));
        tree.Write("L.json", Advisory("L", "lonely", Range("""{"introduced": "0"}""", """{"last_affected": "9.0"}""")));
        var plan = Planner(tree).Plan("pkg", "1.0")!;
        Assert.Equal("1.5", plan.TargetVersion);
        Assert.Equal(new[] { "A" }, plan.Clears);
        Assert.Equal(new[] { "N" }, plan.Unresolved);
        Assert.False(plan.IsComplete);

        var none = Planner(tree).Plan("lonely", "2.0")!;
        Assert.Null(none.TargetVersion);
        Assert.Empty(none.Clears);
        Assert.Equal(new[] { "L" }, none.Unresolved);
        Assert.False(none.CrossesMajorVersion);
    }

    [Fact]
    public void Pathological_ranges_end()
    {
        using var tree = new TempTree();
        // Every fix is re-introduced at once: the planner must stop instead of chasing fixes forever.
        var events = Enumerable.Range(1, 200).SelectMany(i => new[] { $$"""{"introduced": "{{i}}.0"}""", $$"""{"fixed": "{{i}}.0.1"}""" });
        tree.Write("A.json", Advisory("A", "pkg", Range(new[] { """{"introduced": "0"}""" }.Concat(events).ToArray())));
        tree.Write("B.json", Advisory("B", "pkg", Range(Enumerable.Range(1, 200).SelectMany(i => new[] { $$"""{"introduced": "{{i}}.0.1"}""", $$"""{"fixed": "{{i + 1}}.0"}""" }).ToArray())));
        RemediationPlan? plan = null;
        HangGuard.MustFinish(() => plan = Planner(tree).Plan("pkg", "0.5"));
        Assert.NotNull(plan?.TargetVersion);
    }
}
