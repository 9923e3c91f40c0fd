using System.Linq;
using System.Text;
using DeployChecks.Engine.Artifacts.Dockerfile;
using DeployChecks.Engine.Artifacts.Shell;
using DeployChecks.Engine.Options;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Artifacts.Dockerfile;

/// <summary>Malformed Dockerfiles give problems with a line (never an exception), and hostile one-line inputs of 50 MB
/// are read in linear time with bounded memory (#16).</summary>
public class DockerfileRobustnessTests
{
    [Theory]
    [InlineData("RUN echo before\nFROM python:3.12\n", 1, "RUN before the first FROM")]
    [InlineData("FROM\n", 1, "FROM names no image")]
    [InlineData("FROM python:3.12 AS a\nFROM python:3.12 AS a\n", 2, "duplicate stage name 'a'")]
    [InlineData("FROM python:3.12\nCOPY requirements.txt\n", 2, "COPY needs at least a source and a destination")]
    [InlineData("FROM python:3.12\nSHELL /bin/bash -c\n", 2, "SHELL needs a JSON array")]
    [InlineData("FROM python:3.12\nHEALTHCHECK curl localhost\n", 2, "HEALTHCHECK takes CMD <command> or NONE")]
    [InlineData("FROM python:3.12\nENV A=1 B\n", 2, "a word without '='")]
    [InlineData("FROM python:3.12\nENV ONLYNAME\n", 2, "has no value")]
    [InlineData("FROM python:3.12\nRUN <<EOF\npip install x\n", 2, "heredoc 'EOF' is not closed")]
    [InlineData("FROM python:3.12\nENTRYPOINT [\"a\", 1]\n", 2, "not a valid JSON array of strings")]
    [InlineData("FROM python:3.12\nRUN echo \\\n", 2, "line continuation at the end of the file")]
    [InlineData("# escape=x\nFROM python:3.12\n", 1, "the escape directive takes")]
    [InlineData("FROM python:3.12\nONBUILD\n", 2, "ONBUILD needs an instruction")]
    [InlineData("FROM python:3.12\nONBUILD FROM x\n", 2, "ONBUILD FROM is not allowed")]
    public void Malformed_instructions_are_problems_with_a_line(string text, int line, string message)
    {
        var m = DockerfileModel.Parse(text);
        var p = Assert.Single(m.Problems, x => x.Message.Contains(message));
        Assert.Equal((DockerfileModel.ErrorId, line), (p.ErrorId, p.Line));
    }

    [Fact]
    public void An_unknown_first_token_is_never_echoed_whole()
    {
        // A file named Dockerfile that holds a secret (or a symlink to one): the message must not carry it.
        var m = DockerfileModel.Parse("ghp_EXAMPLEexampleEXAMPLEexample0123\n");
        var p = Assert.Single(m.Problems);
        Assert.DoesNotContain("EXAMPLEexample", p.Message);
        Assert.Contains("unknown instruction 'gh****'", p.Message);
        Assert.Contains("unknown instruction 'RUNN'", DockerfileModel.Parse("FROM x\nRUNN a\n").Problems.Single().Message);
    }

    [Fact]
    public void Binary_like_and_empty_inputs_do_not_throw()
    {
        foreach (var text in new[] { "", "\n\n", "#", "\\", "FROM", "FROM x\nRUN [", "FROM x\nRUN [\"\\u12\"]", "FROM x\nCOPY [\"a\"] b", "\u0000\u0001\u0002", "FROM x\nRUN <<", "FROM x\nRUN <<-", "FROM x\nARG", "FROM x\nWORKDIR", "FROM x\nUSER" })
        {
            var m = DockerfileModel.Parse(text);
            Assert.NotNull(m);
        }
    }

    private static string Repeat(string head, string unit, int bytes)
    {
        var sb = new StringBuilder(bytes + head.Length + 16);
        sb.Append(head);
        while (sb.Length < bytes)
        {
            sb.Append(unit);
        }
        return sb.Append('\n').ToString();
    }

