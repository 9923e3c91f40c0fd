using System;
using System.IO;
using System.Text;
using DeployChecks.Engine.Suppressions;

namespace DeployChecks.Engine.Reporting;

/// <summary>Writes a report in any <see cref="ReportFormat"/>. The CLI, the export cmdlet and the tests all go
/// through here.</summary>
public static class ReportWriters
{
    public static void Write(ChecklistReport report, ReportFormat format, TextWriter writer)
    {
        switch (format)
        {
            case ReportFormat.Text:
                writer.Write(report.ToChecklistText());
                break;
            case ReportFormat.Baseline:
                Baseline.Write(report, writer);
                break;
            case ReportFormat.Json:
                JsonReportWriter.Write(report, writer);
                break;
            case ReportFormat.Sarif:
                SarifReportWriter.Write(report, writer);
                break;
            case ReportFormat.JUnit:
                JUnitReportWriter.Write(report, writer);
                break;
            case ReportFormat.Markdown:
                MarkdownReportWriter.Write(report, writer);
                break;
            case ReportFormat.Html:
                HtmlReportWriter.Write(report, writer);
                break;
            default:
                throw new NotSupportedException($"Report format {format} is not implemented");
        }
    }

    public static string WriteToString(ChecklistReport report, ReportFormat format)
    {
        var sw = new StringWriter();
        Write(report, format, sw);
        return sw.ToString();
    }

    /// <summary>Writes to a file as UTF-8 without BOM, creating the directory; replaces the file atomically.</summary>
    public static void WriteFile(ChecklistReport report, ReportFormat format, string path)
    {
        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
        string temp = full + ".tmp-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        try
        {
            using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
            {
                Write(report, format, writer);
            }
            if (File.Exists(full))
            {
                File.Delete(full);
            }
            File.Move(temp, full);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Parses a format name (case-insensitive; <c>md</c>, <c>xml</c>/<c>junit</c>, <c>txt</c> accepted).</summary>
    public static bool TryParseFormat(string? text, out ReportFormat format)
    {
        format = ReportFormat.Text;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "text": case "txt": format = ReportFormat.Text; return true;
            case "json": format = ReportFormat.Json; return true;
            case "sarif": format = ReportFormat.Sarif; return true;
            case "junit": case "xml": format = ReportFormat.JUnit; return true;
            case "markdown": case "md": format = ReportFormat.Markdown; return true;
            case "html": case "htm": format = ReportFormat.Html; return true;
            case "baseline": format = ReportFormat.Baseline; return true;
            default: return false;
        }
    }
}
