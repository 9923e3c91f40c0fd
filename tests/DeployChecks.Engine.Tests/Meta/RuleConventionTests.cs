using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DeployChecks.Engine.Rules;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Meta;

/// <summary>One rule = ID + descriptor + class + doc page + violating and clean fixtures + tests. These tests fail
/// when a rule lacks one of them.</summary>
public class RuleConventionTests
{
    [Fact]
    public void Every_rule_class_is_registered()
    {
        var registered = RuleRegistry.All.Select(r => r.GetType()).ToHashSet();
        var declared = typeof(Rule).Assembly.GetTypes().Where(t => typeof(Rule).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.NotEmpty(declared);
        Assert.All(declared, t => Assert.Contains(t, registered));
    }

    [Fact]
    public void Image_checks_have_doc_pages_and_ids_no_rule_uses()
    {
        var ruleIds = RuleRegistry.Descriptors.Select(d => d.Id).ToHashSet();
        foreach (var d in DeployChecks.Engine.Images.ImageChecks.All)
        {
            Assert.DoesNotContain(d.Id, ruleIds);
            string page = Path.Combine(Paths.RepoRoot, "docs", "rules", d.Id + ".md");
            Assert.True(File.Exists(page), $"missing docs/rules/{d.Id}.md");
            string text = File.ReadAllText(page);
            Assert.StartsWith($"# {d.Id}: {d.Name}", text);
            foreach (var e in d.Equivalents)
            {
                Assert.Contains(e, text);
            }
        }
    }

    [Fact]
    public void Ids_and_names_are_unique_and_well_formed()
    {
        var ds = RuleRegistry.Descriptors.Concat(DeployChecks.Engine.Images.ImageChecks.All).ToList();
        Assert.Equal(ds.Count, ds.Select(d => d.Id).Distinct().Count());
        Assert.Equal(ds.Count, ds.Select(d => d.Name).Distinct().Count());
        Assert.All(ds, d =>
        {
            Assert.Matches("^DC[1-9][0-9]{3}$", d.Id);
            Assert.Equal((int)d.Area, d.Id[2] - '0');
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", d.Name);
            Assert.False(string.IsNullOrWhiteSpace(d.Title));
            Assert.True(d.Rationale.Length > 40, d.Id + " needs a rationale");
            Assert.True(d.Remediation.Length > 20, d.Id + " needs a remediation");
            Assert.All(d.Equivalents, e => Assert.Matches("^(hadolint|bandit|django|trivy|checkov|gitleaks|detect-secrets|pip-audit|gixy|pipenv|poetry|uv):[A-Za-z0-9_.\\-]+$", e));
            Assert.All(d.Cwe, c => Assert.Matches("^CWE-[0-9]+$", c));
        });
    }

    [Fact]
    public void Every_rule_has_a_doc_page_naming_it_and_its_equivalents()
    {
        foreach (var d in RuleRegistry.Descriptors)
        {
            string page = Path.Combine(Paths.RepoRoot, "docs", "rules", d.Id + ".md");
            Assert.True(File.Exists(page), $"missing docs/rules/{d.Id}.md");
            string text = File.ReadAllText(page);
            Assert.StartsWith($"# {d.Id}: {d.Name}", text);
            foreach (var section in new[] { "## Why", "## Fix", "## Examples" })
            {
                Assert.Contains(section, text);
            }
            foreach (var e in d.Equivalents)
            {
                Assert.Contains(e, text);
            }
        }
    }

    [Fact]
    public void No_doc_page_without_a_rule()
    {
        var ids = RuleRegistry.Descriptors.Concat(DeployChecks.Engine.Images.ImageChecks.All).Select(d => d.Id).ToHashSet();
        foreach (var page in Directory.EnumerateFiles(Path.Combine(Paths.RepoRoot, "docs", "rules"), "DC*.md"))
        {
            Assert.Contains(Path.GetFileNameWithoutExtension(page), ids);
        }
    }

    [Fact]
    public void Every_rule_has_violating_and_clean_fixtures()
    {
        foreach (var d in RuleRegistry.Descriptors)
        {
            foreach (var kind in new[] { "violating", "clean" })
            {
                string dir = Path.Combine(Paths.RepoRoot, "tests", "DeployChecks.Engine.Tests", "Fixtures", "rules", d.Id, kind);
                Assert.True(Directory.Exists(dir), $"missing fixture {d.Id}/{kind}");
                Assert.NotEmpty(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories));
            }
        }
    }

    [Fact]
    public void Every_rule_has_a_dedicated_test_mentioning_its_id()
    {
        string testsDir = Path.Combine(Paths.RepoRoot, "tests", "DeployChecks.Engine.Tests", "Rules");
        string all = string.Concat(Directory.EnumerateFiles(testsDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("RuleFixtureTests.cs", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        foreach (var d in RuleRegistry.Descriptors)
        {
            Assert.Matches(new Regex("void " + d.Id + "_"), all);
        }
    }
}
