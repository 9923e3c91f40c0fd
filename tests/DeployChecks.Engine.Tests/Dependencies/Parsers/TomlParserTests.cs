using System.Linq;
using DeployChecks.Engine.Dependencies;
using DeployChecks.Engine.Dependencies.Parsers;

namespace DeployChecks.Engine.Tests.Dependencies.Parsers;

public sealed class TomlParserTests
{
    private static DependencyDocument Pyproject(string relative) => PyprojectParser.Instance.Parse(relative, FixtureFiles.Text(relative));

    private static DependencyLockEntry One(DependencyDocument doc, string name) => doc.Entries.Single(e => e.NormalizedName == name);

    [Fact]
    public void Reads_pep621_and_pep735_with_lines_groups_and_include_group()
    {
        var doc = Pyproject("pyproject/pyproject.toml");
        Assert.Empty(doc.Problems);
        Assert.Equal(">=3.10", doc.Metadata["requires-python"]);
        Assert.Equal(8, doc.MetadataLines["requires-python"]);
        Assert.Equal("shop-api", doc.Metadata["name"]);

        var fastapi = One(doc, "fastapi");
        Assert.Equal("<1,>=0.111", fastapi.Specifier);
        Assert.Equal(10, fastapi.Line);
        Assert.Equal("main", fastapi.Group);
        Assert.False(fastapi.IsPinned);
        Assert.Equal(DependencySourceKind.Pyproject, fastapi.Kind);

        var uvicorn = One(doc, "uvicorn");
        Assert.True(uvicorn.IsPinned);
        Assert.Equal("0.30.1", uvicorn.Version);
        Assert.Equal(new[] { "standard" }, uvicorn.Extras);

        var httpx = One(doc, "httpx");
        Assert.Equal("git+https://github.com/encode/httpx", httpx.Url);
        Assert.Equal("0.27.0", httpx.VcsRef);
        Assert.False(httpx.IsPinned);

        Assert.Equal("python_version < \"3.11\"", One(doc, "tomli").Markers);
        Assert.Equal("postgres", One(doc, "asyncpg").Group);
        Assert.Equal(20, One(doc, "redis").Line);

        Assert.Equal(new[] { "pytest", "pytest-cov", "ruff", "ipdb" },
            doc.Entries.Where(e => e.Group == "dev").Select(e => e.Name));
        Assert.Equal(new[] { "test", "dev" }, doc.Entries.Where(e => e.Name == "pytest").Select(e => e.Group));
    }

    [Fact]
    public void Reports_include_group_cycles_missing_groups_and_bad_items()
    {
        var doc = Pyproject("pyproject/cycle-groups.toml");
        Assert.Contains(doc.Problems, p => p.Message.Contains("cycle"));
        Assert.Contains(doc.Problems, p => p.Line == 4 && p.Message.Contains("'missing' does not exist"));
        Assert.Contains(doc.Problems, p => p.Line == 4 && p.Message.Contains("expected a requirement string"));
        Assert.Equal(new[] { "one", "two" }, doc.Entries.Where(e => e.Group == "a").Select(e => e.Name));
    }

