using System.Linq;
using DeployChecks.Engine.Dependencies.Parsers;
using DeployChecks.Engine.Text;

namespace DeployChecks.Engine.Tests.Dependencies.Parsers;

public sealed class RequirementsFileParserTests
{
    private static RequirementsFile Parse(string relative) => RequirementsFileParser.Instance.Parse(relative, FixtureFiles.Text(relative));

    private static RequirementsFile ParseText(string text, string source = "requirements.txt") =>
        RequirementsFileParser.Instance.Parse(source, new SourceText(text));

    [Fact]
    public void Reads_pip_compile_output_with_hashes_continuations_and_via_comments()
    {
        var doc = Parse("requirements/requirements.txt");
        Assert.Empty(doc.Problems);
        Assert.Equal(new[] { "asgiref", "django", "gunicorn", "packaging", "psycopg", "sqlparse", "typing-extensions" },
            doc.Entries.Select(e => e.NormalizedName));
        var django = doc.Entries.Single(e => e.Name == "django");
        Assert.Equal("5.0.6", django.Version);
        Assert.True(django.IsPinned);
        Assert.Equal(14, django.Line);
        Assert.Equal(2, django.Hashes.Length);
        Assert.StartsWith("sha256:8363ac06", django.Hashes[0]);
        Assert.Equal("main", django.Group);
        Assert.Equal("PyPI", django.Ecosystem);
        Assert.Equal(DependencySourceKind.Requirements, django.Kind);
        var psycopg = doc.Entries.Single(e => e.Name == "psycopg");
        Assert.Equal(new[] { "binary" }, psycopg.Extras);
        Assert.Equal("python_version >= \"3.8\"", psycopg.Markers);
        Assert.Single(psycopg.Hashes);
        Assert.Equal("https://pypi.org/simple", doc.Options.IndexUrl);
        Assert.Equal(new[] { "https://deploy:s3cr3t@pypi.internal.example.com/simple/" }, doc.Options.ExtraIndexUrls);
        Assert.Equal(8, doc.Sources.Single(s => s.Name == "extra-index-url").Line);
    }

    [Fact]
    public void Global_options_on_a_requirement_line_are_ignored_as_pip_ignores_them()
    {
        // cookiecutter-django's requirements/production.txt long had `psycopg2==2.8.5 --no-binary psycopg2`; pip parses
        // it and keeps only the per-requirement options (req_file.handle_requirement_line).
        var doc = ParseText("psycopg2==2.8.5 --no-binary psycopg2\ngunicorn==20.0.4 --hash=sha256:1904bb2b8a43658807108d59c3f3d56c2b6121a701161de0ddf9ad140073c626\n");
        Assert.Empty(doc.Problems);
        Assert.Equal(new[] { "psycopg2", "gunicorn" }, doc.Entries.Select(e => e.NormalizedName));
        Assert.Single(doc.Entries[1].Hashes);
        Assert.NotEmpty(ParseText("flask==3.0.3 --frobnicate\n").Problems);
    }

    [Fact]
    public void Reads_odd_but_valid_syntax()
    {
        var doc = Parse("requirements/requirements/odd.txt");
        Assert.True(doc.Problems.Count == 0, string.Join("\n", doc.Problems));
        Assert.True(doc.Options.RequireHashes);
        Assert.True(doc.Options.Pre);
        Assert.Equal(new[] { "./wheels", "https://download.example.com/wheels/" }, doc.Options.FindLinks);
        Assert.Equal(new[] { ":all:" }, doc.Options.OnlyBinary);

        var flask = doc.Entries.Single(e => e.Name == "Flask");
        Assert.Equal(new[] { "async", "dotenv" }, flask.Extras);
        Assert.Equal(">=3.0.3", flask.Specifier);
        Assert.False(flask.IsPinned);
        Assert.Equal("python_version >= \"3.9\"", flask.Markers);

        var requests = doc.Entries.Single(e => e.Name == "requests");
        Assert.Equal(new[] { "sha256:70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6" }, requests.Hashes);

        var zope = doc.Entries.Single(e => e.NormalizedName == "zope-interface");
        Assert.Equal("6.4.post2", zope.Version);
        Assert.True(zope.IsPinned);

        var werkzeug = doc.Entries.Single(e => e.Name == "Werkzeug");
        Assert.Equal("<4,>=3.0.3", werkzeug.Specifier);
        Assert.Equal(11, werkzeug.Line);

        var editable = doc.Entries.Single(e => e.Name == "internal-lib");
        Assert.True(editable.IsEditable);
        Assert.Equal("git+https://github.com/example/internal-lib.git", editable.Url);
        Assert.Equal("v1.4.0", editable.VcsRef);
        Assert.False(editable.IsPinned);

        var shared = doc.Entries.Single(e => e.Name == "shared");
        Assert.True(shared.IsEditable);
        Assert.Equal(new[] { "extra" }, shared.Extras);

        var pinned = doc.Entries.Single(e => e.Name == "pinned-dep");
        Assert.Equal("3f786850e387550fdab836ed7e6dc881de23001b", pinned.VcsRef);
        Assert.True(pinned.IsPinned);

        var attrs = doc.Entries.Single(e => e.Name == "attrs");
        Assert.Equal("23.2.0", attrs.Version);

        var mylib = doc.Entries.Single(e => e.Name == "mylib");
        Assert.Equal("https://example.com/mylib-1.0.tar.gz", mylib.Url);
        Assert.Equal("sys_platform == \"linux\"", mylib.Markers);

        var local = doc.Entries.Single(e => e.Name == "localpkg");
        Assert.Equal("0.3.1", local.Version);

        Assert.Equal(">=5.3", doc.Entries.Single(e => e.Name == "celery").Specifier);
        var sqlalchemy = doc.Entries.Single(e => e.Name == "SQLAlchemy");
        Assert.False(sqlalchemy.IsPinned);
        Assert.Null(sqlalchemy.Version);
        Assert.Equal("==${PYYAML_VERSION}", doc.Entries.Single(e => e.Name == "pyyaml").Specifier);
    }

