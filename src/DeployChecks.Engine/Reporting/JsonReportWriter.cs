using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DeployChecks.Engine.Reporting;

/// <summary>
/// The JSON report shared by the CLI and <c>Export-DeployChecklistReport -Format Json</c>: camelCase names,
/// enums as lowercase/camelCase strings, stable ordering, indented. Identical for identical runs except
/// <c>startedAt</c> and the durations.
/// </summary>
public static class JsonReportWriter
{
    /// <summary>Version of the report's shape; raised on breaking changes.</summary>
    /// <remarks>2: <c>summary.errors</c> counts the <c>errors[]</c> entries that are errors (was: checks whose outcome
    /// is error, now <c>summary.errored</c>), <c>summary.notices</c> the rest; <c>ignoreErrors</c> and
    /// <c>vulnerabilityDatabase</c> added.</remarks>
    public const int SchemaVersion = 2;

    public static void Write(ChecklistReport report, TextWriter writer)
    {
        if (report == null)
        {
            throw new ArgumentNullException(nameof(report));
        }
        using var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, CloseOutput = false };
        Build(report).WriteTo(json);
        json.Flush();
        writer.WriteLine();
    }

    /// <summary>The report as a JSON object (what <see cref="Write"/> serializes).</summary>
    public static JObject Build(ChecklistReport report)
    {
        return new JObject
        {
            ["schemaVersion"] = SchemaVersion,
            ["tool"] = new JObject { ["name"] = "DeployChecks", ["version"] = report.ToolVersion },
            ["target"] = report.Target,
            ["startedAt"] = ReportFacts.Timestamp(report.StartedAt),
            ["durationMs"] = (long)report.Duration.TotalMilliseconds,
            ["filesScanned"] = report.FilesScanned,
            ["failOn"] = report.FailOn.HasValue ? ReportFacts.SeverityName(report.FailOn.Value) : JValue.CreateNull(),
            ["ignoreErrors"] = report.IgnoreErrors,
            ["verdict"] = ReportFacts.CamelCase(ReportFacts.Verdict(report).ToString()),
            ["summary"] = Summary(report),
            ["checks"] = new JArray(ReportFacts.OrderedChecks(report).Select(Check)),
            ["findings"] = new JArray(ReportFacts.Ordered(report.Findings).Select(Finding)),
            ["rules"] = new JArray(ReportFacts.OrderedRules(report).Select(Rule)),
            ["errors"] = new JArray(ReportFacts.OrderedErrors(report).Select(Error)),
            ["vulnerabilityDatabase"] = report.VulnerabilityDatabase is { } db ? Database(db) : JValue.CreateNull(),
        };
    }

    private static JObject Database(VulnerabilityDatabaseUsed db)
    {
        var prefixes = new JObject();
        foreach (var p in db.AdvisoriesByPrefix.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            prefixes[p.Key] = p.Value;
        }
        return new JObject
        {
            ["path"] = db.Path,
            ["origin"] = db.Origin,
            ["kind"] = db.Kind,
            ["advisories"] = db.AdvisoryCount,
            ["advisoriesByPrefix"] = prefixes,
            ["dataDate"] = db.DataDate.HasValue ? ReportFacts.Timestamp(db.DataDate.Value) : JValue.CreateNull(),
        };
    }

    private static JObject Summary(ChecklistReport report) => new()
    {
        ["checks"] = report.Checks.Count,
        ["passed"] = ReportFacts.CountOutcome(report, CheckOutcome.Pass),
        ["failed"] = ReportFacts.CountOutcome(report, CheckOutcome.Fail),
        ["notApplicable"] = ReportFacts.CountOutcome(report, CheckOutcome.NotApplicable),
        ["errored"] = ReportFacts.CountOutcome(report, CheckOutcome.Error),
        ["suppressed"] = ReportFacts.CountOutcome(report, CheckOutcome.Suppressed),
        ["notRun"] = ReportFacts.CountOutcome(report, CheckOutcome.NotRun),
        ["errors"] = report.ErrorCount,
        ["notices"] = report.Errors.Count - report.ErrorCount,
        ["suppressedFindings"] = ReportFacts.SuppressedCount(report),
        ["findings"] = BySeverity(ReportFacts.ActiveBySeverity(report.Findings)),
        ["areas"] = new JArray(report.Areas.Select(Area)),
    };

    private static JObject BySeverity(IDictionary<Severity, int> counts)
    {
        var o = new JObject();
        foreach (var s in ReportFacts.SeveritiesDescending)
        {
            counts.TryGetValue(s, out int n);
            o[ReportFacts.SeverityName(s)] = n;
        }
        return o;
    }

    private static JObject Area(AreaSummary a) => new()
    {
        ["area"] = ReportFacts.AreaName(a.Area),
        ["title"] = a.Title,
        ["status"] = ReportFacts.StatusName(a.Status),
        ["checks"] = a.Checks,
        ["passed"] = a.Passed,
        ["failed"] = a.Failed,
        ["notApplicable"] = a.NotApplicable,
        ["errors"] = a.Errors,
        ["suppressed"] = a.Suppressed,
        ["notRun"] = a.NotRun,
        ["findings"] = BySeverity(a.FindingsBySeverity),
        ["highestSeverity"] = a.HighestSeverity.HasValue ? ReportFacts.SeverityName(a.HighestSeverity.Value) : JValue.CreateNull(),
    };

    private static JObject Check(CheckResult c) => new()
    {
        ["ruleId"] = c.RuleId,
        ["ruleName"] = c.RuleName,
        ["title"] = c.Title,
        ["area"] = ReportFacts.AreaName(c.Area),
        ["severity"] = ReportFacts.SeverityName(c.Severity),
        ["outcome"] = ReportFacts.OutcomeName(c.Outcome),
        ["reason"] = c.Reason,
        ["findingCount"] = c.ActiveFindingCount,
        ["suppressedCount"] = c.Findings.Count - c.ActiveFindingCount,
        ["durationMs"] = Math.Round(c.Duration.TotalMilliseconds, 3),
    };

    private static JObject Finding(Finding f) => new()
    {
        ["ruleId"] = f.RuleId,
        ["ruleName"] = f.RuleName,
        ["area"] = ReportFacts.AreaName(f.Area),
        ["severity"] = ReportFacts.SeverityName(f.Severity),
        ["message"] = f.Message,
        ["path"] = f.Path.Replace('\\', '/'),
        ["line"] = f.Line,
        ["column"] = f.Column,
        ["evidence"] = f.Evidence,
        ["remediation"] = f.Remediation,
        ["helpUri"] = f.HelpUri,
        ["fingerprint"] = f.Fingerprint,
        ["suppression"] = f.Suppression,
    };

    private static JObject Rule(RuleInfo r) => new()
    {
        ["id"] = r.Id,
        ["name"] = r.Name,
        ["area"] = ReportFacts.AreaName(r.Area),
        ["defaultSeverity"] = ReportFacts.SeverityName(r.DefaultSeverity),
        ["title"] = r.Title,
        ["helpUri"] = r.HelpUri,
        ["tags"] = new JArray(r.Tags),
        ["equivalents"] = new JArray(r.Equivalents),
        ["cwe"] = new JArray(r.Cwe),
    };

    private static JObject Error(ReportMessage e) => new()
    {
        ["errorId"] = e.ErrorId,
        ["path"] = e.Path?.Replace('\\', '/'),
        ["line"] = e.Line,
        ["message"] = e.Message,
        ["isError"] = e.IsError,
        ["ruleId"] = e.RuleId,
    };
}
