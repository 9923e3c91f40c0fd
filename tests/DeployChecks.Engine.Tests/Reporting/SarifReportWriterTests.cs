using System;
using System.Globalization;
using System.Linq;
using DeployChecks.Engine.Reporting;
using Newtonsoft.Json.Linq;

namespace DeployChecks.Engine.Tests.Reporting;

public class SarifReportWriterTests
{
    private static JObject Run(ChecklistReport report)
    {
        var sarif = JObject.Parse(ReportWriters.WriteToString(report, ReportFormat.Sarif));
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", (string?)sarif["$schema"]);
        Assert.Equal("2.1.0", (string?)sarif["version"]);
        return (JObject)((JArray)sarif["runs"]!).Single();
    }

    [Theory]
    [InlineData(Severity.Critical, "error")]
    [InlineData(Severity.High, "error")]
    [InlineData(Severity.Medium, "warning")]
    [InlineData(Severity.Low, "note")]
    [InlineData(Severity.Info, "note")]
    public void Levels_map_from_severity(Severity severity, string level)
    {
        Assert.Equal(level, SarifReportWriter.Level(severity));
    }

    [Fact]
    public void Driver_rules_carry_metadata_and_results_point_at_them()
    {
        var report = ReportFixtures.Real;
        var run = Run(report);
        var driver = run["tool"]!["driver"]!;
        Assert.Equal("DeployChecks", (string?)driver["name"]);
        Assert.Equal(report.ToolVersion, (string?)driver["semanticVersion"]);
        Assert.True(Uri.IsWellFormedUriString((string?)driver["informationUri"], UriKind.Absolute));
        var rules = (JArray)driver["rules"]!;
        Assert.Equal(rules.Count, rules.Select(r => (string?)r["id"]).Distinct().Count());
        foreach (var r in rules)
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", (string?)r["name"]);
            Assert.False(string.IsNullOrEmpty((string?)r["shortDescription"]!["text"]));
            Assert.False(string.IsNullOrEmpty((string?)r["fullDescription"]!["text"]));
            Assert.False(string.IsNullOrEmpty((string?)r["help"]!["text"]));
            Assert.False(string.IsNullOrEmpty((string?)r["help"]!["markdown"]));
            Assert.StartsWith("https://", (string?)r["helpUri"]);
            Assert.Contains((string?)r["defaultConfiguration"]!["level"], new[] { "error", "warning", "note" });
            var props = r["properties"]!;
            Assert.True(double.TryParse((string?)props["security-severity"], NumberStyles.Float, CultureInfo.InvariantCulture, out double score) && score >= 0 && score <= 10);
            Assert.Contains((string?)props["problem.severity"], new[] { "error", "warning", "recommendation" });
            Assert.Equal(JTokenType.Array, props["equivalents"]!.Type);
            Assert.Equal(JTokenType.Array, props["cwe"]!.Type);
            var tags = props["tags"]!.Select(t => (string?)t).ToList();
            // The rule's area is a tag (configuration, dependencies, …).
            string area = DeployChecks.Engine.Rules.RuleRegistry.All.Single(x => x.Descriptor.Id == (string?)r["id"]).Descriptor.Area.ToString().ToLowerInvariant();
            Assert.Contains(area, tags);
        }
        var secretRule = rules.Single(r => (string?)r["id"] == "DC1002");
        Assert.Contains("security", secretRule["properties"]!["tags"]!.Select(t => (string?)t));
        Assert.Equal("9.5", (string?)secretRule["properties"]!["security-severity"]);
        Assert.Contains("django:security.W018", rules.Single(r => (string?)r["id"] == "DC1003")["properties"]!["equivalents"]!.Select(t => (string?)t));