    [Fact]
    public void Translates_poetry_constraints()
    {
        var doc = Pyproject("pyproject/poetry-pyproject.toml");
        Assert.Empty(doc.Problems);
        Assert.Equal(">=3.11,<4.0", doc.Metadata["requires-python"]);
        Assert.DoesNotContain(doc.Entries, e => e.Name == "python");
        Assert.Equal(">=5.0.6,<6.0.0", One(doc, "django").Specifier);
        Assert.Equal(DependencySourceKind.PoetryPyproject, One(doc, "django").Kind);
        Assert.Equal(">=5.4,<5.5", One(doc, "celery").Specifier);
        Assert.Equal(new[] { "redis" }, One(doc, "celery").Extras);
        Assert.Equal("2.32.3", One(doc, "requests").Version);
        Assert.True(One(doc, "requests").IsPinned);
        Assert.Equal("==1.34.*", One(doc, "boto3").Specifier);
        Assert.False(One(doc, "boto3").IsPinned);
        Assert.Equal(">=0.2.3,<0.3.0", One(doc, "legacy-client").Specifier);
        Assert.Equal(">=0.0.3,<0.0.4", One(doc, "tiny").Specifier);
        Assert.Equal("", One(doc, "anything").Specifier);
        Assert.Equal(">=1.2,<2.0", One(doc, "ranged").Specifier);
        Assert.Equal("^1.0 || ^2.0", One(doc, "either").Specifier);
        Assert.True(One(doc, "internal").IsPinned);
        Assert.True(One(doc, "local-pkg").IsEditable);
        Assert.Equal(new[] { "<1.25", ">=1.26,<2.0" }, doc.Entries.Where(e => e.Name == "numpy").Select(e => e.Specifier));
        Assert.Equal("dev", One(doc, "pytest").Group);
        Assert.Equal(">=8.2,<9.0", One(doc, "pytest").Specifier);
        Assert.Equal(">=4,<5", One(doc, "django-debug-toolbar").Specifier);
        Assert.Equal("dev", One(doc, "black").Group);
        Assert.Equal("postgres", One(doc, "psycopg2").Group);
        Assert.Equal("main", One(doc, "django").Group);
        Assert.Equal("https://pypi.internal.example.com/simple/", doc.Sources.Single().Url);
        Assert.Equal(10, One(doc, "celery").Line);
    }

    [Theory]
    [InlineData("^1.2.3", ">=1.2.3,<2.0.0")]
    [InlineData("^0.2.3", ">=0.2.3,<0.3.0")]
    [InlineData("^0.0.3", ">=0.0.3,<0.0.4")]
    [InlineData("^0.0", ">=0.0,<0.1")]
    [InlineData("^0", ">=0,<1")]
    [InlineData("^1.2", ">=1.2,<2.0")]
    [InlineData("~1.2.3", ">=1.2.3,<1.3.0")]
    [InlineData("~1.2", ">=1.2,<1.3")]
    [InlineData("~1", ">=1,<2")]
    [InlineData("~=1.2", "~=1.2")]
    [InlineData("1.2.*", "==1.2.*")]
    [InlineData("*", "")]
    [InlineData("1.2.3", "==1.2.3")]
    [InlineData(">= 1.2, < 2", ">=1.2,<2")]
    [InlineData(">=1.2 <2", ">=1.2,<2")]
    [InlineData("=1.0", "==1.0")]
    [InlineData("^1.2.3b1", ">=1.2.3b1,<2.0.0")]
    [InlineData("^1 || ^2", null)]
    [InlineData("banana", null)]
    [InlineData("^99999999999999999999999", null)]
    public void Poetry_constraint_translation(string poetry, string? pep440)
    {
        Assert.Equal(pep440, PoetryConstraint.ToPep440(poetry));
    }

    [Fact]
    public void Reads_pipfile_categories_sources_and_requires()
    {
        var doc = PipfileParser.Instance.Parse("pipenv/Pipfile", FixtureFiles.Text("pipenv/Pipfile"));
        Assert.Empty(doc.Problems);
        Assert.Equal("3.12", doc.Metadata["python_version"]);
        Assert.Equal(2, doc.Sources.Count);
        Assert.False(doc.Sources[1].VerifySsl);
        Assert.Equal("5.0.6", One(doc, "django").Version);
        Assert.Equal(12, One(doc, "django").Line);
        Assert.Equal("", One(doc, "gunicorn").Specifier);
        Assert.Equal(new[] { "socks" }, One(doc, "requests").Extras);
        Assert.True(One(doc, "internal-lib").IsEditable);
        Assert.Equal("v1.4.0", One(doc, "internal-lib").VcsRef);
        Assert.Equal(new[] { "binary" }, One(doc, "psycopg").Extras);
        Assert.Equal("dev", One(doc, "pytest").Group);
        Assert.Equal("docs", One(doc, "sphinx").Group);
    }

