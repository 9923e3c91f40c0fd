using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using DeployChecks.Engine.Hosting;
using DeployChecks.Engine.Running;

namespace DeployChecks.Engine.Tests.Reporting;

/// <summary>Reports for the writer tests: one from a real engine run, one built by hand with every odd case.</summary>
public static class ReportFixtures
{
    /// <summary>The secret in the real run's <c>.env</c>; no report may contain it in full.</summary>
    public const string Secret = "abcdefghijklmnop1234";

    /// <summary>Text with everything that needs escaping somewhere: markup, entities, pipes, backticks, quotes,
    /// non-ASCII, an astral character, and a control character XML cannot carry.</summary>
    public const string Nasty = "<script>alert(\"x\")</script> & 'q' | a `tick` ``two`` *bold* [link](javascript:x) ünïcødé ✓ 🚀 \u0001end";

    private static readonly Lazy<ChecklistReport> RealValue = new(() => Run(dir =>
    {
        File.WriteAllText(Path.Combine(dir, ".env"), "SECRET_KEY=" + Secret + "\nFLASK_DEBUG=1\n");
        Directory.CreateDirectory(Path.Combine(dir, "deploy", "prod env"));
        File.WriteAllText(Path.Combine(dir, "deploy", "prod env", ".env"), "DEBUG=true\nDATABASE_URL=postgres://app:" + Secret + "@db/app\nthis line is not valid\n");
        File.WriteAllText(Path.Combine(dir, "app.py"), "from flask import Flask\napp = Flask(__name__)\n");
    }));

    /// <summary>A report from a real run over a small Flask-like app with committed, debug-enabled env files.</summary>
    public static ChecklistReport Real => RealValue.Value;

