using System;
using System.Collections;
using System.IO;
using System.Linq;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Hosting;
using DeployChecks.Engine.Running;
using DeployChecks.Engine.Tests.Support;
using DeployChecks.Engine.Workspace;
using Ws = DeployChecks.Engine.Workspace.Workspace;

namespace DeployChecks.Engine.Tests.Workspace;

/// <summary>The walk over real directories: git status, ignore sources, skipped directories, globs, size and
/// content limits, broken links.</summary>
public class WorkspaceWalkerTests
{
    private static string[] Kept(Ws ws) => ws.Files.Select(f => f.RelativePath).OrderBy(p => p, StringComparer.Ordinal).ToArray();

    [GitFact]
    public void Tracked_but_ignored_file_stays_in_the_workspace_as_tracked()
    {
        using var dir = new TempDir();
        dir.Write(".env", "SECRET_KEY=abc\n");
        dir.Write("app.py");
        Git.Init(dir.Path);
        Git.CommitAll(dir.Path);
        dir.Write(".gitignore", ".env\n");
        dir.Write("other.env.local");
        var ws = Ws.Open(dir.Path);
        var env = ws.Find(".env");
        Assert.NotNull(env);
        Assert.Equal(GitStatus.Tracked, env!.Git);
        Assert.Equal(GitStatus.Untracked, ws.Find(".gitignore")!.Git);
        Assert.Equal(ArtifactKind.EnvFile, env.Kind);
    }

    [GitFact]
    public void Ignored_directory_with_tracked_files_keeps_only_the_tracked_ones()
    {
        using var dir = new TempDir();
        dir.Write(".gitignore", "vendor/\n");
        dir.Write("vendor/tracked.py");
        Git.Init(dir.Path);
        Git.Run(dir.Path, "add", "-f", "vendor/tracked.py", ".gitignore");
        Git.Run(dir.Path, "commit", "-q", "-m", "c");
        dir.Write("vendor/untracked.py");
        dir.Write("vendor/sub/untracked2.py");
        var ws = Ws.Open(dir.Path);
        // git: vendor/untracked.py is ignored (its directory is), vendor/tracked.py is tracked.
        var gitOthers = Git.RunZ(dir.Path, "ls-files", "-z", "--others", "--exclude-standard");
        Assert.Empty(gitOthers);
        Assert.Equal(new[] { ".gitignore", "vendor/tracked.py" }, Kept(ws));
        Assert.Equal(GitStatus.Tracked, ws.Find("vendor/tracked.py")!.Git);
    }

    [GitFact]
    public void Target_in_a_subdirectory_honours_ignore_files_above_it()
    {
        using var dir = new TempDir();
        dir.Write(".gitignore", "*.secret\n/services/api/local/\n");
        dir.Write("services/.gitignore", "*.tmp\n");
        dir.Write("services/api/app.py");
        dir.Write("services/api/key.secret");
        dir.Write("services/api/x.tmp");
        dir.Write("services/api/local/settings.py");
        dir.Write("services/api/tracked.py");
        Git.Init(dir.Path);
        Git.Run(dir.Path, "add", "services/api/tracked.py");
        Git.Run(dir.Path, "commit", "-q", "-m", "c");
        var ws = Ws.Open(Path.Combine(dir.Path, "services", "api"));
        Assert.Equal("services/api/", ws.GitPrefix);
        Assert.Equal(new[] { "app.py", "tracked.py" }, Kept(ws));
        Assert.Equal(GitStatus.Tracked, ws.Find("tracked.py")!.Git);
        Assert.Equal(GitStatus.Untracked, ws.Find("app.py")!.Git);
    }

    [GitFact]
    public void Info_exclude_applies_and_gitignore_overrides_it()
    {
        using var dir = new TempDir();
        Git.Init(dir.Path);
        File.WriteAllText(Path.Combine(dir.Path, ".git", "info", "exclude"), "*.local\nnotes.txt\n");
        dir.Write(".gitignore", "!keep.local\n");
        dir.Write("a.local");
        dir.Write("keep.local");
        dir.Write("notes.txt");
        dir.Write("app.py");
        var expected = Git.RunZ(dir.Path, "ls-files", "-z", "--others", "--exclude-standard").OrderBy(p => p, StringComparer.Ordinal);
        Assert.Equal(expected, Kept(Ws.Open(dir.Path)));
        Assert.Equal(new[] { ".gitignore", "app.py", "keep.local" }, Kept(Ws.Open(dir.Path)));
    }

    [Fact]
    public void Default_skipped_directories_are_never_entered()
    {
        using var dir = new TempDir();
        dir.Write("app.py");
        dir.Write("node_modules/pkg/index.js");
        dir.Write("pkg/__pycache__/m.cpython-312.pyc");
        dir.Write("build/lib/app.py");
        dir.Write("dist/app-1.0.tar.gz");
        dir.Write("my_app.egg-info/PKG-INFO");
        dir.Write(".venv/lib/python3.12/site-packages/django/__init__.py");
        dir.Write("venv/bin/activate");
        dir.Write("whatever-env/pyvenv.cfg", "home = /usr/bin\n");
        dir.Write("whatever-env/lib/python3.12/site-packages/flask/app.py");
        dir.Write("whatever-env/.env", "SECRET_KEY=x\n");
        dir.Write(".git/config", "[core]\n");
        dir.Write("src/module.py");
        var ws = Ws.Open(dir.Path);
        Assert.Equal(new[] { "app.py", "src/module.py" }, Kept(ws));
        Assert.True(ws.SkippedDirectoryCount >= 7);
    }

