using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Artifacts.Yaml;

/// <summary>How a scalar was written.</summary>
public enum YamlScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    /// <summary><c>|</c> block: line breaks kept, so a script's lines keep their numbers.</summary>
    Literal,
    /// <summary><c>&gt;</c> block: lines folded into one.</summary>
    Folded,
}

/// <summary>
/// A node of a parsed YAML document (<see cref="YamlScalar"/>, <see cref="YamlSequence"/> or <see cref="YamlMapping"/>),
/// immutable, with the 1-based line and column where it starts. Aliases (<c>*name</c>) resolve to the anchored node
/// itself, so a document is a graph without cycles whose expansion is bounded by <see cref="YamlLoader"/>; merge keys
/// (<c>&lt;&lt;: *defaults</c>) are applied in <see cref="YamlMapping.Pairs"/>.
/// </summary>
public abstract class YamlValue
{
    private protected YamlValue(int line, int column, string? tag)
    {
        Line = line;
        Column = column;
        Tag = tag;
    }

    /// <summary>1-based line where the node starts (for a block scalar: the line of its <c>|</c> or <c>&gt;</c>).</summary>
    public int Line { get; }

    /// <summary>1-based column where the node starts.</summary>
    public int Column { get; }

    /// <summary>An explicit tag (<c>!reference</c>, <c>!!str</c>), or null.</summary>
    public string? Tag { get; }

    /// <summary>The scalar's text, or null when the node is a sequence or a mapping.</summary>
    public string? String => (this as YamlScalar)?.Value;

    /// <summary>True for a plain <c>null</c>, <c>~</c> or empty scalar.</summary>
    public virtual bool IsNull => false;

    /// <summary>Expanded size (this node and everything below it, aliases counted each time); saturates above the
    /// loader's cap.</summary>
    internal long Weight { get; private protected set; } = 1;
}

/// <summary>A scalar: its text as the YAML library decoded it, and how it was written.</summary>
public sealed class YamlScalar : YamlValue
{
    private int[]? _newlines;

    internal YamlScalar(int line, int column, string? tag, string value, YamlScalarStyle style)
        : base(line, column, tag)
    {
        Value = value;
        Style = style;
    }

    public string Value { get; }

    public YamlScalarStyle Style { get; }

    public override bool IsNull => Style == YamlScalarStyle.Plain && Tag == null && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    /// <summary>The line of the first character of the content: the line after the indicator for a block scalar.</summary>
    public int ContentLine => Style is YamlScalarStyle.Literal or YamlScalarStyle.Folded ? Line + 1 : Line;

    /// <summary>The source line of <paramref name="offset"/> into <see cref="Value"/>: exact for a literal block (line
    /// breaks are kept), the content line otherwise (folding removed them).</summary>
    public int LineAt(int offset)
    {
        if (Style != YamlScalarStyle.Literal)
        {
            return ContentLine;
        }
        var breaks = _newlines ??= Newlines(Value);
        int i = Array.BinarySearch(breaks, offset);
        int before = i >= 0 ? i : ~i;
        return ContentLine + before;
    }

    /// <summary>YAML 1.1 booleans as compose and CI systems read them (<c>true</c>, <c>yes</c>, <c>on</c>…); null
    /// when the scalar is not one.</summary>
    public bool? AsBool() => Value.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "y" => true,
        "false" or "no" or "off" or "n" => false,
        _ => null,
    };

    public override string ToString() => Value;

    private static int[] Newlines(string s)
    {
        var list = new List<int>();
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\n')
            {
                list.Add(i);
            }
        }
        return list.ToArray();
    }
}

/// <summary>A sequence (<c>- a</c> or <c>[a, b]</c>).</summary>
public sealed class YamlSequence : YamlValue
{
    internal YamlSequence(int line, int column, string? tag, IReadOnlyList<YamlValue> items, long weight)
        : base(line, column, tag)
    {
        Items = items;
        Weight = weight;
    }

    public IReadOnlyList<YamlValue> Items { get; }

    public int Count => Items.Count;

    public override string ToString() => $"[{Items.Count} items]";
}

/// <summary>One <c>key: value</c> of a mapping, as written.</summary>
public sealed class YamlEntry
{
    internal YamlEntry(YamlValue key, YamlValue value)
    {
        Key = key;
        Value = value;
    }

    public YamlValue Key { get; }

    public YamlValue Value { get; }

    /// <summary>The key's text (null for a collection used as a key).</summary>
    public string? Name => Key.String;

    public override string ToString() => Name + ": " + Value;
}
