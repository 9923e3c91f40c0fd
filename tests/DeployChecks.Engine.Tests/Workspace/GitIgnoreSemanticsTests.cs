using System;
using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Tests.Support;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Tests.Workspace;

/// <summary>The walker's ignore decisions against the real git: for each case the files the workspace keeps as
/// untracked must be exactly <c>git ls-files --others --exclude-standard</c> (what <c>git add .</c> would add).</summary>
public class GitIgnoreSemanticsTests
{
    private sealed record Case(string Name, (string Path, string Text)[] IgnoreFiles, string[] Files);

    private static readonly Case[] Cases =
    {
        new("negation", new[] { (".gitignore", "*.log\n!keep.log\n") },
            new[] { "a.log", "keep.log", "sub/b.log", "sub/keep.log", "app.py" }),
        new("negation-order-last-wins", new[] { (".gitignore", "!keep.log\n*.log\n") },
            new[] { "a.log", "keep.log" }),
        new("directory-only", new[] { (".gitignore", "logs/\n") },
            new[] { "logs/a.txt", "sub/logs/b.txt", "other/logs", "app.py" }),
        new("anchored-leading-slash", new[] { (".gitignore", "/secret.txt\n") },
            new[] { "secret.txt", "sub/secret.txt" }),
        new("anchored-middle-slash", new[] { (".gitignore", "doc/frotz\n") },
            new[] { "doc/frotz", "a/doc/frotz", "doc/frotz2" }),
        new("double-star-middle", new[] { (".gitignore", "a/**/b.txt\n") },
            new[] { "a/b.txt", "a/x/b.txt", "a/x/y/b.txt", "c/a/b.txt", "a/b.txt.bak" }),
        new("double-star-leading", new[] { (".gitignore", "**/cache\n**/tmp/*.tmp\n") },
            new[] { "cache/f", "sub/cache/f", "sub/cachex/f", "tmp/a.tmp", "x/y/tmp/b.tmp", "x/tmp/keep.txt" }),
        new("double-star-trailing", new[] { (".gitignore", "out/**\n") },
            new[] { "out/a", "out/sub/b", "outside/c", "x/out/d" }),
        new("star-env-vs-dot-env-star", new[] { (".gitignore", "*.env\n") },
            new[] { ".env", "prod.env", ".env.local", "x.env.bak", "sub/.env" }),
        new("dot-env-star-with-example", new[] { (".gitignore", ".env\n.env.*\n!.env.example\n") },
            new[] { ".env", ".env.local", ".env.example", "sub/.env.prod", "sub/.env.example", "env.txt" }),
        new("nested-overrides-parent", new[] { (".gitignore", "*.txt\n"), ("sub/.gitignore", "!keep.txt\n") },
            new[] { "a.txt", "keep.txt", "sub/keep.txt", "sub/other.txt", "sub/deeper/keep.txt" }),
        new("nested-anchored-is-relative", new[] { ("sub/.gitignore", "/only.txt\n") },
            new[] { "only.txt", "sub/only.txt", "sub/deeper/only.txt" }),
        new("nested-cannot-reinclude-in-ignored-dir", new[] { (".gitignore", "sub/\n"), ("sub/.gitignore", "!x.txt\n") },
            new[] { "sub/x.txt", "sub/y.txt", "z.txt" }),
        new("escaped-hash-and-comment", new[] { (".gitignore", "\\#notes\n# comment.txt\n") },
            new[] { "#notes", "# comment.txt", "notes" }),
        new("escaped-bang", new[] { (".gitignore", "\\!important\n") },
            new[] { "!important", "important" }),
        new("trailing-spaces", new[] { (".gitignore", "foo.txt   \nbar\\ \n") },
            new[] { "foo.txt", "bar ", "bar" }),
        new("character-classes", new[] { (".gitignore", "file[0-9].txt\n[!a]x.md\n[abc\n") },
            new[] { "file1.txt", "fileA.txt", "ax.md", "bx.md", "[abc", "a" }),
        new("question-mark", new[] { (".gitignore", "?.tmp\n") },
            new[] { "a.tmp", "ab.tmp", "sub/c.tmp" }),
        new("ignored-dir-no-reinclude", new[] { (".gitignore", "logs/\n!logs/keep.txt\n") },
            new[] { "logs/keep.txt", "logs/a.txt" }),
        new("dir-contents-reinclude-works", new[] { (".gitignore", "logs/*\n!logs/keep.txt\n") },
            new[] { "logs/keep.txt", "logs/a.txt", "logs/deep/b.txt" }),
        new("ignore-all-but-python", new[] { (".gitignore", "*\n!*/\n!*.py\n") },
            new[] { "a.py", "a.txt", "sub/b.py", "sub/c.txt" }),
        new("bare-name-matches-dir-and-file", new[] { (".gitignore", "tmp\n") },
            new[] { "tmp/a", "sub/tmp", "x/tmp/b" }),
        new("dir-only-wildcard", new[] { (".gitignore", "*.d/\n") },
            new[] { "a.d/x", "b.d", "sub/c.d/y" }),
        new("crlf-ignore-file", new[] { (".gitignore", "*.log\r\n!keep.log\r\n") },
            new[] { "a.log", "keep.log" }),
    };