    [Fact]
    public void Reads_pipfile_lock_with_meta_hashes_and_lines()
    {
        var doc = PipfileLockParser.Instance.Parse("pipenv/Pipfile.lock", FixtureFiles.Text("pipenv/Pipfile.lock"));
        Assert.Empty(doc.Problems);
        Assert.Equal("2b5d3a7a0e0b6c4b3e2f9d1a8c7b6a5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b", doc.Metadata["hash-sha256"]);
        Assert.Equal("6", doc.Metadata["pipfile-spec"]);
        Assert.Equal(4, doc.MetadataLines["hash-sha256"]);
        var asgiref = One(doc, "asgiref");
        Assert.Equal("3.8.1", asgiref.Version);
        Assert.True(asgiref.IsPinned);
        Assert.False(asgiref.IsDirect);
        Assert.Equal(2, asgiref.Hashes.Length);
        Assert.Equal(19, asgiref.Line);
        Assert.Equal("main", asgiref.Group);
        Assert.Equal("pypi", One(doc, "django").Index);
        Assert.True(One(doc, "internal-lib").IsPinned);
        Assert.Equal("dev", One(doc, "pytest").Group);
        Assert.Equal(DependencySourceKind.PipfileLock, One(doc, "pytest").Kind);
    }

    [Fact]
    public void Reads_poetry_lock_2_and_legacy_1_1()
    {
        var doc = PoetryLockParser.Instance.Parse("locks/poetry.lock", FixtureFiles.Text("locks/poetry.lock"));
        Assert.Empty(doc.Problems);
        Assert.Equal("2.0", doc.Metadata["lock-version"]);
        Assert.StartsWith("7d0f3d6b", doc.Metadata["content-hash"]);
        Assert.Equal(new[] { "asgiref", "django", "internal", "pytest", "private-pkg" }, doc.Entries.Select(e => e.Name));
        Assert.Equal(2, One(doc, "asgiref").Hashes.Length);
        Assert.Equal(3, One(doc, "asgiref").Line);
        Assert.Equal("3f786850e387550fdab836ed7e6dc881de23001b", One(doc, "internal").VcsRef);
        Assert.Equal("dev", One(doc, "pytest").Group);
        Assert.Equal("sys_platform != \"win32\"", One(doc, "pytest").Markers);
        Assert.Equal("private", One(doc, "private-pkg").Index);
        Assert.Equal("main,dev", One(doc, "private-pkg").Group);
        Assert.Equal("(sys_platform == \"linux\") or (python_version >= \"3.12\")", One(doc, "private-pkg").Markers);
        Assert.All(doc.Entries, e => Assert.True(e.IsPinned));

        var legacy = PoetryLockParser.Instance.Parse("locks/poetry-legacy.lock", FixtureFiles.Text("locks/poetry-legacy.lock"));
        Assert.Empty(legacy.Problems);
        Assert.Equal("1.1", legacy.Metadata["lock-version"]);
        Assert.Equal(2, One(legacy, "flask").Hashes.Length);
        Assert.Equal("dev", One(legacy, "coverage").Group);
    }