    [Fact]
    public void Include_and_exclude_globs_filter_files_and_directories()
    {
        using var dir = new TempDir();
        dir.Write("app.py");
        dir.Write("pkg/a.py");
        dir.Write("pkg/a.txt");
        dir.Write("pkg/gen/b.py");
        dir.Write("scripts/c.py");
        dir.Write("README.md");
        var ws = Ws.Open(dir.Path, new WorkspaceOptions { Include = new[] { "**/*.py" }, Exclude = new[] { "pkg/gen", "scripts/**" } });
        Assert.Equal(new[] { "app.py", "pkg/a.py" }, Kept(ws));
        var byName = Ws.Open(dir.Path, new WorkspaceOptions { Exclude = new[] { "*.txt", "README.*" } });
        Assert.Equal(new[] { "app.py", "pkg/a.py", "pkg/gen/b.py", "scripts/c.py" }, Kept(byName));
    }

    [Fact]
    public void Files_over_the_size_cap_are_listed_but_not_read()
    {
        using var dir = new TempDir();
        dir.Write("big.py", new string('x', 5000));
        var ws = Ws.Open(dir.Path, new WorkspaceOptions { MaxFileSize = 1000 });
        var file = ws.Find("big.py")!;
        Assert.Equal(5000, file.Length);
        var ex = Assert.Throws<ArtifactReadException>(() => new ArtifactCache(1000).GetText(file));
        Assert.Equal("FileTooLarge", ex.ErrorId);
        Assert.Equal("big.py", ex.Path);
        Assert.Equal(5000, new ArtifactCache(10_000).GetText(file).Text.Length);
    }

    [Fact]
    public void Binary_files_are_not_read()
    {
        using var dir = new TempDir();
        dir.WriteBytes(".env", new byte[] { (byte)'A', (byte)'=', 0, 1, 2 });
        var file = Ws.Open(dir.Path).Find(".env")!;
        var ex = Assert.Throws<ArtifactReadException>(() => new ArtifactCache(1 << 20).GetText(file));
        Assert.Equal("FileIsBinary", ex.ErrorId);
    }

    [Fact]
    public void Dangling_env_symlink_is_FileUnreadable_and_the_run_still_reports()
    {
        using var dir = new TempDir();
        dir.Write("app.py", "print('hi')\n");
        File.CreateSymbolicLink(dir.Full(".env"), dir.Full("missing/target.env"));
        var ws = Ws.Open(dir.Path);
        var env = ws.Find(".env");
        Assert.NotNull(env);
        var ex = Assert.Throws<ArtifactReadException>(() => new ArtifactCache(1 << 20).GetText(env!));
        Assert.Equal("FileUnreadable", ex.ErrorId);

        var report = CheckRunner.Run(new CheckRequest(dir.Path) { Environment = new Hashtable() }, NullHost.Instance);
        Assert.NotNull(report);
        Assert.Contains(report.Errors, e => e.ErrorId == "FileUnreadable" && e.Path == ".env");
        Assert.Single(report.Errors, e => e.ErrorId == "FileUnreadable"); // reported once, not once per rule
    }

    [Fact]
    public void Symlinked_directories_are_not_followed()
    {
        using var dir = new TempDir();
        using var outside = new TempDir();
        outside.Write("secret/.env", "SECRET_KEY=x\n");
        dir.Write("app.py");
        Directory.CreateSymbolicLink(dir.Full("linked"), outside.Full("secret"));
        Assert.Equal(new[] { "app.py" }, Kept(Ws.Open(dir.Path)));
    }

    [Fact]
    public void Classifier_kinds_for_env_names()
    {
        Assert.Equal(ArtifactKind.EnvFile, ArtifactClassifier.Classify(".env"));
        Assert.Equal(ArtifactKind.EnvFile, ArtifactClassifier.Classify("deploy/.env.production"));
        Assert.Equal(ArtifactKind.EnvFile, ArtifactClassifier.Classify("prod.env"));
        Assert.Equal(ArtifactKind.EnvFile, ArtifactClassifier.Classify(".flaskenv"));
        Assert.Equal(ArtifactKind.Other, ArtifactClassifier.Classify("environment.txt"));
        Assert.Equal(ArtifactKind.Python, ArtifactClassifier.Classify("pkg/app.py"));
    }

    [Fact]
    public void Parallel_walk_is_deterministic_and_complete()
    {
        using var dir = new TempDir();
        int expected = 0;
        for (int a = 0; a < 6; a++)
        {
            for (int b = 0; b < 5; b++)
            {
                for (int c = 0; c < 4; c++)
                {
                    dir.Write($"p{a}/q{b}/m{c}.py");
                    dir.Write($"p{a}/q{b}/r/s/t{c}.py");
                    expected += 2;
                }
            }
            dir.Write($"p{a}/.gitignore", "*.log\n");
            dir.Write($"p{a}/x.log");
        }
        var first = Ws.Open(dir.Path).Files.Select(f => f.RelativePath).ToArray();
        var second = Ws.Open(dir.Path).Files.Select(f => f.RelativePath).ToArray();
        Assert.Equal(first, second);
        Assert.Equal(expected + 6, first.Length); // + the six .gitignore files; x.log ignored
        Assert.Equal(first.Length, first.Distinct().Count());
    }

    [Fact]
    public void Missing_target_throws_DirectoryNotFound()
    {
        Assert.Throws<DirectoryNotFoundException>(() => Ws.Open(Path.Combine(Path.GetTempPath(), "dc-missing-" + Guid.NewGuid().ToString("N"))));
    }
}
