using System.IO;
using System.Linq;
using System.Management.Automation;

namespace DeployChecks.Module.Tests;

public class InvokeDeployChecklistTests
{
    private const string ReportType = "DeployChecks.ChecklistReport";

    [Fact]
    public void Findings_pipe_into_Where_Object_on_severity()
    {
        using var app = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Invoke-DeployChecklist $args[0] | ForEach-Object Findings | Where-Object Severity -ge High", app.Root);
        Assert.Empty(r.Errors);
        Assert.NotEmpty(r.Output);
        Assert.All(r.Output, f => Assert.True((int)f.Prop("Severity")! >= 3, f.ToString()));
        Assert.Contains(r.Output, f => f.Str("RuleId") == "DC1001" && f.Str("Path") == ".env");
        Assert.Contains("DeployChecks.Finding", r.Output[0].TypeNames);
    }

    [Fact]
    public void One_report_per_directory_with_wildcards()
    {
        using var a = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        Directory.CreateDirectory(Path.Combine(a.Root, "svc-one"));
        Directory.CreateDirectory(Path.Combine(a.Root, "svc-two"));
        var r = ps.Run("Invoke-DeployChecklist -Path \"$($args[0])/svc-*\" -AllowEmpty", a.Root);
        Assert.Empty(r.Errors);
        Assert.Equal(new[] { "svc-one", "svc-two" }, r.OfType(ReportType).Select(o => Path.GetFileName(o.Str("Target"))));
    }

    [Theory]
    [InlineData("PSPath")]
    [InlineData("FullName")]
    [InlineData("LiteralPath")]
    public void Binds_directories_by_property_name(string property)
    {
        using var app = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run($"[pscustomobject]@{{ {property} = $args[0] }} | Invoke-DeployChecklist", app.Root);
        Assert.Empty(r.Errors);
        var report = Assert.Single(r.OfType(ReportType));
        Assert.Equal(app.Root, report.Str("Target"));
    }

    [Fact]
    public void LiteralPath_does_not_expand_wildcards()
    {
        using var app = new TestApp();
        Directory.CreateDirectory(app.PathOf("[weird]"));
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Invoke-DeployChecklist -LiteralPath $args[0] -AllowEmpty", app.PathOf("[weird]"));
        Assert.Empty(r.Errors);
        Assert.Single(r.OfType(ReportType));
    }