    /// <summary>Runs the engine on a temporary directory that <paramref name="populate"/> fills, then deletes it.</summary>
    public static ChecklistReport Run(Action<string> populate)
    {
        string dir = Path.Combine(Path.GetTempPath(), "dc-writers-" + Guid.NewGuid().ToString("N").Substring(0, 10));
        Directory.CreateDirectory(dir);
        try
        {
            populate(dir);
            return CheckRunner.Run(new CheckRequest(dir) { Environment = new Hashtable() }, NullHost.Instance);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>Every outcome and area status, suppressed findings (inline, option file, baseline), errors and
    /// notices, and <see cref="Nasty"/> text in messages, evidence, paths and reasons.</summary>
    public static ChecklistReport HandBuilt()
    {
        var rules = new List<RuleInfo>
        {
            Rule("DC1001", "env-file-not-ignored", CheckArea.Configuration, Severity.High, tags: new[] { "secrets" }, cwe: new[] { "CWE-538" }),
            Rule("DC1002", "env-file-committed", CheckArea.Configuration, Severity.Critical),
            Rule("DC1003", "env-file-debug-enabled", CheckArea.Configuration, Severity.High, equivalents: new[] { "django:security.W018" }),
            Rule("DC3001", "dockerfile-runs-as-root", CheckArea.Containers, Severity.Medium, equivalents: new[] { "hadolint:DL3002" }),
            Rule("DC7001", "hardcoded-secret", CheckArea.Security, Severity.Critical, cwe: new[] { "CWE-798" }),
            Rule("DC7002", "vulnerable-dependency", CheckArea.Security, Severity.High),
            Rule("DC6001", "no-logging-config", CheckArea.Logging, Severity.Low),
        };
        var f1 = Finding("DC1001", "env-file-not-ignored", CheckArea.Configuration, Severity.High, "config/my file <x>.env", 3, 7, "Message " + Nasty, "KEY=" + Nasty, null);
        var f2 = Finding("DC1001", "env-file-not-ignored", CheckArea.Configuration, Severity.High, ".env", 1, 1, "plain message", "SE****", "inline: local dev only");
        var f3 = Finding("DC1001", "env-file-not-ignored", CheckArea.Configuration, Severity.High, "a|b`c.env", 0, 0, "whole-file finding", null, null);
        var f4 = Finding("DC1002", "env-file-committed", CheckArea.Configuration, Severity.Critical, ".env", 0, 0, "committed", null, "baseline");
        var f5 = Finding("DC6001", "no-logging-config", CheckArea.Logging, Severity.Low, "app.py", 2, 0, "no logging", null, "options: we log via the platform");
        var f6 = Finding("DC6001", "no-logging-config", CheckArea.Logging, Severity.Info, "wsgi.py", 5, 0, "info-level note", "import logging", null);
        var checks = new List<CheckResult>
        {
            Check(rules[0], CheckOutcome.Fail, null, f1, f2, f3),
            Check(rules[1], CheckOutcome.Suppressed, "baseline", f4),
            Check(rules[2], CheckOutcome.Pass, null),
            Check(rules[3], CheckOutcome.NotApplicable, "no Dockerfile files in the target"),
            Check(rules[4], CheckOutcome.Error, "InvalidOperationException: boom " + Nasty),
            Check(rules[5], CheckOutcome.NotRun, "no vulnerability database"),
            Check(rules[6], CheckOutcome.Fail, null, f5, f6),
        };
        var areas = new List<AreaSummary>
        {
            Area(CheckArea.Configuration, AreaStatus.Fail, checks, Severity.High),
            new() { Area = CheckArea.Dependencies, Title = CheckAreas.Title(CheckArea.Dependencies), Status = AreaStatus.NotCovered },
            Area(CheckArea.Containers, AreaStatus.NotApplicable, checks, null),
            Area(CheckArea.Logging, AreaStatus.Fail, checks, Severity.Info),
            Area(CheckArea.Security, AreaStatus.Incomplete, checks, null),
            new() { Area = CheckArea.Backup, Title = CheckAreas.Title(CheckArea.Backup), Status = AreaStatus.NotCovered },
        };
        return new ChecklistReport
        {
            Target = "/srv/apps/my app",
            ToolVersion = "0.1.0",
            StartedAt = new DateTimeOffset(2026, 11, 24, 10, 30, 0, TimeSpan.Zero),
            Duration = TimeSpan.FromMilliseconds(1234),
            FilesScanned = 42,
            Areas = areas,
            Checks = checks,
            Findings = new[] { f4, f1, f2, f3, f5, f6 },
            Rules = rules,
            Errors = new[]
            {
                new ReportMessage { ErrorId = "MalformedEnvFile", Path = "config/bad.env", Line = 4, Message = "unterminated quote " + Nasty, IsError = true, RuleId = "DC1004" },
                new ReportMessage { ErrorId = "ExpiredSuppression", Path = null, Message = "suppression for DC1002 expired on 2026-01-01", IsError = false },
                new ReportMessage { ErrorId = "RuleFailed", Message = "DC7001 failed: boom", IsError = true, RuleId = "DC7001" },
            },
            FailOn = Severity.High,
        };
    }

    private static RuleInfo Rule(string id, string name, CheckArea area, Severity severity, string[]? tags = null, string[]? equivalents = null, string[]? cwe = null) => new()
    {
        Id = id,
        Name = name,
        Area = area,
        DefaultSeverity = severity,
        Title = "Title of " + name + " <b>&</b>",
        Rationale = "Why " + name + " matters.",
        Remediation = "Fix " + name + " | now.",
        HelpUri = "https://github.com/deploychecks/deploychecks/blob/main/docs/rules/" + id + ".md",
        Tags = tags ?? Array.Empty<string>(),
        Equivalents = equivalents ?? Array.Empty<string>(),
        Cwe = cwe ?? Array.Empty<string>(),
    };

    private static Finding Finding(string ruleId, string name, CheckArea area, Severity severity, string path, int line, int column, string message, string? evidence, string? suppression) => new()
    {
        RuleId = ruleId,
        RuleName = name,
        Area = area,
        Severity = severity,
        Message = message,
        Path = path,
        Line = line,
        Column = column,
        Evidence = evidence,
        Remediation = "Fix " + name + " | now.",
        HelpUri = "https://github.com/deploychecks/deploychecks/blob/main/docs/rules/" + ruleId + ".md",
        Fingerprint = ruleId.ToLowerInvariant() + "-" + path.GetHashCode(StringComparison.Ordinal).ToString("x8") + "-" + line,
        Suppression = suppression,
    };

    private static CheckResult Check(RuleInfo rule, CheckOutcome outcome, string? reason, params Finding[] findings) => new()
    {
        RuleId = rule.Id,
        RuleName = rule.Name,
        Title = rule.Title,
        Area = rule.Area,
        Severity = rule.DefaultSeverity,
        Outcome = outcome,
        Reason = reason,
        Findings = findings,
        Duration = TimeSpan.FromMilliseconds(3.25),
    };

    private static AreaSummary Area(CheckArea area, AreaStatus status, List<CheckResult> checks, Severity? highest)
    {
        var a = new AreaSummary { Area = area, Title = CheckAreas.Title(area), Status = status, HighestSeverity = highest };
        foreach (var c in checks)
        {
            if (c.Area != area)
            {
                continue;
            }
            a.Checks++;
            switch (c.Outcome)
            {
                case CheckOutcome.Pass: a.Passed++; break;
                case CheckOutcome.Fail: a.Failed++; break;
                case CheckOutcome.NotApplicable: a.NotApplicable++; break;
                case CheckOutcome.Error: a.Errors++; break;
                case CheckOutcome.Suppressed: a.Suppressed++; break;
                case CheckOutcome.NotRun: a.NotRun++; break;
            }
            foreach (var f in c.Findings)
            {
                if (!f.IsSuppressed)
                {
                    a.FindingsBySeverity.TryGetValue(f.Severity, out int n);
                    a.FindingsBySeverity[f.Severity] = n + 1;
                }
            }
        }
        return a;
    }
}
