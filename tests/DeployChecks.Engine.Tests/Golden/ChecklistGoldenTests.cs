using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DeployChecks.Engine.Options;
using DeployChecks.Engine.Rules;
using DeployChecks.Engine.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DeployChecks.Engine.Tests.Golden;

/// <summary>
/// Behaviour preservation across refactorings: the full checklist over every rule fixture directory and every
/// bundled example, compared with <c>Golden/checklist.golden.json</c> (outcomes, reasons, findings with message,
/// evidence, line, column, severity and fingerprint, and the run's errors; no timings). Rules added after the golden
/// file was written are ignored (their own fixtures prove them); every rule the file knows must give the same results.
/// Regenerate only for a deliberate change, and list it: <c>DEPLOYCHECKS_UPDATE_GOLDEN=1 dotnet test --filter
/// FullyQualifiedName~ChecklistGoldenTests</c>.
/// </summary>
public class ChecklistGoldenTests
{
    private static readonly OptionOverrides FixtureDay = new() { Today = new DateTime(2026, 11, 24) };

    private static string GoldenPath => Path.Combine(Paths.RepoRoot, "tests", "DeployChecks.Engine.Tests", "Golden", "checklist.golden.json");

    /// <summary>Every rule fixture directory (rules/DCnnnn/violating|clean) and every example, by a stable name.</summary>
    private static IEnumerable<(string Name, string Directory, bool Fixture)> Targets()
    {
        foreach (var rule in Directory.GetDirectories(Path.Combine(Paths.Fixtures, "rules")).OrderBy(d => d, StringComparer.Ordinal))
        {
            foreach (var kind in new[] { "clean", "violating" })
            {
                string dir = Path.Combine(rule, kind);
                if (Directory.Exists(dir))
                {
                    yield return ("rules/" + Path.GetFileName(rule) + "/" + kind, dir, true);
                }
            }
        }
        foreach (var example in Directory.GetDirectories(Path.Combine(Paths.RepoRoot, "examples")).OrderBy(d => d, StringComparer.Ordinal))
        {
            yield return ("examples/" + Path.GetFileName(example), example, false);
        }
    }

