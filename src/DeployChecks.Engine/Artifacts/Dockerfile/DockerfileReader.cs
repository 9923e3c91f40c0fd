using System;
using System.Collections.Generic;
using System.Text;
using Newtonsoft.Json.Linq;

namespace DeployChecks.Engine.Artifacts.Dockerfile;

/// <summary>One Dockerfile instruction after line continuations are joined.</summary>
internal sealed class DockerInstruction
{
    private readonly List<(int Offset, int Line)> _lineMap;

    public DockerInstruction(string keyword, string arguments, int line, List<(int Offset, int Line)> lineMap)
    {
        Keyword = keyword;
        Arguments = arguments;
        Line = line;
        _lineMap = lineMap;
    }

    /// <summary>Upper-case keyword (<c>RUN</c>).</summary>
    public string Keyword { get; }

    /// <summary>The text after the keyword and its flags, continuations joined with newlines.</summary>
    public string Arguments { get; internal set; }

    /// <summary>1-based line of the keyword.</summary>
    public int Line { get; }

    /// <summary><c>--mount=…</c>, <c>--from=…</c>, … as written, without the leading dashes.</summary>
    public List<string> Flags { get; } = new();

    /// <summary>The JSON array of the exec form, or null for the shell form.</summary>
    public List<string>? ExecForm { get; internal set; }

    /// <summary>The body of a <c>RUN &lt;&lt;EOF</c> heredoc, each line with its line number.</summary>
    public List<(string Text, int Line)>? Heredoc { get; internal set; }

    /// <summary>The source line of an offset into <see cref="Arguments"/>.</summary>
    public int LineAt(int offset)
    {
        int line = Line;
        foreach (var (o, l) in _lineMap)
        {
            if (o > offset)
            {
                break;
            }
            line = l;
        }
        return line;
    }

    internal void ShiftMap(int removed)
    {
        for (int i = 0; i < _lineMap.Count; i++)
        {
            _lineMap[i] = (Math.Max(0, _lineMap[i].Offset - removed), _lineMap[i].Line);
        }
    }

    public override string ToString() => Keyword + " " + Arguments;
}

