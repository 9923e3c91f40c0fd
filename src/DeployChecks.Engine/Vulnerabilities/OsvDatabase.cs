using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using DeployChecks.Engine.Dependencies.Requirements;

namespace DeployChecks.Engine.Vulnerabilities;

/// <summary>PyPI advisories indexed by normalised package name, loaded from a directory of OSV JSON/YAML files or an
/// OSV ecosystem export zip (<c>all.zip</c>). Files that do not read are collected as problems; the rest load.</summary>
public sealed class OsvDatabase
{
    /// <summary>Files or zip entries larger than this are skipped (an advisory is a few KB).</summary>
    public const long MaxAdvisorySize = 4L * 1024 * 1024;

    private readonly Dictionary<string, List<OsvAdvisory>> _byPackage;
    private readonly Dictionary<string, List<OsvAdvisory>> _byOsPackage;

    private OsvDatabase(Dictionary<string, List<OsvAdvisory>> byPackage, Dictionary<string, List<OsvAdvisory>> byOsPackage, int count,
        IReadOnlyList<string> problems, string source, IReadOnlyDictionary<string, int> byIdPrefix, DateTimeOffset? newestModified)
    {
        _byPackage = byPackage;
        _byOsPackage = byOsPackage;
        Count = count;
        Problems = problems;
        Source = source;
        _byIdPrefix = byIdPrefix;
        NewestModified = newestModified;
    }

    private readonly IReadOnlyDictionary<string, int> _byIdPrefix;

    /// <summary>The newest <c>modified</c> timestamp of any advisory: how current the data is.</summary>
    public DateTimeOffset? NewestModified { get; }

    /// <summary>Advisories per ID prefix (<c>PYSEC</c>, <c>GHSA</c>, <c>CVE</c>, ...).</summary>
    public IReadOnlyDictionary<string, int> CountByIdPrefix() => _byIdPrefix;

