using System.IO;
using System.Linq;

namespace DeployChecks.Module.Tests;

/// <summary>Get-DependencyLock and Find-DependencyVulnerability in the hosted engine. The tests touching
/// DEPLOYCHECKS_VULN_DB are in this one class, so xunit runs them one after another.</summary>
public class DependencyCmdletTests
{
    private const string Requirements =
        "django==3.2.17 --hash=sha256:0123456789abcdef\n" +
        "requests>=2.31\n" +
        "gunicorn==22.0.0 ; sys_platform != \"win32\"\n" +
        "celery\n";

    private const string PoetryLock = """
        [[package]]
        name = "flask"
        version = "2.3.1"
        description = "A simple framework"
        optional = false
        python-versions = ">=3.8"
        files = [
            {file = "flask-2.3.1-py3-none-any.whl", hash = "sha256:aaaa"},
        ]

        [metadata]
        lock-version = "2.0"
        python-versions = "^3.11"
        content-hash = "abc"
        """;

    private static string OsvFixture => Path.Combine(Repo.Root, "tests", "DeployChecks.Engine.Tests", "Fixtures", "osv");

    private static TestApp App()
    {
        var app = new TestApp();
        app.Write("app.py", "from flask import Flask\napp = Flask(__name__)\n");
        app.Write("requirements.txt", Requirements);
        app.Write("poetry.lock", PoetryLock);
        return app;
    }

