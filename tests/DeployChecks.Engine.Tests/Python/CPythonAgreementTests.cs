using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using DeployChecks.Engine.Python;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Python;

/// <summary>Runs when python3 is on PATH (CI installs it).</summary>
public sealed class RequiresPython3FactAttribute : FactAttribute
{
    public RequiresPython3FactAttribute()
    {
        if (CPythonOracle.Python == null)
        {
            Skip = "python3 not found on PATH: the CPython agreement tests need it (.ci/run installs it)";
        }
    }
}

/// <summary>Facts CPython's own parser reports, via ast_oracle.py.</summary>
public static class CPythonOracle
{
    public static string? Python { get; } = Find();

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(dir, "python3");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    public static string Run(string code)
    {
        var psi = new ProcessStartInfo(Python!) { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(code);
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output.Trim();
    }

    public static IEnumerable<JsonElement> Facts(IReadOnlyList<string> files)
    {
        var psi = new ProcessStartInfo(Python!) { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(Paths.RepoRoot, "tests", "DeployChecks.Engine.Tests", "Python", "ast_oracle.py"));
        foreach (var f in files)
        {
            psi.ArgumentList.Add(f);
        }
        using var p = Process.Start(psi)!;
        string? line;
        var list = new List<JsonElement>();
        while ((line = p.StandardOutput.ReadLine()) != null)
        {
            list.Add(JsonDocument.Parse(line).RootElement.Clone());
        }
        p.WaitForExit();
        return list;
    }
}

public class CPythonAgreementTests
{
    [RequiresPython3Fact]
    public void Parser_agrees_with_cpython_on_the_standard_library_and_the_examples()
    {
        string stdlib = CPythonOracle.Run("import sysconfig; print(sysconfig.get_paths()['stdlib'])");
        Assert.True(Directory.Exists(stdlib), "stdlib not found: " + stdlib);
        // A deterministic sample of the standard library (every 7th file) plus this repository's Python.
        var files = Directory.EnumerateFiles(stdlib, "*.py", SearchOption.AllDirectories)
            .Where(f => !f.Contains("site-packages", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal).Where((_, i) => i % 7 == 0)
            .Concat(Directory.EnumerateFiles(Path.Combine(Paths.RepoRoot, "examples"), "*.py", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(Paths.RepoRoot, "tests"), "*.py", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/malformed/", StringComparison.Ordinal)))
            .ToList();
        Assert.True(files.Count > 100);
        int compared = 0;
        var mismatches = new List<string>();
        foreach (var o in CPythonOracle.Facts(files))
        {
            if (!o.GetProperty("ok").GetBoolean())
            {
                continue;
            }
            compared++;
            string path = o.GetProperty("path").GetString()!;
            var module = PythonParser.Parse(File.ReadAllText(path));
            var ours = PythonFacts.Of(module);
            List<string> Theirs(string key) => o.GetProperty(key).EnumerateArray().Select(x => x.ToString()).ToList();
            void Compare(string key, IEnumerable<string> mine)
            {
                var m = mine.ToList();
                var t = Theirs(key);
                if (!m.SequenceEqual(t))
                {
                    mismatches.Add($"{path} {key}: ours-only [{string.Join(",", m.Except(t).Take(3))}] cpython-only [{string.Join(",", t.Except(m).Take(3))}]");
                }
            }
            if (module.Problems.Count > 0)
            {
                mismatches.Add($"{path}: {module.FirstProblem}");
            }
            Compare("defs", ours.Defs);
            Compare("classes", ours.Classes);
            Compare("imports", ours.Imports);
            Compare("assigns", ours.Assigns);
            Compare("calls", ours.Calls.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        Assert.True(compared > 100, $"only {compared} files compared");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
    }
}
