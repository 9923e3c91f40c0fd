using System.Linq;
using DeployChecks.Engine.Dependencies.Parsers;
using DeployChecks.Engine.Text;

namespace DeployChecks.Engine.Tests.Dependencies.Parsers;

/// <summary>What the dependency-hygiene rules need from the parsers: every index source with its line (uv, PDM,
/// find-links, the sources locks record) and the VCS of an entry.</summary>
public sealed class SourceAndVcsParsingTests
{
    [Fact]
    public void Pyproject_reads_uv_and_pdm_indexes_insecure_hosts_and_uv_git_sources()
    {
        var doc = PyprojectParser.Instance.Parse("pyproject.toml", new SourceText(
            "[project]\nname = \"api\"\nversion = \"1\"\ndependencies = [\"acme-auth>=1\", \"acme-geo\", \"flask\"]\n\n" +
            "[tool.uv]\nallow-insecure-host = [\"mirror.example.com\", \"localhost:8080\"]\nextra-index-url = [\"https://extra.example.com/simple\"]\n\n" +
            "[[tool.uv.index]]\nname = \"corp\"\nurl = \"https://pypi.corp.example.com/simple\"\n\n" +
            "[tool.uv.sources]\nacme-auth = { git = \"https://github.com/acme/auth\", tag = \"v1.4.0\" }\n" +
            "acme-geo = [{ git = \"https://github.com/acme/geo\", rev = \"0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6\", marker = \"sys_platform == 'linux'\" }]\n\n" +
            "[[tool.pdm.source]]\nname = \"pdm\"\nurl = \"http://pdm.example.com/simple\"\nverify_ssl = false\n"));
        Assert.Empty(doc.Problems);
        Assert.Equal(new[] { "corp:https://pypi.corp.example.com/simple:12", "extra-index-url:https://extra.example.com/simple:8",
                             "allow-insecure-host:mirror.example.com:7", "allow-insecure-host:localhost:8080:7", "pdm:http://pdm.example.com/simple:20" },
            doc.Sources.Select(s => s.Name + ":" + s.Url + ":" + s.Line));
        Assert.True(doc.Sources[2].IsTrustedHost);
        Assert.False(doc.Sources[4].VerifySsl);
        var auth = doc.Entries.Single(e => e.Name == "acme-auth");
        Assert.Equal(("git", "https://github.com/acme/auth", "v1.4.0", false), (auth.Vcs, auth.Url, auth.VcsRef, auth.IsPinned));
        var geo = doc.Entries.Single(e => e.Name == "acme-geo");
        Assert.True(geo.IsPinned);
        Assert.Null(doc.Entries.Single(e => e.Name == "flask").Vcs);
    }

    [Fact]
    public void Requirements_record_find_links_as_a_source_and_the_vcs_of_each_entry()
    {
        var doc = RequirementsFileParser.Instance.Parse("requirements.txt", new SourceText(
            "--find-links http://wheels.example.com/\n-e hg+https://hg.example.com/lib#egg=lib\nx @ git+https://github.com/a/x@main\nrequests==2.32.3\n"));
        Assert.Equal("find-links:http://wheels.example.com/:1", doc.Sources.Select(s => s.Name + ":" + s.Url + ":" + s.Line).Single());
        Assert.Equal(new[] { "hg", "git", null }, doc.Entries.Select(e => e.Vcs));
    }

    [Fact]
    public void Locks_record_their_index_once_and_the_vcs_commit()
    {
        var poetry = PoetryLockParser.Instance.Parse("poetry.lock", new SourceText(
            "[[package]]\nname = \"a\"\nversion = \"1\"\n\n[package.source]\ntype = \"legacy\"\nurl = \"https://corp.example.com/simple\"\nreference = \"corp\"\n\n" +
            "[[package]]\nname = \"b\"\nversion = \"1\"\n\n[package.source]\ntype = \"legacy\"\nurl = \"https://corp.example.com/simple\"\nreference = \"corp\"\n\n" +
            "[[package]]\nname = \"c\"\nversion = \"1\"\n\n[package.source]\ntype = \"git\"\nurl = \"https://github.com/a/c.git\"\nreference = \"main\"\nresolved_reference = \"5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d\"\n"));
        Assert.Equal("corp:https://corp.example.com/simple:5", poetry.Sources.Select(s => s.Name + ":" + s.Url + ":" + s.Line).Single());
        var c = poetry.Entries.Single(e => e.Name == "c");
        Assert.Equal(("git", "5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d"), (c.Vcs, c.VcsRef));

        var uv = UvLockParser.Instance.Parse("uv.lock", new SourceText(
            "version = 1\n\n[[package]]\nname = \"a\"\nversion = \"1\"\nsource = { registry = \"https://pypi.org/simple\" }\n\n" +
            "[[package]]\nname = \"b\"\nversion = \"1\"\nsource = { registry = \"https://pypi.org/simple\" }\n\n" +
            "[[package]]\nname = \"c\"\nversion = \"1\"\nsource = { git = \"https://github.com/a/c?tag=v1#7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b\" }\n"));
        Assert.Equal("https://pypi.org/simple:6", uv.Sources.Select(s => s.Url + ":" + s.Line).Single());
        Assert.Equal("git", uv.Entries.Single(e => e.Name == "c").Vcs);
    }
}
