using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Artifacts.Yaml;

/// <summary>
/// A mapping. <see cref="Entries"/> are the entries as written (merge keys included); <see cref="Pairs"/> and the
/// lookups see the mapping as compose, GitLab and PyYAML do: YAML 1.1 merge keys applied (<c>&lt;&lt;: *base</c> or
/// <c>&lt;&lt;: [*a, *b]</c>; explicit keys win, then the earlier merged mapping), and for a key written twice the last
/// value (the loader reports the duplicate as a problem).
/// </summary>
public sealed class YamlMapping : YamlValue
{
    private const string MergeKey = "<<";
    private readonly Dictionary<string, YamlEntry>? _index;

    internal YamlMapping(int line, int column, string? tag, IReadOnlyList<YamlEntry> entries, long weight, out List<YamlEntry>? duplicates)
        : base(line, column, tag)
    {
        Entries = entries;
        Weight = weight;
        duplicates = null;
        var pairs = new List<YamlEntry>(entries.Count);
        var explicitKeys = new HashSet<string>(StringComparer.Ordinal);
        bool hasMerge = false;
        foreach (var e in entries)
        {
            if (IsMergeKey(e))
            {
                hasMerge = true;
            }
            else if (e.Name is { } name && !explicitKeys.Add(name))
            {
                (duplicates ??= new List<YamlEntry>()).Add(e);
            }
        }
        var placed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (IsMergeKey(e))
            {
                foreach (var source in MergeSources(e.Value))
                {
                    foreach (var p in source.Pairs)
                    {
                        if (p.Name is { } n && !explicitKeys.Contains(n) && !placed.ContainsKey(n))
                        {
                            placed[n] = pairs.Count;
                            pairs.Add(p);
                        }
                    }
                }
                continue;
            }
            if (e.Name is not { } name)
            {
                pairs.Add(e);
                continue;
            }
            if (placed.TryGetValue(name, out int index))
            {
                pairs[index] = e; // a duplicate key: the last value, at the first place
            }
            else
            {
                placed[name] = pairs.Count;
                pairs.Add(e);
            }
        }
        Pairs = pairs;
        HasMergeKeys = hasMerge;
        if (pairs.Count > 8)
        {
            _index = new Dictionary<string, YamlEntry>(StringComparer.Ordinal);
            foreach (var p in pairs)
            {
                if (p.Name != null)
                {
                    _index[p.Name] = p;
                }
            }
        }
    }

    /// <summary>The entries as written, merge keys included.</summary>
    public IReadOnlyList<YamlEntry> Entries { get; }

    /// <summary>The effective entries: each key once, merge keys applied, in the order they appear.</summary>
    public IReadOnlyList<YamlEntry> Pairs { get; }

    /// <summary>True when the mapping uses <c>&lt;&lt;</c> merge keys.</summary>
    public bool HasMergeKeys { get; }

    public int Count => Pairs.Count;

    /// <summary>The effective entry for <paramref name="key"/>, or null.</summary>
    public YamlEntry? Entry(string key)
    {
        if (_index != null)
        {
            return _index.TryGetValue(key, out var e) ? e : null;
        }
        foreach (var p in Pairs)
        {
            if (p.Name == key)
            {
                return p;
            }
        }
        return null;
    }

    /// <summary>The value of <paramref name="key"/>, or null when absent.</summary>
    public YamlValue? this[string key] => Entry(key)?.Value;

    public bool Contains(string key) => Entry(key) != null;

    /// <summary>The scalar text of <paramref name="key"/>; null when absent, null-valued or not a scalar.</summary>
    public string? GetString(string key) => this[key] is YamlScalar { IsNull: false } s ? s.Value : null;

    public YamlScalar? GetScalar(string key) => this[key] as YamlScalar;

    public YamlMapping? GetMapping(string key) => this[key] as YamlMapping;

    public YamlSequence? GetSequence(string key) => this[key] as YamlSequence;

    /// <summary>A boolean of <paramref name="key"/> (YAML 1.1 spellings), or null.</summary>
    public bool? GetBool(string key) => GetScalar(key)?.AsBool();

    public override string ToString() => $"{{{Pairs.Count} keys}}";

    private static bool IsMergeKey(YamlEntry e) => e.Key is YamlScalar { Value: MergeKey, Style: YamlScalarStyle.Plain };

    private static IEnumerable<YamlMapping> MergeSources(YamlValue value)
    {
        if (value is YamlMapping single)
        {
            yield return single;
        }
        else if (value is YamlSequence list)
        {
            foreach (var item in list.Items)
            {
                if (item is YamlMapping m)
                {
                    yield return m;
                }
            }
        }
    }
}
