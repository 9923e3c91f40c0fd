using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;

namespace DeployChecks.Engine.Reporting;

/// <summary>
/// One self-contained HTML5 page: inline CSS (light and dark through <c>prefers-color-scheme</c>), inline SVG
/// charts, no scripts and no external resources. Every piece of report text goes through
/// <c>WebUtility.HtmlEncode</c>, and the markup is well-formed XML so it can be checked mechanically.
/// </summary>
public static class HtmlReportWriter
{
    private const int BarWidth = 240;
    private const int BarHeight = 14;

    private const string Css = @"
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --panel: #f6f8fa;
  --pass: #1a7f37; --fail: #cf222e; --na: #8c959f; --err: #bf8700; --supp: #8250df;
  --critical: #8b0000; --high: #cf222e; --medium: #bc4c00; --low: #9a6700; --info: #0969da; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --panel: #151b23;
    --pass: #3fb950; --fail: #f85149; --na: #6e7681; --err: #d29922; --supp: #a371f7;
    --critical: #ff7b72; --high: #f85149; --medium: #db6d28; --low: #d29922; --info: #58a6ff; }
}
body { background: var(--bg); color: var(--fg); font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 0; padding: 24px; }
main { max-width: 1200px; margin: 0 auto; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; border-bottom: 1px solid var(--border); padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 15px; margin: 20px 0 6px; }
.meta { color: var(--muted); margin: 0 0 12px; }
.verdict { display: inline-block; padding: 4px 12px; border-radius: 6px; font-weight: 600; color: #ffffff; }
.verdict.passed { background: var(--pass); } .verdict.failed { background: var(--fail); } .verdict.incomplete { background: var(--err); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--border); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--panel); }
td.num, th.num { text-align: right; }
code { font-family: ui-monospace, SFMono-Regular, Consolas, monospace; font-size: 12px; background: var(--panel); padding: 1px 4px; border-radius: 4px; }
code.loc, code.ev { overflow-wrap: normal; word-break: normal; }
.g { display: inline-block; width: 1.2em; text-align: center; font-weight: 700; }
.o-pass { color: var(--pass); } .o-fail { color: var(--fail); } .o-notApplicable { color: var(--na); }
.o-error, .o-notRun { color: var(--err); } .o-suppressed { color: var(--supp); }
.s-critical { color: var(--critical); font-weight: 700; } .s-high { color: var(--high); font-weight: 600; }
.s-medium { color: var(--medium); } .s-low { color: var(--low); } .s-info { color: var(--info); }
svg .pass { fill: var(--pass); } svg .fail { fill: var(--fail); } svg .na { fill: var(--na); } svg .err { fill: var(--err); }
svg .supp { fill: var(--supp); } svg .empty { fill: var(--panel); stroke: var(--border); }
svg .critical { fill: var(--critical); } svg .high { fill: var(--high); } svg .medium { fill: var(--medium); }
svg .low { fill: var(--low); } svg .info { fill: var(--info); }
.legend span { margin-right: 12px; white-space: nowrap; }
.muted { color: var(--muted); }
section.area { border: 1px solid var(--border); border-radius: 8px; padding: 4px 16px 8px; margin: 12px 0; }
ul.checks { list-style: none; padding-left: 0; }
ul.checks li { margin: 2px 0; }
p.notcovered { color: var(--muted); }
";

    public static void Write(ChecklistReport report, TextWriter writer)
    {
        if (report == null)
        {
            throw new ArgumentNullException(nameof(report));
        }
        writer.Write(Render(report));
    }

    public static string Render(ChecklistReport report)
    {
        var sb = new StringBuilder();
        var verdict = ReportFacts.Verdict(report);
        string verdictName = ReportFacts.CamelCase(verdict.ToString());
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
          .Append("<meta name=\"color-scheme\" content=\"light dark\" />\n")
          .Append("<title>DeployChecks: ").Append(E(verdict.ToString())).Append(" · ").Append(E(report.Target)).Append("</title>\n")
          .Append("<style>").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");

        sb.Append("<header>\n<h1>DeployChecks report</h1>\n<p class=\"meta\">Target <code>").Append(E(report.Target)).Append("</code> · ")
          .Append(E(report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))).Append(" · ")
          .Append(ReportFacts.Number(report.FilesScanned)).Append(" files · ")
          .Append(ReportFacts.Number((long)report.Duration.TotalMilliseconds)).Append(" ms · DeployChecks ").Append(E(report.ToolVersion)).Append("</p>\n")
          .Append("<p><span class=\"verdict ").Append(verdictName).Append("\">").Append(E(verdict.ToString())).Append("</span> ")
          .Append(E(ReportFacts.DescribeVerdict(report))).Append("</p>\n");
        if (report.VulnerabilityDatabase is { } db)
        {
            sb.Append("<p class=\"meta\">Vulnerability data <code class=\"loc\">").Append(Path(db.Path)).Append("</code> · ").Append(E(db.Kind)).Append(" · ")
              .Append(ReportFacts.Number(db.AdvisoryCount)).Append(" advisories")
              .Append(db.DataDate is { } date ? " · data as of " + date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "").Append("</p>\n");
        }
        sb.Append("</header>\n");

        AppendOverview(sb, report);
        AppendChecklist(sb, report);
        AppendErrors(sb, report);
        AppendRules(sb, report);

        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void AppendOverview(StringBuilder sb, ChecklistReport report)
    {
        sb.Append("<h2>Areas</h2>\n<p class=\"legend muted\">")
          .Append("<span><svg width=\"10\" height=\"10\" aria-hidden=\"true\"><rect class=\"pass\" width=\"10\" height=\"10\" /></svg> passed</span>")
          .Append("<span><svg width=\"10\" height=\"10\" aria-hidden=\"true\"><rect class=\"fail\" width=\"10\" height=\"10\" /></svg> failed</span>")
          .Append("<span><svg width=\"10\" height=\"10\" aria-hidden=\"true\"><rect class=\"na\" width=\"10\" height=\"10\" /></svg> not applicable</span>")
          .Append("<span><svg width=\"10\" height=\"10\" aria-hidden=\"true\"><rect class=\"err\" width=\"10\" height=\"10\" /></svg> error / not run</span>")
          .Append("<span><svg width=\"10\" height=\"10\" aria-hidden=\"true\"><rect class=\"supp\" width=\"10\" height=\"10\" /></svg> suppressed</span>")
          .Append("</p>\n");
        sb.Append("<table class=\"areas\">\n<thead><tr><th></th><th>Area</th><th>Status</th><th class=\"num\">Checks</th><th>Checks by outcome</th><th>Findings by severity</th></tr></thead>\n<tbody>\n");
        int maxFindings = Math.Max(1, report.Areas.Count == 0 ? 1 : report.Areas.Max(a => a.FindingCount));
        foreach (var a in report.Areas.Where(a => !IsNotCovered(a)))
        {
            string status = ChecklistTextRenderer.Describe(a.Status);
            sb.Append("<tr><td class=\"g ").Append(AreaClass(a.Status)).Append("\">").Append(E(ChecklistTextRenderer.Glyph(a.Status, true))).Append("</td>")
              .Append("<td>").Append(E(a.Title)).Append("</td><td>").Append(E(status)).Append("</td><td class=\"num\">").Append(a.Checks).Append("</td><td>");
            AppendStackedBar(sb, a.Title + " checks",
                new[]
                {
                    ("pass", "passed", a.Passed),
                    ("fail", "failed", a.Failed),
                    ("na", "not applicable", a.NotApplicable),
                    ("err", "error / not run", a.Errors + a.NotRun),
                    ("supp", "suppressed", a.Suppressed),
                },
                Math.Max(1, a.Checks));
            sb.Append("</td><td>");
            var severities = ReportFacts.SeveritiesDescending
                .Select(s => (ReportFacts.SeverityName(s), ReportFacts.SeverityName(s), a.FindingsBySeverity.TryGetValue(s, out int n) ? n : 0))
                .ToArray();
            AppendStackedBar(sb, a.Title + " findings", severities, maxFindings);
            sb.Append(' ').Append(E(ChecklistTextRenderer.DescribeCounts(a.FindingsBySeverity)));
            sb.Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        AppendNotCovered(sb, report);
    }

    private static bool IsNotCovered(AreaSummary a) => a.Status == AreaStatus.NotCovered && a.Checks == 0;

    /// <summary>Areas no rule covers yet, in one line.</summary>
    private static void AppendNotCovered(StringBuilder sb, ChecklistReport report)
    {
        var names = report.Areas.Where(IsNotCovered).Select(a => E(a.Title)).ToList();
        if (names.Count > 0)
        {
            sb.Append("<p class=\"notcovered\">Not covered yet (no rules in this release): ").Append(string.Join(", ", names)).Append("</p>\n");
        }
    }

    /// <summary>A horizontal stacked bar; each segment has a tooltip, the whole an accessible label.</summary>
    private static void AppendStackedBar(StringBuilder sb, string label, IReadOnlyList<(string Css, string Name, int Count)> parts, int scale)
    {
        string description = string.Join(", ", parts.Where(p => p.Count > 0).Select(p => ReportFacts.Number(p.Count) + " " + p.Name));
        if (description.Length == 0)
        {
            description = "none";
        }
        sb.Append("<svg class=\"bar\" width=\"").Append(BarWidth).Append("\" height=\"").Append(BarHeight)
          .Append("\" viewBox=\"0 0 ").Append(BarWidth).Append(' ').Append(BarHeight).Append("\" role=\"img\" aria-label=\"")
          .Append(E(label + ": " + description)).Append("\"><title>").Append(E(label + ": " + description)).Append("</title>");
        sb.Append("<rect class=\"empty\" x=\"0\" y=\"0\" width=\"").Append(BarWidth).Append("\" height=\"").Append(BarHeight).Append("\" />");
        double x = 0;
        foreach (var (css, name, count) in parts)
        {
            if (count <= 0)
            {
                continue;
            }
            double w = Math.Min(BarWidth - x, (double)count / scale * BarWidth);
            sb.Append("<rect class=\"").Append(css).Append("\" x=\"").Append(F(x)).Append("\" y=\"0\" width=\"").Append(F(w))
              .Append("\" height=\"").Append(BarHeight).Append("\"><title>").Append(E(ReportFacts.Number(count) + " " + name)).Append("</title></rect>");
            x += w;
        }
        sb.Append("</svg>");
    }

    private static void AppendChecklist(StringBuilder sb, ChecklistReport report)
    {
        sb.Append("<h2>Checklist</h2>\n");
        var byArea = ReportFacts.OrderedChecks(report).GroupBy(c => c.Area).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var a in report.Areas.Where(a => !IsNotCovered(a)))
        {
            sb.Append("<section class=\"area\" id=\"area-").Append(ReportFacts.AreaName(a.Area)).Append("\">\n<h3><span class=\"g ")
              .Append(AreaClass(a.Status)).Append("\">").Append(E(ChecklistTextRenderer.Glyph(a.Status, true))).Append("</span> ")
              .Append(E(a.Title)).Append(" <span class=\"muted\">— ").Append(E(ChecklistTextRenderer.Describe(a.Status))).Append("</span></h3>\n");
            if (!byArea.TryGetValue(a.Area, out var checks) || checks.Count == 0)
            {
                sb.Append("<p class=\"muted\">No checks ran in this area.</p>\n</section>\n");
                continue;
            }
            sb.Append("<ul class=\"checks\">\n");
            foreach (var c in checks)
            {
                string outcome = ReportFacts.OutcomeName(c.Outcome);
                sb.Append("<li><span class=\"g o-").Append(outcome).Append("\" title=\"").Append(E(outcome)).Append("\">").Append(E(Glyph(c.Outcome))).Append("</span> <code>")
                  .Append(E(c.RuleId)).Append("</code> ").Append(E(c.Title)).Append(" <span class=\"s-").Append(ReportFacts.SeverityName(c.Severity)).Append("\">")
                  .Append(E(ReportFacts.SeverityName(c.Severity))).Append("</span>");
                if (c.Reason != null && c.Outcome != CheckOutcome.Pass && c.Outcome != CheckOutcome.Fail)
                {
                    sb.Append(" <span class=\"muted\">— ").Append(Prose(c.Reason)).Append("</span>");
                }
                sb.Append("</li>\n");
            }
            sb.Append("</ul>\n");
            foreach (var c in checks.Where(c => c.Findings.Count > 0))
            {
                AppendFindings(sb, c);
            }
            sb.Append("</section>\n");
        }
    }

    private static void AppendFindings(StringBuilder sb, CheckResult c)
    {
        var findings = ReportFacts.Ordered(c.Findings);
        sb.Append("<h4><code>").Append(E(c.RuleId)).Append("</code> ").Append(E(c.RuleName)).Append(": ")
          .Append(ReportFacts.Number(c.ActiveFindingCount)).Append(" active, ")
          .Append(ReportFacts.Number(findings.Count - c.ActiveFindingCount)).Append(" suppressed</h4>\n");
        // The Suppression and Evidence columns appear only when some finding has one.
        bool suppressions = findings.Any(f => f.IsSuppressed);
        bool evidence = findings.Any(f => !string.IsNullOrEmpty(f.Evidence));
        sb.Append("<table class=\"findings\">\n<thead><tr><th>Severity</th><th>Location</th><th>Message</th>")
          .Append(evidence ? "<th>Evidence</th>" : "").Append(suppressions ? "<th>Suppression</th>" : "").Append("</tr></thead>\n<tbody>\n");
        foreach (var f in findings)
        {
            string sev = ReportFacts.SeverityName(f.Severity);
            sb.Append("<tr><td class=\"s-").Append(sev).Append("\">").Append(E(sev)).Append("</td><td><code class=\"loc\">").Append(Path(f.Location)).Append("</code></td><td>")
              .Append(Prose(f.Message)).Append("</td>");
            if (evidence)
            {
                sb.Append("<td>");
                if (!string.IsNullOrEmpty(f.Evidence))
                {
                    sb.Append("<code class=\"ev\">").Append(Path(f.Evidence)).Append("</code>");
                }
                sb.Append("</td>");
            }
            if (suppressions)
            {
                sb.Append("<td>").Append(E(f.Suppression ?? "")).Append("</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        var first = findings.FirstOrDefault(f => !string.IsNullOrEmpty(f.Remediation) || !string.IsNullOrEmpty(f.HelpUri));
        if (first != null)
        {
            sb.Append("<p>");
            if (ReportFacts.CommonRemediation(findings) is { } remediation)
            {
                sb.Append("<strong>Fix:</strong> ").Append(Prose(remediation)).Append(' ');
            }
            AppendLink(sb, first.HelpUri, "Rule documentation");
            sb.Append("</p>\n");
        }
    }

    private static void AppendErrors(StringBuilder sb, ChecklistReport report)
    {
        var errors = ReportFacts.OrderedErrors(report);
        if (errors.Count == 0)
        {
            return;
        }
        sb.Append("<h2>Errors and notices</h2>\n<table class=\"errors\">\n<thead><tr><th>Kind</th><th>Id</th><th>Location</th><th>Rule</th><th>Message</th></tr></thead>\n<tbody>\n");
        foreach (var e in errors)
        {
            string location = e.Path == null ? "" : e.Line > 0 ? e.Path + ":" + ReportFacts.Number(e.Line) : e.Path;
            sb.Append("<tr><td class=\"").Append(e.IsError ? "o-error" : "muted").Append("\">").Append(e.IsError ? "error" : "notice").Append("</td><td><code>")
              .Append(E(e.ErrorId)).Append("</code></td><td>");
            if (location.Length > 0)
            {
                sb.Append("<code class=\"loc\">").Append(Path(location)).Append("</code>");
            }
            sb.Append("</td><td>").Append(E(e.RuleId ?? "")).Append("</td><td>").Append(Prose(e.Message)).Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
    }

    private static void AppendRules(StringBuilder sb, ChecklistReport report)
    {
        var rules = ReportFacts.OrderedRules(report);
        sb.Append("<details>\n<summary>").Append(ReportFacts.Number(rules.Count)).Append(rules.Count == 1 ? " rule" : " rules").Append(" run</summary>\n")
          .Append("<table class=\"rules\">\n<thead><tr><th>Rule</th><th>Name</th><th>Area</th><th>Default severity</th><th>Title</th><th>Equivalents</th><th>CWE</th></tr></thead>\n<tbody>\n");
        foreach (var r in rules)
        {
            sb.Append("<tr><td>");
            if (!AppendLink(sb, r.HelpUri, r.Id))
            {
                sb.Append(E(r.Id));
            }
            sb.Append("</td><td><code>").Append(E(r.Name)).Append("</code></td><td>").Append(E(CheckAreas.Title(r.Area))).Append("</td><td>")
              .Append(E(ReportFacts.SeverityName(r.DefaultSeverity))).Append("</td><td>").Append(E(r.Title)).Append("</td><td>")
              .Append(E(string.Join(", ", r.Equivalents))).Append("</td><td>").Append(E(string.Join(", ", r.Cwe))).Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n</details>\n");
    }

    /// <summary>Writes a link only for absolute http(s) URIs, so a report cannot carry <c>javascript:</c> links.</summary>
    private static bool AppendLink(StringBuilder sb, string? uri, string text)
    {
        if (string.IsNullOrEmpty(uri) || !Uri.TryCreate(uri, UriKind.Absolute, out var u) || (u.Scheme != "https" && u.Scheme != "http"))
        {
            return false;
        }
        sb.Append("<a href=\"").Append(E(u.AbsoluteUri)).Append("\">").Append(E(text)).Append("</a>");
        return true;
    }

    private static string Glyph(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Pass => "✓",
        CheckOutcome.Fail => "✗",
        CheckOutcome.NotApplicable => "–",
        CheckOutcome.Suppressed => "~",
        CheckOutcome.Error => "!",
        _ => "?",
    };

    private static string AreaClass(AreaStatus status) => status switch
    {
        AreaStatus.Pass => "o-pass",
        AreaStatus.Fail => "o-fail",
        AreaStatus.Incomplete => "o-error",
        _ => "o-notApplicable",
    };

    /// <summary>Text from the report, HTML-encoded, control characters made visible (one inert line).</summary>
    private static string E(string? text) =>
        WebUtility.HtmlEncode(JUnitReportWriter.Clean(DisplayText.Inert(text)));

    /// <summary>A path (or evidence) that may wrap only after a <c>/</c>, never in the middle of a name.</summary>
    private static string Path(string? text) => E(text).Replace("/", "/<wbr />");

    /// <summary>Message text: backtick spans become <c>&lt;code&gt;</c>, the rest is encoded text.</summary>
    private static string Prose(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var sb = new StringBuilder(text!.Length + 16);
        foreach (var (part, isCode) in ReportText.Spans(text))
        {
            sb.Append(isCode ? "<code>" + E(part) + "</code>" : E(part));
        }
        return sb.ToString();
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