    [Fact]
    public void Reads_uv_lock_with_direct_dependencies_and_hashes()
    {
        var doc = UvLockParser.Instance.Parse("locks/uv.lock", FixtureFiles.Text("locks/uv.lock"));
        Assert.Empty(doc.Problems);
        Assert.Equal(">=3.11", doc.Metadata["requires-python"]);
        Assert.Equal("1", doc.Metadata["lock-version"]);
        Assert.Equal(new[] { "anyio", "fastapi", "httpx", "pytest" }, doc.Entries.Select(e => e.Name));
        Assert.False(One(doc, "anyio").IsDirect);
        Assert.Equal(2, One(doc, "anyio").Hashes.Length);
        Assert.True(One(doc, "fastapi").IsDirect);
        Assert.Equal("https://pypi.org/simple", One(doc, "fastapi").Index);
        Assert.Equal("326b9431c761e1ef1e00b9f760d1f654c8db48c6", One(doc, "httpx").VcsRef);
        Assert.Equal("test", One(doc, "pytest").Group);
        Assert.True(One(doc, "pytest").IsDirect);
        Assert.Equal(5, One(doc, "anyio").Line);
        Assert.Equal(new[] { "fastapi", "httpx" }, doc.LockedRequirements.Select(e => e.Name));
        Assert.Equal(">=0.111,<1", doc.LockedRequirements[0].Specifier);
        Assert.Equal("https://github.com/encode/httpx?rev=0.27.0", doc.LockedRequirements[1].Url);
    }

    [Fact]
    public void Reads_pdm_lock_and_pylock()
    {
        var pdm = PdmLockParser.Instance.Parse("locks/pdm.lock", FixtureFiles.Text("locks/pdm.lock"));
        Assert.Empty(pdm.Problems);
        Assert.Equal("4.4.2", pdm.Metadata["lock-version"]);
        Assert.StartsWith("sha256:", pdm.Metadata["content-hash"]);
        Assert.Equal("default,test", pdm.Metadata["groups"]);
        Assert.Equal("main", One(pdm, "certifi").Group);
        Assert.Equal(2, One(pdm, "certifi").Hashes.Length);
        Assert.Equal("test", One(pdm, "pytest").Group);

        var pylock = PyLockParser.Instance.Parse("locks/pylock.toml", FixtureFiles.Text("locks/pylock.toml"));
        Assert.Empty(pylock.Problems);
        Assert.Equal("1.0", pylock.Metadata["lock-version"]);
        var attrs = One(pylock, "attrs");
        Assert.Equal(new[] { "sha256:935dc3b529c262f6cf76e50877d35a4bd3c1de194fd41f47a2b7ae8f19971f30", "sha256:99b87a485a5820b23b879f04c2305b44b951b502fd64be915879d77a7e8fc6f1" }, attrs.Hashes);
        Assert.Equal(9, attrs.Line);
        var internalPkg = One(pylock, "internal");
        Assert.True(internalPkg.IsPinned);
        Assert.Null(internalPkg.Version);
        Assert.Equal("3f786850e387550fdab836ed7e6dc881de23001b", internalPkg.VcsRef);
    }

    [Fact]
    public void Malformed_toml_and_json_report_problems_with_lines_and_keep_what_parsed()
    {
        var py = PyprojectParser.Instance.Parse("malformed/pyproject.toml", FixtureFiles.Text("malformed/pyproject.toml"));
        Assert.Contains(py.Problems, p => p.Line == 5 && p.Message.Contains("not a valid req!!"));
        Assert.Contains(py.Problems, p => p.Line == 6 && p.Message.Contains("expected a string"));
        Assert.Contains(py.Problems, p => p.Line == 9 && p.Message.StartsWith("TOML syntax error"));
        Assert.Contains(py.Entries, e => e.Name == "django");

        var lockJson = PipfileLockParser.Instance.Parse("malformed/Pipfile.lock", FixtureFiles.Text("malformed/Pipfile.lock"));
        var problem = Assert.Single(lockJson.Problems);
        Assert.True(problem.Line > 0);
        Assert.StartsWith("invalid JSON", problem.Message);

        var poetry = PoetryLockParser.Instance.Parse("malformed/poetry.lock", FixtureFiles.Text("malformed/poetry.lock"));
        Assert.Contains(poetry.Problems, p => p.Message.StartsWith("TOML syntax error") && p.Line == 8);
        Assert.Contains(poetry.Problems, p => p.Line == 5 && p.Message.Contains("without a name"));
        Assert.Contains(poetry.Entries, e => e.Name == "ok");
    }
}
