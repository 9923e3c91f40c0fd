using System;
using System.IO;
using System.Linq;
using DeployChecks.Engine.Tests.Support;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Tests.Workspace;

/// <summary><see cref="GitRepository.ReadIndex"/> against indexes written by the real git, versions 2, 3 and 4.</summary>
public class GitIndexTests
{
    private static readonly string[] Paths =
    {
        "app.py", ".env", "pkg/__init__.py", "pkg/models/user.py", "pkg/models/user_profile.py",
        "pkg/models/very/deep/nested/directory/with/a/long/name/module.py", "docs/ünïcödé-naïve.md", "a b/c d.txt",
        "requirements.txt", "zz/last.txt",
    };

    private static TempDir NewRepo(params string[] initArgs)
    {
        var dir = new TempDir();
        foreach (var p in Paths)
        {
            dir.Write(p, "v = '" + p + "'\n");
        }
        Git.Init(dir.Path, initArgs);
        Git.CommitAll(dir.Path);
        return dir;
    }

    private static uint IndexVersion(string repo)
    {
        var b = File.ReadAllBytes(Path.Combine(repo, ".git", "index"));
        return (uint)(b[4] << 24 | b[5] << 16 | b[6] << 8 | b[7]);
    }

    private static void AssertSameAsLsFiles(string repo, int hashSize = 20)
    {
        var expected = Git.RunZ(repo, "ls-files", "-z").OrderBy(p => p, StringComparer.Ordinal).ToList();
        var actual = GitRepository.ReadIndex(File.ReadAllBytes(Path.Combine(repo, ".git", "index")), "index", hashSize)
            .OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
    }

    [GitFact]
    public void Version_2_index_matches_ls_files()
    {
        using var repo = NewRepo();
        Git.Run(repo.Path, "update-index", "--index-version", "2");
        Assert.Equal(2u, IndexVersion(repo.Path));
        AssertSameAsLsFiles(repo.Path);
    }

    [GitFact]
    public void Version_3_index_with_intent_to_add_entry_matches_ls_files()
    {
        using var repo = NewRepo();
        repo.Write("pkg/new_module.py", "x = 1\n");
        Git.Run(repo.Path, "add", "-N", "pkg/new_module.py");
        Assert.Equal(3u, IndexVersion(repo.Path)); // extended flags force version 3
        AssertSameAsLsFiles(repo.Path);
        Assert.True(GitRepository.Discover(repo.Path)!.IsTracked("pkg/new_module.py"));
    }

    [GitFact]
    public void Version_4_index_with_prefix_compression_matches_ls_files()
    {
        using var repo = NewRepo();
        Git.Run(repo.Path, "update-index", "--index-version", "4");
        Assert.Equal(4u, IndexVersion(repo.Path));
        AssertSameAsLsFiles(repo.Path);
    }

    [GitFact]
    public void Version_4_index_with_extended_flags_matches_ls_files()
    {
        using var repo = NewRepo();
        repo.Write("pkg/models/user_settings.py", "x = 1\n");
        Git.Run(repo.Path, "add", "-N", "pkg/models/user_settings.py");
        Git.Run(repo.Path, "update-index", "--index-version", "4");
        Assert.Equal(4u, IndexVersion(repo.Path));
        AssertSameAsLsFiles(repo.Path);
    }

    [GitFact]
    public void Sha256_repository_index_is_read_with_32_byte_ids()
    {
        using var repo = NewRepo("--object-format=sha256");
        AssertSameAsLsFiles(repo.Path, 32);
        var git = GitRepository.Discover(repo.Path)!;
        Assert.Equal(Paths.Length, git.TrackedCount);
    }

    [GitFact]
    public void Discover_finds_the_work_tree_from_a_subdirectory_and_knows_tracked_directories()
    {
        using var repo = NewRepo();
        var git = GitRepository.Discover(Path.Combine(repo.Path, "pkg", "models"))!;
        Assert.Equal(Path.GetFullPath(repo.Path).TrimEnd('/'), git.WorkTree.TrimEnd('/'));
        Assert.True(git.IsTracked("pkg/models/user.py"));
        Assert.True(git.HasTrackedBelow("pkg/models"));
        Assert.True(git.HasTrackedBelow("pkg"));
        Assert.False(git.HasTrackedBelow("nothing"));
    }

    [Fact]
    public void Truncated_and_foreign_data_is_InvalidDataException()
    {
        Assert.Throws<InvalidDataException>(() => GitRepository.ReadIndex(new byte[] { 1, 2, 3 }, "x"));
        Assert.Throws<InvalidDataException>(() => GitRepository.ReadIndex("DIRC\0\0\0\u0009\0\0\0\0"u8.ToArray(), "x"));
        Assert.Throws<InvalidDataException>(() => GitRepository.ReadIndex("DIRC\0\0\0\u0002\0\0\0\u0005"u8.ToArray(), "x"));
    }

    [GitFact]
    public void Corrupt_index_is_reported_and_the_walk_goes_on()
    {
        using var repo = NewRepo();
        File.WriteAllBytes(Path.Combine(repo.Path, ".git", "index"), "DIRC\0\0\0\u0002\0\0\0\u0009garbage"u8.ToArray());
        var ws = DeployChecks.Engine.Workspace.Workspace.Open(repo.Path);
        Assert.Contains(ws.Problems, p => p.ErrorId == "GitIndexUnreadable");
        Assert.Contains(ws.Files, f => f.RelativePath == "app.py");
    }
}
