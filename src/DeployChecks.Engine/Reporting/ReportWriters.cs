using System;
using System.Collections.Generic;
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
            case ReportFormat.GitHub:
                CiLogWriter.WriteGitHub(report, writer);
                break;
            case ReportFormat.Azure:
                CiLogWriter.WriteAzure(report, writer);
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

    /// <summary>Writes to a file as UTF-8 without BOM through <see cref="OutputFile"/>: a regular file is replaced
    /// atomically, a FIFO or device written through, anything else refused (<see cref="OutputPathException"/>).</summary>
    public static void WriteFile(ChecklistReport report, ReportFormat format, string path, string option = "-Path") =>
        WriteFile(report, format, OutputFile.Resolve(path, option));

    /// <summary>Writes to a target resolved (and so validated) before the run.</summary>
    public static void WriteFile(ChecklistReport report, ReportFormat format, OutputTarget target, TextWriter? standardOutput = null,
        TextWriter? standardError = null) =>
        OutputFile.Write(target, w => Write(report, format, w), standardOutput, standardError);

    /// <summary>The canonical format names, for messages.</summary>
    public static IReadOnlyList<string> FormatNames { get; } = new[] { "text", "json", "sarif", "junit", "markdown", "html", "baseline", "github", "azure" };

    /// <summary>The canonical name of a format.</summary>
    public static string FormatName(ReportFormat format) => format switch
    {
        ReportFormat.JUnit => "junit",
        ReportFormat.GitHub => "github",
        _ => format.ToString().ToLowerInvariant(),
    };

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
            case "github": format = ReportFormat.GitHub; return true;
            case "azure": case "azure-pipelines": format = ReportFormat.Azure; return true;
            default: return false;
        }
    }
}
