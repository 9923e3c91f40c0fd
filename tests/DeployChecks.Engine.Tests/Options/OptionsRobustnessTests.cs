using System.Linq;
using CsCheck;
using DeployChecks.Engine.Options;

namespace DeployChecks.Engine.Tests.Options;

/// <summary>Generated option files: the only failure is <see cref="OptionsException"/>.</summary>
public class OptionsRobustnessTests
{
    private static readonly string[] Fragments =
    {
        "rules:", "include:", "exclude:", "severity:", "DC1001:", "areas:", "paths:", "maxFileSize:", "gitignore:", "failOn:",
        "output:", "format:", "baseline:", "suppressions:", "rule:", "path:", "reason:", "expires:", "2099-01-01", "high",
        "- ", "  ", "    ", "\n", "\t", "[", "]", "{", "}", ",", ":", "'", "\"", "&a ", "*a", "!!str ", "!!map ", "? ", "|",
        ">", "#", "---", "...", "%YAML 1.2", "~", "null", "true", "12MB", "x", "<<: ", "\\", "configuration",
    };

    [Fact]
    public void ApplyYaml_only_throws_OptionsException()
    {
        var text = Gen.Int[0, Fragments.Length - 1].Array[0, 40].Select(ix => string.Concat(ix.Select(i => Fragments[i])));
        Gen.Frequency((5, text), (1, Gen.String)).Sample(yaml =>
        {
            try
            {
                OptionsLoader.ApplyYaml(new DeployChecksOptions(), yaml, "deploychecks.yml");
            }
            catch (OptionsException)
            {
            }
        }, iter: 50_000, time: 4);
    }
}
