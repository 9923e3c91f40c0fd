using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace DeployChecks.Engine.Reporting;

/// <summary>
/// JUnit XML as Azure DevOps <c>PublishTestResults</c> (format JUnit) and the GitHub test reporters read it:
/// one <c>testsuite</c> per checklist area, one <c>testcase</c> per check; failures list the active findings,
/// errored checks are <c>error</c>, checks that did not apply, did not run or were suppressed are <c>skipped</c>,
/// and areas no rule covers yet get one skipped placeholder case.
/// </summary>
public static class JUnitReportWriter
{
    public const string NotCoveredMessage = "no rules cover this area yet";

    public static void Write(ChecklistReport report, TextWriter writer)
    {
        if (report == null)
        {
            throw new ArgumentNullException(nameof(report));
        }
        // The declaration is written by hand: XmlWriter would declare the TextWriter's encoding (UTF-16 for a
        // StringWriter), while files are written, and read, as UTF-8.
        writer.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        var settings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            CheckCharacters = true,
            CloseOutput = false,
        };
        using (var xml = XmlWriter.Create(writer, settings))
        {
            WriteDocument(report, xml);
        }
        writer.Write('\n');
    }

    private static void WriteDocument(ChecklistReport report, XmlWriter xml)
    {
        var byArea = new Dictionary<CheckArea, List<CheckResult>>();
        foreach (var c in ReportFacts.OrderedChecks(report))
        {
            if (!byArea.TryGetValue(c.Area, out var list))
            {
                byArea[c.Area] = list = new List<CheckResult>();
            }
            list.Add(c);
        }
        var areas = report.Areas.ToList();
        // Checks of an area the report does not summarise still appear, in a suite of their own.
        foreach (var area in byArea.Keys.Where(a => areas.All(s => s.Area != a)).OrderBy(a => (int)a))
        {
            areas.Add(new AreaSummary { Area = area, Title = CheckAreas.Title(area), Status = AreaStatus.Incomplete });
        }

        int tests = 0, failures = 0, errors = 0, skipped = 0;
        foreach (var a in areas)
        {
            var checks = byArea.TryGetValue(a.Area, out var l) ? l : new List<CheckResult>();
            if (checks.Count == 0 && a.Status == AreaStatus.NotCovered)
            {
                tests++;
                skipped++;
                continue;
            }
            tests += checks.Count;
            failures += checks.Count(c => c.Outcome == CheckOutcome.Fail);
            errors += checks.Count(c => c.Outcome == CheckOutcome.Error);
            skipped += checks.Count(IsSkipped);
        }

        string timestamp = report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "DeployChecks");
        xml.WriteAttributeString("tests", ReportFacts.Number(tests));
        xml.WriteAttributeString("failures", ReportFacts.Number(failures));
        xml.WriteAttributeString("errors", ReportFacts.Number(errors));
        xml.WriteAttributeString("skipped", ReportFacts.Number(skipped));
        xml.WriteAttributeString("time", ReportFacts.Seconds(report.Duration));
        xml.WriteAttributeString("timestamp", timestamp);

        int id = 0;
        foreach (var a in areas)
        {
            var checks = byArea.TryGetValue(a.Area, out var l) ? l : new List<CheckResult>();
            WriteSuite(report, xml, a, checks, id++, timestamp);
        }
        xml.WriteEndElement();
    }

    private static void WriteSuite(ChecklistReport report, XmlWriter xml, AreaSummary area, List<CheckResult> checks, int id, string timestamp)
    {
        string className = "DeployChecks." + area.Area;
        bool placeholder = checks.Count == 0 && area.Status == AreaStatus.NotCovered;
        var time = TimeSpan.FromTicks(checks.Sum(c => c.Duration.Ticks));

        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Clean(area.Title));
        xml.WriteAttributeString("id", ReportFacts.Number(id));
        xml.WriteAttributeString("package", className);
        xml.WriteAttributeString("tests", ReportFacts.Number(placeholder ? 1 : checks.Count));
        xml.WriteAttributeString("failures", ReportFacts.Number(checks.Count(c => c.Outcome == CheckOutcome.Fail)));
        xml.WriteAttributeString("errors", ReportFacts.Number(checks.Count(c => c.Outcome == CheckOutcome.Error)));
        xml.WriteAttributeString("skipped", ReportFacts.Number(placeholder ? 1 : checks.Count(IsSkipped)));
        xml.WriteAttributeString("time", ReportFacts.Seconds(time));
        xml.WriteAttributeString("timestamp", timestamp);
        xml.WriteAttributeString("hostname", "localhost");

        xml.WriteStartElement("properties");
        WriteProperty(xml, "target", report.Target);
        WriteProperty(xml, "toolVersion", report.ToolVersion);
        WriteProperty(xml, "areaStatus", ReportFacts.StatusName(area.Status));
        xml.WriteEndElement();

        if (placeholder)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", className);
            xml.WriteAttributeString("name", Clean(area.Title) + " not covered");
            xml.WriteAttributeString("time", ReportFacts.Seconds(TimeSpan.Zero));
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", NotCoveredMessage);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        foreach (var c in checks)
        {
            WriteCase(xml, className, c);
        }
        xml.WriteEndElement();
    }

    private static void WriteCase(XmlWriter xml, string className, CheckResult c)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", className);
        xml.WriteAttributeString("name", Clean(c.RuleId + " " + c.Title));
        xml.WriteAttributeString("time", ReportFacts.Seconds(c.Duration));
        switch (c.Outcome)
        {
            case CheckOutcome.Fail:
            {
                var active = ReportFacts.Ordered(c.Findings.Where(f => !f.IsSuppressed));
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", ReportFacts.Number(active.Count) + " finding(s)");
                xml.WriteAttributeString("type", ReportFacts.SeverityName(c.Severity));
                xml.WriteString(Clean(DescribeFindings(c, active)));
                xml.WriteEndElement();
                break;
            }
            case CheckOutcome.Error:
                xml.WriteStartElement("error");
                xml.WriteAttributeString("message", Line(c.Reason ?? "the check failed"));
                xml.WriteAttributeString("type", "error");
                xml.WriteString(Line(c.Reason ?? "the check failed"));
                xml.WriteEndElement();
                break;
            case CheckOutcome.NotApplicable:
            case CheckOutcome.NotRun:
            case CheckOutcome.Suppressed:
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", Line(c.Reason ?? DefaultReason(c.Outcome)));
                xml.WriteEndElement();
                break;
        }
        xml.WriteEndElement();
    }

    private static string DescribeFindings(CheckResult c, IReadOnlyList<Finding> active)
    {
        var sb = new StringBuilder();
        sb.Append(c.RuleId).Append(' ').Append(c.RuleName).Append(": ").Append(c.Title).Append('\n');
        foreach (var f in active)
        {
            // Values from the repository stay on their line (a newline in a file name cannot forge a finding).
            sb.Append('\n').Append('[').Append(ReportFacts.SeverityName(f.Severity)).Append("] ").Append(DisplayText.Inert(f.Location)).Append(": ")
              .Append(DisplayText.Inert(f.Message)).Append('\n');
            if (!string.IsNullOrEmpty(f.Evidence))
            {
                sb.Append("  evidence: ").Append(DisplayText.Inert(f.Evidence)).Append('\n');
            }
            if (!string.IsNullOrEmpty(f.Remediation))
            {
                sb.Append("  fix: ").Append(DisplayText.Inert(f.Remediation)).Append('\n');
            }
            if (!string.IsNullOrEmpty(f.HelpUri))
            {
                sb.Append("  help: ").Append(f.HelpUri).Append('\n');
            }
        }
        int suppressed = c.Findings.Count - active.Count;
        if (suppressed > 0)
        {
            sb.Append('\n').Append(ReportFacts.Number(suppressed)).Append(" more suppressed\n");
        }
        return sb.ToString();
    }

    private static string DefaultReason(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.NotApplicable => "not applicable",
        CheckOutcome.NotRun => "not run",
        CheckOutcome.Suppressed => "all findings suppressed",
        _ => outcome.ToString(),
    };

    private static bool IsSkipped(CheckResult c) =>
        c.Outcome == CheckOutcome.NotApplicable || c.Outcome == CheckOutcome.NotRun || c.Outcome == CheckOutcome.Suppressed;

    private static void WriteProperty(XmlWriter xml, string name, string? value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", Line(value ?? ""));
        xml.WriteEndElement();
    }

    /// <summary>One line of text from the repository: control characters escaped, then XML-clean.</summary>
    private static string Line(string? text) => Clean(DisplayText.Inert(text));

    /// <summary>Removes characters XML 1.0 cannot carry (most C0 controls, lone surrogates, U+FFFE/U+FFFF).</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        StringBuilder? sb = null;
        for (int i = 0; i < text!.Length; i++)
        {
            char ch = text[i];
            if (XmlConvert.IsXmlChar(ch))
            {
                sb?.Append(ch);
                continue;
            }
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], ch))
            {
                sb?.Append(ch).Append(text[i + 1]);
                i++;
                continue;
            }
            sb ??= new StringBuilder(text.Length).Append(text, 0, i);
        }
        return sb?.ToString() ?? text;
    }
}
