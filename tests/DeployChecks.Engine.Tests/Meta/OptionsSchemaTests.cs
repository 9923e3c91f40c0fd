using System.IO;
using System.Threading.Tasks;
using DeployChecks.Engine.Options;
using DeployChecks.Engine.Tests.Support;
using Newtonsoft.Json;
using NJsonSchema;
using YamlDotNet.Serialization;

namespace DeployChecks.Engine.Tests.Meta;

/// <summary>The JSON schema in schemas/ and the option loader agree: what one accepts the other accepts.</summary>
public class OptionsSchemaTests
{
    private const string FullOptions = """
        rules:
          include: [configuration, tag:secrets, DC1001]
          exclude: DC1004
          severity:
            DC1001: critical
            env-file-debug-enabled: medium
        areas: [configuration, 2]
        paths:
          include: ["**"]
          exclude: ["legacy/**", "*.min.js"]
          maxFileSize: 4MB
          gitignore: true
        failOn: high
        output:
          format: sarif
          path: out/deploychecks.sarif
        baseline: .deploychecks-baseline.json
        vulnerabilities:
          database: .osv/pypi.zip
        suppressions:
          - rule: DC1002
            path: "deploy/*.env"
            reason: "rotated 2026-10; history purge scheduled"
            expires: 2027-01-31
        """;

    private static async Task<JsonSchema> Schema() =>
        await JsonSchema.FromFileAsync(Path.Combine(Paths.RepoRoot, "schemas", "deploychecks.schema.json"));

    private static string YamlToJson(string yaml)
    {
        var obj = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize(new StringReader(yaml));
        return JsonConvert.SerializeObject(obj);
    }

    [Fact]
    public async Task A_full_option_file_is_valid_for_both_schema_and_loader()
    {
        var errors = (await Schema()).Validate(YamlToJson(FullOptions));
        Assert.Empty(errors);
        var o = new DeployChecksOptions();
        OptionsLoader.ApplyYaml(o, FullOptions, "deploychecks.yml");
        Assert.Equal(Severity.High, o.FailOn);
        Assert.Equal(4L * 1024 * 1024, o.MaxFileSize);
        Assert.Single(o.Suppressions);
        Assert.Equal(Path.GetFullPath(Path.Combine(".osv", "pypi.zip")), o.VulnerabilityDatabase);
    }

    [Theory]
    [InlineData("failOn: severe\n")]
    [InlineData("colour: blue\n")]
    [InlineData("rules:\n  includes: [x]\n")]
    [InlineData("suppressions:\n  - rule: DC1001\n")]
    [InlineData("suppressions:\n  - rule: DC1001\n    reason: x\n    expires: 31/01/2027\n")]
    [InlineData("areas: [kitchen]\n")]
    [InlineData("vulnerabilities:\n  db: x.zip\n")]
    [InlineData("vulnerabilities:\n  database: [a, b]\n")]
    public async Task Invalid_option_files_are_rejected_by_both(string yaml)
    {
        var errors = (await Schema()).Validate(YamlToJson(yaml));
        Assert.NotEmpty(errors);
        Assert.Throws<OptionsException>(() => OptionsLoader.ApplyYaml(new DeployChecksOptions(), yaml, "deploychecks.yml"));
    }

    [Fact]
    public void Every_environment_variable_is_documented_in_the_about_topic_or_readme()
    {
        string readme = File.ReadAllText(Path.Combine(Paths.RepoRoot, "README.md"));
        foreach (var name in OptionsLoader.EnvironmentVariables.Keys)
        {
            Assert.Contains(name, readme);
        }
    }
}