    [Fact]
    public void Records_includes_relative_to_the_including_file()
    {
        var doc = Parse("requirements/requirements-dev.txt");
        Assert.Equal(2, doc.Includes.Count);
        Assert.Equal("requirements/requirements.txt", doc.Includes[0].ResolvedPath);
        Assert.False(doc.Includes[0].IsConstraint);
        Assert.Equal("requirements/constraints.txt", doc.Includes[1].ResolvedPath);
        Assert.True(doc.Includes[1].IsConstraint);
        Assert.Equal(new[] { "pypi.internal.example.com" }, doc.Options.TrustedHosts);
        Assert.All(doc.Entries, e => Assert.Equal("dev", e.Group));
        Assert.Equal(">=8.0,<9".Split(',').OrderBy(x => x, System.StringComparer.Ordinal), doc.Entries[0].Specifier.Split(','));
    }

    [Fact]
    public void Resolver_follows_includes_marks_constraints_and_reports_missing_and_remote_files()
    {
        var resolved = RequirementsIncludeResolver.Resolve("requirements/requirements-dev.txt", FixtureFiles.LoadRequirements);
        Assert.Equal(new[] { "requirements/requirements-dev.txt", "requirements/requirements.txt", "requirements/constraints.txt" }, resolved.Files);
        Assert.Empty(resolved.Problems);
        Assert.Contains(resolved.Entries, e => e.Name == "django" && e.Source == "requirements/requirements.txt" && !e.IsConstraint);
        var urllib3 = resolved.Entries.Single(e => e.Name == "urllib3");
        Assert.True(urllib3.IsConstraint);
        Assert.Equal("requirements/constraints.txt", urllib3.Source);
        Assert.Equal(3, urllib3.Line);

        var basefile = RequirementsIncludeResolver.Resolve("requirements/requirements/base.txt", FixtureFiles.LoadRequirements);
        Assert.Contains(basefile.Entries, e => e.Name == "django");
        Assert.Contains(basefile.Problems, p => p.Line == 2 && p.Message.Contains("file not found"));
        Assert.Contains(basefile.Problems, p => p.Line == 3 && p.Message.Contains("not followed"));
    }

    [Fact]
    public void Resolver_detects_cycles_and_keeps_going()
    {
        var resolved = RequirementsIncludeResolver.Resolve("requirements/cycle-a.txt", FixtureFiles.LoadRequirements);
        Assert.Equal(new[] { "beta", "alpha" }, resolved.Entries.Select(e => e.Name));
        var cycle = Assert.Single(resolved.Problems);
        Assert.Equal("requirements/cycle-b.txt", cycle.Source);
        Assert.Equal(2, cycle.Line);
        Assert.Contains("cycle", cycle.Message);
    }

    [Fact]
    public void Malformed_lines_become_problems_with_lines_and_parsing_continues()
    {
        var doc = Parse("malformed/requirements-broken.txt");
        Assert.Equal(new[] { "django", "requests", "gunicorn", "celery" }, doc.Entries.Select(e => e.Name));
        var lines = doc.Problems.Select(p => p.Line).ToArray();
        Assert.Equal(new[] { 2, 3, 4, 5, 6, 8, 9 }, lines);
        Assert.All(doc.Problems, p => Assert.Equal("malformed/requirements-broken.txt", p.Source));
        Assert.Contains("invalid requirement", doc.Problems[0].Message);
    }

    [Theory]
    [InlineData("foo==1.0 \\\n  # a comment ends the continuation\nbar==2.0", new[] { "foo", "bar" })]
    [InlineData("foo==1.0 \\", new[] { "foo" })]
    [InlineData("# only comments\n\n   \n", new string[0])]
    [InlineData("foo#not-a-comment==1", new string[0])]
    [InlineData("https://example.com/pkg.zip#egg=pkg", new[] { "pkg" })]
    [InlineData("\r\nfoo==1\r\nbar==2\r\n", new[] { "foo", "bar" })]
    [InlineData("foo ; platform_machine == \"x86/64\"", new[] { "foo" })]
    [InlineData("-e .", new[] { "." })]
    public void Handles_line_edge_cases(string text, string[] names)
    {
        var doc = ParseText(text);
        Assert.Equal(names, doc.Entries.Select(e => e.Name));
    }

    [Theory]
    [InlineData("requirements.txt", "main")]
    [InlineData("requirements-dev.txt", "dev")]
    [InlineData("dev-requirements.txt", "main")]
    [InlineData("requirements/dev.txt", "dev")]
    [InlineData("requirements/test.txt", "test")]
    [InlineData("requirements/prod.txt", "main")]
    [InlineData("requirements_docs.in", "docs")]
    public void Groups_by_file_name(string path, string group)
    {
        Assert.Equal(group, RequirementsPaths.GroupFromPath(path));
    }
}
