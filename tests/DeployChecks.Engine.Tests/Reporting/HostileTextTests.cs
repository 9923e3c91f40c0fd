using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using DeployChecks.Cli;
using DeployChecks.Engine.Reporting;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Reporting;

/// <summary>File names and contents from a hostile repository cannot forge lines, send terminal escapes or CI log
/// commands through any human-readable output (#16).</summary>
public class HostileTextTests
{
    /// <summary>A file name with an OSC title sequence, a colour, a newline that starts a forged GitHub workflow command
    /// and an Azure logging command, and a right-to-left override.</summary>
    private const string HostileName = ".env.x\u001b]0;pwned\u0007\u001b[31mred\n::error file=forged.py::forged\r\n##vso[task.complete result=Succeeded]\u202eevil";

    private static bool Unix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    private static TempTree Hostile()
    {
        var tree = new TempTree();
        tree.Write("app.py", "from flask import Flask\napp = Flask(__name__)\n");
        File.WriteAllText(Path.Combine(tree.Root, HostileName), "SECRET_KEY=example-not-real-0123456789\nFLASK_DEBUG=1\n");
        return tree;
    }

    private static void AssertInert(string text, string what)
    {
        foreach (char c in text)
        {
            Assert.False(c < ' ' && c != '\n' && c != '\r' && c != '\t', $"{what}: raw control character U+{(int)c:X4}");
            Assert.False(c == '\u007f' || (c >= '\u0080' && c <= '\u009f') || c == '\u202e', $"{what}: raw U+{(int)c:X4}");
        }
        foreach (var line in text.Split('\n'))
        {
            Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal), $"{what}: a line starts a workflow command: {line}");
            Assert.False(line.Contains("##vso[", StringComparison.Ordinal), $"{what}: an Azure logging command: {line}");
        }
    }

    [Fact]
    public void Text_checklist_stderr_markdown_html_and_junit_stay_inert()
    {
        if (!Unix)
        {
            return; // such names cannot exist on Windows
        }
        using var tree = Hostile();
        var report = Runs.Check(tree.Root);
        Assert.Contains(report.Findings, f => f.Path.Contains("::error", StringComparison.Ordinal)); // the name reached a finding
        AssertInert(report.ToChecklistText(), "text");
        AssertInert(report.ToChecklistText(false), "ascii text");
        AssertInert(ReportWriters.WriteToString(report, ReportFormat.Markdown), "markdown");
        AssertInert(ReportWriters.WriteToString(report, ReportFormat.Html), "html");
        string junit = ReportWriters.WriteToString(report, ReportFormat.JUnit);
        AssertInert(junit, "junit");
        XDocument.Parse(junit);

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        CliApplication.Run(new[] { "check", tree.Root, "--verbose" }, stdout, stderr);
        AssertInert(stdout.ToString(), "stdout");
        AssertInert(stderr.ToString(), "stderr");
    }

    [Fact]
    public void GitHub_annotations_escape_properties_and_data_so_nothing_else_is_a_command()
    {
        if (!Unix)
        {
            return;
        }
        using var tree = Hostile();
        var report = Runs.Check(tree.Root);
        var sw = new StringWriter();
        CiLogWriter.WriteGitHub(report, sw, tree.Root);
        var lines = sw.ToString().Split('\n');
        var commands = lines.Where(l => l.TrimStart().StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(commands);
        // Every command line is one of ours: ::error/warning/notice with escaped file and title properties.
        Assert.All(commands, c => Assert.Matches(@"^::(error|warning|notice) (file=[^:,]*(,line=\d+)?(,col=\d+)?,)?title=[^:,]*::", c));
        // The forged command inside the name is inside the escaped file property, its colons and commas escaped.
        var hostile = commands.First(c => c.Contains("%0A%3A%3Aerror file=forged.py%3A%3Aforged", StringComparison.Ordinal));
        Assert.StartsWith("::error file=.env.x\\e]0;pwned\\x07\\e[31mred%0A", hostile, StringComparison.Ordinal);
        AssertInert(string.Join("\n", lines.Except(commands)), "github checklist");
        foreach (var c in commands)
        {
            Assert.DoesNotContain('\u001b', c);
            Assert.DoesNotContain('\r', c);
        }
    }

    [Fact]
    public void Azure_logging_commands_escape_values()
    {
        if (!Unix)
        {
            return;
        }
        using var tree = Hostile();
        var report = Runs.Check(tree.Root);
        var sw = new StringWriter();
        CiLogWriter.WriteAzure(report, sw, tree.Root);
        var lines = sw.ToString().Split('\n');
        var commands = lines.Where(l => l.Contains("##vso[", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(commands);
        Assert.All(commands, c => Assert.StartsWith("##vso[task.logissue type=", c, StringComparison.Ordinal));
        Assert.All(commands, c => Assert.Single(System.Text.RegularExpressions.Regex.Matches(c, @"##vso\[")));
        Assert.DoesNotContain(commands, c => c.Contains("task.complete", StringComparison.Ordinal) && !c.Contains("%5D", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a\u001b[2Jb", "a\\e[2Jb")]
    [InlineData("line1\nline2\r", "line1\\nline2\\r")]
    [InlineData("tab\there", "tab here")]
    [InlineData("rlo\u202eevil", "rlo\\u202eevil")]
    [InlineData("c1\u0085x", "c1\\x85x")]
    [InlineData("plain ü text", "plain ü text")]
    public void DisplayText_escapes_controls_only(string input, string expected) =>
        Assert.Equal(expected, DisplayText.Escape(input));

    [Theory]
    [InlineData("::error::x", ": :error::x")]
    [InlineData("   ::set-output name=a::b", "   : :set-output name=a::b")]
    [InlineData("##[error]x", "# #[error]x")]
    [InlineData("see ##vso[task.setvariable variable=a]b", "see ##vso [task.setvariable variable=a]b")]
    [InlineData("a::b is fine mid-line", "a::b is fine mid-line")]
    public void DisplayText_defuses_log_commands(string input, string expected) =>
        Assert.Equal(expected, DisplayText.DefuseLogCommands(input));
}
