using System.IO;
using System.Linq;
using DeployChecks.Engine.Dependencies.Versioning;

namespace DeployChecks.Engine.Tests.Dependencies.Versioning;

/// <summary>Differential checks against outputs recorded from the Python <c>packaging</c> library.</summary>
public sealed class GeneratedVersionTests
{
    private static string[] Rows(string name) =>
        File.ReadAllLines(Path.Combine(System.AppContext.BaseDirectory, "Fixtures", "dependencies", "versioning", name))
            .Where(l => l.Length > 0 && !l.StartsWith("#", System.StringComparison.Ordinal))
            .ToArray();

    [Fact]
    public void Parses_and_normalises_4000_generated_strings_like_packaging()
    {
        var failures = new System.Collections.Generic.List<string>();
        foreach (string row in Rows("generated-versions.txt"))
        {
            int bar = row.LastIndexOf('|');
            string input = row.Substring(0, bar);
            string expected = row.Substring(bar + 1);
            string actual = Pep440Version.TryParse(input, out var v) ? v!.ToString() : "INVALID";
            if (actual != expected)
            {
                failures.Add($"'{input}': expected {expected}, got {actual}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Orders_3000_generated_pairs_like_packaging()
    {
        var failures = new System.Collections.Generic.List<string>();
        foreach (string row in Rows("generated-comparisons.txt"))
        {
            var p = row.Split('|');
            int actual = System.Math.Sign(Pep440Version.Parse(p[0]).CompareTo(Pep440Version.Parse(p[1])));
            if (actual != int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture))
            {
                failures.Add($"{p[0]} vs {p[1]}: expected {p[2]}, got {actual}");
            }
            if (actual == 0 && Pep440Version.Parse(p[0]).GetHashCode() != Pep440Version.Parse(p[1]).GetHashCode())
            {
                failures.Add($"{p[0]} == {p[1]} but hashes differ");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Matches_6000_generated_specifier_cases_like_packaging()
    {
        var failures = new System.Collections.Generic.List<string>();
        foreach (string row in Rows("generated-specifiers.txt"))
        {
            var p = row.Split('|');
            bool expected = p[2] == "T";
            bool actual = Pep440Specifier.Parse(p[1], prereleases: true).Contains(p[0]);
            if (actual != expected)
            {
                failures.Add($"{p[0]} in {p[1]}: expected {expected}, got {actual}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }
}