    [Fact]
    public void Unpinned_entries_filter_with_Where_Object()
    {
        using var app = App();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Get-DependencyLock $args[0] | Where-Object { -not $_.IsPinned } | ForEach-Object { $_.Name + ' ' + $_.Source + ':' + $_.Line }", app.Root);
        Assert.Empty(r.Errors);
        Assert.Equal(new[] { "requests requirements.txt:2", "celery requirements.txt:4" }, r.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void FollowIncludes_reads_r_and_c_files_like_pip_and_reports_missing_ones()
    {
        using var app = new TestApp();
        app.Write("requirements/prod.txt", "-r base.txt\n-c ../constraints.txt\ngunicorn==22.0.0\n-r missing.txt\n");
        app.Write("requirements/base.txt", "django==4.2.11\n-r prod.txt\n");
        app.Write("constraints.txt", "urllib3<2\n");
        app.Write(".git/HEAD", "ref: refs/heads/main\n");
        using var ps = PowerShellSession.WithModule();
        var without = ps.Run("Get-DependencyLock $args[0] | ForEach-Object Name", app.PathOf("requirements/prod.txt"));
        Assert.Equal(new[] { "gunicorn" }, without.Output.Select(o => o.ToString()));

        var r = ps.Run("Get-DependencyLock $args[0] -FollowIncludes | ForEach-Object { $_.Name + ' ' + $_.Source + ':' + $_.Line + ' ' + $_.IsConstraint }",
            app.PathOf("requirements/prod.txt"));
        Assert.Equal(new[]
        {
            "django requirements/base.txt:1 False",
            "urllib3 constraints.txt:1 True",
            "gunicorn requirements/prod.txt:3 False",
        }, r.Output.Select(o => o.ToString()));
        // The cycle back to prod.txt and the missing file are errors naming the including line; the run goes on.
        Assert.Equal(2, r.Errors.Count);
        Assert.Contains(r.Errors, e => e.FullyQualifiedErrorId.StartsWith("MalformedDependencyFile") && e.ToString().Contains("missing.txt"));
        Assert.Contains(r.Errors, e => e.ToString().Contains("requirements/base.txt:2"));
    }

    [Fact]
    public void Writes_typed_entries_with_hashes_markers_and_lock_versions()
    {
        using var app = App();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Get-DependencyLock -LiteralPath $args[0]", app.Root);
        Assert.Empty(r.Errors);
        Assert.All(r.Output, o => Assert.Equal("DeployChecks.DependencyLockEntry", o.TypeNames[0]));
        var django = Assert.Single(r.Output, o => o.Str("Name") == "django");
        Assert.Equal("3.2.17", django.Str("Version"));
        Assert.Single((string[])django.Prop("Hashes")!);
        Assert.Contains("sys_platform", Assert.Single(r.Output, o => o.Str("Name") == "gunicorn").Str("Markers"));
        var flask = Assert.Single(r.Output, o => o.Str("Name") == "flask");
        Assert.Equal("poetry.lock", flask.Str("Source"));
        Assert.Equal("2.3.1", flask.Str("Version"));
    }

    [Fact]
    public void Takes_files_from_the_pipeline_and_filters_by_group()
    {
        using var app = App();
        app.Write("requirements-dev.txt", "pytest==8.0.0\n");
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("[pscustomobject]@{ FullName = $args[0] } | Get-DependencyLock | ForEach-Object Name", app.PathOf("poetry.lock"));
        Assert.Empty(r.Errors);
        Assert.Equal(new[] { "flask" }, r.Output.Select(o => o.ToString()));
        var none = ps.Run("Get-DependencyLock $args[0] -Group 'no-such-group'", app.PathOf("requirements.txt"));
        Assert.Empty(none.Errors);
        Assert.Empty(none.Output);
        var main = ps.Run("Get-DependencyLock $args[0] -Group main -DirectOnly | ForEach-Object Name", app.PathOf("requirement*.txt"));
        Assert.Empty(main.Errors);
        Assert.Contains("django", main.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void A_malformed_file_is_a_non_terminating_error_and_the_rest_still_comes_out()
    {
        using var app = App();
        app.Write("requirements.txt", "django==3.2.17\nflask>=>2\ncelery==5.4.0\n");
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Get-DependencyLock $args[0] | ForEach-Object Name", app.Root);
        var error = Assert.Single(r.Errors);
        Assert.StartsWith("MalformedDependencyFile,", error.FullyQualifiedErrorId);
        Assert.Equal(Path.Combine(app.Root, "requirements.txt"), error.TargetObject?.ToString());
        Assert.Contains("requirements.txt:2", error.Exception.Message);
        Assert.Equal(new[] { "celery", "django", "flask" }, r.Output.Select(o => o.ToString()).OrderBy(s => s, System.StringComparer.Ordinal));
    }

    [Fact]
    public void A_missing_path_is_PathNotFound()
    {
        using var app = App();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("@(Get-DependencyLock $args[1], $args[0]).Count", app.Root, app.PathOf("nope"));
        Assert.StartsWith("PathNotFound,", Assert.Single(r.Errors).FullyQualifiedErrorId);
        Assert.Equal("5", Assert.Single(r.Output).ToString());
    }

    [Fact]
    public void Finds_vulnerabilities_of_locked_versions_with_source_and_fix()
    {
        using var app = App();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Get-DependencyLock $args[0] | Find-DependencyVulnerability -DatabasePath $args[1] -Verbose", app.Root, OsvFixture);
        Assert.Empty(r.Errors);
        Assert.All(r.Output, o => Assert.Equal("DeployChecks.VulnerabilityMatch", o.TypeNames[0]));
        var django = Assert.Single(r.Output, o => o.Str("AdvisoryId") == "PYSEC-2023-TEST1");
        Assert.Equal("django", django.Str("Package"));
        Assert.Equal("3.2.18", django.Str("FixVersion"));
        Assert.Equal("requirements.txt", django.Str("Source"));
        Assert.Equal("1", django.Str("Line"));
        var flask = Assert.Single(r.Output, o => o.Str("AdvisoryId") == "PYSEC-2023-TEST3");
        Assert.Equal("poetry.lock", flask.Str("Source"));
        Assert.Contains(r.Verbose, v => v.Contains("requests", System.StringComparison.Ordinal) && v.Contains("no pinned", System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_database_comes_from_DEPLOYCHECKS_VULN_DB_or_the_check_fails_loudly()
    {
        using var app = App();
        using var ps = PowerShellSession.WithModule();
        string? saved = System.Environment.GetEnvironmentVariable("DEPLOYCHECKS_VULN_DB");
        try
        {
            System.Environment.SetEnvironmentVariable("DEPLOYCHECKS_VULN_DB", null);
            var missing = ps.Run("try { Get-DependencyLock $args[0] | Find-DependencyVulnerability | Out-Null; 'no error' } catch { $_.FullyQualifiedErrorId }", app.Root);
            Assert.StartsWith("VulnerabilityDatabaseMissing,", Assert.Single(missing.Output).ToString());

            var wrongPath = ps.Run("try { Get-DependencyLock $args[0] | Find-DependencyVulnerability -DatabasePath $args[1] | Out-Null; 'no error' } catch { $_.FullyQualifiedErrorId }",
                app.Root, app.PathOf("no-such-db"));
            Assert.StartsWith("VulnerabilityDatabaseMissing,", Assert.Single(wrongPath.Output).ToString());

            System.Environment.SetEnvironmentVariable("DEPLOYCHECKS_VULN_DB", OsvFixture);
            var fromEnv = ps.Run("Get-DependencyLock $args[0] | Find-DependencyVulnerability | ForEach-Object AdvisoryId", app.Root);
            Assert.Empty(fromEnv.Errors);
            Assert.Contains("PYSEC-2023-TEST1", fromEnv.Output.Select(o => o.ToString()));
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("DEPLOYCHECKS_VULN_DB", saved);
        }
    }

    [Fact]
    public void A_database_that_is_not_a_zip_is_VulnerabilityDatabaseUnreadable()
    {
        using var app = App();
        string notZip = app.Write("all.zip", "this is not a zip archive\n");
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("try { Get-DependencyLock $args[0] | Find-DependencyVulnerability -DatabasePath $args[1] | Out-Null; 'no error' } catch { $_.FullyQualifiedErrorId }", app.Root, notZip);
        Assert.StartsWith("VulnerabilityDatabaseUnreadable,", Assert.Single(r.Output).ToString());
    }

    [Fact]
    public void LiteralPath_takes_brackets_literally()
    {
        using var app = App();
        string odd = app.Write("svc[1]/requirements.txt", "django==3.2.17\n");
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Get-DependencyLock -LiteralPath $args[0] | ForEach-Object { $_.Name + '==' + $_.Version }", Path.GetDirectoryName(odd)!);
        Assert.Empty(r.Errors);
        Assert.Equal(new[] { "django==3.2.17" }, r.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Remediation_writes_one_upgrade_plan_per_affected_package_and_file_and_changes_nothing()
    {
        using var app = App();
        app.Write("constraints/requirements.txt", "Django==3.2.17\nDjango==3.2.17\n");
        string before = File.ReadAllText(app.PathOf("requirements.txt"));
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Get-DependencyLock $args[0] | Find-DependencyVulnerability -DatabasePath $args[1] -Remediation", app.Root, OsvFixture);
        Assert.Empty(r.Errors);
        Assert.All(r.Output, o => Assert.Equal("DeployChecks.RemediationPlan", o.TypeNames[0]));
        Assert.Equal(new[] { "constraints/requirements.txt django 3.2.17 -> 3.2.18", "poetry.lock flask 2.3.1 -> 2.3.2", "requirements.txt django 3.2.17 -> 3.2.18" },
            r.Output.Select(o => $"{o.Str("Source")} {o.Str("NormalizedName")} {o.Str("Version")} -> {o.Str("TargetVersion")}").OrderBy(x => x, System.StringComparer.Ordinal));
        var django = r.Output.First(o => o.Str("Source") == "requirements.txt");
        Assert.Equal(new[] { "PYSEC-2023-TEST1" }, ((System.Collections.IEnumerable)django.Properties["Clears"].Value).Cast<object>().Select(x => x.ToString()));
        Assert.Equal("False", django.Str("CrossesMajorVersion"));
        Assert.Equal("True", django.Str("IsComplete"));
        Assert.Equal(before, File.ReadAllText(app.PathOf("requirements.txt")));

        var table = ps.Run("Get-DependencyLock $args[0] | Find-DependencyVulnerability -DatabasePath $args[1] -Remediation | Out-Default", app.Root, OsvFixture);
        Assert.Contains("Target", table.HostText);
        Assert.Contains("requirements.txt:1", table.HostText);
    }

    [Fact]
    public void Table_views_show_source_and_line_and_the_fix()
    {
        using var app = App();
        using var ps = PowerShellSession.WithModule();
        var entries = ps.Run("Get-DependencyLock $args[0] | Out-Default", app.Root);
        Assert.Contains("requirements.txt:1", entries.HostText);
        var matches = ps.Run("Get-DependencyLock $args[0] | Find-DependencyVulnerability -DatabasePath $args[1] | Out-Default", app.Root, OsvFixture);
        Assert.Contains("PYSEC-2023-TEST1", matches.HostText);
        Assert.Contains("3.2.18", matches.HostText);
    }
}
