using System;
using System.Collections;
using System.IO;
using DeployChecks.Engine.Options;
using DeployChecks.Engine.Running;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Options;

/// <summary>Option layering (file → DEPLOYCHECKS_* → parameters) and every kind of bad value.</summary>
public class OptionsLoaderTests
{
    private static DeployChecksOptions Load(TempDir dir, Hashtable? env = null, OptionOverrides? overrides = null) =>
        OptionsLoader.Load(dir.Path, null, env ?? new Hashtable(), overrides);

    private static OptionsException Bad(string yaml)
    {
        var ex = Assert.Throws<OptionsException>(() => OptionsLoader.ApplyYaml(new DeployChecksOptions(), yaml, "deploychecks.yml"));
        Assert.Equal("deploychecks.yml", ex.OptionSource);
        return ex;
    }

    [Fact]
    public void Yaml_file_sets_every_option()
    {
        using var dir = new TempDir();
        dir.Write("deploychecks.yml", """
            rules:
              include: [configuration]
              exclude: DC1003
              severity:
                DC1001: critical
                env-file-malformed: low
            areas: [configuration]
            paths:
              include: ["**/*.py", "**/.env*"]
              exclude: ["tests/**"]
              maxFileSize: 512KB
              gitignore: false
            failOn: high
            output: { format: sarif, path: out.sarif }
            baseline: .deploychecks-baseline.json
            suppressions:
              - rule: DC1001
                path: "deploy/**"
                reason: deploy templates hold fake values
                expires: 2099-12-31
            """);
        var o = Load(dir);
        Assert.Equal(new[] { "configuration" }, o.RulesInclude);
        Assert.Equal(new[] { "DC1003" }, o.RulesExclude);
        Assert.Equal(Severity.Critical, o.SeverityOverrides["dc1001"]);
        Assert.Equal(Severity.Low, o.SeverityOverrides["env-file-malformed"]);
        Assert.Equal(new[] { CheckArea.Configuration }, o.Areas);
        Assert.Equal(new[] { "tests/**" }, o.PathsExclude);
        Assert.Equal(512 * 1024, o.MaxFileSize);
        Assert.False(o.UseGitIgnore);
        Assert.Equal(Severity.High, o.FailOn);
        Assert.Equal("sarif", o.OutputFormat);
        Assert.Equal("out.sarif", o.OutputPath);
        Assert.Equal(".deploychecks-baseline.json", o.BaselinePath);
        var s = Assert.Single(o.Suppressions);
        Assert.Equal("deploy/**", s.Path);
        Assert.Equal(new DateTime(2099, 12, 31), s.Expires);
        Assert.EndsWith("deploychecks.yml:17", s.Origin);
        Assert.Equal(Path.Combine(dir.Path, "deploychecks.yml"), o.SourceFile);
    }

    [Fact]
    public void Environment_overrides_file_and_parameters_override_environment()
    {
        using var dir = new TempDir();
        dir.Write("deploychecks.yml", "failOn: low\nbaseline: file.json\npaths:\n  maxFileSize: 1MB\n  exclude: [a/**]\n");
        var env = new Hashtable { ["DEPLOYCHECKS_FAIL_ON"] = "Medium", ["DEPLOYCHECKS_BASELINE"] = "env.json", ["DEPLOYCHECKS_MAX_FILE_SIZE"] = "2 MiB" };
        var fromEnv = Load(dir, env);
        Assert.Equal(Severity.Medium, fromEnv.FailOn);
        Assert.Equal("env.json", fromEnv.BaselinePath);
        Assert.Equal(2 * 1024 * 1024, fromEnv.MaxFileSize);

        var fromParams = Load(dir, env, new OptionOverrides { FailOn = Severity.Critical, BaselinePath = "param.json", PathsExclude = new[] { "b/**" } });
        Assert.Equal(Severity.Critical, fromParams.FailOn);
        Assert.Equal("param.json", fromParams.BaselinePath);
        Assert.Equal(2 * 1024 * 1024, fromParams.MaxFileSize); // not given as a parameter: the env value stays
        Assert.Equal(new[] { "a/**", "b/**" }, fromParams.PathsExclude);

        var fileOnly = Load(dir);
        Assert.Equal(Severity.Low, fileOnly.FailOn);
        Assert.Equal(1024 * 1024, fileOnly.MaxFileSize);
    }

    [Fact]
    public void Option_path_from_environment_and_missing_file()
    {
        using var dir = new TempDir();
        string other = dir.Write("conf/other.yml", "failOn: critical\n");
        dir.Write("deploychecks.yml", "failOn: low\n");
        Assert.Equal(Severity.Critical, Load(dir, new Hashtable { ["DEPLOYCHECKS_OPTION_PATH"] = other }).FailOn);
        var ex = Assert.Throws<OptionsException>(() => Load(dir, new Hashtable { ["DEPLOYCHECKS_OPTION_PATH"] = dir.Full("nope.yml") }));
        Assert.Contains("not found", ex.Message);
    }