    [Fact]
    public void A_50_MB_one_line_run_is_read_in_linear_time_and_bounded_memory()
    {
        string text = "FROM python:3.12\n" + Repeat("RUN pip install", " a", 50_000_000);
        DockerfileModel? m = null;
        HangGuard.MustFinish(() => m = DockerfileModel.Parse(text));
        Assert.Empty(m!.Problems);
        var run = m.OfType<RunInstruction>().Single();
        System.Collections.Generic.List<ShellCommand>? commands = null;
        HangGuard.MustFinish(() => commands = ShellScript.Split(run.Command.ShellText!, out _));
        var c = Assert.Single(commands!);
        Assert.True(c.Truncated);
        Assert.Equal(ShellScript.MaxWords, c.Words.Count);
    }

    [Theory]
    [InlineData("ENV", " A=1")]
    [InlineData("LABEL", " a=b")]
    [InlineData("EXPOSE", " 80")]
    [InlineData("COPY", " a")]
    public void Ten_MB_word_lists_are_capped_and_reported(string keyword, string unit)
    {
        string text = "FROM python:3.12\n" + Repeat(keyword, unit, 10_000_000);
        DockerfileModel? m = null;
        HangGuard.MustFinish(() => m = DockerfileModel.Parse(text));
        Assert.Contains(m!.Problems, p => p.Message.Contains($"{keyword} has more than {DockerWords.MaxWords:N0} words") && p.Line == 2);
    }

    [Fact]
    public void A_10_MB_exec_form_is_capped()
    {
        string text = "FROM python:3.12\n" + Repeat("CMD [\"gunicorn\"", ", \"a\"", 10_000_000).TrimEnd('\n') + "]\n";
        DockerfileModel? m = null;
        HangGuard.MustFinish(() => m = DockerfileModel.Parse(text));
        Assert.Equal(DockerWords.MaxWords, m!.FinalStage!.Cmd!.Command.ExecForm!.Count);
        Assert.Contains(m.Problems, p => p.Message.Contains("CMD has more than"));
    }

    [Fact]
    public void A_10_MB_heredoc_script_stops_at_the_command_cap()
    {
        string text = "FROM python:3.12\nRUN <<EOF\n" + Repeat("", "pip install a\n", 10_000_000) + "EOF\n";
        DockerfileModel? m = null;
        HangGuard.MustFinish(() => m = DockerfileModel.Parse(text));
        var script = m!.OfType<RunInstruction>().Single().Command.Script!;
        System.Collections.Generic.List<ShellCommand>? commands = null;
        string? error = null;
        HangGuard.MustFinish(() => commands = ShellScript.Split(script.Body, out error));
        Assert.Equal(ShellScript.MaxCommands, commands!.Count);
        Assert.Contains("more than", error);
        Assert.Equal(script.Line + 9_999, script.LineAt(commands[^1].Offset));
    }

    [Fact]
    public void A_whole_run_over_a_50_MB_one_line_dockerfile_finishes_and_reports_the_cap()
    {
        using var tree = new TempTree();
        tree.Write("requirements.txt", "flask==3.0.3\n");
        tree.Write("Dockerfile", "FROM python:3.12\n" + Repeat("RUN pip install", " a", 50_000_000) + "CMD [\"gunicorn\", \"app:app\"]\n");
        ChecklistReport? report = null;
        HangGuard.MustFinish(() => report = Runs.Check(tree.Root, new OptionOverrides { MaxFileSize = 64L * 1024 * 1024 }));
        Assert.Contains(report!.Errors, e => e.ErrorId == "CommandTooLong" && e.Path == "Dockerfile" && e.Line == 2);
        Assert.DoesNotContain(report.Checks, c => c.Outcome == CheckOutcome.Error);
    }
}
