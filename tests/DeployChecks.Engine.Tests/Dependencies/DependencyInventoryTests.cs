using System.IO;
using System.Linq;
using DeployChecks.Engine.Dependencies;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Dependencies;

public sealed class DependencyInventoryTests
{
    private const string PoetryLock = """
        [[package]]
        name = "flask"
        version = "2.3.1"
        description = "A simple framework"
        optional = false
        python-versions = ">=3.8"
        files = [
            {file = "flask-2.3.1-py3-none-any.whl", hash = "sha256:aaaa"},
        ]

        [metadata]
        lock-version = "2.0"
        python-versions = "^3.11"
        content-hash = "abc"
        """;

    [Fact]
    public void Reads_every_dependency_file_of_a_directory_in_file_order()
    {
        using var dir = new TempDir();
        dir.Write("requirements.txt", "django==3.2.17 --hash=sha256:abcd\nrequests>=2\ngunicorn==22.0.0 ; sys_platform != 'win32'\n");
        dir.Write("poetry.lock", PoetryLock);
        dir.Write("app/main.py", "print('x')\n");
        dir.Write("README.md", "# app\n");

        var inv = DependencyInventory.Read(dir.Path);

        Assert.Empty(inv.Problems);
        Assert.Equal(new[] { "poetry.lock", "requirements.txt" }, inv.Documents.Select(d => d.Source).OrderBy(s => s, System.StringComparer.Ordinal));
        var req = inv.Entries.Where(e => e.Source == "requirements.txt").ToList();
        Assert.Equal(new[] { "django", "requests", "gunicorn" }, req.Select(e => e.Name));
        Assert.Equal(new[] { 1, 2, 3 }, req.Select(e => e.Line));
        Assert.Equal("3.2.17", req[0].Version);
        Assert.True(req[0].IsPinned);
        Assert.Single(req[0].Hashes);
        Assert.False(req[1].IsPinned);
        Assert.Null(req[1].Version);
        Assert.NotNull(req[2].Markers);
        var flask = Assert.Single(inv.Entries, e => e.Source == "poetry.lock");
        Assert.Equal("2.3.1", flask.Version);
        Assert.Equal(DependencySourceKind.PoetryLock, flask.Kind);
    }

    [Fact]
    public void A_malformed_file_gives_problems_and_the_other_entries_still_come_out()
    {
        using var dir = new TempDir();
        dir.Write("requirements.txt", "django==3.2.17\nflask>=>2\ncelery==5.4.0\n");
        dir.Write("Pipfile.lock", "{\n  \"default\": {\n    \"django\": {\"version\": \"==5.0.6\"},\n");

        var inv = DependencyInventory.Read(dir.Path);

        Assert.Contains(inv.Problems, p => p.Source == "requirements.txt" && p.Line == 2);
        Assert.Contains(inv.Problems, p => p.Source == "Pipfile.lock");
        Assert.Equal(new[] { "django", "celery" }, inv.Entries.Where(e => e.Source == "requirements.txt").Select(e => e.Name));
    }

    [Fact]
    public void Reads_a_single_file_by_its_name_or_folder()
    {
        using var dir = new TempDir();
        string lockFile = dir.Write("poetry.lock", PoetryLock);
        string base_ = dir.Write("requirements/base.txt", "django==3.2.17\n");
        string notDeps = dir.Write("notes.txt", "django==3.2.17\n");

        var fromLock = DependencyInventory.Read(lockFile);
        Assert.Equal("poetry.lock", Assert.Single(fromLock.Entries).Source);

        var fromFolder = DependencyInventory.Read(base_);
        Assert.Equal("django", Assert.Single(fromFolder.Entries).Name);

        Assert.Empty(DependencyInventory.Read(notDeps).Documents);
    }

    [Fact]
    public void An_unreadable_file_is_a_problem_not_an_exception()
    {
        using var dir = new TempDir();
        dir.WriteBytes("requirements.txt", new byte[] { 0x64, 0, 0x6a });

        var inv = DependencyInventory.Read(dir.Path);

        var problem = Assert.Single(inv.Problems);
        Assert.Equal("requirements.txt", problem.Source);
        Assert.Empty(inv.Entries);
    }

    [Fact]
    public void A_missing_path_throws()
    {
        Assert.Throws<FileNotFoundException>(() => DependencyInventory.Read(Path.Combine(Path.GetTempPath(), "dc-no-such-" + System.Guid.NewGuid().ToString("N"))));
    }
}
