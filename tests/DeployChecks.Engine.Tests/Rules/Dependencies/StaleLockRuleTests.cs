using System.IO;
using System.Linq;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Rules.Dependencies;

public class StaleLockRuleTests
{
    private const string BasicHash = "63da562429311315af8fe59fd681b6a61f21868f219325524e7f3f336bc474b2";

    private static string Fixture(string rule, string kind, string file) => File.ReadAllText(Path.Combine(Paths.RuleFixture(rule, kind), file));

    [Fact]
    public void DC2004_points_at_the_hash_line_and_names_the_added_package()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC2004", "violating"));
        var report = Runs.Check(tree.Root);
        var f = Assert.Single(report.Active("DC2004"));
        Assert.Equal("Pipfile.lock", f.Path);
        Assert.Equal(4, f.Line);
        Assert.Contains("63da56242931…", f.Message);
        Assert.Contains("8b946989c70e…", f.Message);
        Assert.Contains("`requests` is declared but not in the lock", f.Message);
        Assert.Contains("pipenv lock", f.Message);
        Assert.Equal(Severity.High, f.Severity);
    }

    [Fact]
    public void DC2004_fingerprint_survives_line_moves_of_the_lock()
    {
        using var a = TempTree.FromFixture(Paths.RuleFixture("DC2004", "violating"));
        using var b = TempTree.FromFixture(Paths.RuleFixture("DC2004", "violating"));
        b.Write("Pipfile.lock", "\n\n" + Fixture("DC2004", "violating", "Pipfile.lock"));
        Assert.Equal(Runs.Check(a.Root).Active("DC2004").Single().Fingerprint, Runs.Check(b.Root).Active("DC2004").Single().Fingerprint);
    }

    [Fact]
    public void DC2004_reports_a_changed_python_version()
    {
        using var tree = new TempTree();
        tree.Write("Pipfile", Fixture("DC2004", "clean", "Pipfile").Replace("\"\"\"3.11\"\"\"", "\"3.12\""));
        tree.Write("Pipfile.lock", Fixture("DC2004", "clean", "Pipfile.lock"));
        var f = Assert.Single(Runs.Check(tree.Root).Active("DC2004"));
        Assert.Contains("[requires] python_version is '3.12' in the Pipfile but '3.11' in the lock", f.Message);
    }

    [Fact]
    public void DC2004_skips_with_a_note_when_the_pipfile_cannot_be_read_or_the_lock_has_no_hash()
    {
        using var tree = new TempTree();
        tree.Write("Pipfile", "[packages]\ndjango = \"*\n");
        tree.Write("Pipfile.lock", Fixture("DC2004", "clean", "Pipfile.lock"));
        tree.Write("svc/Pipfile", "[packages]\nflask = \"*\"\n");
        tree.Write("svc/Pipfile.lock", "{\"_meta\": {\"pipfile-spec\": 6}, \"default\": {}, \"develop\": {}}\n");
        tree.Write("solo/Pipfile.lock", Fixture("DC2004", "clean", "Pipfile.lock"));
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC2004"));
        Assert.Contains(report.Errors, e => e.RuleId == "DC2004" && e.Path == "Pipfile" && e.Message.Contains("syntax errors"));
        Assert.Contains(report.Errors, e => e.RuleId == "DC2004" && e.Path == "svc/Pipfile.lock" && e.Message.Contains("no _meta.hash.sha256"));
    }

    [Fact]
    public void DC2004_leaves_locks_under_tests_alone()
    {
        using var tree = new TempTree();
        tree.Write("tests/fixtures/app/Pipfile", "[packages]\nrequests = \"*\"\n");
        tree.Write("tests/fixtures/app/Pipfile.lock", Fixture("DC2004", "clean", "Pipfile.lock"));
        Assert.Empty(Runs.Check(tree.Root).Active("DC2004"));
    }

    [Fact]
    public void DC2005_points_at_content_hash_and_names_the_added_dependency()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC2005", "violating"));
        var f = Assert.Single(Runs.Check(tree.Root).Active("DC2005"));
        Assert.Equal("poetry.lock", f.Path);
        Assert.StartsWith("content-hash = ", File.ReadAllLines(Path.Combine(tree.Root, "poetry.lock"))[f.Line - 1]);
        Assert.Contains("068469528ea4…", f.Message);
        Assert.Contains("ef3dc5b381f0…", f.Message);
        Assert.Contains("lock-version 2.0", f.Message);
        Assert.Contains("`httpx` is declared but not in the lock", f.Message);
        Assert.Contains("poetry lock --no-update", f.Message);
    }

    [Fact]
    public void DC2005_uses_the_poetry_2_recipe_for_lock_version_2_1()
    {
        string pyproject = Fixture("DC2005", "clean", "services/modern/pyproject.toml");
        string lockText = Fixture("DC2005", "clean", "services/modern/poetry.lock");
        using var tree = new TempTree();
        // The [project] dependency list changes: Poetry 2 hashes it.
        tree.Write("pyproject.toml", pyproject.Replace("\"psycopg[binary]>=3.1\",", "\"psycopg[binary]>=3.1\",\n    \"celery>=5.3\","));
        tree.Write("poetry.lock", lockText);
        var f = Assert.Single(Runs.Check(tree.Root).Active("DC2005"));
        Assert.Contains("lock-version 2.1", f.Message);
        Assert.Contains("`celery`", f.Message);
        Assert.EndsWith("Run `poetry lock`.", f.Message);
    }

    [Fact]
    public void DC2005_accepts_both_1_1_recipes_and_notes_unknown_versions()
    {
        using var tree = new TempTree();
        string pyproject = File.ReadAllText(Path.Combine(Paths.Fixtures, "dependencies", "lockhash", "poetry", "groups.pyproject.toml"));
        string meta(string version, string hash) => $"[[package]]\nname = \"celery\"\nversion = \"5.3.6\"\ndescription = \"\"\noptional = false\npython-versions = \">=3.8\"\nfiles = []\n\n[metadata]\nlock-version = \"{version}\"\npython-versions = \">=3.10,<3.13\"\ncontent-hash = \"{hash}\"\n";
        tree.Write("a/pyproject.toml", pyproject);
        tree.Write("a/poetry.lock", meta("1.1", "bbb41cc8f506213b3176b707f2d098426066b49b087afcbd7a00e63b8acc7cdb"));
        tree.Write("b/pyproject.toml", pyproject);
        tree.Write("b/poetry.lock", meta("1.1", "dbf8495e10591852c446d6056b58c510fce1d7fc300006d512da05002cf3b818"));
        tree.Write("c/pyproject.toml", pyproject);
        tree.Write("c/poetry.lock", meta("3.0", "dbf8495e10591852c446d6056b58c510fce1d7fc300006d512da05002cf3b818"));
        tree.Write("d/pyproject.toml", pyproject + "\n[dependency-groups]\nlint = [\"ruff\"]\n");
        tree.Write("d/poetry.lock", meta("2.1", "0000000000000000000000000000000000000000000000000000000000000000"));
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC2005"));
        Assert.Contains(report.Errors, e => e.RuleId == "DC2005" && e.Path == "c/poetry.lock" && e.Message.Contains("lock-version '3.0'"));
        Assert.Contains(report.Errors, e => e.RuleId == "DC2005" && e.Path == "d/poetry.lock" && e.Message.Contains("[dependency-groups]"));
    }

    [Fact]
    public void DC2006_names_added_and_removed_requirements_at_the_lock_entry()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC2006", "violating"));
        var f = Assert.Single(Runs.Check(tree.Root).Active("DC2006"));
        Assert.Equal("uv.lock", f.Path);
        Assert.Contains("name = \"requests\"", File.ReadAllLines(Path.Combine(tree.Root, "uv.lock"))[f.Line - 1]);
        Assert.Contains("`httpx>=0.27` (dependencies) is declared but not recorded", f.Message);
        Assert.Contains("`requests>=2.31` (dependencies) is recorded but no longer declared", f.Message);
        Assert.Contains("uv lock", f.Message);
    }

    [Theory]
    [InlineData("\"psycopg[pool,binary]>=3.1\"", "\"psycopg[binary]>=3.1\"", "`psycopg[binary]>=3.1` (dependencies) is declared but not recorded")]
    [InlineData("\"Django >= 4.2.0, < 5\"", "\"Django >= 4.2.0, < 6\"", "`Django >= 4.2.0, < 6` (dependencies) is declared")]
    [InlineData("S3 = [\"boto3>=1.34\"]", "S3 = [\"boto3>=1.34\", \"s3fs\"]", "`s3fs` (optional-dependencies.s3) is declared")]
    [InlineData("dev = [\"pytest>=8\", \"ruff==0.4.2\"]", "dev = [\"pytest>=8\"]", "`ruff==0.4.2` (dependency group dev) is recorded but no longer declared")]
    [InlineData("requires-python = \">=3.11.0\"", "requires-python = \">=3.12\"", "requires-python is '>=3.11' in the lock but '>=3.12' in pyproject.toml")]
    public void DC2006_sees_each_kind_of_change_on_the_clean_fixture(string from, string to, string expected)
    {
        string pyproject = Fixture("DC2006", "clean", "pyproject.toml");
        Assert.Contains(from, pyproject);
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC2006", "clean"));
        tree.Write("pyproject.toml", pyproject.Replace(from, to));
        var f = Assert.Single(Runs.Check(tree.Root).Active("DC2006"));
        Assert.Contains(expected, f.Message);
    }

    [Fact]
    public void DC2006_skips_unknown_lock_versions_with_a_note()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC2006", "violating"));
        tree.Write("uv.lock", Fixture("DC2006", "violating", "uv.lock").Replace("version = 1\n", "version = 2\n"));
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC2006"));
        Assert.Contains(report.Errors, e => e.RuleId == "DC2006" && e.Message.Contains("lock version '2'"));
    }
}
