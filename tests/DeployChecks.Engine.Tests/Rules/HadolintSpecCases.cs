using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Rules;

/// <summary>hadolint's specification cases (Fixtures/hadolint/spec-cases.txt), the data the DC3xxx parity test
/// measures agreement on, per DL rule, once the Dockerfile rules exist.</summary>
public static class HadolintSpecCases
{
    public sealed record Case(string Rule, bool Catches, string Dockerfile, int Line);

    public static IReadOnlyList<Case> Load()
    {
        var cases = new List<Case>();
        string path = Path.Combine(Paths.Fixtures, "hadolint", "spec-cases.txt");
        int n = 0;
        foreach (string line in File.ReadAllLines(path))
        {
            n++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var parts = line.Split(new[] { ' ' }, 3);
            if (parts.Length != 3 || !parts[0].StartsWith("DL", StringComparison.Ordinal) || parts[1] is not ("+" or "-"))
            {
                throw new FormatException($"spec-cases.txt:{n}: expected 'DLnnnn +|- DOCKERFILE'");
            }
            cases.Add(new Case(parts[0], parts[1] == "+", parts[2].Replace("\\n", "\n") + "\n", n));
        }
        return cases;
    }
}

public class HadolintSpecCaseTests
{
    [Fact]
    public void Spec_cases_load_and_each_rule_has_both_outcomes()
    {
        var cases = HadolintSpecCases.Load();
        Assert.True(cases.Count >= 90, "spec cases: " + cases.Count);
        foreach (var g in cases.GroupBy(c => c.Rule))
        {
            Assert.Contains(g, c => c.Catches);
            Assert.Contains(g, c => !c.Catches);
            Assert.Matches("^DL[34][0-9]{3}$", g.Key);
        }
        Assert.All(cases, c => Assert.DoesNotContain("\\n", c.Dockerfile));
    }
}