    [Fact]
    public void Malformed_yaml_names_file_and_line()
    {
        var ex = Bad("failOn: high\nrules:\n  include: [a, b\n  exclude: c\n");
        Assert.True(ex.Line >= 3, ex.Message);
        Assert.StartsWith("deploychecks.yml:", ex.Message);
        var tab = Bad("rules:\n\tinclude: x\n");
        Assert.InRange(tab.Line, 1, 2);
    }

    [Theory]
    [InlineData("colour: red\n", 1, "unknown option 'colour'")]
    [InlineData("rules:\n  includes: [x]\n", 2, "unknown option 'rules.includes'")]
    [InlineData("failOn: severe\n", 1, "'severe' is not a severity")]
    [InlineData("failOn: 3\n", 1, "'3' is not a severity")]
    [InlineData("rules:\n  severity:\n    DC1001: urgent\n", 3, "is not a severity")]
    [InlineData("paths:\n  maxFileSize: lots\n", 2, "'lots' is not a size")]
    [InlineData("paths:\n  maxFileSize: -5\n", 2, "is not a size")]
    [InlineData("paths:\n  maxFileSize: 99999999999999999999GB\n", 2, "is not a size")]
    [InlineData("paths:\n  gitignore: maybe\n", 2, "must be true or false")]
    [InlineData("areas: [configuration, weather]\n", 1, "'weather' is not an area")]
    [InlineData("suppressions:\n  - rule: DC1001\n    path: x\n", 2, "needs a 'reason'")]
    [InlineData("suppressions:\n  - rule: DC1001\n    reason: '   '\n", 2, "needs a 'reason'")]
    [InlineData("suppressions:\n  - reason: why\n", 2, "needs 'rule'")]
    [InlineData("suppressions:\n  - rule: DC1001\n    reason: r\n    expires: 31/12/2099\n", 4, "YYYY-MM-DD")]
    [InlineData("suppressions:\n  - rule: DC1001\n    reason: r\n    expires: 2099-02-30\n", 4, "YYYY-MM-DD")]
    [InlineData("suppressions: DC1001\n", 1, "must be a list")]
    [InlineData("- a\n- b\n", 1, "must be a mapping")]
    [InlineData("rules: [a]\n", 1, "'rules' must be a mapping")]
    public void Bad_values_are_OptionsException_with_line(string yaml, int line, string message)
    {
        var ex = Bad(yaml);
        Assert.Equal(line, ex.Line);
        Assert.Contains(message, ex.Message);
    }

    [Theory]
    [InlineData("DEPLOYCHECKS_FAIL_ON", "nope")]
    [InlineData("DEPLOYCHECKS_MAX_FILE_SIZE", "10XB")]
    [InlineData("DEPLOYCHECKS_AREAS", "configuration,moon")]
    public void Bad_environment_values_name_the_variable(string variable, string value)
    {
        using var dir = new TempDir();
        var ex = Assert.Throws<OptionsException>(() => Load(dir, new Hashtable { [variable] = value }));
        Assert.Equal(variable, ex.OptionSource);
    }

    [Fact]
    public void Empty_file_and_comments_only_are_fine()
    {
        var o = new DeployChecksOptions();
        OptionsLoader.ApplyYaml(o, "", "x.yml");
        OptionsLoader.ApplyYaml(o, "# nothing\n", "x.yml");
        Assert.Null(o.FailOn);
    }

    [Theory]
    [InlineData("1048576", 1048576L)]
    [InlineData("512KB", 524288L)]
    [InlineData("2mb", 2097152L)]
    [InlineData("1GiB", 1073741824L)]
    [InlineData("10 K", 10240L)]
    public void Sizes(string text, long expected) => Assert.Equal(expected, OptionsLoader.ParseSize(text, "t", 0));

    [Fact]
    public void Unknown_rule_selector_and_severity_override_are_rejected_at_run()
    {
        using var dir = new TempDir();
        dir.Write("deploychecks.yml", "rules:\n  include: [DC9999]\n");
        Assert.Throws<OptionsException>(() => CheckRunner.ResolveOptions(new CheckRequest(dir.Path) { Environment = new Hashtable() }));
        dir.Write("deploychecks.yml", "rules:\n  severity:\n    no-such-rule: low\n");
        Assert.Throws<OptionsException>(() => CheckRunner.ResolveOptions(new CheckRequest(dir.Path) { Environment = new Hashtable() }));
    }
}
