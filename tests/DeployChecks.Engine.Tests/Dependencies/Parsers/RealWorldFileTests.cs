using System.IO;
using System.Linq;
using DeployChecks.Engine.Dependencies;
using DeployChecks.Engine.Dependencies.Parsers;
using DeployChecks.Engine.Dependencies.Toml;
using DeployChecks.Engine.Tests.Support;
using DeployChecks.Engine.Text;

namespace DeployChecks.Engine.Tests.Dependencies.Parsers;

/// <summary>
/// Regressions found by running the parsers and the DC2xxx rules over real files of public repositories
/// (trimmed snippets; each test names the source repository and path).
/// </summary>
public sealed class RealWorldFileTests
{
    // Trimmed from 02JanDal/pysungrow pyproject.toml (commit d0315d5): [tool.poetry…] tables, then
    // [build-system], then [tool.pylint…] re-opens the implicit [tool] table. TOML merges the two; the reader
    // used to replace [tool], losing [tool.poetry] (every dependency dropped, and DC2005 on a fresh lock).
    private const string PysungrowPyproject = """
        [tool.poetry]
        name = "pysungrow"
        version = "1.1.0"

        [tool.poetry.dependencies]
        python = "^3.9"
        pymodbus = ">=2.5.3"  # would have preferred "~2.5.3, ~3.0.0" but pip install -e didn't like that

        [tool.poetry.group.dev.dependencies]
        black = ">=22.12,<25.0"
        pytest = "^7.2.0"
        flake8 = "^6.0.0"
        isort = "^5.10.1"
        pylint = "^2.15.8"
        mypy = "^0.991"
        pytest-asyncio = "^0.20.3"

        [build-system]
        requires = ["poetry-core"]
        build-backend = "poetry.core.masonry.api"

        [tool.pylint."MESSAGES CONTROL"]
        disable = [
            "format",
        ]

        [[tool.mypy.overrides]]
        module = ["pymodbus", "pymodbus.*"]
        ignore_missing_imports = true

        [tool.semantic_release]
        version_toml = [
            "pyproject.toml:tool.poetry.version"
        ]
        """;

    [Fact]
    public void Toml_table_reopened_after_another_table_is_merged_not_replaced()
    {
        var root = TomlDocumentReader.Read(PysungrowPyproject, out var errors);
        Assert.Empty(errors);
        var tool = root.Table("tool")!;
        Assert.Equal(new[] { "poetry", "pylint", "mypy", "semantic_release" }, tool.Keys);
        Assert.Equal(">=2.5.3", tool.Path("poetry", "dependencies")!.String("pymodbus"));

        var doc = PyprojectParser.Instance.Parse("pyproject.toml", new SourceText(PysungrowPyproject));
        Assert.Empty(doc.Problems);
        Assert.Equal(8, doc.Entries.Count);
        Assert.Equal(7, doc.Entries.Count(e => e.Group == "dev"));
    }

    [Fact]
    public void Toml_array_of_tables_reopened_after_another_table_keeps_every_item()
    {
        const string text = "[[tool.mypy.overrides]]\nmodule = \"a\"\n\n[tool.ruff]\nline-length = 100\n\n[[tool.mypy.overrides]]\nmodule = \"b\"\n";
        var root = TomlDocumentReader.Read(text, out var errors);
        Assert.Empty(errors);
        var overrides = root.Path("tool", "mypy")!.Array("overrides")!;
        Assert.Equal(2, overrides.Items.Count);
    }

    [Fact]
    public void DC2005_real_same_commit_pair_with_reopened_tool_table_is_not_stale()
    {
        using var tree = new TempTree();
        tree.Write("pyproject.toml", PysungrowPyproject);
        // [metadata] of 02JanDal/pysungrow poetry.lock at the same commit (Poetry 1.x, lock-version 2.0).
        tree.Write("poetry.lock", "[metadata]\nlock-version = \"2.0\"\npython-versions = \"^3.9\"\n" +
            "content-hash = \"81acdab8e73194612b63b52d96d3a7dc84c9fa4daad3f4faf496c80d0cb7d73a\"\n");
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC2005"));
    }
}
