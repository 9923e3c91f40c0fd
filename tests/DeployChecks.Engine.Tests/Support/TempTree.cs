using System;
using System.Diagnostics;
using System.IO;

namespace DeployChecks.Engine.Tests.Support;

/// <summary>A temporary directory tree for one test, deleted on dispose. Fixture trees name dot-files
/// with a leading underscore (<c>_gitignore</c>) so they do not act on this repository; copying renames them.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "dc-test-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, string content)
    {
        string full = Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Copies a fixture directory in, renaming <c>_gitignore</c>/<c>_dockerignore</c> to dot-files and
    /// running the git commands listed in its <c>_fixture.txt</c> (e.g. <c>git init</c>, <c>git add .env</c>).</summary>
    public static TempTree FromFixture(string fixtureDirectory)
    {
        var tree = new TempTree();
        string? script = null;
        foreach (var file in Directory.EnumerateFiles(fixtureDirectory, "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(fixtureDirectory, file);
            string name = Path.GetFileName(rel);
            if (name == "_fixture.txt")
            {
                script = File.ReadAllText(file);
                continue;
            }
            if (name is "_gitignore" or "_dockerignore")
            {
                rel = Path.Combine(Path.GetDirectoryName(rel)!, "." + name.Substring(1));
            }
            string target = Path.Combine(tree.Root, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        if (script != null)
        {
            foreach (var raw in script.Split('\n'))
            {
                string line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }
                if (!line.StartsWith("git ", StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"{fixtureDirectory}/_fixture.txt: only git commands are allowed: {line}");
                }
                tree.Git(line.Substring(4));
            }
        }
        return tree;
    }

    /// <summary>Runs the real git in the tree.</summary>
    public string Git(string arguments)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in SplitArgs(arguments))
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["GIT_AUTHOR_NAME"] = psi.Environment["GIT_COMMITTER_NAME"] = "Test";
        psi.Environment["GIT_AUTHOR_EMAIL"] = psi.Environment["GIT_COMMITTER_EMAIL"] = "test@example.invalid";
        psi.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {arguments} failed ({p.ExitCode}): {stderr}");
        }
        return stdout;
    }

    private static string[] SplitArgs(string s)
    {
        var list = new System.Collections.Generic.List<string>();
        var cur = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in s)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (cur.Length > 0)
                {
                    list.Add(cur.ToString());
                    cur.Clear();
                }
            }
            else
            {
                cur.Append(c);
            }
        }
        if (cur.Length > 0)
        {
            list.Add(cur.ToString());
        }
        return list.ToArray();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
