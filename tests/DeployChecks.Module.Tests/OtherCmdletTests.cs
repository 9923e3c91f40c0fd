using System.IO;
using System.Linq;
using System.Management.Automation;

namespace DeployChecks.Module.Tests;

public class TestPyDeployConfigTests
{
    [Fact]
    public void Reads_python_settings_and_a_broken_file_is_a_non_terminating_error()
    {
        using var app = new TestApp();
        app.Write("app/config.py", "import os\nSECRET_KEY = os.environ.get('SECRET_KEY', 'dev-secret-key-123')\nDEBUG = os.getenv('DEBUG', 'true') == 'true'\n");
        app.Write("app/broken.py", "def f(:\n    pass\n");
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Test-PyDeployConfig $args[0] | Where-Object RuleId -in 'DC1006','DC1007' | ForEach-Object { $_.RuleId + ' ' + $_.Location }", app.Root);
        Assert.Equal(new[] { "DC1006 app/config.py:3", "DC1007 app/config.py:2" }, r.Output.Select(o => o.ToString()).OrderBy(x => x));
        var error = Assert.Single(r.Errors);
        Assert.StartsWith("PythonSyntaxError,", error.FullyQualifiedErrorId);
        Assert.Contains("broken.py", error.TargetObject?.ToString());
    }

    [Fact]
    public void Writes_configuration_findings_that_filter_by_rule()
    {
        using var app = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Test-PyDeployConfig $args[0] | Where-Object RuleId -eq 'DC1001'", app.Root);
        Assert.Empty(r.Errors);
        var finding = Assert.Single(r.Output);
        Assert.Equal(".env", finding.Str("Path"));
        Assert.Equal("Configuration", finding.Str("Area"));
    }

    [Fact]
    public void Suppressed_findings_only_with_IncludeSuppressed()
    {
        using var app = TestApp.Insecure();
        app.Write(".env", "# deploychecks: ignore-file[DC1001] local only, never deployed\nSECRET_KEY=django-insecure-abcdefgh12345678\n");
        using var ps = PowerShellSession.WithModule();
        var without = ps.Run("Test-PyDeployConfig $args[0] | Where-Object RuleId -eq 'DC1001'", app.Root);
        var with = ps.Run("Test-PyDeployConfig $args[0] -IncludeSuppressed | Where-Object RuleId -eq 'DC1001'", app.Root);
        Assert.Empty(without.Output);
        var suppressed = Assert.Single(with.Output);
        Assert.True((bool)suppressed.Prop("IsSuppressed")!);
    }

    [Fact]
    public void FailOn_is_terminating_here_too()
    {
        using var app = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("try { Test-PyDeployConfig -LiteralPath $args[0] -FailOn Medium | Out-Null } catch { $_.FullyQualifiedErrorId }", app.Root);
        Assert.StartsWith("FailOnThresholdReached,", Assert.Single(r.Output).ToString());
    }
}

public class ExportDeployChecklistReportTests
{
    [Fact]
    public void WhatIf_writes_nothing()
    {
        using var app = TestApp.Insecure();
        string file = app.PathOf("out/report.txt");
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Invoke-DeployChecklist $args[0] | Export-DeployChecklistReport -Format Text -Path $args[1] -WhatIf", app.Root, file);
        Assert.Empty(r.Errors);
        Assert.False(File.Exists(file));
        Assert.False(Directory.Exists(app.PathOf("out")));
    }

    [Fact]
    public void Writes_the_file_and_PassThru_returns_it()
    {
        using var app = TestApp.Insecure();
        string file = app.PathOf("out/report.txt");
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Invoke-DeployChecklist $args[0] | Export-DeployChecklistReport Text $args[1] -PassThru", app.Root, file);
        Assert.Empty(r.Errors);
        Assert.Equal(file, Assert.Single(r.Output).Str("FullName"));
        string text = File.ReadAllText(file);
        Assert.Contains("DC1001", text);
        Assert.Contains("Summary:", text);
    }

    [Theory]
    [InlineData("Json", "\"ruleId\": \"DC1001\"")]
    [InlineData("Sarif", "\"version\": \"2.1.0\"")]
    [InlineData("JUnit", "<testsuites")]
    [InlineData("Markdown", "| Area |")]
    [InlineData("Html", "<svg")]
    [InlineData("Baseline", "\"fingerprint\"")]
    public void Every_format_is_written_through_the_isolated_engine(string format, string expected)
    {
        using var app = TestApp.Insecure();
        string file = app.PathOf("out/report." + format.ToLowerInvariant());
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Invoke-DeployChecklist $args[0] | Export-DeployChecklistReport -Format $args[2] -Path $args[1]", app.Root, file, format);
        Assert.Empty(r.Errors);
        string text = File.ReadAllText(file);
        Assert.Contains(expected, text);
    }

    [Fact]
    public void Several_reports_into_one_file_write_the_first_and_error_for_the_rest()
    {
        using var a = TestApp.Insecure();
        using var b = TestApp.Clean();
        string file = a.PathOf("report.txt");
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Invoke-DeployChecklist $args[0], $args[1] | Export-DeployChecklistReport -Format Text -Path $args[2]", a.Root, b.Root, file);
        var error = Assert.Single(r.Errors);
        Assert.StartsWith("ReportAlreadyWritten,", error.FullyQualifiedErrorId);
        Assert.Contains(a.Root, File.ReadAllText(file));
    }
}

public class GetDeployCheckRuleTests
{
    [Fact]
    public void Lists_every_rule_and_filters_by_wildcard_area_and_tag()
    {
        using var ps = PowerShellSession.WithModule();
        var all = ps.Run("Get-DeployCheckRule");
        Assert.Empty(all.Errors);
        Assert.True(all.Output.Count >= 4);
        Assert.All(all.Output, o => Assert.Contains("DeployChecks.RuleInfo", o.TypeNames));

        var byName = ps.Run("Get-DeployCheckRule env-file-*-ignored | ForEach-Object Id");
        Assert.Equal(new[] { "DC1001" }, byName.Output.Select(o => o.ToString()));

        var byId = ps.Run("Get-DeployCheckRule DC100? -Area Configuration -Tag secrets | ForEach-Object Id");
        Assert.Contains("DC1001", byId.Output.Select(o => o.ToString()));
        Assert.DoesNotContain("DC1004", byId.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Findings_pipe_into_it_by_RuleId()
    {
        using var app = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Test-PyDeployConfig $args[0] | Where-Object RuleId -eq DC1001 | Get-DeployCheckRule | ForEach-Object Remediation", app.Root);
        Assert.Empty(r.Errors);
        Assert.Contains(".gitignore", Assert.Single(r.Output).ToString());
    }

    [Fact]
    public void Unknown_id_is_a_non_terminating_error()
    {
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Get-DeployCheckRule DC1001, DC0000");
        Assert.Single(r.Output);
        Assert.Equal(ErrorCategory.ObjectNotFound, Assert.Single(r.Errors).CategoryInfo.Category);
        Assert.StartsWith("RuleNotFound,", r.Errors[0].FullyQualifiedErrorId);
    }
}
