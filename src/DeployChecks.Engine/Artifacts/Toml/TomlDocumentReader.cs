using System;
using System.Collections.Generic;
using Tomlyn;
using Tomlyn.Parsing;

namespace DeployChecks.Engine.Artifacts.Toml;

/// <summary>
/// Reads TOML with Tomlyn's incremental event parser (<see cref="TomlParser"/>, tolerant mode) into a small model
/// where every value and table keeps its source line. Tomlyn's full syntax tree also has spans but is about ten
/// times slower on large locks; the events carry the key and value lines, and a table opened by a header gets
/// the header's line. Syntax errors come back as (line, message) pairs; whatever parsed is still returned.
/// </summary>
public static class TomlDocumentReader
{
    private static readonly TomlParserOptions Options = new() { Mode = TomlParserMode.Tolerant };

    public static TomlTable Read(string text, out List<(int Line, string Message)> errors)
    {
        errors = new List<(int, string)>();
        var root = new TomlTable(1);
        var stack = new List<TomlNode>();
        // Line starts, computed once on first need: no string per line (a 2,000-package lock has ~30,000 lines).
        var lines = new Lazy<List<int>>(() => LineStarts(text));
        string? key = null;
        int keyLine = 0;
        TomlParser parser;
        try
        {
            parser = TomlParser.Create(text, Options, (TomlSerializerOptions?)null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            errors.Add((0, "TOML could not be parsed: " + ex.Message));
            return root;
        }
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current;
                int line = e.Line;
                switch (e.Kind)
                {
                    case TomlParseEventKind.StartTable:
                        if (stack.Count == 0)
                        {
                            stack.Add(root);
                            break;
                        }
                        if (Reopened(stack, key) is TomlTable reopened)
                        {
                            // A table opened again: [tool.x] after [build-system] re-opens the implicit [tool]
                            // (and a.b = 1 / a.c = 2 re-open a). Tomlyn sends a new StartTable; merge into the
                            // first, as TOML defines it, instead of replacing what the first one held.
                            stack.Add(reopened);
                            key = null;
                            break;
                        }
                        var table = new TomlTable(Parent(stack) is TomlTable && key != null ? keyLine : line);
                        Add(stack, key, table);
                        stack.Add(table);
                        key = null;
                        break;
                    case TomlParseEventKind.StartArray:
                        if (Reopened(stack, key) is TomlArray { IsTableArray: true } tables)
                        {
                            // [[a.b]] again after other tables: more items of the same array of tables.
                            stack.Add(tables);
                            key = null;
                            break;
                        }
                        var array = new TomlArray(Parent(stack) is TomlTable && key != null ? keyLine : line);
                        Add(stack, key, array);
                        stack.Add(array);
                        key = null;
                        break;
                    case TomlParseEventKind.EndTable:
                    case TomlParseEventKind.EndArray:
                        if (stack.Count > 0)
                        {
                            stack.RemoveAt(stack.Count - 1);
                        }
                        break;
                    case TomlParseEventKind.PropertyName:
                        key = parser.GetPropertyName();
                        keyLine = line;
                        if (Parent(stack) is TomlTable { Line: 0 } open && line > 0)
                        {
                            // A table of an array of tables ([[x]]) reports no line: use its header's.
                            open.Line = HeaderLine(text, lines.Value, line);
                        }
                        break;
                    case TomlParseEventKind.String:
                        Add(stack, key, new TomlScalar(parser.GetString(), line));
                        key = null;
                        break;
                    case TomlParseEventKind.Integer:
                        Add(stack, key, new TomlScalar(e.GetInt64(), line));
                        key = null;
                        break;
                    case TomlParseEventKind.Float:
                        Add(stack, key, new TomlScalar(e.GetDouble(), line));
                        key = null;
                        break;
                    case TomlParseEventKind.Boolean:
                        Add(stack, key, new TomlScalar(e.GetBoolean(), line));
                        key = null;
                        break;
                    case TomlParseEventKind.DateTime:
                        Add(stack, key, new TomlScalar(e.GetTomlDateTime().ToString(), line) { IsDateTime = true });
                        key = null;
                        break;
                }
            }
        }
        catch (TomlException ex)
        {
            errors.Add((ex.Line is int l && l > 0 ? l : 0, ex.Message));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Never let a Tomlyn failure on odd input escape a parser: report it, keep what was read.
            errors.Add((0, "TOML could not be read past this point: " + ex.Message));
        }
        foreach (var d in parser.Diagnostics)
        {
            if (d.Kind == Tomlyn.Syntax.DiagnosticMessageKind.Error)
            {
                errors.Add((d.Span.Start.Line + 1, d.Message));
            }
        }
        return root;
    }

    private static TomlNode? Parent(List<TomlNode> stack) => stack.Count > 0 ? stack[stack.Count - 1] : null;

    private static TomlNode? Reopened(List<TomlNode> stack, string? key) =>
        key != null && Parent(stack) is TomlTable parent ? parent[key] : null;

    private static void Add(List<TomlNode> stack, string? key, TomlNode value)
    {
        switch (Parent(stack))
        {
            case TomlTable table when key != null:
                table.Set(key, value);
                break;
            case TomlArray array:
                if (value is TomlTable)
                {
                    array.IsTableArray = true;
                }
                array.Items.Add(value);
                break;
        }
    }

    // The nearest line at or above the first key that opens a table ('['), skipping blanks and comments.
    private static int HeaderLine(string text, List<int> lineStarts, int firstKeyLine)
    {
        for (int n = firstKeyLine - 1; n >= 1 && n <= lineStarts.Count; n--)
        {
            int i = lineStarts[n - 1];
            int end = n < lineStarts.Count ? lineStarts[n] : text.Length;
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i == end || text[i] == '#')
            {
                continue;
            }
            return text[i] == '[' ? n : firstKeyLine;
        }
        return firstKeyLine;
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }
        return starts;
    }
}
