using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace DeployChecks.Engine.Reporting;

/// <summary>
/// GitHub-flavoured Markdown fit for <c>$GITHUB_STEP_SUMMARY</c> or a pull-request comment: verdict, per-area
/// table, a findings table per failing check, suppressed count, errors, and the rules that ran. All report
/// text is escaped, so a message cannot break a table or inject HTML.
/// </summary>
public static class MarkdownReportWriter
{
    /// <summary>Findings listed per check before the rest are summarised (a step summary is limited to 1 MiB).</summary>
    public const int MaxFindingsPerCheck = 50;

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
        string icon = verdict switch
        {
            OverallVerdict.Failed => "❌",
            OverallVerdict.Incomplete => "⚠️",
            _ => "✅",
        };
        sb.Append("## ").Append(icon).Append(" DeployChecks: ").Append(ReportFacts.VerdictTitle(verdict)).Append("\n\n");
        sb.Append("**").Append(EscapeText(ReportFacts.DescribeVerdict(report))).Append("**\n\n");
        sb.Append("Target ").Append(CodeSpan(report.Target)).Append(" · ")
          .Append(ReportFacts.Number(report.FilesScanned)).Append(" files · ")
          .Append(ReportFacts.Number((long)report.Duration.TotalMilliseconds)).Append(" ms · DeployChecks ")
          .Append(EscapeText(report.ToolVersion)).Append(" · ")
          .Append(EscapeText(report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture)))
          .Append("\n\n");
        if (report.VulnerabilityDatabase is { } db)
        {
            sb.Append("Vulnerability data: ").Append(CodeSpan(db.Path)).Append(" · ").Append(EscapeText(db.Kind)).Append(" · ")
              .Append(ReportFacts.Number(db.AdvisoryCount)).Append(" advisories")
              .Append(db.DataDate is { } date ? " · data as of " + date.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "")
              .Append("\n\n");
        }

        AppendAreaTable(sb, report);
        AppendFailingChecks(sb, report);

        int suppressed = ReportFacts.SuppressedCount(report);
        if (suppressed > 0)
        {
            sb.Append("### Suppressed\n\n").Append(ReportFacts.Number(suppressed))
              .Append(suppressed == 1 ? " finding is" : " findings are").Append(" suppressed (inline comments, option file or baseline) and not counted above.\n\n");
        }

        AppendErrors(sb, report);
        AppendRules(sb, report);
        return sb.ToString();
    }

    private static void AppendAreaTable(StringBuilder sb, ChecklistReport report)
    {
        sb.Append("| | Area | Status | Checks | Passed | Failed | N/A | Errors | Critical | High | Medium | Low | Info |\n");
        sb.Append("|:-:|:--|:--|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        var notCovered = new List<string>();
        foreach (var a in report.Areas)
        {
            if (a.Status == AreaStatus.NotCovered && a.Checks == 0)
            {
                notCovered.Add(a.Title);
                continue;
            }
            sb.Append("| ").Append(StatusEmoji(a.Status)).Append(" | ").Append(Cell(a.Title)).Append(" | ")
              .Append(ChecklistTextRenderer.Describe(a.Status)).Append(" | ")
              .Append(a.Checks).Append(" | ").Append(a.Passed).Append(" | ").Append(a.Failed).Append(" | ")
              .Append(a.NotApplicable).Append(" | ").Append(a.Errors + a.NotRun).Append(" |");
            foreach (var s in ReportFacts.SeveritiesDescending)
            {
                a.FindingsBySeverity.TryGetValue(s, out int n);
                sb.Append(' ').Append(n == 0 ? "·" : ReportFacts.Number(n)).Append(" |");
            }
            sb.Append('\n');
        }
        sb.Append('\n');
        if (notCovered.Count > 0)
        {
            sb.Append(StatusEmoji(AreaStatus.NotCovered)).Append(" Not covered yet (no rules in this release): ")
              .Append(string.Join(", ", notCovered.Select(EscapeText))).Append("\n\n");
        }
    }

    private static void AppendFailingChecks(StringBuilder sb, ChecklistReport report)
    {
        var failing = ReportFacts.OrderedChecks(report).Where(c => c.Outcome == CheckOutcome.Fail).ToList();
        if (failing.Count == 0)
        {
            return;
        }
        sb.Append("### Failed checks\n\n");
        foreach (var c in failing)
        {
            var active = ReportFacts.Ordered(c.Findings.Where(f => !f.IsSuppressed));
            sb.Append("#### ❌ ").Append(EscapeText(c.RuleId)).Append(' ').Append(EscapeText(c.Title))
              .Append(" (").Append(ReportFacts.SeverityName(c.Severity)).Append(", ")
              .Append(ReportFacts.Number(active.Count)).Append(active.Count == 1 ? " finding)" : " findings)").Append("\n\n");
            sb.Append("| Severity | Location | Message | Evidence |\n");
            sb.Append("|:--|:--|:--|:--|\n");
            foreach (var f in active.Take(MaxFindingsPerCheck))
            {
                sb.Append("| ").Append(ReportFacts.SeverityName(f.Severity)).Append(" | ")
                  .Append(CodeSpan(f.Location)).Append(" | ")
                  .Append(Prose(f.Message)).Append(" | ")
                  .Append(string.IsNullOrEmpty(f.Evidence) ? "" : CodeSpan(f.Evidence!)).Append(" |\n");
            }
            if (active.Count > MaxFindingsPerCheck)
            {
                sb.Append("\n…and ").Append(ReportFacts.Number(active.Count - MaxFindingsPerCheck)).Append(" more.\n");
            }
            string? remediation = ReportFacts.CommonRemediation(active);
            string? help = c.Findings.Select(f => f.HelpUri).FirstOrDefault(r => !string.IsNullOrWhiteSpace(r));
            if (remediation != null || help != null)
            {
                sb.Append('\n');
                if (remediation != null)
                {
                    sb.Append("**Fix:** ").Append(Prose(remediation)).Append(' ');
                }
                if (help != null && Uri.TryCreate(help, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http"))
                {
                    sb.Append("[").Append(EscapeText(c.RuleId)).Append(" documentation](<").Append(uri.AbsoluteUri.Replace(">", "%3E").Replace("<", "%3C")).Append(">)");
                }
                sb.Append('\n');
            }
            sb.Append('\n');
        }
    }

    private static void AppendErrors(StringBuilder sb, ChecklistReport report)
    {
        var errors = ReportFacts.OrderedErrors(report);
        var notRun = ReportFacts.OrderedChecks(report).Where(c => c.Outcome == CheckOutcome.Error || c.Outcome == CheckOutcome.NotRun).ToList();
        if (errors.Count == 0 && notRun.Count == 0)
        {
            return;
        }
        sb.Append("### Errors and notices\n\n");
        if (notRun.Count > 0)
        {
            foreach (var c in notRun)
            {
                sb.Append("- ⚠️ ").Append(EscapeText(c.RuleId)).Append(' ').Append(EscapeText(c.Title)).Append(": ")
                  .Append(c.Outcome == CheckOutcome.Error ? "errored" : "not run");
                if (!string.IsNullOrEmpty(c.Reason))
                {
                    sb.Append(" — ").Append(Prose(c.Reason!));
                }
                sb.Append('\n');
            }
            sb.Append('\n');
        }
        if (errors.Count > 0)
        {
            sb.Append("| Kind | Id | Location | Message |\n|:--|:--|:--|:--|\n");
            foreach (var e in errors)
            {
                string location = e.Path == null ? "" : CodeSpan(e.Line > 0 ? e.Path + ":" + ReportFacts.Number(e.Line) : e.Path);
                sb.Append("| ").Append(e.IsError ? "error" : "notice").Append(" | ").Append(Cell(e.ErrorId)).Append(" | ")
                  .Append(location).Append(" | ").Append(Prose(e.Message)).Append(" |\n");
            }
            sb.Append('\n');
        }
    }

    private static void AppendRules(StringBuilder sb, ChecklistReport report)
    {
        var rules = ReportFacts.OrderedRules(report);
        var outcomes = new Dictionary<string, CheckOutcome>(StringComparer.Ordinal);
        foreach (var c in report.Checks)
        {
            outcomes[c.RuleId] = c.Outcome;
        }
        sb.Append("<details>\n<summary>").Append(ReportFacts.Number(rules.Count)).Append(rules.Count == 1 ? " rule" : " rules").Append(" run</summary>\n\n");
        sb.Append("| Rule | Name | Area | Severity | Outcome | Title | Equivalents |\n|:--|:--|:--|:--|:--|:--|:--|\n");
        foreach (var r in rules)
        {
            string outcome = outcomes.TryGetValue(r.Id, out var o) ? ChecklistTextRenderer.Glyph(o, true) + " " + ChecklistTextRenderer.Describe(o) : "";
            string id = Uri.TryCreate(r.HelpUri, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http")
                ? "[" + EscapeText(r.Id) + "](<" + uri.AbsoluteUri.Replace(">", "%3E").Replace("<", "%3C") + ">)"
                : Cell(r.Id);
            sb.Append("| ").Append(id).Append(" | ").Append(CodeSpan(r.Name)).Append(" | ").Append(Cell(CheckAreas.Title(r.Area)))
              .Append(" | ").Append(ReportFacts.SeverityName(r.DefaultSeverity)).Append(" | ").Append(Cell(outcome))
              .Append(" | ").Append(Cell(r.Title)).Append(" | ").Append(string.Join(", ", r.Equivalents.Select(CodeSpan))).Append(" |\n");
        }
        sb.Append("\n</details>\n");
    }

    public static string StatusEmoji(AreaStatus status) => status switch
    {
        AreaStatus.Pass => "✅",
        AreaStatus.Fail => "❌",
        AreaStatus.NotApplicable => "➖",
        AreaStatus.Incomplete => "⚠️",
        _ => "⬜",
    };

    /// <summary>Escapes text so it renders literally in Markdown (inline and in table cells): backslash-escapes
    /// the punctuation that starts emphasis, links, code, HTML, entities, tables, strikethrough and math.</summary>
    public static string EscapeText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var sb = new StringBuilder(text!.Length + 8);
        foreach (char ch in OneLine(text))
        {
            switch (ch)
            {
                case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
                case '|': case '~': case '&': case '$': case '#': case '!':
                    sb.Append('\\').Append(ch);
                    break;
                default:
                    sb.Append(ch);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A table cell: escaped text on one line.</summary>
    public static string Cell(string? text) => EscapeText(text);

    /// <summary>Message text: backtick spans (<c>`flask run`</c>) render as code, everything else is escaped literal
    /// text. An unmatched backtick stays a literal backtick.</summary>
    public static string Prose(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var sb = new StringBuilder(text!.Length + 16);
        foreach (var (part, isCode) in ReportText.Spans(text))
        {
            sb.Append(isCode ? CodeSpan(part) : EscapeText(part));
        }
        return sb.ToString();
    }

    /// <summary>Text as a code span that survives in a table cell: a backtick fence longer than any run of backticks
    /// inside, padded when the text starts or ends with a backtick, and pipes escaped (GFM tables split on them
    /// even inside code spans; <c>\|</c> renders as <c>|</c>).</summary>
    public static string CodeSpan(string text)
    {
        string content = CodeContent(text);
        if (content.Length == 0)
        {
            return "";
        }
        int longest = 0, run = 0;
        foreach (char ch in content)
        {
            run = ch == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        string fence = new string('`', longest + 1);
        bool pad = content[0] == '`' || content[content.Length - 1] == '`' || (content[0] == ' ' && content[content.Length - 1] == ' ');
        return pad ? fence + " " + content + " " + fence : fence + content + fence;
    }

    private static string CodeContent(string text) => OneLine(text).Replace("|", "\\|");

    /// <summary>One inert line: control characters made visible (<see cref="DisplayText.Escape"/>).</summary>
    private static string OneLine(string text) => DisplayText.Inert(text);
}
