using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using DeployChecks.Engine.Dependencies;
using DeployChecks.Engine.Dependencies.Parsers;
using DeployChecks.Engine.Dependencies.Requirements;
using DeployChecks.Engine.Tests.Dependencies.Parsers;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Vulnerabilities;

namespace DeployChecks.Bench;

/// <summary>
/// <c>deps [--db DIR] [--runs R] [--packages N] [--entries M] [--parse-only]</c>: the dependency side. Loads a whole OSV advisory
/// directory (default: the PyPA advisory database under /work/shared/data), matches N locked packages built from
/// the database's own package names with versions spread around their affected ranges (introduced, fixed,
/// last_affected, listed versions, and versions just below a fix), plans their remediation, and parses an M-entry
/// lock of each kind (the generator the engine tests use). Warm-up, then median/min of R runs.
/// </summary>
internal static class DepsBench
{
    private const string DefaultDb = "/work/shared/data/pypa-advisory-database";

    public static int Run(string[] args)
    {
        string db = DefaultDb;
        int runs = 7, packages = 1000, entries = 2000;
        bool parseOnly = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--db": db = args[++i]; break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--packages": packages = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--entries": entries = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--parse-only": parseOnly = true; break;
                default: Console.Error.WriteLine("unknown argument " + args[i]); return 2;
            }
        }
        if (parseOnly)
        {
            ParseLocks(runs, entries);
            return 0;
        }
        if (!Directory.Exists(db) && !File.Exists(db))
        {
            Console.Error.WriteLine($"no advisory database at {db}: pass --db DIR|ZIP");
            return 2;
        }
        Console.WriteLine($"Processors: {Environment.ProcessorCount}, runtime {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");

        // 1. Load the whole database.
        var database = OsvDatabase.Load(db); // warm-up
        long dbBytes = Directory.Exists(db) ? Directory.EnumerateFiles(db, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : new FileInfo(db).Length;
        Console.WriteLine($"Database {db}: {database.Count:N0} advisories ({dbBytes / 1e6:F1} MB on disk), {database.Problems.Count} problems");
        Measure("OsvDatabase.Load", runs, () => database = OsvDatabase.Load(db), target: 1000);

        // 2. Match N locked packages.
        var locked = LockedPackages(database, db, packages);
        var matcher = new VulnerabilityMatcher(database);
        int matched = 0;
        Measure($"match {locked.Count:N0} packages", runs, () =>
        {
            matched = 0;
            foreach (var (name, version) in locked)
            {
                foreach (var _ in matcher.Match(name, version))
                {
                    matched++;
                }
            }
        }, target: 50);
        Console.WriteLine($"  {matched:N0} matches; {locked.Select(l => PackageName.Normalize(l.Name)).Distinct().Count():N0} distinct packages");
        var planner = new RemediationPlanner(matcher);
        int plans = 0;
        Measure($"remediation plans for {locked.Count:N0} packages", runs, () =>
        {
            plans = 0;
            foreach (var (name, version) in locked)
            {
                if (planner.Plan(name, version) != null)
                {
                    plans++;
                }
            }
        });
        Console.WriteLine($"  {plans:N0} plans");

        ParseLocks(runs, entries);
        Console.WriteLine("Load average at end: " + LoadAverage());
        return 0;
    }

    /// <summary>Parses an M-entry lock of each kind.</summary>
    private static void ParseLocks(int runs, int entries)
    {
        var kinds = new (string Kind, string Text, Func<SourceText, DependencyDocument> Parse)[]
        {
            ("requirements (hashes)", LargeLocks.Requirements(entries), t => RequirementsFileParser.Instance.Parse("requirements.txt", t)),
            ("Pipfile.lock", LargeLocks.PipfileLock(entries), t => PipfileLockParser.Instance.Parse("Pipfile.lock", t)),
            ("poetry.lock", LargeLocks.PoetryLock(entries), t => PoetryLockParser.Instance.Parse("poetry.lock", t)),
            ("uv.lock", LargeLocks.UvLock(entries), t => UvLockParser.Instance.Parse("uv.lock", t)),
            ("pdm.lock", LargeLocks.PdmLock(entries), t => PdmLockParser.Instance.Parse("pdm.lock", t)),
            ("pylock.toml", LargeLocks.PyLock(entries), t => PyLockParser.Instance.Parse("pylock.toml", t)),
        };
        foreach (var (kind, text, parse) in kinds)
        {
            var doc = parse(new SourceText(text)); // warm-up
            if (doc.Entries.Count != entries || doc.Problems.Count > 0)
            {
                Console.WriteLine($"  {kind}: {doc.Entries.Count} entries, {doc.Problems.Count} problems (expected {entries}, 0)");
            }
            Measure($"parse {kind}, {entries:N0} entries, {text.Length / 1024.0:F0} KiB", runs, () => parse(new SourceText(text)), target: 100);
            if (kind.EndsWith(".lock", StringComparison.Ordinal) && kind != "Pipfile.lock" || kind == "pylock.toml")
            {
                Measure($"  of which TOML reading", runs, () => DeployChecks.Engine.Artifacts.Toml.TomlDocumentReader.Read(text, out _));
            }
        }
    }

    /// <summary>N (name, version) pairs from the database's own packages, the versions taken round-robin from each
    /// package's range events and version lists, plus a version just below each fix (patch − 1 or a .dev0), so
    /// about half are affected.</summary>
    private static List<(string Name, string Version)> LockedPackages(OsvDatabase database, string db, int n)
    {
        var candidates = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.Exists(db) ? Directory.EnumerateFiles(db, "*.yaml", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(db, "*.json", SearchOption.AllDirectories)) : Enumerable.Empty<string>())
        {
            OsvAdvisory adv;
            try
            {
                adv = OsvReader.Read(File.ReadAllText(file), file);
            }
            catch (InvalidDataException)
            {
                continue;
            }
            foreach (var aff in adv.Affected.Where(a => a.Ecosystem == "PyPI"))
            {
                if (!candidates.TryGetValue(aff.Name, out var set))
                {
                    candidates[aff.Name] = set = new SortedSet<string>(StringComparer.Ordinal);
                }
                foreach (var e in aff.Ranges.SelectMany(r => r.Events))
                {
                    foreach (string? v in new[] { e.Introduced, e.Fixed, e.LastAffected })
                    {
                        if (v != null && v != "0")
                        {
                            set.Add(v);
                        }
                    }
                    if (e.Fixed != null)
                    {
                        set.Add(e.Fixed + ".dev0");
                    }
                }
                foreach (string v in aff.Versions.Take(3))
                {
                    set.Add(v);
                }
            }
        }
        var result = new List<(string, string)>(n);
        var lists = candidates.Where(kv => kv.Value.Count > 0).Select(kv => (kv.Key, kv.Value.ToList())).ToList();
        for (int round = 0; result.Count < n && lists.Count > 0; round++)
        {
            bool any = false;
            foreach (var (name, versions) in lists)
            {
                if (round < versions.Count)
                {
                    result.Add((name, versions[(round * 7 + name.Length) % versions.Count]));
                    any = true;
                    if (result.Count == n)
                    {
                        break;
                    }
                }
            }
            if (!any)
            {
                break;
            }
        }
        Console.WriteLine($"Locked packages: {result.Count:N0} from {candidates.Count:N0} package names in the database (loaded {database.Count:N0} advisories)");
        return result;
    }

    private static void Measure(string label, int runs, Action work, double? target = null)
    {
        work();
        var times = new List<double>();
        var cpu = new List<double>();
        var sw = new Stopwatch();
        for (int r = 0; r < runs; r++)
        {
            var c = Process.GetCurrentProcess().TotalProcessorTime;
            sw.Restart();
            work();
            times.Add(sw.Elapsed.TotalMilliseconds);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - c).TotalMilliseconds);
        }
        times.Sort();
        cpu.Sort();
        double median = times[times.Count / 2];
        string verdict = target == null ? "" : median <= target ? $"  (target ≤ {target} ms: met)" : $"  (target ≤ {target} ms: MISSED)";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-58} median {median,8:F1} ms  min {times[0],8:F1} ms  max {times[^1],8:F1} ms  CPU {cpu[cpu.Count / 2],8:F1} ms{verdict}"));
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
}
