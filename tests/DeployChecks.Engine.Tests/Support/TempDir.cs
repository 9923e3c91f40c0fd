using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace DeployChecks.Engine.Tests.Support;

/// <summary>A real directory under the system temp folder, deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dc-tests-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes a file (creating its directories); <paramref name="relativePath"/> uses <c>/</c>.</summary>
    public string Write(string relativePath, string content = "x\n")
    {
        string full = Full(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content, new UTF8Encoding(false));
        return full;
    }

    public string WriteBytes(string relativePath, byte[] content)
    {
        string full = Full(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public string Full(string relativePath) => System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public void Dispose()
    {
        try
        {
            foreach (var f in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(f, FileAttributes.Normal); // git writes read-only objects
            }
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Runs the real git executable with no user or system configuration.</summary>
public static class Git
{
    private static readonly Lazy<bool> LazyAvailable = new(() =>
    {
        try
        {
            return Run(System.IO.Path.GetTempPath(), "--version").StartsWith("git version", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception || ex is InvalidOperationException)
        {
            return false;
        }
    });

    public static bool Available => LazyAvailable.Value;

    public static string Run(string workDir, params string[] args)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in new[] { "-c", "user.name=DeployChecks Tests", "-c", "user.email=tests@deploychecks.invalid", "-c", "init.defaultBranch=main", "-c", "core.quotePath=false" })
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        psi.Environment["HOME"] = workDir;
        using var p = Process.Start(psi)!;
        var errTask = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        string err = errTask.Result;
        if (p.ExitCode != 0 && !(args.Length > 0 && args[0] == "check-ignore" && p.ExitCode == 1))
        {
            throw new InvalidOperationException($"git {string.Join(" ", args)} failed ({p.ExitCode}): {err}");
        }
        return output;
    }

    /// <summary>NUL-separated output as a list.</summary>
    public static List<string> RunZ(string workDir, params string[] args)
    {
        var list = new List<string>();
        foreach (var s in Run(workDir, args).Split('\0'))
        {
            if (s.Length > 0)
            {
                list.Add(s);
            }
        }
        return list;
    }

    public static void Init(string dir, params string[] extra)
    {
        var args = new List<string> { "init", "-q" };
        args.AddRange(extra);
        Run(dir, args.ToArray());
    }

    public static void CommitAll(string dir, string message = "c")
    {
        Run(dir, "add", "-A");
        Run(dir, "commit", "-q", "--allow-empty", "-m", message);
    }
}

/// <summary>A fact that needs the git executable (skipped when it is missing).</summary>
public sealed class GitFactAttribute : FactAttribute
{
    public GitFactAttribute()
    {
        if (!Git.Available)
        {
            Skip = "git is not installed";
        }
    }
}

/// <summary>A theory that needs the git executable (skipped when it is missing).</summary>
public sealed class GitTheoryAttribute : TheoryAttribute
{
    public GitTheoryAttribute()
    {
        if (!Git.Available)
        {
            Skip = "git is not installed";
        }
    }
}