/// <summary>
/// Reads a Dockerfile as BuildKit's parser does, as far as the deploy model needs: the <c># escape=</c> directive,
/// line continuations (comment and blank lines inside a continuation are dropped), flags before the arguments,
/// the JSON exec form (a line that is not valid JSON is run as a shell command, as Docker does — with a problem
/// noted) and <c>RUN &lt;&lt;EOF</c> heredocs. Problems never stop the read.
/// </summary>
internal static class DockerfileReader
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER",
        "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    };

    public static List<DockerInstruction> Read(string text, List<(int Line, string Message)> problems)
    {
        var result = new List<DockerInstruction>();
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        char escape = '\\';
        // Parser directives: only at the very top, before any instruction, comment or blank line.
        for (int i = 0; i < lines.Length; i++)
        {
            string t = lines[i].Trim();
            if (!t.StartsWith("#", StringComparison.Ordinal))
            {
                break;
            }
            string d = t.Substring(1).Trim();
            if (d.StartsWith("escape", StringComparison.OrdinalIgnoreCase) && d.IndexOf('=') > 0)
            {
                string v = d.Substring(d.IndexOf('=') + 1).Trim();
                if (v == "`")
                {
                    escape = '`';
                }
            }
            else if (!d.StartsWith("syntax", StringComparison.OrdinalIgnoreCase) && !d.StartsWith("check", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }
        }

        int n = 0;
        while (n < lines.Length)
        {
            string raw = lines[n];
            string trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("#", StringComparison.Ordinal))
            {
                n++;
                continue;
            }
            int startLine = n + 1;
            var sb = new StringBuilder();
            var map = new List<(int, int)>();
            bool continued = false;
            while (n < lines.Length)
            {
                string l = lines[n].TrimEnd();
                string lt = l.TrimStart();
                if (sb.Length > 0 && (lt.Length == 0 || lt.StartsWith("#", StringComparison.Ordinal)))
                {
                    n++; // dropped inside a continuation
                    continue;
                }
                map.Add((sb.Length, n + 1));
                n++;
                if (l.Length > 0 && l[l.Length - 1] == escape)
                {
                    sb.Append(l, 0, l.Length - 1).Append(' ');
                    continued = true;
                    continue;
                }
                sb.Append(l);
                continued = false;
                break;
            }
            if (continued)
            {
                problems.Add((startLine, "line continuation at the end of the file"));
            }
            string logical = sb.ToString();
            // Keyword.
            int start = 0;
            while (start < logical.Length && char.IsWhiteSpace(logical[start]))
            {
                start++;
            }
            int end = start;
            while (end < logical.Length && !char.IsWhiteSpace(logical[end]))
            {
                end++;
            }
            string keyword = logical.Substring(start, end - start).ToUpperInvariant();
            if (!Known.Contains(keyword))
            {
                problems.Add((startLine, $"unknown instruction '{logical.Substring(start, end - start)}' (docker build stops here)"));
                continue;
            }
            while (end < logical.Length && char.IsWhiteSpace(logical[end]))
            {
                end++;
            }
            var ins = new DockerInstruction(keyword, logical.Substring(end), startLine, map);
            ins.ShiftMap(end);
            if (keyword == "ONBUILD")
            {
                continue; // runs in child images, not this one
            }
            if (keyword is "RUN" or "COPY" or "ADD" or "FROM")
            {
                TakeFlags(ins);
            }
            string args = ins.Arguments.Trim();
            if (keyword is "RUN" or "CMD" or "ENTRYPOINT" or "COPY" or "ADD" or "SHELL" or "VOLUME" && args.StartsWith("[", StringComparison.Ordinal))
            {
                var exec = ParseJsonArray(args);
                if (exec != null)
                {
                    ins.ExecForm = exec;
                }
                else if (keyword is "RUN" or "CMD" or "ENTRYPOINT")
                {
                    problems.Add((startLine, $"{keyword} starts with '[' but is not a valid JSON array of strings; Docker runs it as a shell command"));
                }
            }
            if (keyword == "RUN" && ins.ExecForm == null)
            {
                ReadHeredoc(ins, lines, ref n, problems);
            }
            result.Add(ins);
        }
        return result;
    }

    private static void TakeFlags(DockerInstruction ins)
    {
        string a = ins.Arguments;
        int i = 0;
        while (true)
        {
            while (i < a.Length && char.IsWhiteSpace(a[i]))
            {
                i++;
            }
            if (i + 2 >= a.Length || a[i] != '-' || a[i + 1] != '-')
            {
                break;
            }
            int j = i;
            bool quoted = false;
            while (j < a.Length && (quoted || !char.IsWhiteSpace(a[j])))
            {
                if (a[j] == '"')
                {
                    quoted = !quoted;
                }
                j++;
            }
            ins.Flags.Add(a.Substring(i + 2, j - i - 2));
            i = j;
        }
        if (i > 0)
        {
            ins.Arguments = a.Substring(i);
            ins.ShiftMap(i);
        }
    }

    private static List<string>? ParseJsonArray(string s)
    {
        try
        {
            var token = JToken.Parse(s);
            if (token is not JArray array)
            {
                return null;
            }
            var list = new List<string>();
            foreach (var item in array)
            {
                if (item.Type != JTokenType.String)
                {
                    return null;
                }
                list.Add((string)item!);
            }
            return list;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary><c>RUN &lt;&lt;EOF</c> … <c>EOF</c> (and <c>&lt;&lt;-EOF</c>, quoted delimiters). When the heredoc is
    /// the script itself its lines become the instruction's body; when it feeds another command (<c>cat &lt;&lt;EOF &gt;
    /// file</c>) the lines are only skipped.</summary>
    private static void ReadHeredoc(DockerInstruction ins, string[] lines, ref int n, List<(int Line, string Message)> problems)
    {
        string args = ins.Arguments;
        int at = args.IndexOf("<<", StringComparison.Ordinal);
        if (at < 0)
        {
            return;
        }
        int p = at + 2;
        bool dash = p < args.Length && args[p] == '-';
        if (dash)
        {
            p++;
        }
        int q = p;
        while (q < args.Length && (args[q] == '"' || args[q] == '\''))
        {
            q++;
        }
        int w = q;
        while (w < args.Length && (char.IsLetterOrDigit(args[w]) || args[w] == '_'))
        {
            w++;
        }
        if (w == q)
        {
            return;
        }
        string delimiter = args.Substring(q, w - q);
        bool isScript = args.Substring(0, at).Trim().Length == 0 ||
                        args.Substring(0, at).Trim() is "bash" or "sh" or "/bin/sh" or "/bin/bash";
        var body = new List<(string, int)>();
        while (n < lines.Length)
        {
            string l = lines[n];
            n++;
            if ((dash ? l.TrimStart('\t') : l).TrimEnd() == delimiter)
            {
                if (isScript)
                {
                    ins.Heredoc = body;
                }
                return;
            }
            body.Add((l, n));
        }
        problems.Add((ins.Line, $"heredoc '{delimiter}' is not closed before the end of the file"));
        if (isScript)
        {
            ins.Heredoc = body;
        }
    }
}