    public static IEnumerable<object[]> CaseNames() => Cases.Select(c => new object[] { c.Name });

    [GitTheory]
    [MemberData(nameof(CaseNames))]
    public void Untracked_files_match_git_ls_files_others(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        using var dir = new TempDir();
        foreach (var (path, text) in c.IgnoreFiles)
        {
            dir.Write(path, text);
        }
        foreach (var f in c.Files)
        {
            dir.Write(f, "content of " + f + "\n");
        }
        Git.Init(dir.Path);
        var expected = Git.RunZ(dir.Path, "ls-files", "-z", "--others", "--exclude-standard").OrderBy(p => p, StringComparer.Ordinal).ToList();

        var ws = DeployChecks.Engine.Workspace.Workspace.Open(dir.Path);
        var actual = ws.Files.Select(f => f.RelativePath).OrderBy(p => p, StringComparer.Ordinal).ToList();

        Assert.Equal(expected, actual);
        Assert.All(ws.Files, f => Assert.Equal(GitStatus.Untracked, f.Git));
    }

    [GitTheory]
    [MemberData(nameof(CaseNames))]
    public void Without_a_repository_the_same_ignore_files_apply(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        using var withGit = new TempDir();
        using var noGit = new TempDir();
        foreach (var d in new[] { withGit, noGit })
        {
            foreach (var (path, text) in c.IgnoreFiles)
            {
                d.Write(path, text);
            }
            foreach (var f in c.Files)
            {
                d.Write(f);
            }
        }
        Git.Init(withGit.Path);
        var expected = Git.RunZ(withGit.Path, "ls-files", "-z", "--others", "--exclude-standard").OrderBy(p => p, StringComparer.Ordinal).ToList();
        var ws = DeployChecks.Engine.Workspace.Workspace.Open(noGit.Path);
        Assert.Null(ws.Git);
        Assert.Equal(expected, ws.Files.Select(f => f.RelativePath).OrderBy(p => p, StringComparer.Ordinal).ToList());
        Assert.All(ws.Files, f => Assert.Equal(GitStatus.NoRepository, f.Git));
    }

    [GitFact]
    public void IgnoreFile_agrees_with_git_check_ignore_no_index()
    {
        using var dir = new TempDir();
        string patterns = "*.pyc\n/config/*.local.py\n!config/keep.local.py\nsecrets/\n**/private/**\n*.sw[op]\n";
        dir.Write(".gitignore", patterns);
        Git.Init(dir.Path);
        var paths = new[]
        {
            "a.pyc", "pkg/b.pyc", "config/x.local.py", "config/keep.local.py", "pkg/config/x.local.py", "secrets/k.txt",
            "private/a", "x/private/y/z", "private", "f.swp", "f.swo", "f.swx", "main.py",
        };
        var ignoreFile = new IgnoreFile("", patterns, ".gitignore");
        foreach (var p in paths)
        {
            // --no-index: decide from the patterns alone, whether or not the path exists.
            string output = Git.Run(dir.Path, "check-ignore", "--no-index", "-v", "-n", p);
            bool gitIgnored = output.Length > 0 && !output.StartsWith("::", StringComparison.Ordinal) &&
                              !output.Split('\t')[0].Split(':')[2].StartsWith("!", StringComparison.Ordinal);
            bool ours = IgnoreStack.Empty.Push(ignoreFile).IsIgnored(p, isDirectory: false) || ParentIgnored(ignoreFile, p);
            Assert.True(gitIgnored == ours, $"{p}: git says {(gitIgnored ? "ignored" : "not ignored")} ({output.Trim()})");
        }
    }

    private static bool ParentIgnored(IgnoreFile file, string path)
    {
        var parts = path.Split('/');
        for (int i = 1; i < parts.Length; i++)
        {
            if (file.Match(string.Join("/", parts.Take(i)), isDirectory: true) == true)
            {
                return true;
            }
        }
        return false;
    }
}
