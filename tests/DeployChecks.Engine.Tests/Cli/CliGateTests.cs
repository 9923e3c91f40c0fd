using System.IO;
using System.Linq;
using DeployChecks.Cli;
using DeployChecks.Engine.Tests.Support;
using Newtonsoft.Json.Linq;

namespace DeployChecks.Engine.Tests.Cli;

/// <summary>Gates that cannot pass by accident (#14, #16): nothing to check, unreadable input, options of other commands.</summary>
public class CliGateTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApplication.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void An_empty_directory_is_nothing_to_check_exit_2_unless_allowed()
    {
        using var tree = new TempTree();
        var empty = Run("check", tree.Root, "--fail-on", "info");
        Assert.Equal(2, empty.Code);
        Assert.Contains("nothing to check in " + tree.Root, empty.Err);
        Assert.Contains("--allow-empty", empty.Err);
        Assert.Equal("", empty.Out);

        var allowed = Run("check", tree.Root, "--fail-on", "info", "--allow-empty");
        Assert.Equal(0, allowed.Code);
        Assert.Contains("not applicable", allowed.Out);
    }

    [Fact]
    public void A_directory_that_is_not_an_application_is_nothing_to_check()
    {
        using var tree = new TempTree();
        tree.Write("README.md", "# Notes\n");
        tree.Write("docs/index.html", "<html></html>\n");
        Assert.Equal(2, Run("check", tree.Root).Code);
        Assert.Equal(2, Run("check", Path.Combine(tree.Root, "missing")).Code);
    }

    [Fact]
    public void A_rule_whose_input_cannot_be_read_is_error_and_fails_the_gate_unless_errors_are_ignored()
    {
        using var tree = new TempTree();
        tree.Write("app.py", "from flask import Flask\napp = Flask(__name__)\n");
        // An env file DeployChecks cannot read as text (built here: NUL bytes make it binary).
        File.WriteAllBytes(Path.Combine(tree.Root, ".env"), new byte[] { (byte)'A', (byte)'=', 0, 1, 2, (byte)'\n' });

        var json = Run("check", tree.Root, "--format", "json", "--fail-on", "critical");
        Assert.Equal(1, json.Code);
        var report = JObject.Parse(json.Out);
        var dc1001 = report["checks"]!.Single(c => (string?)c["ruleId"] == "DC1001");
        Assert.Equal("error", (string?)dc1001["outcome"]);
        Assert.Contains("could not read", (string?)dc1001["reason"]);
        Assert.DoesNotContain(report["checks"]!, c => (string?)c["ruleId"] == "DC1001" && (string?)c["outcome"] == "pass");
        Assert.True((int)report["summary"]!["errors"]! >= 1);
        Assert.Equal(((JArray)report["errors"]!).Count(e => (bool)e["isError"]!), (int)report["summary"]!["errors"]!);
        Assert.Equal("failed", (string?)report["verdict"]);
        Assert.Contains("--ignore-errors", json.Err);

        var ignored = Run("check", tree.Root, "--fail-on", "critical", "--ignore-errors");
        Assert.Equal(0, ignored.Code);
        Assert.Contains("FileIsBinary", ignored.Err);
    }

    [Theory]
    [InlineData("check", "--timeout", "5", "update-vuln-db")]
    [InlineData("check", "--uri", "http://127.0.0.1:1/x.zip", "update-vuln-db")]
    [InlineData("check", "--force", null, "update-vuln-db")]
    [InlineData("update-vuln-db", "--fail-on", "high", "check")]
    [InlineData("update-vuln-db", "--vuln-db", "x.zip", "check")]
    [InlineData("rules", "--format", "json", "check")]
    public void Options_of_another_command_are_usage_errors_naming_their_command(string command, string option, string? value, string owner)
    {
        using var tree = new TempTree();
        tree.Write("requirements.txt", "flask==3.0.3\n");
        var args = new System.Collections.Generic.List<string> { command };
        if (command == "check")
        {
            args.Add(tree.Root);
        }
        args.Add(option);
        if (value != null)
        {
            args.Add(value);
        }
        var (code, output, err) = Run(args.ToArray());
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"'{option}' is an option of '{owner}", err);
        Assert.Contains($"not of '{command}'", err);
    }

    [Fact]
    public void Messages_use_the_cli_names_never_the_cmdlet_names()
    {
        using var tree = new TempTree();
        tree.Write("requirements.txt", "flask==3.0.3\n");
        var (_, output, _) = Run("check", tree.Root);
        Assert.Contains("deploychecks update-vuln-db", output);
        Assert.Contains("--vuln-db", output);
        Assert.DoesNotContain("Update-VulnerabilityDatabase", output);
        Assert.DoesNotContain("-DatabasePath", output);
        var required = Run("check", tree.Root, "--require-vuln-db");
        Assert.Equal(2, required.Code);
        Assert.Contains("--require-vuln-db", required.Err);
        Assert.DoesNotContain("-RequireVulnerabilityDatabase", required.Err);
    }
}