        var results = (JArray)run["results"]!;
        Assert.Equal(report.Findings.Count, results.Count);
        foreach (var res in results)
        {
            int index = (int)res["ruleIndex"]!;
            Assert.Equal((string?)res["ruleId"], (string?)rules[index]["id"]);
            Assert.False(string.IsNullOrEmpty((string?)res["partialFingerprints"]!["deploychecks/v1"]));
            var phys = res["locations"]![0]!["physicalLocation"]!;
            string uri = (string)phys["artifactLocation"]!["uri"]!;
            Assert.Equal("SRCROOT", (string?)phys["artifactLocation"]!["uriBaseId"]);
            Assert.False(uri.StartsWith("/", StringComparison.Ordinal) || uri.Contains('\\') || uri.Contains("://"), uri);
            Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Relative), uri);
            if (phys["region"] is JObject region)
            {
                Assert.True((int)region["startLine"]! > 0);
                Assert.True(!region.ContainsKey("startColumn") || (int)region["startColumn"]! > 0);
            }
        }
        Assert.Contains(results, r => ((string)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!) == "deploy/prod%20env/.env");

        string root = (string)run["originalUriBaseIds"]!["SRCROOT"]!["uri"]!;
        Assert.StartsWith("file:///", root);
        Assert.EndsWith("/", root);
        Assert.Equal("utf16CodeUnits", (string?)run["columnKind"]);
        Assert.Equal(JTokenType.Boolean, run["invocations"]![0]!["executionSuccessful"]!.Type);
    }

    [Fact]
    public void Suppressions_regions_and_notifications_of_hand_built_report()
    {
        var run = Run(ReportFixtures.HandBuilt());
        var results = ((JArray)run["results"]!).ToList();
        Assert.Equal(6, results.Count);
        JToken ByFingerprintPrefix(string path, int line) => results.Single(r =>
            ((string?)r["locations"]?[0]?["physicalLocation"]?["artifactLocation"]?["uri"]) == SarifReportWriter.RelativeUri(path) &&
            ((int?)r["locations"]![0]!["physicalLocation"]!["region"]?["startLine"] ?? 0) == line &&
            (string?)r["ruleId"] != "DC1002");

        var inline = ByFingerprintPrefix(".env", 1);
        Assert.Equal("inSource", (string?)inline["suppressions"]![0]!["kind"]);
        Assert.Equal("inline: local dev only", (string?)inline["suppressions"]![0]!["justification"]);
        var baseline = results.Single(r => (string?)r["ruleId"] == "DC1002");
        Assert.Equal("external", (string?)baseline["suppressions"]![0]!["kind"]);
        Assert.Equal("error", (string?)baseline["level"]);
        Assert.Null(baseline["locations"]![0]!["physicalLocation"]!["region"]);
        var options = ByFingerprintPrefix("app.py", 2);
        Assert.Equal("external", (string?)options["suppressions"]![0]!["kind"]);
        Assert.Equal("note", (string?)options["level"]);
        Assert.Null(options["locations"]![0]!["physicalLocation"]!["region"]!["startColumn"]);

        var nasty = ByFingerprintPrefix("config/my file <x>.env", 3);
        Assert.Null(nasty["suppressions"]);
        Assert.Equal("config/my%20file%20%3Cx%3E.env", (string?)nasty["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Equal(7, (int)nasty["locations"]![0]!["physicalLocation"]!["region"]!["startColumn"]!);
        Assert.Equal("Message " + ReportFixtures.Nasty, (string?)nasty["message"]!["text"]);
        Assert.Equal(3, results.Count(r => r["suppressions"] != null));

        Assert.Equal("file:///srv/apps/my%20app/", (string?)run["originalUriBaseIds"]!["SRCROOT"]!["uri"]);
        var invocation = run["invocations"]![0]!;
        Assert.False((bool)invocation["executionSuccessful"]!);
        var notes = (JArray)invocation["toolExecutionNotifications"]!;
        Assert.Equal(3, notes.Count);
        Assert.Equal(2, notes.Count(n => (string?)n["level"] == "error"));
        Assert.Equal(1, notes.Count(n => (string?)n["level"] == "warning"));
        var malformed = notes.Single(n => (string?)n["descriptor"]!["id"] == "MalformedEnvFile");
        Assert.Equal("config/bad.env", (string?)malformed["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Null(notes.Single(n => (string?)n["descriptor"]!["id"] == "ExpiredSuppression")["locations"]);
        var ruleFailed = notes.Single(n => (string?)n["descriptor"]!["id"] == "RuleFailed");
        int idx = (int)ruleFailed["associatedRule"]!["index"]!;
        Assert.Equal("DC7001", (string?)run["tool"]!["driver"]!["rules"]![idx]!["id"]);
    }

    [Fact]
    public void Run_without_errors_is_successful()
    {
        var report = ReportFixtures.HandBuilt();
        report.Errors = report.Errors.Where(e => !e.IsError).ToList();
        var run = Run(report);
        Assert.True((bool)run["invocations"]![0]!["executionSuccessful"]!);
    }

    [Fact]
    public void Finding_for_an_undescribed_rule_gets_a_rule_entry()
    {
        var report = ReportFixtures.HandBuilt();
        report.Rules = report.Rules.Where(r => r.Id != "DC6001").ToList();
        var run = Run(report);
        var rules = (JArray)run["tool"]!["driver"]!["rules"]!;
        foreach (var res in (JArray)run["results"]!)
        {
            Assert.Equal((string?)res["ruleId"], (string?)rules[(int)res["ruleIndex"]!]["id"]);
        }
    }
}
