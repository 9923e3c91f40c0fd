using System.IO;
using System.Xml.Linq;
using DeployChecks.Cli;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Cli;

public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApplication.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static TempTree Violating()
    {
        var tree = new TempTree();
        tree.Write(".env", "SECRET_KEY=p9Xr2mQ7vL4sT8wZ1nB6cF3hJ0kD5gA\nFLASK_DEBUG=1\n");
        return tree;
    }

    [Fact]
    public void Check_prints_the_checklist_and_exits_0_without_a_gate()
    {
        using var tree = Violating();
        var (code, output, _) = Run("check", tree.Root);
        Assert.Equal(0, code);
        Assert.Contains("✗ Configuration", output);
        Assert.Contains("DC1001", output);
        Assert.Contains("Not covered yet", output);
        Assert.DoesNotContain("p9Xr2mQ7vL4sT8wZ1nB6cF3hJ0kD5gA", output);
    }

    [Fact]
    public void Fail_on_trips_with_exit_1_and_passes_with_exit_0()
    {
        using var tree = Violating();
        Assert.Equal(1, Run("check", tree.Root, "--fail-on", "high").Code);
        using var clean = new TempTree();
        clean.Write("app.py", "print('ok')\n");
        Assert.Equal(0, Run("check", clean.Root, "--fail-on=info").Code);
    }

    [Fact]
    public void Fail_on_from_the_option_file_is_overridden_by_the_flag()
    {
        using var tree = Violating();
        tree.Write("deploychecks.yml", "failOn: info\n");
        Assert.Equal(1, Run("check", tree.Root).Code);
        Assert.Equal(0, Run("check", tree.Root, "--fail-on", "critical").Code);
    }

    [Fact]
    public void Vuln_db_flag_runs_the_known_vulnerability_check()
    {
        using var tree = new TempTree();
        tree.Write("requirements.txt", "flask==2.2.0\ngunicorn==22.0.0\n");
        string db = Path.Combine(Paths.Fixtures, "osv");
        var (code, output, _) = Run("check", tree.Root, "--rule", "DC2014", "--vuln-db", db, "--fail-on", "medium", "--format", "json");
        Assert.Equal(1, code);
        Assert.Contains("PYSEC-2023-TEST3", output);
        Assert.Contains("Upgrade flask to 2.2.5 or later", output);

        // A database that was asked for and cannot be read is a usage error: the gate never passes on an unchecked run.
        var missing = Run("check", tree.Root, "--rule", "DC2014", $"--vuln-db={Path.Combine(tree.Root, "nope.zip")}", "--fail-on", "low");
        Assert.Equal(2, missing.Code);
        Assert.Contains("vulnerability database not found", missing.Err);
        Assert.Contains("nope.zip (from --vuln-db)", missing.Err);
        Assert.Equal("", missing.Out);
    }

    [Fact]
    public void Update_vuln_db_downloads_then_reports_not_modified_and_fails_clearly_offline()
    {
        using var server = new DeployChecks.Tests.Support.LocalOsvServer();
        using var tree = new TempTree();
        string db = Path.Combine(tree.Root, "osv-pypi.zip");
        var first = Run("update-vuln-db", "--uri", server.Url, "--output", db);
        Assert.Equal(0, first.Code);
        Assert.StartsWith("Downloaded: " + db + " (2 advisories", first.Out);
        Assert.StartsWith("NotModified: ", Run("update-vuln-db", "--uri", server.Url, "-o", tree.Root).Out);

        tree.Write("requirements.txt", "flask==2.2.0\n");
        Assert.Contains("PYSEC-2023-TEST3", Run("check", tree.Root, "--vuln-db", db).Out);

        string offline = $"http://127.0.0.1:{DeployChecks.Tests.Support.LocalOsvServer.FreePort()}/all.zip";
        var failed = Run("update-vuln-db", "--uri", offline, "--output", db, "--timeout", "30");
        Assert.Equal(2, failed.Code);
        Assert.Contains(offline, failed.Err);
        Assert.True(File.Exists(db));
    }

    [Theory]
    [InlineData("--vuln-db")]
    [InlineData("--bogus")]
    [InlineData("--fail-on", "severe")]
    [InlineData("--area", "kitchen")]
    [InlineData("--format", "pdf")]
    [InlineData("--rule", "DC9999")]
    public void Usage_errors_exit_2(params string[] extra)
    {
        using var tree = Violating();
        var args = new System.Collections.Generic.List<string> { "check", tree.Root };
        args.AddRange(extra);
        var (code, _, err) = Run(args.ToArray());
        Assert.Equal(2, code);
        Assert.StartsWith("deploychecks: ", err);
    }

    [Fact]
    public void Missing_target_and_bad_option_file_exit_2()
    {
        Assert.Equal(2, Run("check", "/nonexistent/dir").Code);
        using var tree = Violating();
        tree.Write("deploychecks.yml", "rules: [unclosed\n");
        var (code, _, err) = Run("check", tree.Root);
        Assert.Equal(2, code);
        Assert.Matches("deploychecks.yml:[12]: not valid YAML", err);
    }

    [Fact]
    public void Output_file_gets_the_format_and_stdout_keeps_the_checklist()
    {
        using var tree = Violating();
        string file = Path.Combine(tree.Root, "out", "report.junit.xml");
        var (code, output, _) = Run("check", tree.Root, "--format", "junit", "--output", file);
        Assert.Equal(0, code);
        Assert.Contains("DC1001", output);
        Assert.True(File.Exists(file));
        Assert.Equal("testsuites", XDocument.Load(file).Root!.Name.LocalName);
    }

    [Fact]
    public void Area_filter_limits_the_report()
    {
        using var tree = Violating();
        var (_, output, _) = Run("check", tree.Root, "--area", "containers", "--allow-empty");
        Assert.DoesNotContain("DC1001", output);
        Assert.Contains("Containers", output);
        Assert.DoesNotContain("Configuration", output);
    }

    [Fact]
    public void Rules_and_explain_describe_the_rules()
    {
        var (code, output, _) = Run("rules");
        Assert.Equal(0, code);
        Assert.Contains("DC1002  env-file-committed", output);
        var (code2, explain, _) = Run("explain", "env-file-debug-enabled");
        Assert.Equal(0, code2);
        Assert.Contains("django:security.W018", explain);
        Assert.Equal(2, Run("explain", "nope").Code);
    }

    [Fact]
    public void Version_and_help()
    {
        Assert.StartsWith("deploychecks ", Run("--version").Out);
        Assert.Contains("Usage:", Run("--help").Out);
        Assert.Contains("Usage:", Run().Out);
    }
}
