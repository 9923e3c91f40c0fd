using CsCheck;
using DeployChecks.Engine.Artifacts.Env;
using DeployChecks.Engine.Text;

namespace DeployChecks.Engine.Tests.Artifacts.Env;

/// <summary>Generated and garbage input for the env parser: no exception, sane lines, linear time.</summary>
public class EnvFileParserRobustnessTests
{
    [Fact]
    public void Random_input_never_throws_and_lines_are_in_range()
    {
        var text = Gen.Frequency(
            (3, Gen.String[Gen.Char["AB=#'\" \t\r\n\\exportx\f\v"], 0, 80]),
            (1, Gen.String));
        text.Sample(s =>
        {
            var source = new SourceText(s);
            var env = EnvFileParser.Instance.Parse(source);
            int lines = s.Replace("\r\n", "\n").Split('\n', '\r').Length; // python-dotenv: \r\n, \n and \r end lines
            foreach (var e in env.Entries)
            {
                Assert.InRange(e.Line, 1, lines);
                Assert.NotEqual(0, e.Key.Length);
            }
            foreach (var p in env.Problems)
            {
                Assert.InRange(p.Line, 1, lines);
            }
        }, iter: 100_000, time: 4);
    }

    [Fact]
    public void Large_adversarial_input_finishes()
    {
        Support.HangGuard.MustFinish(() =>
        {
            EnvFileParser.Instance.Parse(new SourceText("A=\"" + new string('\\', 200_000)));
            EnvFileParser.Instance.Parse(new SourceText(new string('\'', 100_000)));
            EnvFileParser.Instance.Parse(new SourceText(string.Concat(System.Linq.Enumerable.Repeat("A=\"x\n", 20_000))));
            EnvFileParser.Instance.Parse(new SourceText(string.Concat(System.Linq.Enumerable.Repeat("'k\n", 20_000))));
        });
    }
}
