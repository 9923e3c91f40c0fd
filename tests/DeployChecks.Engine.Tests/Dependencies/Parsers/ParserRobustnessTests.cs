using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CsCheck;
using DeployChecks.Engine.Dependencies;
using DeployChecks.Engine.Dependencies.Parsers;
using DeployChecks.Engine.Dependencies.Requirements;
using DeployChecks.Engine.Dependencies.Versioning;
using DeployChecks.Engine.Text;

namespace DeployChecks.Engine.Tests.Dependencies.Parsers;

/// <summary>Generated and mutated inputs for every parser: no exception, no hang, problems carry sane lines.</summary>
public sealed class ParserRobustnessTests
{
    private const string TomlAlphabet = "abcxyz019._-=[]{}\"',#\n \t\\:+*<>~^!@;/|";
    private const string ReqAlphabet = "abcxyz019._-=[]()\"',#\n \t\\:+*<>~^!@;/$%{}eghr";

    private static readonly (string Fixture, Func<string, SourceText, DependencyDocument> Parse)[] Parsers =
    {
        ("requirements/requirements.txt", (s, t) => RequirementsFileParser.Instance.Parse(s, t)),
        ("requirements/requirements/odd.txt", (s, t) => RequirementsFileParser.Instance.Parse(s, t)),
        ("pyproject/pyproject.toml", (s, t) => PyprojectParser.Instance.Parse(s, t)),
        ("pyproject/poetry-pyproject.toml", (s, t) => PyprojectParser.Instance.Parse(s, t)),
        ("pipenv/Pipfile", (s, t) => PipfileParser.Instance.Parse(s, t)),
        ("pipenv/Pipfile.lock", (s, t) => PipfileLockParser.Instance.Parse(s, t)),
        ("locks/poetry.lock", (s, t) => PoetryLockParser.Instance.Parse(s, t)),
        ("locks/uv.lock", (s, t) => UvLockParser.Instance.Parse(s, t)),
        ("locks/pdm.lock", (s, t) => PdmLockParser.Instance.Parse(s, t)),
        ("locks/pylock.toml", (s, t) => PyLockParser.Instance.Parse(s, t)),
        ("setuptools/setup.cfg", (s, t) => SetupCfgParser.Instance.Parse(s, t)),
        ("setuptools/setup.py", (s, t) => SetupPyParser.Instance.Parse(s, t)),
    };

    public static TheoryData<int> ParserIndexes()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Parsers.Length; i++)
        {
            data.Add(i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ParserIndexes))]
    public async Task Random_and_mutated_inputs_never_throw_or_hang(int index)
    {
        var (fixture, parse) = Parsers[index];
        string original = File.ReadAllText(Path.Combine(FixtureFiles.Root, fixture));
        string alphabet = fixture.EndsWith(".txt", StringComparison.Ordinal) || fixture.EndsWith(".py", StringComparison.Ordinal) ? ReqAlphabet : TomlAlphabet;
        var random = Gen.Char[alphabet].Array[0, 400].Select(a => new string(a));
        var mutated = Gen.Select(Gen.Int[0, original.Length], Gen.Int[0, 60], Gen.Char[alphabet].Array[0, 12])
            .Select(t => Mutate(original, t.Item1, t.Item2, new string(t.Item3)));
        var lines = original.Split('\n');
        var shuffled = Gen.Int[0, lines.Length - 1].Array[1, lines.Length * 2].Select(ix => string.Join("\n", ix.Select(i => lines[i])));
        var gen = Gen.OneOf(random, mutated, shuffled);

        var run = Task.Run(() => gen.Sample(text =>
        {
            var source = new SourceText(text);
            var doc = parse(fixture, source);
            foreach (var problem in doc.Problems)
            {
                Assert.InRange(problem.Line, 0, source.LineCount + 1);
                Assert.False(string.IsNullOrEmpty(problem.Message));
            }
            foreach (var entry in doc.Entries)
            {
                Assert.NotNull(entry.Name);
                Assert.NotNull(entry.NormalizedName);
                Assert.InRange(entry.Line, 0, source.LineCount + 1);
            }
        }, iter: 1500));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(120)));
        Assert.True(finished == run, $"{fixture}: generated inputs did not finish in time (hang?)");
        await run;
    }

    [Fact]
    public void Include_resolver_survives_generated_include_graphs()
    {
        var gen = Gen.Int[0, 5].Array[0, 4].Array[1, 6];
        gen.Sample(graph =>
        {
            var files = new Dictionary<string, RequirementsFile>();
            for (int f = 0; f < graph.Length; f++)
            {
                string text = string.Join("\n", graph[f].Select(t => (t % 2 == 0 ? "-r " : "-c ") + $"f{t}.txt")) + $"\npkg{f}==1.{f}\n";
                files[$"f{f}.txt"] = RequirementsFileParser.Instance.Parse($"f{f}.txt", new SourceText(text));
            }
            var resolved = RequirementsIncludeResolver.Resolve("f0.txt", p => files.TryGetValue(p, out var r) ? r : null);
            Assert.Contains(resolved.Entries, e => e.Name == "pkg0");
        }, iter: 500);
    }

    [Fact]
    public void Versions_specifiers_and_requirements_never_throw_on_generated_strings()
    {
        var chars = Gen.Char["0123456789.!+-_*abcdeprvlostA =<>~!,;()[]@'\"\t"].Array[0, 40].Select(a => new string(a));
        const string SampleMarker = "python_version < '3' and (os_name == \"posix\" or extra in 'x')";
        var markers = Gen.Select(Gen.Int[0, SampleMarker.Length], Gen.Int[0, 8], chars).Select(t => Mutate(SampleMarker, t.Item1, t.Item2, t.Item3));
        var gen = Gen.OneOf(chars, markers);
        gen.Sample(s =>
        {
            if (Pep440Version.TryParse(s, out var v))
            {
                Assert.True(Pep440Version.TryParse(v!.ToString(), out var again));
                Assert.Equal(v, again);
            }
            if (Pep440SpecifierSet.TryParse(s, out var set))
            {
                set!.Contains("1.0");
                set.Contains("1.0a1", prereleases: true);
                _ = set.ToString();
            }
            Pep508Requirement.TryParse(s, out _, out _);
            if (Pep508Marker.TryParse(s, out var marker, out _))
            {
                marker!.Evaluate(Pep508Marker.LinuxEnvironment());
            }
            PoetryConstraint.ToPep440(s);
        }, iter: 20000);
    }

    private static string Mutate(string text, int at, int delete, string insert)
    {
        at = Math.Min(at, text.Length);
        delete = Math.Min(delete, text.Length - at);
        return text.Substring(0, at) + insert + text.Substring(at + delete);
    }
}
