using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Dependencies.Toml;

/// <summary>A TOML value with the 1-based line it starts on.</summary>
public abstract class TomlNode
{
    protected TomlNode(int line)
    {
        Line = line;
    }

    /// <summary>1-based line; for a table, its header (or inline-table) line.</summary>
    public int Line { get; internal set; }
}

/// <summary>A string, boolean, number or date: <see cref="Value"/> is the .NET value (string, bool, long, double,
/// or the date's text).</summary>
public sealed class TomlScalar : TomlNode
{
    public TomlScalar(object? value, int line)
        : base(line)
    {
        Value = value;
    }

    public object? Value { get; }

    public string? AsString => Value as string;

    public override string ToString() => Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
}

public sealed class TomlArray : TomlNode
{
    public TomlArray(int line)
        : base(line)
    {
    }

    public List<TomlNode> Items { get; } = new();

    /// <summary>True for an array of tables (<c>[[x]]</c>).</summary>
    public bool IsTableArray { get; internal set; }
}

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
