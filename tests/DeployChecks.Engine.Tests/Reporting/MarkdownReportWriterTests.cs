using System;
using System.Linq;
using System.Text.RegularExpressions;
using DeployChecks.Engine.Reporting;

namespace DeployChecks.Engine.Tests.Reporting;

public class MarkdownReportWriterTests
{
    /// <summary>Cells of a GFM table row: split on pipes not escaped by a backslash.</summary>
    private static int CellCount(string row) => Regex.Split(row.Trim().Trim('|'), @"(?<!\\)\|").Length;

    [Fact]
    public void Headline_area_table_and_details()
    {
        var report = ReportFixtures.HandBuilt();
        string md = ReportWriters.WriteToString(report, ReportFormat.Markdown);
        var lines = md.Split('\n');
        Assert.Equal("## ❌ DeployChecks: Failed", lines[0]);
        Assert.Equal("**2 of 7 checks failed, 3 findings (2 high, 1 info); 2 checks errored or did not run; 2 input errors; gate failed: 2 finding(s) at or above high, 3 error(s): not everything could be checked**", lines[2]);

        int header = Array.FindIndex(lines, l => l.StartsWith("| | Area |", StringComparison.Ordinal));
        Assert.True(header >= 0);
        int columns = CellCount(lines[header]);
        var rows = lines.Skip(header + 2).TakeWhile(l => l.StartsWith("|", StringComparison.Ordinal)).ToList();
        // Areas no rule covers take one line under the table instead of a row each.
        Assert.Equal(report.Areas.Count - 2, rows.Count);
        Assert.All(rows, r => Assert.Equal(columns, CellCount(r)));
        Assert.DoesNotContain(rows, r => r.StartsWith("| ⬜ |", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("⬜ Not covered yet (no rules in this release): ", StringComparison.Ordinal));
        Assert.Single(rows, r => r.StartsWith("| ⚠️ |", StringComparison.Ordinal));
        Assert.Single(rows, r => r.StartsWith("| ➖ |", StringComparison.Ordinal));
        Assert.Equal(2, rows.Count(r => r.StartsWith("| ❌ |", StringComparison.Ordinal)));

        Assert.Contains("<details>", md);
        Assert.Contains("</details>", md);
        Assert.Contains("3 findings are suppressed", md);
        Assert.Contains("### Errors and notices", md);
    }

    [Fact]
    public void Findings_tables_escape_pipes_backticks_and_markup()
    {
        string md = ReportWriters.WriteToString(ReportFixtures.HandBuilt(), ReportFormat.Markdown);
        var lines = md.Split('\n');
        int heading = Array.FindIndex(lines, l => l.StartsWith("#### ❌ DC1001", StringComparison.Ordinal));
        Assert.True(heading >= 0, md);
        Assert.Contains("2 findings", lines[heading]);
        Assert.Equal("| Severity | Location | Message | Evidence |", lines[heading + 2]);
        var rows = lines.Skip(heading + 4).TakeWhile(l => l.StartsWith("|", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(4, CellCount(r)));

        string nasty = rows.Single(r => r.Contains("Message", StringComparison.Ordinal));
        Assert.Contains("`config/my file <x>.env:3`", nasty);
        // Backtick spans in messages render as code; the rest is literal text.
        Assert.Contains("\\<script\\>alert(\"x\")\\</script\\> \\& 'q' \\| a `tick` \\`\\`two\\`\\`", nasty);
        Assert.Contains("\\\\x01end", nasty); // a control character is shown escaped, not dropped silently
        Assert.Contains("\\[link\\](javascript:x)", nasty);
        Assert.DoesNotContain("\u0001", nasty, StringComparison.Ordinal);
        Assert.Contains("```KEY=<script>", nasty);
        string whole = rows.Single(r => r.Contains("whole-file", StringComparison.Ordinal));
        Assert.Contains("``a\\|b`c.env``", whole);
        Assert.DoesNotContain("plain message", md);
    }

    [Theory]
    [InlineData("plain", "`plain`")]
    [InlineData("a`b", "``a`b``")]
    [InlineData("`x", "`` `x ``")]
    [InlineData("a|b", "`a\\|b`")]
    [InlineData("two\nlines", "`two\\nlines`")]
    public void Code_spans_survive_backticks_and_pipes(string text, string expected)
    {
        Assert.Equal(expected, MarkdownReportWriter.CodeSpan(text));
    }

    [Fact]
    public void Passing_report_says_passed()
    {
        var report = ReportFixtures.HandBuilt();
        report.FailOn = Severity.Critical;
        report.Errors = Array.Empty<ReportMessage>();
        report.Checks = report.Checks.Where(c => c.Outcome != CheckOutcome.Error && c.Outcome != CheckOutcome.NotRun).ToList();
        string md = ReportWriters.WriteToString(report, ReportFormat.Markdown);
        Assert.StartsWith("## ✅ DeployChecks: Passed", md);
        Assert.Contains("gate passed: nothing at or above critical", md);
    }
}
