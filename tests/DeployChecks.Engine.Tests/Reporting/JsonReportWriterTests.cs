using System;
using System.Globalization;
using System.Linq;
using DeployChecks.Engine.Reporting;
using Newtonsoft.Json.Linq;

namespace DeployChecks.Engine.Tests.Reporting;

public class JsonReportWriterTests
{
    private static readonly string[] Severities = { "critical", "high", "medium", "low", "info" };
    private static readonly string[] Outcomes = { "pass", "fail", "notApplicable", "error", "suppressed", "notRun" };
    private static readonly string[] Statuses = { "notCovered", "pass", "fail", "notApplicable", "incomplete" };

    private static JObject Parse(ChecklistReport report) => JObject.Parse(ReportWriters.WriteToString(report, ReportFormat.Json));

    [Fact]
    public void Real_run_has_the_documented_top_level_shape()
    {
        var report = ReportFixtures.Real;
        var json = Parse(report);

        Assert.Equal(2, (int)json["schemaVersion"]!);
        Assert.Equal("DeployChecks", (string?)json["tool"]!["name"]);
        Assert.Equal(report.ToolVersion, (string?)json["tool"]!["version"]);
        Assert.Equal(JTokenType.String, json["target"]!.Type);
        Assert.True(DateTimeOffset.TryParse((string?)json["startedAt"], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _));
        Assert.Equal(JTokenType.Integer, json["durationMs"]!.Type);
        Assert.Equal(report.FilesScanned, (int)json["filesScanned"]!);
        Assert.True(json["failOn"]!.Type is JTokenType.Null or JTokenType.String);
        foreach (var key in new[] { "checks", "findings", "rules", "errors" })
        {
            Assert.Equal(JTokenType.Array, json[key]!.Type);
        }

        var summary = (JObject)json["summary"]!;
        foreach (var key in new[] { "passed", "failed", "notApplicable", "errored", "suppressed", "notRun", "errors", "notices" })
        {
            Assert.Equal(JTokenType.Integer, summary[key]!.Type);
        }
        // summary.errors counts the errors[] entries that are errors; notices the rest.
        var errorList = (JArray)json["errors"]!;
        Assert.Equal(errorList.Count(e => (bool)e["isError"]!), (int)summary["errors"]!);
        Assert.Equal(errorList.Count, (int)summary["errors"]! + (int)summary["notices"]!);
        Assert.Equal(Severities.OrderBy(s => s), ((JObject)summary["findings"]!).Properties().Select(p => p.Name).OrderBy(s => s));
        Assert.Equal(report.Findings.Count(f => !f.IsSuppressed), ((JObject)summary["findings"]!).Properties().Sum(p => (int)p.Value));
        var areas = (JArray)summary["areas"]!;
        Assert.Equal(report.Areas.Count, areas.Count);
        foreach (var a in areas)
        {
            Assert.Contains((string?)a["status"], Statuses);
            Assert.Equal(JTokenType.String, a["title"]!.Type);
            Assert.Equal(JTokenType.Integer, a["checks"]!.Type);
            Assert.True(a["highestSeverity"]!.Type == JTokenType.Null || Severities.Contains((string?)a["highestSeverity"]));
        }
    }

