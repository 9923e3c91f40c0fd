using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System;
using DeployChecks.Engine.Dependencies.Parsers;
using DeployChecks.Engine.Dependencies;
using DeployChecks.Engine.Rules.Dependencies;
using DeployChecks.Engine.Tests.Support;
using DeployChecks.Engine.Text;

namespace DeployChecks.Engine.Tests.Dependencies;

/// <summary>The content hashes of Fixtures/dependencies/lockhash/*, recomputed by the engine, against
/// expected.json, which regenerate.py wrote with the real pipenv and Poetry code.</summary>
public class LockHashTests
{
    private static string Dir => Path.Combine(Paths.Fixtures, "dependencies", "lockhash");

    private static JsonElement Expected() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "expected.json"))).RootElement;

    public static TheoryData<string> PipfileCases() => new(Directory.GetFiles(Path.Combine(Dir, "pipfile")).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal)!);

    public static TheoryData<string> PoetryCases() => new(Directory.GetFiles(Path.Combine(Dir, "poetry")).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(PipfileCases))]
    public void DC2004_pipfile_hash_matches_pipenv(string name)
    {
        var doc = PipfileParser.Instance.Parse(name, new SourceText(File.ReadAllText(Path.Combine(Dir, "pipfile", name))));
        Assert.Empty(doc.Problems);
        Assert.True(LockHashes.TryPipfileHash(doc.Toml!, out string hash));
        Assert.Equal(Expected().GetProperty("pipfile").GetProperty(name).GetString(), hash);
    }

    [Theory]
    [MemberData(nameof(PoetryCases))]
    public void DC2005_poetry_content_hash_matches_poetry_for_each_lock_version(string name)
    {
        var doc = PyprojectParser.Instance.Parse(name, new SourceText(File.ReadAllText(Path.Combine(Dir, "poetry", name))));
        Assert.False(doc.HasSyntaxErrors);
        var expected = Expected().GetProperty("poetry").GetProperty(name);
        foreach (var (key, recipe) in new[] { ("1.1-legacy", PoetryRecipe.Legacy), ("2.0", PoetryRecipe.LegacyWithGroup), ("2.1", PoetryRecipe.Project) })
        {
            Assert.True(LockHashes.TryPoetryHash(doc.Toml!, recipe, out string hash));
            Assert.True(expected.GetProperty(key).GetString() == hash, $"{name} {key}: expected {expected.GetProperty(key).GetString()}, computed {hash}");
        }
    }

    [Fact]
    public void DC2004_cosmetic_changes_keep_the_hash_and_an_added_package_changes_it()
    {
        var p = Expected().GetProperty("pipfile");
        string basic = p.GetProperty("basic.Pipfile").GetString()!;
        Assert.Equal(basic, p.GetProperty("basic-comments.Pipfile").GetString());
        Assert.Equal(basic, p.GetProperty("basic-reordered.Pipfile").GetString());
        Assert.Equal(basic, p.GetProperty("basic-scripts.Pipfile").GetString());
        Assert.NotEqual(basic, p.GetProperty("basic-added.Pipfile").GetString());
    }

    [Fact]
    public void DC2004_a_toml_date_cannot_be_hashed_as_pipenv_cannot_either()
    {
        var doc = PipfileParser.Instance.Parse("Pipfile", new SourceText("[packages]\nflask = \"*\"\n[custom]\nwhen = 2024-01-01\n"));
        Assert.False(LockHashes.TryPipfileHash(doc.Toml!, out _));
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(3.1, "3.1")]
    [InlineData(100.0, "100.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1.5e-05, "1.5e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(123456789.125, "123456789.125")]
    public void Float_repr_matches_python(double value, string expected) => Assert.Equal(expected, PythonJson.FloatRepr(value));

    /// <summary>Runs regenerate.py --check: the real pipenv and Poetry code must still produce expected.json.</summary>
    [RequiresLockToolsFact]
    public void DC2004_DC2005_expected_hashes_agree_with_the_installed_tools()
    {
        int rc = Run(RequiresLockToolsFactAttribute.Python, "\"" + Path.Combine(Dir, "regenerate.py") + "\" --check", out string output);
        Assert.True(rc == 0, output);
    }

    internal static int Run(string file, string args, out string output)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        output = p.StandardOutput.ReadToEnd() + stderr.Result;
        p.WaitForExit();
        return p.ExitCode;
    }
}

/// <summary>Runs when Debian's pipenv and python3-poetry are installed (.ci/run installs them).</summary>
public sealed class RequiresLockToolsFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> Available = new(() =>
        File.Exists(Python) && LockHashTests.Run(Python, "-c \"import pipenv, poetry.packages.locker\"", out _) == 0);

    public RequiresLockToolsFactAttribute()
    {
        if (!Available.Value)
        {
            Skip = "Debian's pipenv and python3-poetry are not installed (apt-get install -y pipenv python3-poetry); expected.json still pins their hashes";
        }
    }
}
