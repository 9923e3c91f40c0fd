using System;
using System.Collections;
using System.IO;
using System.Linq;
using DeployChecks.Engine.Hosting;
using DeployChecks.Engine.Options;
using DeployChecks.Engine.Running;
using DeployChecks.Engine.Suppressions;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Suppressions;

/// <summary>Baseline files and the fingerprints they hold.</summary>
public class BaselineTests
{
    [Fact]
    public void Write_then_load_round_trips_and_suppresses_the_same_findings()
    {
        using var dir = new TempDir();
        dir.Write(".env", SuppressionTests.Secret + "BAD LINE\n");
        var first = SuppressionTests.Run(dir);
        Assert.True(first.Findings.Count >= 2);
        string path = dir.Full("baseline.json");
        using (var w = new StreamWriter(path))
        {
            Baseline.Write(first, w);
        }
        var loaded = Baseline.Load(path);
        Assert.Equal(first.Findings.Count, loaded.Count);
        Assert.All(first.Findings, f => Assert.True(loaded.Contains(f.Fingerprint)));

        var second = CheckRunner.Run(new CheckRequest(dir.Path) { Environment = new Hashtable { ["DEPLOYCHECKS_BASELINE"] = "baseline.json" } }, NullHost.Instance);
        Assert.All(second.Findings, f => Assert.Equal("baseline", f.Suppression));

        // A new finding is not in the baseline.
        dir.Write("sub/.env", SuppressionTests.Secret);
        var third = CheckRunner.Run(new CheckRequest(dir.Path) { Environment = new Hashtable { ["DEPLOYCHECKS_BASELINE"] = "baseline.json" } }, NullHost.Instance);
        Assert.Null(SuppressionTests.Dc1001(third, "sub/.env").Suppression);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"version\":1}")]
    [InlineData("{\"findings\":[{\"ruleId\":\"DC1001\"}]}")]
    [InlineData("{\"findings\":[42]}")]
    [InlineData("[1,2]")]
    public void Malformed_baseline_is_InvalidDataException_and_OptionsException_at_run(string content)
    {
        using var dir = new TempDir();
        string path = dir.Write("baseline.json", content);
        var ex = Assert.Throws<InvalidDataException>(() => Baseline.Load(path));
        Assert.Contains(path, ex.Message);
        Assert.Throws<OptionsException>(() => CheckRunner.Run(
            new CheckRequest(dir.Path) { Environment = new Hashtable { ["DEPLOYCHECKS_BASELINE"] = "baseline.json" } }, NullHost.Instance));
    }

    [Fact]
    public void Missing_baseline_is_OptionsException()
    {
        using var dir = new TempDir();
        Assert.Throws<OptionsException>(() => CheckRunner.Run(
            new CheckRequest(dir.Path) { Environment = new Hashtable { ["DEPLOYCHECKS_BASELINE"] = "nope.json" } }, NullHost.Instance));
    }

    [Fact]
    public void Plain_string_entries_are_accepted()
    {
        using var dir = new TempDir();
        var b = Baseline.Load(dir.Write("b.json", "{\"findings\":[\"abc\",{\"fingerprint\":\"def\"}]}"));
        Assert.True(b.Contains("abc") && b.Contains("def"));
    }

    [Fact]
    public void Fingerprints_are_stable_when_lines_move()
    {
        using var dir = new TempDir();
        dir.Write(".env", SuppressionTests.Secret + "BAD KEY=1\n");
        var before = SuppressionTests.Run(dir).Findings.ToDictionary(f => f.RuleId, f => (f.Fingerprint, f.Line));
        dir.Write(".env", "# header\n# more\nDEBUG=0\n\n" + SuppressionTests.Secret + "A=1\nBAD KEY=1\n");
        var after = SuppressionTests.Run(dir).Findings.ToDictionary(f => f.RuleId, f => (f.Fingerprint, f.Line));
        Assert.Equal(new[] { "DC1001", "DC1004" }, before.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var id in before.Keys)
        {
            Assert.Equal(before[id].Fingerprint, after[id].Fingerprint);
            Assert.NotEqual(before[id].Line, after[id].Line);
        }
    }

    [Fact]
    public void Fingerprints_differ_by_rule_path_key_and_occurrence()
    {
        string a = Fingerprints.Compute("DC1001", ".env", "file", 0);
        Assert.Equal(32, a.Length);
        Assert.Equal(a, Fingerprints.Compute("DC1001", ".env", "file", 0));
        Assert.NotEqual(a, Fingerprints.Compute("DC1002", ".env", "file", 0));
        Assert.NotEqual(a, Fingerprints.Compute("DC1001", "b/.env", "file", 0));
        Assert.NotEqual(a, Fingerprints.Compute("DC1001", ".env", "other", 0));
        Assert.NotEqual(a, Fingerprints.Compute("DC1001", ".env", "file", 1));
    }
}
