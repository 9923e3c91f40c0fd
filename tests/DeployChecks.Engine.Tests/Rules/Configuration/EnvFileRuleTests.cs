using System.Linq;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Rules.Configuration;

public class EnvFileRuleTests
{
    private const string Secret = "k8#v2!q9@z1x7m4n0p3r6t5w8y2u1i9o";

    [Fact]
    public void DC1001_reports_untracked_env_with_all_credential_keys_and_redacted_evidence()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1001", "violating"));
        var report = Runs.Check(tree.Root);
        var f = Assert.Single(report.Active("DC1001"));
        Assert.Equal(".env", f.Path);
        Assert.Equal(1, f.Line);
        Assert.Contains("DJANGO_SECRET_KEY", f.Message);
        Assert.Contains("DATABASE_URL", f.Message);
        Assert.DoesNotContain("DJANGO_ALLOWED_HOSTS", f.Message);
        Assert.Contains("git add .", f.Message);
        Assert.Equal("DJANGO_SECRET_KEY=k8****", f.Evidence);
        Assert.Equal(Severity.High, f.Severity);
        // The tracked-file rule does not double-report an untracked file.
        Assert.Empty(report.Active("DC1002"));
    }

    [Fact]
    public void DC1001_without_git_says_no_gitignore_covers_the_file()
    {
        using var tree = new TempTree();
        tree.Write(".env", "DB_PASSWORD=hunter2hunter2\n");
        var report = Runs.Check(tree.Root);
        var f = Assert.Single(report.Active("DC1001"));
        Assert.Contains("no .gitignore covers it", f.Message);
        Assert.Equal(CheckOutcome.NotApplicable, report.Check("DC1002").Outcome);
    }

    [Fact]
    public void DC1001_honours_a_gitignore_without_a_repository()
    {
        using var tree = new TempTree();
        tree.Write(".env", "DB_PASSWORD=hunter2hunter2\n");
        tree.Write(".gitignore", "*.env\n.env\n");
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC1001"));
        Assert.Equal(CheckOutcome.NotApplicable, report.Check("DC1001").Outcome);
    }

    [Fact]
    public void DC1001_ignores_placeholders_and_public_keys()
    {
        using var tree = new TempTree();
        tree.Write(".env", "SECRET_KEY=changeme\nAPI_TOKEN=${API_TOKEN}\nSTRIPE_PUBLISHABLE_KEY=pk_live_abcdefghijkl\nDB_PASSWORD=\nAWS_SECRET_ACCESS_KEY=<your key>\nPASSWORD=********\n");
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC1001"));
        Assert.Equal(CheckOutcome.Pass, report.Check("DC1001").Outcome);
    }

    [Fact]
    public void DC1001_flags_url_credentials_under_any_key()
    {
        using var tree = new TempTree();
        tree.Write("deploy/app.env", "CACHE=redis://default:s3cr3tpass@cache:6379/0\n");
        var report = Runs.Check(tree.Root);
        var f = Assert.Single(report.Active("DC1001"));
        Assert.Equal("deploy/app.env", f.Path);
        Assert.Equal("CACHE=redis://default:****@cache:6379/0", f.Evidence);
    }

    [Fact]
    public void DC1002_reports_committed_env_even_when_it_is_now_ignored()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1002", "violating"));
        var report = Runs.Check(tree.Root);
        var f = Assert.Single(report.Active("DC1002"));
        Assert.Equal(".env", f.Path);
        Assert.Equal(2, f.Line);
        Assert.Contains("SECRET_KEY, STRIPE_API_KEY", f.Message);
        Assert.DoesNotContain("PUBLISHABLE", f.Message);
        Assert.Equal(Severity.Critical, f.Severity);
        Assert.Empty(report.Active("DC1001"));
    }

    [Fact]
    public void DC1002_works_when_the_target_is_a_subdirectory_of_the_repository()
    {
        using var tree = new TempTree();
        tree.Write("services/api/.env", "SECRET_KEY=p9Xr2mQ7vL4sT8wZ1nB6cF3hJ0kD5gA\n");
        tree.Write("services/api/app.py", "print('hi')\n");
        tree.Git("init -q");
        tree.Git("add -A");
        tree.Git("commit -q -m init");
        var report = Runs.Check(System.IO.Path.Combine(tree.Root, "services", "api"));
        var f = Assert.Single(report.Active("DC1002"));
        Assert.Equal(".env", f.Path);
    }

    [Fact]
    public void DC1003_reports_each_debug_switch_with_its_reason()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1003", "violating"));
        var report = Runs.Check(tree.Root);
        var findings = report.Active("DC1003").OrderBy(f => f.Path).ToArray();
        Assert.Equal(3, findings.Length);
        Assert.Equal(".env.production", findings[0].Path);
        Assert.Contains("development settings module 'config.settings.local'", findings[0].Message);
        Assert.Equal(".flaskenv", findings[1].Path);
        Assert.Equal(2, findings[1].Line);
        Assert.Contains("Werkzeug debugger", findings[1].Message);
        Assert.Equal("app.env", findings[2].Path);
        Assert.Contains("FLASK_ENV=development", findings[2].Message);
    }

    [Fact]
    public void DC1003_flags_debug_in_templates_that_deployments_copy()
    {
        using var tree = new TempTree();
        tree.Write(".env.example", "DJANGO_DEBUG=True\nSECRET_KEY=change-me\n");
        var report = Runs.Check(tree.Root);
        var f = Assert.Single(report.Active("DC1003"));
        Assert.Contains("template", f.Message);
    }

    [Fact]
    public void DC1004_reports_each_unparsable_line_and_the_run_reports_an_input_error()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1004", "violating"));
        var report = Runs.Check(tree.Root);
        var lines = report.Active("DC1004").Select(f => f.Line).OrderBy(l => l).ToArray();
        Assert.Equal(new[] { 2, 3 }, lines);
        Assert.All(report.Active("DC1004"), f => Assert.Null(f.Evidence));
        var errors = report.Errors.Where(e => e.ErrorId == "MalformedEnvFile").ToArray();
        Assert.Equal(2, errors.Length);
        Assert.All(errors, e => Assert.Equal(".env", e.Path));
        // Lines after the broken ones were still parsed: the credential on line 1 and the broker on line 4.
        Assert.NotEmpty(report.Active("DC1001"));
    }

    [Fact]
    public void Secrets_never_appear_in_full_in_findings()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1001", "violating"));
        var report = Runs.Check(tree.Root);
        foreach (var f in report.Findings)
        {
            Assert.DoesNotContain(Secret, f.Message + f.Evidence);
            Assert.DoesNotContain("Sup3rS3cret", f.Message + f.Evidence);
        }
    }

    [Fact]
    public void Fingerprint_survives_lines_moving()
    {
        using var tree = new TempTree();
        tree.Write(".env", "SECRET_KEY=p9Xr2mQ7vL4sT8wZ1nB6cF3hJ0kD5gA\n");
        string before = Assert.Single(Runs.Check(tree.Root).Active("DC1001")).Fingerprint;
        tree.Write(".env", "# moved\nAPP=x\n\nSECRET_KEY=p9Xr2mQ7vL4sT8wZ1nB6cF3hJ0kD5gA\n");
        var after = Assert.Single(Runs.Check(tree.Root).Active("DC1001"));
        Assert.Equal(4, after.Line);
        Assert.Equal(before, after.Fingerprint);
    }
}
