using System.Linq;
using System.Text;
using DeployChecks.Engine.Options;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Artifacts.Yaml;

/// <summary>Hardening (#16): deep nesting and alias bombs in every YAML file the engine reads end as a MalformedYaml
/// error for that file (or a clear option error), never a dead process or a hang; the rest of the run goes on.</summary>
public class HostileYamlRunTests
{
    private static string DeepFlow(int depth) => "services: " + new string('[', depth) + new string(']', depth) + "\n";

    private static string AliasBomb(string firstKey)
    {
        var sb = new StringBuilder(firstKey + ":\n  a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 10; i++)
        {
            sb.Append($"  a{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))).Append("]\n");
        }
        return sb.ToString();
    }

    [Theory]
    [InlineData("docker-compose.yml")]
    [InlineData(".github/workflows/ci.yml")]
    [InlineData(".gitlab-ci.yml")]
    [InlineData("azure-pipelines.yml")]
    public void Deep_nesting_in_a_pipeline_or_compose_file_is_reported_and_the_run_goes_on(string path)
    {
        using var tree = new TempTree();
        tree.Write(path, DeepFlow(50_000));
        tree.Write("requirements.txt", "flask==3.0.3\n");
        ChecklistReport? report = null;
        HangGuard.MustFinish(() => report = Runs.Check(tree.Root));
        var error = Assert.Single(report!.Errors, e => e.Path == path);
        Assert.Equal("MalformedYaml", error.ErrorId);
        Assert.Contains("nested deeper than", error.Message);
        Assert.DoesNotContain(report.Checks, c => c.Outcome == CheckOutcome.Error); // the rest of the run still happened
    }

    [Theory]
    [InlineData("docker-compose.yml", "x-bomb")]
    [InlineData(".github/workflows/ci.yml", "env")]
    [InlineData(".gitlab-ci.yml", "variables")]
    [InlineData("azure-pipelines.yml", "variables")]
    public void Alias_bombs_are_reported_as_malformed(string path, string key)
    {
        using var tree = new TempTree();
        tree.Write(path, AliasBomb(key));
        ChecklistReport? report = null;
        HangGuard.MustFinish(() => report = Runs.Check(tree.Root));
        var error = Assert.Single(report!.Errors, e => e.Path == path);
        Assert.Equal("MalformedYaml", error.ErrorId);
        Assert.Contains("aliases expand to more than", error.Message);
    }

    [Fact]
    public void Deep_nesting_in_the_option_file_is_an_option_error_with_a_line()
    {
        using var tree = new TempTree();
        tree.Write("deploychecks.yml", "failOn: high\nrules:\n  include: " + new string('[', 50_000) + new string(']', 50_000) + "\n");
        OptionsException? ex = null;
        HangGuard.MustFinish(() => ex = Assert.Throws<OptionsException>(() => Runs.Check(tree.Root)));
        Assert.Contains("nested deeper than", ex!.Message);
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void Alias_bomb_in_the_option_file_is_an_option_error()
    {
        using var tree = new TempTree();
        tree.Write("deploychecks.yml", AliasBomb("x"));
        OptionsException? ex = null;
        HangGuard.MustFinish(() => ex = Assert.Throws<OptionsException>(() => Runs.Check(tree.Root)));
        Assert.Contains("aliases expand to more than", ex!.Message);
    }
}