    [Fact]
    public void Checklist_over_fixtures_and_examples_matches_the_golden_file()
    {
        var actual = new JObject();
        foreach (var (name, dir, fixture) in Targets())
        {
            actual[name] = Capture(dir, fixture);
        }
        if (Environment.GetEnvironmentVariable("DEPLOYCHECKS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(GoldenPath, actual.ToString(Formatting.Indented) + "\n");
            return;
        }
        Assert.True(File.Exists(GoldenPath), "golden file missing: " + GoldenPath);
        var golden = JObject.Parse(File.ReadAllText(GoldenPath));
        var known = new HashSet<string>(golden.Properties()
            .SelectMany(p => ((JObject)p.Value)["checks"]!.Select(c => (string)c["rule"]!)), StringComparer.Ordinal);
        var differences = new List<string>();
        foreach (var target in golden.Properties())
        {
            if (actual[target.Name] is not JObject now)
            {
                differences.Add($"{target.Name}: target gone");
                continue;
            }
            Compare(target.Name, (JObject)target.Value, Restrict(now, known), differences);
        }
        Assert.True(differences.Count == 0, "checklist differs from the golden file (deliberate? regenerate and list the change):\n" +
            string.Join("\n", differences.Take(60)) + (differences.Count > 60 ? $"\n… and {differences.Count - 60} more" : ""));
    }

    /// <summary>The checks and findings of rules the golden file knows. Errors: every golden error must still be
    /// raised (by any rule: which rule meets a shared broken file first is thread timing); a new error counts unless a
    /// rule newer than the golden file raised it.</summary>
    private static JObject Restrict(JObject run, HashSet<string> known) => new()
    {
        ["checks"] = new JArray(run["checks"]!.Where(c => known.Contains((string)c["rule"]!))),
        ["findings"] = new JArray(run["findings"]!.Where(f => known.Contains((string)f["rule"]!))),
        ["errors"] = new JArray(run["errors"]!.Select(Strip)),
        ["coreErrors"] = new JArray(run["errors"]!.Where(e => e["raisedBy"] is not { Type: JTokenType.String } r || known.Contains((string)r!)).Select(Strip)),
    };

    private static JObject Strip(JToken e)
    {
        var copy = (JObject)e.DeepClone();
        copy.Remove("raisedBy");
        return copy;
    }

    private static void Compare(string target, JObject expected, JObject actual, List<string> differences)
    {
        foreach (var section in new[] { "checks", "findings", "errors" })
        {
            var want = expected[section]!.Select(t => t is JObject o ? Strip(o).ToString(Formatting.None) : t.ToString(Formatting.None)).ToList();
            var have = actual[section]!.Select(t => t.ToString(Formatting.None)).ToList();
            var haveNew = section == "errors" ? actual["coreErrors"]!.Select(t => t.ToString(Formatting.None)).ToList() : have;
            foreach (var missing in want.Except(have))
            {
                differences.Add($"{target} {section} lost: {missing}");
            }
            foreach (var extra in haveNew.Except(want))
            {
                differences.Add($"{target} {section} new:  {extra}");
            }
        }
    }

    private static JObject Capture(string directory, bool fixture)
    {
        using var tree = fixture ? TempTree.FromFixture(directory) : CopyOf(directory);
        var report = Runs.Check(tree.Root, FixtureDay);
        string Clean(string? s) => (s ?? "").Replace(tree.Root, "<root>");
        return new JObject
        {
            ["checks"] = new JArray(report.Checks.OrderBy(c => c.RuleId, StringComparer.Ordinal).Select(c => new JObject
            {
                ["rule"] = c.RuleId,
                ["outcome"] = c.Outcome.ToString(),
                ["reason"] = Clean(c.Reason),
            })),
            ["findings"] = new JArray(report.Findings
                .OrderBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column)
                .ThenBy(f => f.Message, StringComparer.Ordinal)
                .Select(f => new JObject
                {
                    ["rule"] = f.RuleId,
                    ["path"] = f.Path,
                    ["line"] = f.Line,
                    ["column"] = f.Column,
                    ["severity"] = f.Severity.ToString(),
                    ["message"] = Clean(f.Message),
                    ["evidence"] = Clean(f.Evidence),
                    ["remediation"] = Clean(f.Remediation),
                    ["fingerprint"] = f.Fingerprint,
                    ["suppression"] = f.Suppression,
                })),
            // Errors are de-duplicated by ID, file and line; which rule met one first depends on thread timing, so
            // the rule is kept only to filter out errors of rules newer than the golden file.
            ["errors"] = new JArray(report.Errors
                .OrderBy(e => e.Path ?? "", StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.ErrorId, StringComparer.Ordinal)
                .ThenBy(e => e.Message, StringComparer.Ordinal)
                .Select(e => new JObject
                {
                    ["id"] = e.ErrorId,
                    ["path"] = e.Path,
                    ["line"] = e.Line,
                    ["message"] = Clean(e.Message),
                    ["raisedBy"] = RuleRegistry.All.Any(r => r.Descriptor.Id == e.RuleId) && !IsCoreRule(e.RuleId) ? e.RuleId : null,
                })),
        };
    }

    /// <summary>Rules of the areas the golden file was written with (DC1xxx, DC2xxx): their errors are always compared.</summary>
    private static bool IsCoreRule(string? ruleId) => ruleId != null && (ruleId.StartsWith("DC1", StringComparison.Ordinal) || ruleId.StartsWith("DC2", StringComparison.Ordinal));

    private static TempTree CopyOf(string directory)
    {
        var tree = new TempTree();
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(tree.Root, Path.GetRelativePath(directory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return tree;
    }
}
