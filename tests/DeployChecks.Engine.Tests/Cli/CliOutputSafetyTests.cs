using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using DeployChecks.Cli;
using DeployChecks.Engine.Tests.Support;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Tests.Cli;

/// <summary>--output never unlinks or replaces anything but a regular file (#16); bad output paths fail before the run.</summary>
public class CliOutputSafetyTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApplication.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static TempTree App()
    {
        var tree = new TempTree();
        tree.Write(".env", "SECRET_KEY=example-not-real-0123456789\n");
        tree.Write("app.py", "from flask import Flask\napp = Flask(__name__)\n");
        return tree;
    }

    private static bool Unix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    private static bool Tool(string file, params string[] args)
    {
        try
        {
            var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in args)
            {
                psi.ArgumentList.Add(a);
            }
            using var p = Process.Start(psi)!;
            p.WaitForExit(30_000);
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_output_is_a_usage_error_before_the_run(string output)
    {
        using var tree = App();
        var (code, stdout, err) = Run("check", tree.Root, "--output", output);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("--output needs a file path", err);
        Assert.DoesNotContain("   at ", err); // no stack trace
    }

    [Fact]
    public void Output_to_a_directory_is_a_usage_error_naming_it()
    {
        using var tree = App();
        var (code, stdout, err) = Run("check", tree.Root, "--output", tree.Root);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("is a directory", err);
        Assert.True(Directory.Exists(tree.Root));
    }

    [Fact]
    public void Output_under_a_file_is_a_usage_error()
    {
        using var tree = App();
        string file = tree.Write("plain.txt", "x");
        Assert.Equal(2, Run("check", tree.Root, "--output", Path.Combine(file, "report.json")).Code);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void A_regular_file_is_replaced_atomically_with_no_temporary_file_left()
    {
        using var tree = App();
        using var outDir = new TempTree();
        string target = outDir.Write("report.json", "old");
        var (code, _, _) = Run("check", tree.Root, "--format", "json", "--output", target);
        Assert.Equal(0, code);
        Assert.StartsWith("{", File.ReadAllText(target));
        Assert.Equal(new[] { target }, Directory.GetFileSystemEntries(outDir.Root));
    }

    [Fact]
    public void A_symbolic_link_is_refused_and_neither_it_nor_its_target_changes()
    {
        if (!Unix)
        {
            return;
        }
        using var tree = App();
        using var outDir = new TempTree();
        string victim = outDir.Write("victim.txt", "keep me");
        string link = Path.Combine(outDir.Root, "report.sarif");
        File.CreateSymbolicLink(link, victim);
        var (code, stdout, err) = Run("check", tree.Root, "--format", "sarif", "--output", link);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("symbolic link", err);
        Assert.Equal(FileType.SymbolicLink, FileTypes.Of(link));
        Assert.Equal("keep me", File.ReadAllText(victim));
    }

    [Fact]
    public async Task A_fifo_is_written_through_and_stays_a_fifo()
    {
        if (!Unix)
        {
            return;
        }
        using var tree = App();
        using var outDir = new TempTree();
        string fifo = Path.Combine(outDir.Root, "pipe");
        Assert.True(Tool("mkfifo", fifo), "mkfifo failed");
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var (code, _, _) = Run("check", tree.Root, "--format", "json", "--output", fifo);
        Assert.Equal(0, code);
        string text = await reader.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Contains("\"schemaVersion\"", text);
        Assert.Equal(FileType.Fifo, FileTypes.Of(fifo));
    }

    [Fact]
    public void A_character_device_is_written_through_and_stays_a_device()
    {
        if (!Unix)
        {
            return;
        }
        using var tree = App();
        using var outDir = new TempTree();
        // A private null device (root can make one): the real /dev/null is never put at risk by this test.
        string device = Path.Combine(outDir.Root, "null");
        if (!Tool("mknod", device, "c", "1", "3"))
        {
            return; // not root: nothing to test here
        }
        var (code, _, _) = Run("check", tree.Root, "--format", "sarif", "--output", device);
        Assert.Equal(0, code);
        Assert.Equal(FileType.CharacterDevice, FileTypes.Of(device));
        Assert.Equal(new[] { device }, Directory.GetFileSystemEntries(outDir.Root));
    }

    [Fact]
    public void Dev_stdout_gets_the_report_and_the_checklist_stays_out_of_it()
    {
        using var tree = App();
        var (code, stdout, _) = Run("check", tree.Root, "--format", "json", "--output", "/dev/stdout");
        Assert.Equal(0, code);
        Assert.StartsWith("{", stdout);
        Assert.DoesNotContain("Summary:", stdout);
        Newtonsoft.Json.Linq.JObject.Parse(stdout);
    }

    [Fact]
    public void Extra_reports_are_written_beside_the_main_output()
    {
        using var tree = App();
        using var outDir = new TempTree();
        string sarif = Path.Combine(outDir.Root, "x.sarif");
        string md = Path.Combine(outDir.Root, "sub", "x.md");
        var (code, stdout, _) = Run("check", tree.Root, "--report", "sarif=" + sarif, "--report", "markdown=" + md);
        Assert.Equal(0, code);
        Assert.Contains("Summary:", stdout);
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(sarif));
        Assert.StartsWith("## ", File.ReadAllText(md));
        Assert.Equal(2, Run("check", tree.Root, "--report", "sarif").Code);
        Assert.Equal(2, Run("check", tree.Root, "--report", "pdf=x.pdf").Code);
    }
}