    [Fact]
    public void Missing_path_is_a_non_terminating_error_the_other_paths_still_run_and_the_end_is_NothingToCheck()
    {
        using var app = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        string missing = app.PathOf("does-not-exist");
        var r = ps.Run("Invoke-DeployChecklist -Path $args[0], $args[1]", missing, app.Root);
        Assert.Equal(2, r.Errors.Count);
        var error = r.Errors[0];
        Assert.Equal("PathNotFound,DeployChecks.Commands.InvokeDeployChecklistCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(missing, error.TargetObject);
        Assert.Single(r.OfType(ReportType));
        // A wrong path cannot let a gate pass: the command ends with one terminating error naming it.
        var end = r.Errors[1];
        Assert.StartsWith("NothingToCheck,", end.FullyQualifiedErrorId);
        Assert.Contains("does-not-exist (not found)", end.Exception.Message);
        Assert.Equal("went on", ps.Run("try { Invoke-DeployChecklist $args[0] } catch { 'stopped' }; 'went on'", missing).Output.Last().ToString());
        Assert.Equal("stopped", ps.Run("try { Invoke-DeployChecklist $args[0] -ErrorAction SilentlyContinue; 'went on' } catch { 'stopped' }", missing).Output.Last().ToString());
    }

    [Fact]
    public void An_empty_directory_is_NothingToCheck_unless_AllowEmpty()
    {
        using var app = new TestApp();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("try { Invoke-DeployChecklist $args[0] -FailOn Info; 'went on' } catch { $_ }", app.Root);
        var record = Assert.IsType<ErrorRecord>(Assert.Single(r.Output).BaseObject);
        Assert.StartsWith("NothingToCheck,", record.FullyQualifiedErrorId);
        Assert.Contains(app.Root, record.Exception.Message);
        Assert.Contains("-AllowEmpty", record.Exception.Message);
        Assert.Equal(ErrorCategory.InvalidData, record.CategoryInfo.Category);
        var allowed = ps.Run("Invoke-DeployChecklist $args[0] -FailOn Info -AllowEmpty", app.Root);
        Assert.Empty(allowed.Errors);
        Assert.Single(allowed.OfType(ReportType));
    }

    [Fact]
    public void Progress_says_what_it_counts()
    {
        using var app = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Invoke-DeployChecklist $args[0] | Out-Null", app.Root);
        // Updates are throttled, so a small run may show only its last record: it says what was counted too.
        var last = r.Progress.Last();
        Assert.Equal(ProgressRecordType.Completed, last.RecordType);
        Assert.Matches(@"^Checked \d+ files, ran \d+ repository-wide checks$", last.StatusDescription);
    }

    [Fact]
    public void Without_Path_the_current_location_is_checked()
    {
        using var app = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        // (Set-Location is not in the hosting package; the session state API is what it calls.)
        var r = ps.Run("$null = $ExecutionContext.SessionState.Path.SetLocation($args[0]); Invoke-DeployChecklist", app.Root);
        Assert.Empty(r.Errors);
        Assert.Equal(app.Root, Assert.Single(r.OfType(ReportType)).Str("Target"));
    }

    [Fact]
    public void ThrottleLimit_checks_many_directories_in_one_process_and_keeps_the_gate()
    {
        using var root = new TestApp();
        var apps = Enumerable.Range(0, 5).Select(i => root.PathOf("app" + i)).ToList();
        foreach (var dir in apps)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "app.py"), "from flask import Flask\napp = Flask(__name__)\n");
            File.WriteAllText(Path.Combine(dir, ".env"), "SECRET_KEY=django-insecure-abcdefgh12345678\nFLASK_DEBUG=1\n");
        }
        using var ps = PowerShellSession.WithModule();
        // Directories piped as objects with a FullName, as Get-ChildItem -Directory gives them.
        var r = ps.Run("try { $args | ForEach-Object { [pscustomobject]@{ FullName = $_ } } | Invoke-DeployChecklist -ThrottleLimit 3 -FailOn High } catch { $_ }",
            apps.Cast<object>().ToArray());
        Assert.Equal(apps.OrderBy(a => a), r.OfType(ReportType).Select(o => o.Str("Target")).OrderBy(a => a));
        var record = Assert.Single(r.Output.Select(o => o.BaseObject).OfType<ErrorRecord>());
        Assert.StartsWith("FailOnThresholdReached,", record.FullyQualifiedErrorId);
        Assert.Contains("in 5 target(s)", record.Exception.Message);
        Assert.Contains(r.Progress, p => p.StatusDescription.Contains("of 5 directories", System.StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreadable_input_makes_the_check_Error_and_trips_FailOn_unless_IgnoreErrors()
    {
        using var app = new TestApp();
        app.Write("app.py", "from flask import Flask\napp = Flask(__name__)\n");
        File.WriteAllBytes(app.PathOf(".env"), new byte[] { (byte)'A', (byte)'=', 0, 1, (byte)'\n' });
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("try { Invoke-DeployChecklist $args[0] -FailOn Critical } catch { $_ }", app.Root);
        var report = Assert.Single(r.OfType(ReportType));
        Assert.Contains(report.Items("Checks"), c => c.Str("RuleId") == "DC1001" && c.Str("Outcome") == "Error");
        var record = Assert.Single(r.Output.Select(o => o.BaseObject).OfType<ErrorRecord>());
        Assert.StartsWith("FailOnThresholdReached,", record.FullyQualifiedErrorId);
        Assert.Contains("-IgnoreErrors", record.Exception.Message);
        var ignored = ps.Run("Invoke-DeployChecklist $args[0] -FailOn Critical -IgnoreErrors -ErrorAction SilentlyContinue; 'passed'", app.Root);
        Assert.Equal("passed", ignored.Output.Last().ToString());
    }

    [Fact]
    public void A_file_instead_of_a_directory_is_a_non_terminating_error()
    {
        using var app = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Invoke-DeployChecklist -LiteralPath $args[0]", app.PathOf("app.py"));
        var error = r.Errors[0];
        Assert.StartsWith("PathIsNotDirectory,", error.FullyQualifiedErrorId);
        Assert.StartsWith("NothingToCheck,", r.Errors[1].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(r.Output);
    }

    [Theory]
    [InlineData("BROKEN LINE WITHOUT EQUALS here\n")]
    [InlineData("SECRET_KEY=\"unterminated\nDEBUG=0\n")]
    public void Malformed_env_file_gives_an_error_record_and_the_report_still_comes_out(string line)
    {
        using var app = TestApp.Insecure();
        app.Write(".env", "DATABASE_URL=postgres://db/app\n" + line);
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Invoke-DeployChecklist $args[0]", app.Root);
        var error = Assert.Single(r.Errors, e => e.FullyQualifiedErrorId.StartsWith("MalformedEnvFile,"));
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal(app.PathOf(".env"), error.TargetObject);
        var report = Assert.Single(r.OfType(ReportType));
        Assert.Contains(report.Items("Errors"), e => e.Str("ErrorId") == "MalformedEnvFile");
    }

    [Fact]
    public void Bad_option_file_is_a_terminating_error()
    {
        using var app = TestApp.Insecure();
        string options = app.Write("bad.yml", "rules: [this is: not: valid\n");
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("try { Invoke-DeployChecklist $args[0] -OptionPath $args[1]; 'went on' } catch { $_ }", app.Root, options);
        var record = Assert.IsType<ErrorRecord>(Assert.Single(r.Output).BaseObject);
        Assert.StartsWith("OptionsInvalid,", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, record.CategoryInfo.Category);
    }

    [Fact]
    public void Unknown_rule_selector_is_a_terminating_error()
    {
        using var app = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("try { Invoke-DeployChecklist $args[0] -Rule DC9999; 'went on' } catch { $_.FullyQualifiedErrorId }", app.Root);
        Assert.StartsWith("OptionsInvalid,", Assert.Single(r.Output).ToString());
    }

    [Fact]
    public void FailOn_throws_one_terminating_error_after_all_reports_are_written()
    {
        using var bad = TestApp.Insecure();
        using var bad2 = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("try { Invoke-DeployChecklist $args[0], $args[1] -FailOn High } catch { $_ }", bad.Root, bad2.Root);
        Assert.Equal(2, r.OfType(ReportType).Count());
        var record = Assert.Single(r.Output.Select(o => o.BaseObject).OfType<ErrorRecord>());
        Assert.StartsWith("FailOnThresholdReached,", record.FullyQualifiedErrorId);
        Assert.Contains("-FailOn High failed in 2 target(s)", record.Exception.Message);
        Assert.Contains("finding(s) at or above High", record.Exception.Message);
        Assert.Equal(ErrorCategory.InvalidResult, record.CategoryInfo.Category);
    }

    [Fact]
    public void FailOn_passes_quietly_below_the_threshold()
    {
        using var app = TestApp.Clean();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Invoke-DeployChecklist $args[0] -FailOn Low", app.Root);
        Assert.Empty(r.Errors);
        Assert.Single(r.OfType(ReportType));
    }

    [Fact]
    public void Rule_and_area_filters_reach_the_engine()
    {
        using var app = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("(Invoke-DeployChecklist $args[0] -Rule DC1001, DC1003 -ExcludeRule DC1003 -Area Configuration).Checks | ForEach-Object RuleId", app.Root);
        Assert.Empty(r.Errors);
        Assert.Equal(new[] { "DC1001" }, r.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Option_file_in_the_target_is_read()
    {
        using var app = TestApp.Insecure();
        app.Write("deploychecks.yml", "rules:\n  exclude: [DC1001]\n");
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("(Invoke-DeployChecklist $args[0]).Checks | ForEach-Object RuleId", app.Root);
        Assert.Empty(r.Errors);
        Assert.DoesNotContain("DC1001", r.Output.Select(o => o.ToString()));
        Assert.Contains("DC1004", r.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Verbose_tells_what_was_read_and_progress_completes()
    {
        using var app = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Invoke-DeployChecklist $args[0] -Verbose", app.Root);
        Assert.Contains(r.Verbose, v => v.StartsWith("Checking "));
        Assert.Contains(r.Verbose, v => v.Contains("files kept"));
        Assert.Equal(ProgressRecordType.Completed, r.Progress.Last().RecordType);
    }

    [Fact]
    public void Baseline_round_trip_suppresses_known_findings()
    {
        using var app = TestApp.Insecure();
        string baseline = app.PathOf("baseline.json");
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run(@"
            Invoke-DeployChecklist $args[0] | Export-DeployChecklistReport -Format Baseline -Path $args[1]
            (Invoke-DeployChecklist $args[0] -BaselinePath $args[1]).Findings | Where-Object { -not $_.IsSuppressed }", app.Root, baseline);
        Assert.Empty(r.Errors);
        Assert.True(File.Exists(baseline));
        Assert.Empty(r.Output);
    }

    [Fact]
    public void Non_file_system_path_is_a_non_terminating_error()
    {
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Invoke-DeployChecklist -Path Env:PATH");
        var error = r.Errors[0];
        Assert.StartsWith("PathNotFileSystem,", error.FullyQualifiedErrorId);
        Assert.StartsWith("NothingToCheck,", r.Errors[1].FullyQualifiedErrorId);
        Assert.Empty(r.Output);
    }

    [Fact]
    public void ExcludePath_leaves_files_out()
    {
        using var app = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("(Invoke-DeployChecklist $args[0] -ExcludePath '.env').Findings | ForEach-Object Path", app.Root);
        Assert.Empty(r.Errors);
        Assert.DoesNotContain(".env", r.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Notices_about_the_run_are_warnings_not_errors()
    {
        using var app = TestApp.Insecure();
        app.Write(".env", "# deploychecks: ignore[DC1001]\nSECRET_KEY=django-insecure-abcdefgh12345678\n");
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Invoke-DeployChecklist $args[0]", app.Root);
        Assert.Empty(r.Errors);
        Assert.Contains(r.Warnings, w => w.StartsWith("SuppressionWithoutReason"));
    }
}
