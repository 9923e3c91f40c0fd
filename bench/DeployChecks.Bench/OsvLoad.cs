using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using DeployChecks.Engine.Vulnerabilities;

namespace DeployChecks.Bench;

/// <summary><c>osv --db PATH [--runs R]</c>: times loading an OSV database (a directory of OSV files or an export zip,
/// what DC2014 does once per run) and matching 1,000 package versions against it; warm-up, then the median of R.</summary>
internal static class OsvLoad
{
    public static int Run(string[] args)
    {
        string? db = null;
        int runs = 5;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--db": db = args[++i]; break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine("unknown argument " + args[i]); return 2;
            }
        }
        if (db == null)
        {
            Console.Error.WriteLine("usage: osv --db <directory or all.zip> [--runs 5]");
            return 2;
        }
        var loaded = OsvDatabase.Load(db);
        var names = loaded.PackageNames.Take(1000).ToList();
        var load = new double[runs];
        var match = new double[runs];
        int found = 0;
        for (int r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            loaded = OsvDatabase.Load(db);
            load[r] = sw.Elapsed.TotalMilliseconds;
            var matcher = new VulnerabilityMatcher(loaded);
            sw.Restart();
            found = names.Sum(n => matcher.Match(n, "1.0").Count());
            match[r] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(load);
        Array.Sort(match);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        string loadAverage = System.IO.File.Exists("/proc/loadavg") ? System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "{0} advisories ({1} unreadable) from {2}: load median {3:0} ms (min {4:0}, max {5:0}); matching {6} packages at 1.0: " +
            "median {7:0.0} ms, {8} matches; process CPU {9:0.0} s; load average {10}",
            loaded.Count, loaded.Problems.Count, db, load[runs / 2], load[0], load[runs - 1], names.Count, match[runs / 2], found,
            cpu.TotalSeconds, loadAverage));
        return 0;
    }
}
