using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DeployChecks.Engine.Hosting;
using DeployChecks.Engine.Options;
using DeployChecks.Engine.Running;
using DeployChecks.Engine.Suppressions;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Suppressions;

/// <summary>Inline directives and option-file entries, through whole runs over real directories. DC1001 fires
/// on a <c>.env</c> holding a credential that no ignore file covers (no git repository here).</summary>
public class SuppressionTests
{
    internal const string Secret = "SECRET_KEY=k8Qz2mLx9Vt4pRw7\n";

    internal static ChecklistReport Run(TempDir dir, DeployChecksOptions? options = null) =>
        CheckRunner.Run(new CheckRequest(dir.Path) { Environment = new Hashtable(), Options = options }, NullHost.Instance);

    internal static Finding Dc1001(ChecklistReport report, string path = ".env") =>
        report.Findings.Single(f => f.RuleId == "DC1001" && f.Path == path);

    [Fact]
    public void Unsuppressed_finding_is_active()
    {
        using var dir = new TempDir();
        dir.Write(".env", Secret);
        var f = Dc1001(Run(dir));
        Assert.Null(f.Suppression);
        Assert.Equal(1, f.Line);
    }

    [Theory]
    [InlineData("# deploychecks: ignore[DC1001] local development only\n" + Secret, "inline: local development only")]
    [InlineData("SECRET_KEY=k8Qz2mLx9Vt4pRw7 # deploychecks: ignore[DC1001] local only\n", "inline: local only")]
    [InlineData("A=1\n" + Secret + "# deploychecks: ignore-file[DC1001] throwaway sandbox\n", "inline: throwaway sandbox")]
    [InlineData("# deploychecks: ignore[env-file-not-ignored] by rule name\n" + Secret, "inline: by rule name")]
    [InlineData("# DEPLOYCHECKS: IGNORE[dc1003, DC1001] two rules\n" + Secret, "inline: two rules")]
    public void Inline_directives_suppress(string content, string expected)
    {
        using var dir = new TempDir();
        dir.Write(".env", content);
        var report = Run(dir);
        Assert.Equal(expected, Dc1001(report).Suppression);
        Assert.Equal(CheckOutcome.Suppressed, report.Checks.Single(c => c.RuleId == "DC1001").Outcome);
    }

    [Theory]
    [InlineData("# deploychecks: ignore[DC1001] too far away\n\n" + Secret)]
    [InlineData("# deploychecks: ignore[DC1002] other rule\n" + Secret)]
    [InlineData(Secret + "# deploychecks: ignore[DC1001] the line below\n")]
    public void Inline_directives_that_do_not_apply(string content)
    {
        using var dir = new TempDir();
        dir.Write(".env", content);
        Assert.Null(Dc1001(Run(dir)).Suppression);
    }

    [Fact]
    public void Directive_without_reason_is_reported_and_does_not_suppress()
    {
        using var dir = new TempDir();
        dir.Write(".env", "# deploychecks: ignore[DC1001]\n" + Secret);
        var report = Run(dir);
        Assert.Null(Dc1001(report).Suppression);
        var notice = Assert.Single(report.Errors, e => e.ErrorId == "SuppressionWithoutReason");
        Assert.Equal(".env", notice.Path);
        Assert.Equal(1, notice.Line);
        Assert.False(notice.IsError);
    }

    [Fact]
    public void Option_entries_apply_by_path_glob()
    {
        using var dir = new TempDir();
        dir.Write(".env", Secret);
        dir.Write("deploy/staging/.env", Secret);
        dir.Write("deploychecks.yml", "suppressions:\n  - rule: env-file-not-ignored\n    path: deploy/**\n    reason: staging values are fake\n");
        var report = CheckRunner.Run(new CheckRequest(dir.Path) { Environment = new Hashtable() }, NullHost.Instance);
        Assert.Equal("options: staging values are fake", Dc1001(report, "deploy/staging/.env").Suppression);
        Assert.Null(Dc1001(report).Suppression);
    }

    [Fact]
    public void Expired_entry_is_reported_once_and_not_applied()
    {
        using var dir = new TempDir();
        dir.Write(".env", Secret);
        dir.Write("b/.env", Secret);
        var options = new DeployChecksOptions
        {
            Today = new DateTime(2030, 6, 1),
            Suppressions =
            {
                new SuppressionEntry { Rule = "DC1001", Reason = "old", Expires = new DateTime(2030, 5, 31), Origin = "deploychecks.yml:3" },
            },
        };
        var report = Run(dir, options);
        Assert.All(report.Findings.Where(f => f.RuleId == "DC1001"), f => Assert.Null(f.Suppression));
        var notice = Assert.Single(report.Errors, e => e.ErrorId == "SuppressionExpired");
        Assert.Contains("2030-05-31", notice.Message);
        Assert.Contains("deploychecks.yml:3", notice.Message);

        options.Today = new DateTime(2030, 5, 31); // the expiry day itself still counts
        var stillValid = Run(dir, options);
        Assert.All(stillValid.Findings.Where(f => f.RuleId == "DC1001"), f => Assert.Equal("options: old", f.Suppression));
        Assert.DoesNotContain(stillValid.Errors, e => e.ErrorId == "SuppressionExpired");
    }

    [Fact]
    public void Inline_parse_details()
    {
        var m = InlineSuppression.Parse("    # deploychecks: ignore[DC1001, env-file-debug-enabled] reason here -->", 7)!;
        Assert.Equal(7, m.Line);
        Assert.False(m.WholeFile);
        Assert.Equal(new[] { "DC1001", "env-file-debug-enabled" }, m.Rules);
        Assert.Equal("reason here", m.Reason);
        Assert.Null(InlineSuppression.Parse("deploychecks: ignore DC1001 no brackets", 1));
        Assert.True(InlineSuppression.Names(m, "DC1003", "env-file-debug-enabled"));
        Assert.False(InlineSuppression.Names(m, "DC1002", "env-file-committed"));
    }
}
