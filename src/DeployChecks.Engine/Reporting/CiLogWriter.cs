using System;
using System.IO;
using System.Text;

namespace DeployChecks.Engine.Reporting;

/// <summary>Reports for a CI step's log: one annotation per active finding and per input error, in the workflow-command
/// syntax of GitHub Actions or the logging-command syntax of Azure Pipelines, then the checklist. Every value taken
/// from the repository (paths, messages) is escaped the way the runner unescapes it, so a hostile file name cannot end
/// an annotation early or start a command of its own.</summary>
public static class CiLogWriter
{
    /// <summary><c>::error file=…,line=…,col=…,title=…::message</c>. Critical/High are errors, Medium/Low warnings, Info
    /// notices; input errors are errors, notices notices.</summary>
    public static void WriteGitHub(ChecklistReport report, TextWriter writer, string? baseDirectory = null)
    {
        string root = BaseDirectory(baseDirectory);
        foreach (var f in ReportFacts.Ordered(report.Findings))
        {
            if (f.IsSuppressed)
            {
                continue;
            }
            string level = f.Severity >= Severity.High ? "error" : f.Severity >= Severity.Low ? "warning" : "notice";
            var sb = new StringBuilder("::").Append(level).Append(" file=").Append(GitHubProperty(RepoPath(root, report.Target, f.Path)));
            if (f.Line > 0)
            {
                sb.Append(",line=").Append(f.Line);
                if (f.Column > 0)
                {
                    sb.Append(",col=").Append(f.Column);
                }
            }
            sb.Append(",title=").Append(GitHubProperty($"{f.RuleId} {f.RuleName} ({ReportFacts.SeverityName(f.Severity)})"));
            sb.Append("::").Append(GitHubData(f.Message + (string.IsNullOrEmpty(f.Remediation) ? "" : "\nFix: " + f.Remediation)));
            writer.WriteLine(sb.ToString());
        }
        foreach (var e in ReportFacts.OrderedErrors(report))
        {
            var sb = new StringBuilder("::").Append(e.IsError ? "error" : "notice");
            bool first = true;
            if (e.Path != null)
            {
                sb.Append(" file=").Append(GitHubProperty(RepoPath(root, report.Target, e.Path)));
                first = false;
                if (e.Line > 0)
                {
                    sb.Append(",line=").Append(e.Line);
                }
            }
            sb.Append(first ? " " : ",").Append("title=").Append(GitHubProperty("DeployChecks " + e.ErrorId));
            sb.Append("::").Append(GitHubData(e.Message));
            writer.WriteLine(sb.ToString());
        }
        writer.Write(DisplayText.DefuseLogCommandLines(report.ToChecklistText()));
    }

    /// <summary><c>##vso[task.logissue type=error;sourcepath=…;linenumber=…;columnnumber=…;code=…]message</c>.
    /// Critical/High are errors, the rest warnings (Azure has no notice level).</summary>
    public static void WriteAzure(ChecklistReport report, TextWriter writer, string? baseDirectory = null)
    {
        string root = BaseDirectory(baseDirectory);
        foreach (var f in ReportFacts.Ordered(report.Findings))
        {
            if (f.IsSuppressed)
            {
                continue;
            }
            var sb = new StringBuilder("##vso[task.logissue type=").Append(f.Severity >= Severity.High ? "error" : "warning")
                .Append(";sourcepath=").Append(AzureEscape(RepoPath(root, report.Target, f.Path)));
            if (f.Line > 0)
            {
                sb.Append(";linenumber=").Append(f.Line);
                if (f.Column > 0)
                {
                    sb.Append(";columnnumber=").Append(f.Column);
                }
            }
            sb.Append(";code=").Append(AzureEscape(f.RuleId)).Append(";]")
              .Append(AzureEscape($"{f.RuleId} {ReportFacts.SeverityName(f.Severity)}: {f.Message}"));
            writer.WriteLine(sb.ToString());
        }
        foreach (var e in ReportFacts.OrderedErrors(report))
        {
            var sb = new StringBuilder("##vso[task.logissue type=").Append(e.IsError ? "error" : "warning");
            if (e.Path != null)
            {
                sb.Append(";sourcepath=").Append(AzureEscape(RepoPath(root, report.Target, e.Path)));
                if (e.Line > 0)
                {
                    sb.Append(";linenumber=").Append(e.Line);
                }
            }
            sb.Append(";code=").Append(AzureEscape(e.ErrorId)).Append(";]").Append(AzureEscape(e.Message));
            writer.WriteLine(sb.ToString());
        }
        writer.Write(DisplayText.DefuseLogCommandLines(report.ToChecklistText()));
    }

    /// <summary>Escapes a workflow-command message as the runner unescapes it (<c>%</c>, CR, LF), after control
    /// characters other than the newline are made visible.</summary>
    public static string GitHubData(string text) =>
        Visible(text).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>Escapes a workflow-command property value: as data, plus <c>:</c> and <c>,</c>, so a value cannot
    /// close the property list (<c>::</c>) or add a property.</summary>
    public static string GitHubProperty(string text) =>
        GitHubData(text).Replace(":", "%3A").Replace(",", "%2C");

    /// <summary>Escapes an Azure Pipelines logging-command value (the agent's own escape table).</summary>
    public static string AzureEscape(string text) =>
        Visible(text).Replace("%", "%AZP25").Replace(";", "%3B").Replace("\r", "%0D").Replace("\n", "%0A").Replace("]", "%5D")
            .Replace("##vso[", "##vso ["); // the agent looks for this marker anywhere in a line

    /// <summary>Control characters other than line breaks made visible; line breaks kept for the runner's own escape.</summary>
    private static string Visible(string text)
    {
        var parts = (text ?? "").Split('\n');
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = DisplayText.Escape(parts[i].TrimEnd('\r'));
        }
        return string.Join("\n", parts);
    }

    private static string BaseDirectory(string? given) =>
        given ?? Environment.GetEnvironmentVariable("GITHUB_WORKSPACE") ?? Environment.GetEnvironmentVariable("BUILD_SOURCESDIRECTORY") ??
        Directory.GetCurrentDirectory();

    /// <summary>A finding's path as the CI service resolves it: relative to the checkout (the base directory) when the
    /// target lies inside it, else relative to the target.</summary>
    private static string RepoPath(string baseDirectory, string target, string relative)
    {
        string full = Path.GetFullPath(Path.Combine(target, relative.Replace('/', Path.DirectorySeparatorChar)));
        string root = Path.GetFullPath(baseDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length).Replace('\\', '/') : relative;
    }
}
