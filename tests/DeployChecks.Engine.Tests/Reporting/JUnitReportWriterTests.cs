using System.Linq;
using System.Xml.Linq;
using DeployChecks.Engine.Reporting;

namespace DeployChecks.Engine.Tests.Reporting;

public class JUnitReportWriterTests
{
    private static XDocument Parse(ChecklistReport report)
    {
        string xml = ReportWriters.WriteToString(report, ReportFormat.JUnit);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml);
        return XDocument.Parse(xml);
    }

    private static int Attr(XElement e, string name) => int.Parse(e.Attribute(name)!.Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Hand_built_report_has_one_suite_per_area_and_one_case_per_check()
    {
        var report = ReportFixtures.HandBuilt();
        var doc = Parse(report);
        var root = doc.Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal("DeployChecks", root.Attribute("name")!.Value);

        var suites = root.Elements("testsuite").ToList();
        Assert.Equal(report.Areas.Select(a => a.Title), suites.Select(s => s.Attribute("name")!.Value));
        var cases = root.Descendants("testcase").ToList();
        Assert.Equal(report.Checks.Count + 2, cases.Count);
        Assert.Equal(cases.Count, Attr(root, "tests"));
        Assert.Equal(2, Attr(root, "failures"));
        Assert.Equal(1, Attr(root, "errors"));
        Assert.Equal(5, Attr(root, "skipped"));
        Assert.Equal(2, cases.Count(c => c.Element("failure") != null));
        Assert.Equal(1, cases.Count(c => c.Element("error") != null));
        Assert.Equal(5, cases.Count(c => c.Element("skipped") != null));
        foreach (var s in suites)
        {
            var mine = s.Elements("testcase").ToList();
            Assert.Equal(mine.Count, Attr(s, "tests"));
            Assert.Equal(mine.Count(c => c.Element("failure") != null), Attr(s, "failures"));
            Assert.Equal(mine.Count(c => c.Element("skipped") != null), Attr(s, "skipped"));
            Assert.NotNull(s.Attribute("timestamp"));
            Assert.NotNull(s.Attribute("time"));
        }

        var notCovered = cases.Where(c => c.Attribute("name")!.Value.EndsWith(" not covered", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(2, notCovered.Count);
        Assert.All(notCovered, c => Assert.Equal("no rules cover this area yet", c.Element("skipped")!.Attribute("message")!.Value));
        Assert.Contains(notCovered, c => c.Attribute("classname")!.Value == "DeployChecks.Dependencies");
    }

    [Fact]
    public void Failure_lists_active_findings_with_clean_text()
    {
        var doc = Parse(ReportFixtures.HandBuilt());
        var c = doc.Descendants("testcase").Single(t => t.Attribute("name")!.Value.StartsWith("DC1001 ", System.StringComparison.Ordinal));
        Assert.Equal("DeployChecks.Configuration", c.Attribute("classname")!.Value);
        Assert.Equal("DC1001 Title of env-file-not-ignored <b>&</b>", c.Attribute("name")!.Value);
        var failure = c.Element("failure")!;
        Assert.Equal("2 finding(s)", failure.Attribute("message")!.Value);
        Assert.Equal("high", failure.Attribute("type")!.Value);
        string text = failure.Value;
        Assert.Contains("config/my file <x>.env:3", text);
        Assert.Contains("<script>alert(\"x\")</script> & 'q' | a `tick`", text);
        Assert.Contains("🚀 \\x01end", text, System.StringComparison.Ordinal); // shown escaped, not dropped
        Assert.DoesNotContain("\u0001", text, System.StringComparison.Ordinal);
        Assert.Contains("evidence: KEY=", text);
        Assert.Contains("fix: Fix env-file-not-ignored | now.", text);
        Assert.Contains("help: https://", text);
        Assert.Contains("a|b`c.env", text);
        Assert.DoesNotContain("plain message", text);
        Assert.Contains("1 more suppressed", text);

        var error = doc.Descendants("testcase").Single(t => t.Attribute("name")!.Value.StartsWith("DC7001 ", System.StringComparison.Ordinal)).Element("error")!;
        Assert.StartsWith("InvalidOperationException: boom <script>", error.Attribute("message")!.Value);
        var suppressed = doc.Descendants("testcase").Single(t => t.Attribute("name")!.Value.StartsWith("DC1002 ", System.StringComparison.Ordinal)).Element("skipped")!;
        Assert.Equal("baseline", suppressed.Attribute("message")!.Value);
        var pass = doc.Descendants("testcase").Single(t => t.Attribute("name")!.Value.StartsWith("DC1003 ", System.StringComparison.Ordinal));
        Assert.DoesNotContain(pass.Elements(), e => e.Name != "system-out");
    }

    [Fact]
    public void Real_run_parses_and_matches_the_report()
    {
        var report = ReportFixtures.Real;
        var doc = Parse(report);
        var cases = doc.Descendants("testcase").ToList();
        int notCovered = report.Areas.Count(a => a.Status == AreaStatus.NotCovered && report.Checks.All(c => c.Area != a.Area));
        Assert.Equal(report.Checks.Count + notCovered, cases.Count);
        Assert.Equal(report.Checks.Count(c => c.Outcome == CheckOutcome.Fail), cases.Count(c => c.Element("failure") != null));
        Assert.True(cases.Count(c => c.Element("failure") != null) > 0);
    }

    [Fact]
    public void Clean_strips_characters_xml_cannot_carry_and_keeps_astral_ones()
    {
        Assert.Equal("ab🚀c", JUnitReportWriter.Clean("a\u0000b🚀\uFFFE\uD800c"));
        Assert.Equal("tab\tnl\n", JUnitReportWriter.Clean("tab\tnl\n"));
    }
}
