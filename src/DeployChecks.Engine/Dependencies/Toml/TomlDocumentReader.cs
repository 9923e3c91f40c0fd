using System;
using System.Collections.Generic;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace DeployChecks.Engine.Dependencies.Toml;

/// <summary>
/// Reads TOML through Tomlyn's syntax tree (not its object model) so that every table and value keeps its
/// source line. Syntax errors come back as (line, message) pairs; whatever parsed is still returned.
/// </summary>
public static class TomlDocumentReader
{
    public static TomlTable Read(string text, out List<(int Line, string Message)> errors)
    {
        errors = new List<(int, string)>();
        var root = new TomlTable(1);
        DocumentSyntax doc;
        try
        {
            doc = SyntaxParser.Parse(text, null, false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            errors.Add((0, "TOML could not be parsed: " + ex.Message));
            return root;
        }
        foreach (var d in doc.Diagnostics)
        {
            if (d.Kind == DiagnosticMessageKind.Error)
            {
                errors.Add((d.Span.Start.Line + 1, d.Message));
            }
        }
        foreach (var kv in doc.KeyValues)
        {
            AddKeyValue(root, kv);
        }
        foreach (var table in doc.Tables)
        {
            var path = KeyPath(table.Name);
            if (path.Count == 0)
            {
                continue;
            }
            int line = LineOf(table);
            TomlTable parent = root;
            for (int i = 0; i < path.Count - 1; i++)
            {
                parent = Descend(parent, path[i], line);
            }
            string last = path[path.Count - 1];
            TomlTable target;
            if (table is TableArraySyntax)
            {
                if (parent[last] is not TomlArray array)
                {
                    array = new TomlArray(line) { IsTableArray = true };
                    parent.Set(last, array);
                }
                target = new TomlTable(line);
                array.Items.Add(target);
            }
            else
            {
                target = Descend(parent, last, line);
            }
            foreach (var kv in table.Items)
            {
                AddKeyValue(target, kv);
            }
        }
        return root;
    }

    private static TomlTable Descend(TomlTable parent, string key, int line)
    {
        switch (parent[key])
        {
            case TomlTable t:
                return t;
            case TomlArray a when a.Items.Count > 0 && a.Items[a.Items.Count - 1] is TomlTable last:
                return last;
            default:
                var created = new TomlTable(line);
                parent.Set(key, created);
                return created;
        }
    }

    private static void AddKeyValue(TomlTable table, KeyValueSyntax kv)
    {
        if (kv.Key == null || kv.Value == null)
        {
            return;
        }
        var path = KeyPath(kv.Key);
        if (path.Count == 0)
        {
            return;
        }
        int line = LineOf(kv);
        TomlTable target = table;
        for (int i = 0; i < path.Count - 1; i++)
        {
            target = Descend(target, path[i], line);
        }
        target.Set(path[path.Count - 1], Convert(kv.Value));
    }

    private static TomlNode Convert(ValueSyntax value)
    {
        int line = LineOf(value);
        switch (value)
        {
            case StringValueSyntax s:
                return new TomlScalar(s.Value, line);
            case BooleanValueSyntax b:
                return new TomlScalar(b.Value, line);
            case IntegerValueSyntax i:
                return new TomlScalar(i.Value, line);
            case FloatValueSyntax f:
                return new TomlScalar(f.Value, line);
            case ArraySyntax a:
                var array = new TomlArray(line);
                foreach (var item in a.Items)
                {
                    if (item.Value != null)
                    {
                        array.Items.Add(Convert(item.Value));
                    }
                }
                return array;
            case InlineTableSyntax t:
                var table = new TomlTable(line);
                foreach (var item in t.Items)
                {
                    if (item.KeyValue != null)
                    {
                        AddKeyValue(table, item.KeyValue);
                    }
                }
                return table;
            default:
                return new TomlScalar(value.ToString()?.Trim(), line);
        }
    }

    private static List<string> KeyPath(KeySyntax? key)
    {
        var parts = new List<string>();
        if (key == null)
        {
            return parts;
        }
        string? head = KeyText(key.Key);
        if (head == null)
        {
            return parts;
        }
        parts.Add(head);
        foreach (var dotted in key.DotKeys)
        {
            string? part = KeyText(dotted.Key);
            if (part != null)
            {
                parts.Add(part);
            }
        }
        return parts;
    }

    private static string? KeyText(BareKeyOrStringValueSyntax? key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text,
        StringValueSyntax s => s.Value,
        _ => null,
    };

    private static int LineOf(SyntaxNode node) => node.Span.Start.Line + 1;
}