    [Fact]
    public void Real_run_checks_findings_and_rules_agree()
    {
        var report = ReportFixtures.Real;
        var json = Parse(report);
        var checks = (JArray)json["checks"]!;
        var findings = (JArray)json["findings"]!;
        var rules = (JArray)json["rules"]!;

        Assert.NotEmpty(findings);
        Assert.Equal(report.Checks.Count, checks.Count);
        Assert.Equal(report.Findings.Count, findings.Count);
        foreach (var c in checks)
        {
            Assert.Matches("^DC[1-9][0-9]{3}$", (string?)c["ruleId"]);
            Assert.Contains((string?)c["outcome"], Outcomes);
            Assert.Contains((string?)c["severity"], Severities);
            Assert.Equal(JTokenType.Integer, c["findingCount"]!.Type);
            Assert.True(c["durationMs"]!.Type is JTokenType.Float or JTokenType.Integer);
            Assert.Contains(rules, r => (string?)r["id"] == (string?)c["ruleId"]);
        }
        foreach (var f in findings)
        {
            foreach (var key in new[] { "ruleId", "ruleName", "area", "severity", "message", "path", "line", "column", "evidence", "remediation", "helpUri", "fingerprint", "suppression" })
            {
                Assert.True(((JObject)f).ContainsKey(key), "finding lacks " + key);
            }
            Assert.Contains((string?)f["severity"], Severities);
            Assert.DoesNotContain("\\", (string?)f["path"]);
            Assert.False(((string?)f["path"])!.StartsWith("/", StringComparison.Ordinal));
            Assert.Equal(JTokenType.Integer, f["line"]!.Type);
            Assert.False(string.IsNullOrEmpty((string?)f["fingerprint"]));
        }
        foreach (var r in rules)
        {
            Assert.Equal(JTokenType.Array, r["tags"]!.Type);
            Assert.Equal(JTokenType.Array, r["equivalents"]!.Type);
            Assert.Equal(JTokenType.Array, r["cwe"]!.Type);
            Assert.Contains((string?)r["defaultSeverity"], Severities);
        }
        Assert.Equal(rules.Select(r => (string?)r["id"]).OrderBy(s => s, StringComparer.Ordinal), rules.Select(r => (string?)r["id"]));
    }

    [Fact]
    public void Hand_built_report_counts_statuses_and_suppressions()
    {
        var json = Parse(ReportFixtures.HandBuilt());
        var summary = json["summary"]!;
        Assert.Equal("high", (string?)json["failOn"]);
        Assert.Equal("failed", (string?)json["verdict"]);
        Assert.Equal(1, (int)summary["passed"]!);
        Assert.Equal(2, (int)summary["failed"]!);
        Assert.Equal(1, (int)summary["notApplicable"]!);
        Assert.Equal(1, (int)summary["errored"]!);
        Assert.Equal(((JArray)json["errors"]!).Count(e => (bool)e["isError"]!), (int)summary["errors"]!);
        Assert.Equal(1, (int)summary["suppressed"]!);
        Assert.Equal(1, (int)summary["notRun"]!);
        Assert.Equal(2, (int)summary["findings"]!["high"]!);
        Assert.Equal(1, (int)summary["findings"]!["info"]!);
        Assert.Equal(0, (int)summary["findings"]!["critical"]!);
        var areas = (JArray)summary["areas"]!;
        Assert.Equal(2, areas.Count(a => (string?)a["status"] == "notCovered"));
        Assert.Equal("incomplete", (string?)areas.Single(a => (string?)a["area"] == "security")["status"]);
        Assert.Equal("high", (string?)areas.Single(a => (string?)a["area"] == "configuration")["highestSeverity"]);

        var findings = (JArray)json["findings"]!;
        Assert.Equal(6, findings.Count);
        Assert.Equal("critical", (string?)findings[0]["severity"]);
        Assert.Equal(3, findings.Count(f => f["suppression"]!.Type == JTokenType.String));
        Assert.Contains(findings, f => (string?)f["message"] == "Message " + ReportFixtures.Nasty);

        var errors = (JArray)json["errors"]!;
        Assert.Equal(3, errors.Count);
        Assert.Equal(JTokenType.Boolean, errors[0]["isError"]!.Type);
        Assert.Contains(errors, e => e["path"]!.Type == JTokenType.Null);
    }

    [Fact]
    public void Output_is_deterministic_indented_and_camel_case()
    {
        var report = ReportFixtures.HandBuilt();
        string a = ReportWriters.WriteToString(report, ReportFormat.Json);
        string b = ReportWriters.WriteToString(report, ReportFormat.Json);
        Assert.Equal(a, b);
        Assert.Contains("\n  \"schemaVersion\": 2,", a);
        foreach (var p in JObject.Parse(a).Descendants().OfType<JProperty>())
        {
            Assert.True(char.IsLower(p.Name[0]), "property not camelCase: " + p.Name);
        }
    }
}
