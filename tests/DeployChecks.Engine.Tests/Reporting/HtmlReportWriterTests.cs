using System;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using DeployChecks.Engine.Reporting;

namespace DeployChecks.Engine.Tests.Reporting;

public class HtmlReportWriterTests
{
    private static XDocument ParseXml(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }

    [Fact]
    public void Page_is_well_formed_self_contained_and_has_charts()
    {
        var report = ReportFixtures.HandBuilt();
        string html = ReportWriters.WriteToString(report, ReportFormat.Html);
        Assert.StartsWith("<!DOCTYPE html>", html);
        var doc = ParseXml(html);
        Assert.Equal("html", doc.Root!.Name.LocalName);

        Assert.Contains("prefers-color-scheme: dark", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(doc.Descendants(), e => e.Attribute("src") != null);
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName == "img");
        Assert.All(doc.Descendants("a"), a => Assert.StartsWith("https://", a.Attribute("href")!.Value));

        var bars = doc.Descendants("svg").Where(s => (string?)s.Attribute("class") == "bar").ToList();
        Assert.Equal(report.Areas.Count(a => a.Status != AreaStatus.NotCovered || a.Checks > 0) * 2, bars.Count);
        Assert.Contains(bars, b => b.Attribute("aria-label")!.Value == "Configuration checks: 1 passed, 1 failed, 1 suppressed");
    }

    [Fact]
    public void User_text_is_encoded()
    {
        string html = ReportWriters.WriteToString(ReportFixtures.HandBuilt(), ReportFormat.Html);
        Assert.Contains("Message &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; | a <code>tick</code> ``two``", html);
        Assert.Contains("Title of env-file-not-ignored &lt;b&gt;&amp;&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>&</b>", html);
        Assert.DoesNotContain("\u0001", html, StringComparison.Ordinal);
        var doc = ParseXml(html);
        string text = string.Concat(doc.Descendants("td").Select(td => td.Value));
        Assert.Contains("Message <script>alert(\"x\")</script> & 'q' | a tick ``two`` *bold* [link](javascript:x) ünïcødé ✓ 🚀 \\x01end", text);
    }

    [Fact]
    public void Checklist_shows_glyphs_per_outcome_and_errors()
    {
        var report = ReportFixtures.HandBuilt();
        var doc = ParseXml(ReportWriters.WriteToString(report, ReportFormat.Html));
        var glyphs = doc.Descendants("li").Select(li => li.Elements("span").First().Value).ToList();
        Assert.Equal(report.Checks.Count, glyphs.Count);
        Assert.Equal(2, glyphs.Count(g => g == "✗"));
        Assert.Single(glyphs, g => g == "✓");
        Assert.Single(glyphs, g => g == "–");
        var errorRows = doc.Descendants("table").Single(t => (string?)t.Attribute("class") == "errors").Descendants("tr").Skip(1).ToList();
        Assert.Equal(3, errorRows.Count);
        // Areas no rule covers take one line, not a section each.
        Assert.Single(doc.Descendants("p"), p => p.Value.StartsWith("Not covered yet", StringComparison.Ordinal));
    }

    [Fact]
    public void Real_run_renders()
    {
        var doc = ParseXml(ReportWriters.WriteToString(ReportFixtures.Real, ReportFormat.Html));
        Assert.Contains(doc.Descendants("table"), t => (string?)t.Attribute("class") == "findings");
    }
}
