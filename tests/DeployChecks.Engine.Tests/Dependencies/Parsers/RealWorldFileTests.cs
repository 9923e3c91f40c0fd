using System.IO;
using System.Linq;
using DeployChecks.Engine.Dependencies;
using DeployChecks.Engine.Dependencies.Parsers;
using DeployChecks.Engine.Artifacts.Toml;
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

    // Trimmed from psf/requests setup.py (as vendored in the Google Cloud SDK's gsutil third_party): the list is a
    // module-level name passed as install_requires=requires. It was "not statically readable" (no entries).
    private const string RequestsSetupPy = """
        requires = [
            "charset_normalizer>=2,<4",
            "idna>=2.5,<4",
            "urllib3>=1.21.1,<3",
            "certifi>=2017.4.17",
        ]
        test_requirements = [
            "pytest-httpbin==2.1.0",
        ]

        setup(
            name=about["__title__"],
            python_requires=">=3.8",
            install_requires=requires,
            tests_require=test_requirements,
            extras_require={
                "security": [],
                "socks": ["PySocks>=1.5.6, !=1.5.7"],
                "use_chardet_on_py3": ["chardet>=3.0.2,<6"],
            },
        )
        """;

    [Fact]
    public void Setup_py_follows_a_bare_name_to_its_module_level_list()
    {
        var doc = SetupPyParser.Instance.Parse("setup.py", new SourceText(RequestsSetupPy));
        Assert.Empty(doc.Problems);
        Assert.Equal(new[] { "charset_normalizer", "idna", "urllib3", "certifi", "PySocks", "chardet" }, doc.Entries.Select(e => e.Name));
        Assert.Equal(2, doc.Entries[0].Line);
        Assert.Equal("main", doc.Entries[3].Group);
        Assert.Equal("socks", doc.Entries[4].Group);
    }

    [Fact]
    public void Setup_py_names_in_extras_string_values_and_module_level_install_requires_are_read_once()
    {
        // googleapis/google-auth-library-python setup.py: a tuple name, an extras dict name, string values.
        const string googleAuth = """
            DEPENDENCIES = (
                "cachetools>=2.0.0,<6.0",
                "rsa>=3.1.4,<5",
            )

            extras = {
                "aiohttp": ["aiohttp >= 3.6.2, < 4.0.0.dev0", "requests >= 2.20.0, < 3.0.0.dev0"],
                "requests": "requests >= 2.20.0, < 3.0.0.dev0",
                "reauth": "pyu2f>=0.1.5",
            }

            setup(
                install_requires=DEPENDENCIES,
                extras_require=extras,
            )
            """;
        var doc = SetupPyParser.Instance.Parse("setup.py", new SourceText(googleAuth));
        Assert.Empty(doc.Problems);
        Assert.Equal(new[] { "main", "main", "aiohttp", "aiohttp", "requests", "reauth" }, doc.Entries.Select(e => e.Group));
        Assert.Equal("<3.0.0.dev0,>=2.20.0", doc.Entries[4].Specifier);
        Assert.Equal(8, doc.Entries[4].Line);

        // harlowja/fasteners setup.py: install_requires = [...] at module level, then install_requires=install_requires.
        const string fasteners = "install_requires = [\n    'six',\n    'monotonic>=0.1',\n]\n\nsetup(\n    name='fasteners',\n    install_requires=install_requires,\n)\n";
        doc = SetupPyParser.Instance.Parse("setup.py", new SourceText(fasteners));
        Assert.Empty(doc.Problems);
        Assert.Equal(new[] { "six", "monotonic" }, doc.Entries.Select(e => e.Name));

        // A call stays unreadable, as before.
        doc = SetupPyParser.Instance.Parse("setup.py", new SourceText("setup(\n    install_requires=read_requirements(\"requirements.txt\"),\n)\n"));
        Assert.Contains(doc.Problems, p => p.Line == 2 && p.Message.Contains("not statically readable"));
    }

    [Fact]
    public void Setup_py_conditional_extras_keys_are_markers()
    {
        // aliles/funcsigs setup.py: setuptools' ":marker" key is a main dependency with that marker.
        const string funcsigs = "setup(\n    extras_require = {\n        ':python_version<\"2.7\"': ['ordereddict'],\n        'socks:sys_platform == \"win32\"': ['win-inet-pton; python_version < \"3\"'],\n    },\n)\n";
        var doc = SetupPyParser.Instance.Parse("setup.py", new SourceText(funcsigs));
        Assert.Empty(doc.Problems);
        var ordereddict = doc.Entries[0];
        Assert.Equal("main", ordereddict.Group);
        Assert.Equal("python_version<\"2.7\"", ordereddict.Markers);
        Assert.Equal("socks", doc.Entries[1].Group);
        Assert.Contains("python_version < \"3\"", doc.Entries[1].Markers);
        Assert.Contains("sys_platform == \"win32\"", doc.Entries[1].Markers);
    }

    [Fact]
    public void Pyproject_reads_pdm_and_uv_legacy_dev_lists()
    {
        // 00dani/mpd-now-playable pyproject.toml (PDM, lock_version 4.4): the dev tools were dropped.
        const string pdm = """
            [project]
            name = "mpd-now-playable"
            dependencies = [
                "aiocache>=0.12.2",
                "python-mpd2>=3.1.0",
            ]
            requires-python = ">=3.12"

            [tool.pdm.scripts]
            start = {call = 'mpd_now_playable.cli:main'}

            [tool.pdm.dev-dependencies]
            dev = [
                "mypy>=1.7.1",
                "ruff>=0.1.6",
            ]
            test = ["-e file:///${PROJECT_ROOT}/plugins/x#egg=x", "pytest"]
            """;
        var doc = PyprojectParser.Instance.Parse("pyproject.toml", new SourceText(pdm));
        Assert.Empty(doc.Problems);
        Assert.Equal(new[] { "aiocache", "python-mpd2", "mypy", "ruff", "pytest" }, doc.Entries.Select(e => e.Name));
        Assert.Equal(new[] { "main", "main", "dev", "dev", "test" }, doc.Entries.Select(e => e.Group));
        Assert.Equal(14, doc.Entries[2].Line);

        const string uv = "[project]\nname = \"x\"\ndependencies = [\"httpx\"]\n\n[tool.uv]\ndev-dependencies = [\"pytest>=8\", \"ruff\"]\n";
        doc = PyprojectParser.Instance.Parse("pyproject.toml", new SourceText(uv));
        Assert.Equal(new[] { "main", "dev", "dev" }, doc.Entries.Select(e => e.Group));
    }

    // 03b8/tefy: a Poetry 0.12 lock (no lock-version, "marker", [metadata.hashes] of bare digests) and its pyproject.
    private const string TefyPyproject = """
        [tool.poetry]
        name = "TEfy"
        version = "0.1.3"

        [tool.poetry.dependencies]
        python = "^3.6"
        lxml = "^4.2.4"
        requests = "^2.22"

        [tool.poetry.dev-dependencies]
        pytest = "*"
        """;

    private const string TefyLock = """
        [[package]]
        category = "dev"
        description = "Cross-platform colored terminal text."
        marker = "sys_platform == \"win32\""
        name = "colorama"
        optional = false
        python-versions = ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*"
        version = "0.4.1"

        [[package]]
        category = "main"
        description = "Python HTTP for Humans."
        name = "requests"
        optional = false
        python-versions = ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*"
        version = "2.22.0"

        [metadata]
        content-hash = "44c2e3ac216b503f287e729ac42b77f23162eb0cbb1aeeef7f09d8e5b92f206c"
        python-versions = "^3.6"

        [metadata.hashes]
        colorama = ["05eed71e2e327246ad6b38c540c4a3117230b19679b875190486ddd2d721422d", "f8ac84de7840f5b9c4e3347b3c1eaa50f7e49c2b07596221daec5edaabbd7c48"]
        requests = ["11e007a8a2aa0323f5a921e9e6a2d7e4e67d9877e85773fba9ba6419025cbeb4", "9cf5292fcd0f598c671cfc1e0d7d1a7f13bb8085e9a590f48c010551dc6c4b31"]
        """;

    [Fact]
    public void Poetry_0_12_lock_reads_marker_and_metadata_hashes()
    {
        var doc = PoetryLockParser.Instance.Parse("poetry.lock", new SourceText(TefyLock));
        Assert.Empty(doc.Problems);
        Assert.Equal(new[] { "colorama", "requests" }, doc.Entries.Select(e => e.Name));
        Assert.Equal("sys_platform == \"win32\"", doc.Entries[0].Markers);
        Assert.Equal(new[] { "sha256:05eed71e2e327246ad6b38c540c4a3117230b19679b875190486ddd2d721422d", "sha256:f8ac84de7840f5b9c4e3347b3c1eaa50f7e49c2b07596221daec5edaabbd7c48" }, doc.Entries[0].Hashes);
        Assert.Equal(2, doc.Entries[1].Hashes.Length);
    }

    [Fact]
    public void DC2005_lock_without_lock_version_is_checked_as_1_0()
    {
        using var tree = new TempTree();
        tree.Write("pyproject.toml", TefyPyproject);
        tree.Write("poetry.lock", TefyLock);
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC2005"));
        Assert.DoesNotContain(report.Errors, e => e.RuleId == "DC2005");

        tree.Write("pyproject.toml", TefyPyproject.Replace("requests = \"^2.22\"", "requests = \"^2.22\"\nhttpx = \"*\""));
        var f = Assert.Single(Runs.Check(tree.Root).Active("DC2005"));
        Assert.Contains("lock-version 1.0", f.Message);
        Assert.Contains("`httpx`", f.Message);
    }
}
