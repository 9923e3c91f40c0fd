using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using DeployChecks.Engine.Hosting;
using DeployChecks.Engine.Running;

namespace DeployChecks.Bench;

/// <summary>
/// <c>whole-run [--files N] [--git] [--runs R] [--keep]</c>: generates a tree, then times Workspace.Open and a
/// full CheckRunner.Run (warm-up, then the median of R runs) and prints files/s and MB/s.
/// <c>bdn [BenchmarkDotNet args]</c>: the BenchmarkDotNet suite.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "bdn")
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Skip(1).ToArray());
            return 0;
        }
        if (args.Length > 0 && args[0] == "whole-run")
        {
            return WholeRun(args.Skip(1).ToArray());
        }
        if (args.Length > 0 && args[0] == "deps")
        {
            return DepsBench.Run(args.Skip(1).ToArray());
        }
        if (args.Length > 0 && args[0] == "image")
        {
            return ImageBench.Run(args.Skip(1).ToArray());
        }
        if (args.Length > 1 && args[0] == "image-once")
        {
            return ImageBench.Once(args[1], !args.Contains("--no-secrets"));
        }
        if (args.Length > 0 && args[0] == "deploy-tree")
        {
            return DeployTreeBench.Run(args.Skip(1).ToArray());
        }
        if (args.Length > 0 && args[0] == "python")
        {
            return PythonThroughput.Run(args.Skip(1).ToArray());
        }
        Console.Error.WriteLine("usage: DeployChecks.Bench whole-run [--files 20000] [--git] [--runs 7] [--keep] | python [--corpus DIR] [--runs 5] | image [--mb 500] [--runs 5] [--gzip] | deploy-tree [--services 1040] [--runs 7] | deps [--db DIR] [--runs 7] [--packages 1000] [--entries 2000] | bdn [--filter *]");
        return 2;
    }

    private static int WholeRun(string[] args)
    {
        int files = 20_000;
        int runs = 7;
        bool git = false;
        bool keep = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--files": files = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--git": git = true; break;
                case "--keep": keep = true; break;
                default: Console.Error.WriteLine("unknown argument " + args[i]); return 2;
            }
        }
        string root = TreeGenerator.NewTempRoot();
        try
        {
            var sw = Stopwatch.StartNew();
            var gen = new TreeGenerator(root);
            gen.Generate(files);
            Console.WriteLine($"Generated {gen.WalkedFiles:N0} files to walk + {gen.SkippedFiles:N0} in skipped dirs ({gen.Bytes / 1e6:F1} MB) in {sw.ElapsedMilliseconds} ms: {root}");
            if (git)
            {
                sw.Restart();
                gen.CommitToGit();
                Console.WriteLine($"git init/add/commit in {sw.ElapsedMilliseconds} ms");
            }
            Console.WriteLine($"Processors: {Environment.ProcessorCount}, runtime {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");

            var ws = DeployChecks.Engine.Workspace.Workspace.Open(root); // warm-up
            long keptBytes = ws.Files.Sum(f => Math.Max(0, f.Length));
            int dirs = ws.Files.Select(f => f.RelativePath.LastIndexOf('/') < 0 ? "" : f.RelativePath.Substring(0, f.RelativePath.LastIndexOf('/'))).Distinct().Count();
            Console.WriteLine($"Workspace: {ws.Files.Count:N0} files kept in {dirs:N0} directories ({keptBytes / 1e6:F1} MB), {ws.IgnoredCount:N0} git-ignored, {ws.SkippedDirectoryCount:N0} dirs skipped, git: {(ws.Git != null ? ws.Git.TrackedCount.ToString("N0", CultureInfo.InvariantCulture) + " tracked" : "none")}");
            var request = new CheckRequest(root) { Environment = new Hashtable() };
            var report = CheckRunner.Run(request, NullHost.Instance); // warm-up
            Console.WriteLine($"Report: {report.FilesScanned:N0} files, {report.Findings.Count} findings, {report.Errors.Count} errors, {report.Checks.Count} checks");

            foreach (var e in report.Errors)
            {
                Console.WriteLine("  report message: " + e);
            }

            var rawTimes = new List<double>();
            var walkTimes = new List<double>();
            var walkCpu = new List<double>();
            var runCpu = new List<double>();
            var noIgnoreTimes = new List<double>();
            var infoTimes = new List<double>();
            var infoNoStatTimes = new List<double>();
            var runTimes = new List<double>();
            for (int r = 0; r < runs; r++)
            {
                sw.Restart();
                RawEnumeration(root);
                rawTimes.Add(sw.Elapsed.TotalMilliseconds);
                sw.Restart();
                RawInfoWalk(new DirectoryInfo(root));
                infoTimes.Add(sw.Elapsed.TotalMilliseconds);
                sw.Restart();
                RawInfoWalk(new DirectoryInfo(root), touch: false);
                infoNoStatTimes.Add(sw.Elapsed.TotalMilliseconds);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                sw.Restart();
                DeployChecks.Engine.Workspace.Workspace.Open(root);
                walkTimes.Add(sw.Elapsed.TotalMilliseconds);
                walkCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
                sw.Restart();
                DeployChecks.Engine.Workspace.Workspace.Open(root, new DeployChecks.Engine.Workspace.WorkspaceOptions { UseGitIgnore = false });
                noIgnoreTimes.Add(sw.Elapsed.TotalMilliseconds);
                cpu = Process.GetCurrentProcess().TotalProcessorTime;
                sw.Restart();
                CheckRunner.Run(request, NullHost.Instance);
                runTimes.Add(sw.Elapsed.TotalMilliseconds);
                runCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            }
            Print("raw enumeration", rawTimes, ws.Files.Count, keptBytes);
            Print("raw info walk", infoTimes, ws.Files.Count, keptBytes);
            Print("info walk, no Length", infoNoStatTimes, ws.Files.Count, keptBytes);
            Print("Workspace.Open", walkTimes, ws.Files.Count, keptBytes);
            Print("Open, no ignores", noIgnoreTimes, ws.Files.Count, keptBytes);
            Print("CheckRunner.Run", runTimes, ws.Files.Count, keptBytes);
            walkCpu.Sort();
            runCpu.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU time (user+sys, median): Workspace.Open {walkCpu[walkCpu.Count / 2]:F0} ms, CheckRunner.Run {runCpu[runCpu.Count / 2]:F0} ms; load average at end: {LoadAverage()}"));
            return 0;
        }
        finally
        {
            if (!keep)
            {
                TryDelete(root);
            }
        }
    }

    /// <summary>The floor: enumerating every entry under the root (skipped dirs included), no ignore logic.</summary>
    private static int RawEnumeration(string root)
    {
        int n = 0;
        foreach (var _ in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            n++;
        }
        return n;
    }

    private static int RawInfoWalk(DirectoryInfo dir, bool touch = true)
    {
        int n = 0;
        foreach (var e in dir.EnumerateFileSystemInfos())
        {
            if (e is DirectoryInfo d)
            {
                n += RawInfoWalk(d, touch);
            }
            else
            {
                n++;
                if (touch)
                {
                    _ = e.FullName.Length + ((FileInfo)e).Length;
                }
            }
        }
        return n;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static void Print(string what, List<double> ms, int files, long bytes)
    {
        ms.Sort();
        double median = ms[ms.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-16} median {median,8:F1} ms  min {ms[0],8:F1} ms  max {ms[^1],8:F1} ms  {files / (median / 1000),10:N0} files/s  {bytes / 1e6 / (median / 1000),8:F1} MB/s"));
    }

    private static void TryDelete(string root)
    {
        try
        {
            foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(f, FileAttributes.Normal);
            }
            Directory.Delete(root, true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