    /// <summary>Cheap check that <paramref name="path"/> can serve as a database: a directory, or a file that opens as
    /// a zip archive (only its directory is read). Throws <see cref="InvalidDataException"/> or an I/O exception.</summary>
    public static void Probe(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.EnumerateFileSystemEntries(path).GetEnumerator().Dispose();
            return;
        }
        try
        {
            using var zip = ZipFile.OpenRead(path);
            _ = zip.Entries.Count;
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"not a zip archive or a directory of OSV files ({ex.Message})", ex);
        }
    }

    public int Count { get; }

    public IReadOnlyList<string> Problems { get; }

    public string Source { get; }

    public IReadOnlyList<OsvAdvisory> For(string normalizedName) =>
        _byPackage.TryGetValue(normalizedName, out var list) ? list : (IReadOnlyList<OsvAdvisory>)Array.Empty<OsvAdvisory>();

    /// <summary>Advisories of an OS package: <paramref name="ecosystem"/> as OSV writes it (<c>Debian:12</c>,
    /// <c>Alpine:v3.20</c>, case-insensitive) and the source package name.</summary>
    public IReadOnlyList<OsvAdvisory> ForOsPackage(string ecosystem, string name) =>
        _byOsPackage.TryGetValue(OsKey(ecosystem, name), out var list) ? list : (IReadOnlyList<OsvAdvisory>)Array.Empty<OsvAdvisory>();

    /// <summary>True when the database holds advisories of any ecosystem other than PyPI.</summary>
    public bool HasOsAdvisories => _byOsPackage.Count > 0;

    private static string OsKey(string ecosystem, string name) => ecosystem.ToLowerInvariant() + "\n" + name;

    public static OsvDatabase Load(string path)
    {
        var advisories = new ConcurrentBag<OsvAdvisory>();
        var problems = new ConcurrentBag<string>();
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ||
                            f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .ToList();
            Parallel.ForEach(files, file =>
            {
                try
                {
                    if (new FileInfo(file).Length > MaxAdvisorySize)
                    {
                        problems.Add($"{file}: larger than {MaxAdvisorySize:N0} bytes; skipped");
                        return;
                    }
                    advisories.Add(OsvReader.Read(File.ReadAllText(file), file));
                }
                catch (Exception ex) when (ex is InvalidDataException || ex is IOException || ex is UnauthorizedAccessException)
                {
                    problems.Add(ex.Message);
                }
            });
        }
        else if (File.Exists(path))
        {
            LoadZip(path, advisories, problems);
        }
        else
        {
            throw new FileNotFoundException($"Vulnerability database not found: {path}", path);
        }
        var index = new Dictionary<string, List<OsvAdvisory>>(StringComparer.Ordinal);
        var byPrefix = new SortedDictionary<string, int>(StringComparer.Ordinal);
        DateTimeOffset? newest = null;
        var osIndex = new Dictionary<string, List<OsvAdvisory>>(StringComparer.Ordinal);
        int count = 0;
        foreach (var adv in advisories.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            count++;
            int dash = adv.Id.IndexOf('-');
            string prefix = dash > 0 ? adv.Id.Substring(0, dash) : adv.Id;
            byPrefix.TryGetValue(prefix, out int n);
            byPrefix[prefix] = n + 1;
            if (adv.Modified is { } modified && (newest == null || modified > newest))
            {
                newest = modified;
            }
            foreach (var name in adv.Affected.Where(a => a.Ecosystem.Equals("PyPI", StringComparison.OrdinalIgnoreCase))
                         .Select(a => PackageName.NormalizeOrKeep(a.Name)).Distinct())
            {
                if (!index.TryGetValue(name, out var list))
                {
                    index[name] = list = new List<OsvAdvisory>();
                }
                list.Add(adv);
            }
            foreach (var key in adv.Affected.Where(a => !a.Ecosystem.Equals("PyPI", StringComparison.OrdinalIgnoreCase) && a.Ecosystem.Length > 0)
                         .Select(a => OsKey(a.Ecosystem, a.Name)).Distinct())
            {
                if (!osIndex.TryGetValue(key, out var list))
                {
                    osIndex[key] = list = new List<OsvAdvisory>();
                }
                list.Add(adv);
            }
        }
        return new OsvDatabase(index, osIndex, count, problems.OrderBy(p => p, StringComparer.Ordinal).ToList(), path,
            new Dictionary<string, int>(byPrefix, StringComparer.Ordinal), newest);
    }

    private static void LoadZip(string path, ConcurrentBag<OsvAdvisory> advisories, ConcurrentBag<string> problems)
    {
        // Stream: this thread inflates entries into a bounded queue that parser tasks drain, so memory holds a few
        // hundred advisory texts at a time however large the export is (OSV's PyPI all.zip has tens of thousands).
        using var queue = new BlockingCollection<(string Name, string Text)>(boundedCapacity: 256);
        var parsers = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(_ => Task.Run(() =>
        {
            foreach (var t in queue.GetConsumingEnumerable())
            {
                try
                {
                    advisories.Add(OsvReader.Read(t.Text, t.Name));
                }
                catch (InvalidDataException ex)
                {
                    problems.Add(ex.Message);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A parser that stopped consuming would block the reader on the full queue: record and go on.
                    problems.Add($"{t.Name}: {ex.Message}");
                }
            }
        })).ToArray();
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var buffer = new char[MaxAdvisorySize + 1];
            foreach (var entry in zip.Entries)
            {
                if (!entry.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                if (entry.Length > MaxAdvisorySize)
                {
                    problems.Add($"{path}!{entry.FullName}: larger than {MaxAdvisorySize:N0} bytes; skipped");
                    continue;
                }
                using var reader = new StreamReader(entry.Open());
                // Bounded read: the declared length can lie (zip bomb), so never read past the cap.
                int n = reader.ReadBlock(buffer, 0, buffer.Length);
                if (n > MaxAdvisorySize)
                {
                    problems.Add($"{path}!{entry.FullName}: expands past {MaxAdvisorySize:N0} bytes; skipped");
                    continue;
                }
                queue.Add((path + "!" + entry.FullName, new string(buffer, 0, n)));
            }
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: not a zip archive: {ex.Message}", ex);
        }
        finally
        {
            queue.CompleteAdding();
            Task.WaitAll(parsers);
        }
    }
}
