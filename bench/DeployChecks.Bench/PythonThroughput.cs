using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using DeployChecks.Engine.Python;

namespace DeployChecks.Bench;

/// <summary><c>python [--corpus DIR] [--runs R]</c>: tokenizer + parser throughput on one core over real-shaped files
/// (default corpus: this repository's examples and fixtures plus the Python standard library when python3 is found).
/// Files are read into memory first; only parsing is timed.</summary>
internal static class PythonThroughput
{
    public static int Run(string[] args)
    {
        string? corpus = null;
        int runs = 5;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--corpus": corpus = args[++i]; break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine("unknown argument " + args[i]); return 2;
            }
        }
        corpus ??= FindStdlib();
        if (corpus == null || !Directory.Exists(corpus))
        {
            Console.Error.WriteLine("no corpus: pass --corpus DIR (a directory of .py files)");
            return 2;
        }
        var texts = Directory.EnumerateFiles(corpus, "*.py", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        long chars = texts.Sum(t => (long)t.Length);
        long bytes = Directory.EnumerateFiles(corpus, "*.py", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"Corpus {corpus}: {texts.Count:N0} files, {bytes / 1e6:F1} MB");
        foreach (var t in texts.Take(200))
        {
            PythonParser.Parse(t); // warm-up (JIT)
        }
        var times = new List<double>();
        int problems = 0;
        for (int r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            problems = 0;
            foreach (var t in texts)
            {
                if (PythonParser.Parse(t).Problems.Count > 0)
                {
                    problems++;
                }
            }
            times.Add(sw.Elapsed.TotalSeconds);
        }
        times.Sort();
        double median = times[times.Count / 2];
        Console.WriteLine($"Parse (1 thread): median {median * 1000:F0} ms, min {times[0] * 1000:F0} ms over {runs} runs = {bytes / 1e6 / median:F1} MB/s median, {bytes / 1e6 / times[0]:F1} MB/s best; {texts.Count / median:N0} files/s; {problems} files with syntax problems");
        _ = chars;
        return 0;
    }

    private static string? FindStdlib()
    {
        try
        {
            var psi = new ProcessStartInfo("python3", "-c \"import sysconfig; print(sysconfig.get_paths()['stdlib'])\"") { RedirectStandardOutput = true };
            using var p = Process.Start(psi)!;
            string s = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return s.Length > 0 ? s : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
