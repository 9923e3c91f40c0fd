using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Artifacts.Toml;

/// <summary>A table, keys in document order.</summary>
public sealed class TomlTable : TomlNode
{
    private readonly Dictionary<string, TomlNode> _map = new(StringComparer.Ordinal);

    public TomlTable(int line)
        : base(line)
    {
    }

    public List<string> Keys { get; } = new();

    public IEnumerable<KeyValuePair<string, TomlNode>> Entries
    {
        get
        {
            foreach (string k in Keys)
            {
                yield return new KeyValuePair<string, TomlNode>(k, _map[k]);
            }
        }
    }

    public TomlNode? this[string key] => _map.TryGetValue(key, out var v) ? v : null;

    public TomlTable? Table(string key) => this[key] as TomlTable;

    public TomlArray? Array(string key) => this[key] as TomlArray;

    public string? String(string key) => (this[key] as TomlScalar)?.Value as string;

    public bool? Bool(string key) => (this[key] as TomlScalar)?.Value as bool?;

    /// <summary>Follows a dotted path of table keys (<c>tool.poetry.dependencies</c>).</summary>
    public TomlTable? Path(params string[] keys)
    {
        TomlTable? t = this;
        foreach (string k in keys)
        {
            t = t?.Table(k);
        }
        return t;
    }

    internal void Set(string key, TomlNode value)
    {
        if (!_map.ContainsKey(key))
        {
            Keys.Add(key);
        }
        _map[key] = value;
    }
}
