using System;
using System.Collections.Generic;
using System.Text;
using DeployChecks.Engine.Text;

namespace DeployChecks.Engine.Artifacts.Dockerfile;

/// <summary>An instruction as the syntax pass reads it, before it is typed.</summary>
internal sealed class DockerInstructionSyntax
{
    public string Keyword { get; set; } = "";
    public int Line { get; set; }
    public int Column { get; set; }
    public int EndLine { get; set; }
    public string Arguments { get; set; } = "";
    public string Text { get; set; } = "";
    public IReadOnlyList<DockerFlag> Flags { get; set; } = Array.Empty<DockerFlag>();
    public IReadOnlyList<DockerHeredoc> Heredocs { get; set; } = Array.Empty<DockerHeredoc>();
    public int[] MapOffsets { get; set; } = Array.Empty<int>();
    public int[] MapLines { get; set; } = Array.Empty<int>();
}

/// <summary>A parser directive at the top of a Dockerfile (<c># syntax=docker/dockerfile:1</c>, <c># escape=`</c>).</summary>
public sealed class DockerParserDirective
{
    internal DockerParserDirective(string name, string value, int line)
    {
        Name = name;
        Value = value;
        Line = line;
    }

    /// <summary>Lower-case: <c>syntax</c>, <c>escape</c> or <c>check</c>.</summary>
    public string Name { get; }

    public string Value { get; }

    public int Line { get; }

    public override string ToString() => "# " + Name + "=" + Value;
}

/// <summary>
/// The syntax pass over a Dockerfile, as BuildKit's parser reads one: parser directives at the very top; line
/// continuations with the escape character (comment and blank lines inside a continuation dropped, lines joined without
/// a separator); the keyword (case-insensitive) and <c>--flags</c>; here-documents of <c>RUN</c>, <c>COPY</c> and
/// <c>ADD</c> (several per instruction, <c>&lt;&lt;-</c>, quoted delimiters). One linear pass; problems never stop it.
/// </summary>
internal static class DockerfileSyntax
{
    public static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER",
        "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    };

    public static List<DockerInstructionSyntax> Read(string text, List<ArtifactProblem> problems, out List<DockerParserDirective> directives, out char escape)
    {
        var lines = SplitLines(text);
        directives = new List<DockerParserDirective>();
        escape = '\\';
        int n = ReadDirectives(lines, directives, problems, ref escape);
        var result = new List<DockerInstructionSyntax>();
        while (n < lines.Count)
        {
            string first = lines[n];
            string trimmed = first.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                n++;
                continue;
            }
            int startLine = n + 1;
            int column = first.Length - first.TrimStart().Length + 1;
            var sb = new StringBuilder();
            var offsets = new List<int>();
            var lineNumbers = new List<int>();
            bool continued = false;
            bool firstLine = true;
            while (n < lines.Count)
            {
                string l = firstLine ? lines[n].TrimStart() : lines[n];
                string lt = l.TrimStart();
                if (!firstLine && (lt.Length == 0 || lt[0] == '#'))
                {
                    n++; // dropped inside a continuation
                    continue;
                }
                firstLine = false;
                offsets.Add(sb.Length);
                lineNumbers.Add(n + 1);
                n++;
                string end = l.TrimEnd(' ', '\t', '\r');
                if (end.Length > 0 && end[end.Length - 1] == escape)
                {
                    sb.Append(end, 0, end.Length - 1);
                    continued = true;
                    continue;
                }
                sb.Append(l.TrimEnd('\r'));
                continued = false;
                break;
            }
            if (continued)
            {
                problems.Add(new ArtifactProblem(DockerfileModel.ErrorId, startLine, column, "line continuation at the end of the file"));
            }
            var syntax = Instruction(sb.ToString(), startLine, column, offsets, lineNumbers, problems);
            if (syntax == null)
            {
                continue;
            }
            if (syntax.Keyword is "RUN" or "COPY" or "ADD")
            {
                syntax.Heredocs = ReadHeredocs(syntax, lines, ref n, problems);
            }
            syntax.EndLine = LastLine(syntax);
            result.Add(syntax);
        }
        return result;
    }

    private static int LastLine(DockerInstructionSyntax s) =>
        s.Heredocs.Count > 0 ? s.Heredocs[s.Heredocs.Count - 1].EndLine : s.MapLines.Length > 0 ? s.MapLines[s.MapLines.Length - 1] : s.Line;

    /// <summary>Directives: <c># name=value</c> lines before anything else; the first other line ends them.</summary>
    private static int ReadDirectives(List<string> lines, List<DockerParserDirective> directives, List<ArtifactProblem> problems, ref char escape)
    {
        int i = 0;
        for (; i < lines.Count; i++)
        {
            string t = lines[i].Trim();
            if (t.Length < 2 || t[0] != '#')
            {
                break;
            }
            string d = t.Substring(1).Trim();
            int eq = d.IndexOf('=');
            if (eq <= 0 || !IsDirectiveName(d.Substring(0, eq).Trim()))
            {
                break;
            }
            string name = d.Substring(0, eq).Trim().ToLowerInvariant();
            string value = d.Substring(eq + 1).Trim();
            if (name is not ("syntax" or "escape" or "check"))
            {
                continue; // unknown directives are comments
            }
            if (directives.Exists(x => x.Name == name))
            {
                problems.Add(new ArtifactProblem(DockerfileModel.ErrorId, i + 1, 1, $"parser directive '{name}' given twice"));
                continue;
            }
            directives.Add(new DockerParserDirective(name, value, i + 1));
            if (name == "escape")
            {
                if (value is "\\" or "`")
                {
                    escape = value[0];
                }
                else
                {
                    problems.Add(new ArtifactProblem(DockerfileModel.ErrorId, i + 1, 1, "the escape directive takes \\ or ` only"));
                }
            }
        }
        return i;
    }

    private static bool IsDirectiveName(string s)
    {
        if (s.Length == 0 || !char.IsLetter(s[0]))
        {
            return false;
        }
        foreach (char c in s)
        {
            if (!char.IsLetterOrDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    private static DockerInstructionSyntax? Instruction(string logical, int line, int column, List<int> offsets, List<int> lineNumbers, List<ArtifactProblem> problems)
    {
        int end = 0;
        while (end < logical.Length && !char.IsWhiteSpace(logical[end]))
        {
            end++;
        }
        string word = logical.Substring(0, end);
        string keyword = word.ToUpperInvariant();
        if (!Keywords.Contains(keyword))
        {
            // The word may be anything (a file that is not a Dockerfile, a secret on a line by itself): never echoed whole.
            problems.Add(new ArtifactProblem(DockerfileModel.ErrorId, line, column, $"unknown instruction '{KeywordForMessage(word)}' (docker build stops here)"));
            return null;
        }
        int start = end;
        while (start < logical.Length && char.IsWhiteSpace(logical[start]))
        {
            start++;
        }
        var flags = new List<DockerFlag>();
        int args = keyword == "ONBUILD" ? start : TakeFlags(logical, start, flags);
        var s = new DockerInstructionSyntax
        {
            Keyword = keyword,
            Line = line,
            Column = column,
            EndLine = lineNumbers.Count > 0 ? lineNumbers[lineNumbers.Count - 1] : line,
            Arguments = logical.Substring(args),
            Text = logical,
            Flags = flags,
        };
        // Offsets into the arguments: the physical line where the arguments start maps offset 0.
        var mapOffsets = new List<int>(offsets.Count);
        var mapLines = new List<int>(offsets.Count);
        for (int i = 0; i < offsets.Count; i++)
        {
            int o = offsets[i] - args;
            if (o <= 0 && mapOffsets.Count > 0)
            {
                mapLines[0] = lineNumbers[i];
                continue;
            }
            mapOffsets.Add(Math.Max(0, o));
            mapLines.Add(lineNumbers[i]);
        }
        s.MapOffsets = mapOffsets.ToArray();
        s.MapLines = mapLines.ToArray();
        return s;
    }

    /// <summary>An unknown keyword for a message: a short word of letters (a typo such as <c>RUNN</c>) as written,
    /// anything else (a secret on a line by itself, the first token of a file that is not a Dockerfile) redacted.</summary>
    private static string KeywordForMessage(string word)
    {
        if (word.Length > 0 && word.Length <= 16)
        {
            bool letters = true;
            foreach (char c in word)
            {
                letters &= c is >= 'A' and <= 'Z' or >= 'a' and <= 'z';
            }
            if (letters)
            {
                return word;
            }
        }
        return Redactor.RedactValue(word.Length > 40 ? word.Substring(0, 40) : word);
    }

    /// <summary>The instruction an <c>ONBUILD</c> registers, read from its arguments (null when it has none or the keyword
    /// is unknown, which is reported).</summary>
    public static DockerInstructionSyntax? Inner(DockerInstructionSyntax onbuild, List<ArtifactProblem> problems)
    {
        string text = onbuild.Arguments.Trim();
        if (text.Length == 0)
        {
            return null;
        }
        var inner = Instruction(text, onbuild.Line, onbuild.Column, new List<int> { 0 }, new List<int> { onbuild.Line }, problems);
        if (inner != null)
        {
            inner.EndLine = onbuild.EndLine;
        }
        return inner;
    }

    /// <summary>Reads <c>--name[=value]</c> words at <paramref name="i"/>; returns where the arguments start.</summary>
    private static int TakeFlags(string a, int i, List<DockerFlag> flags)
    {
        while (true)
        {
            while (i < a.Length && char.IsWhiteSpace(a[i]))
            {
                i++;
            }
            if (i + 2 >= a.Length || a[i] != '-' || a[i + 1] != '-' || char.IsWhiteSpace(a[i + 2]))
            {
                return i;
            }
            int j = i;
            char quote = '\0';
            while (j < a.Length && (quote != '\0' || !char.IsWhiteSpace(a[j])))
            {
                if (quote == '\0' && (a[j] == '"' || a[j] == '\''))
                {
                    quote = a[j];
                }
                else if (a[j] == quote)
                {
                    quote = '\0';
                }
                j++;
            }
            string flag = a.Substring(i + 2, j - i - 2);
            int eq = flag.IndexOf('=');
            flags.Add(eq < 0 ? new DockerFlag(flag, null) : new DockerFlag(flag.Substring(0, eq), Unquote(flag.Substring(eq + 1))));
            i = j;
        }
    }

    internal static string Unquote(string s) =>
        s.Length >= 2 && (s[0] == '"' || s[0] == '\'') && s[s.Length - 1] == s[0] ? s.Substring(1, s.Length - 2) : s;

    /// <summary>The here-documents opened by words <c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c>, <c>&lt;&lt;"EOF"</c> of the
    /// arguments (outside quotes), their bodies read from the following lines in order.</summary>
    private static IReadOnlyList<DockerHeredoc> ReadHeredocs(DockerInstructionSyntax s, List<string> lines, ref int n, List<ArtifactProblem> problems)
    {
        List<DockerHeredoc>? result = null;
        foreach (var (delimiter, strip, expands) in HeredocMarkers(s.Arguments))
        {
            var body = new StringBuilder();
            int firstLine = n + 1;
            bool closed = false;
            int count = 0;
            while (n < lines.Count)
            {
                string l = lines[n].TrimEnd('\r');
                n++;
                string candidate = strip ? l.TrimStart('\t') : l;
                if (candidate.TrimEnd() == delimiter)
                {
                    closed = true;
                    break;
                }
                if (count++ > 0)
                {
                    body.Append('\n');
                }
                body.Append(candidate);
            }
            if (!closed)
            {
                problems.Add(new ArtifactProblem(DockerfileModel.ErrorId, s.Line, s.Column, $"heredoc '{delimiter}' is not closed before the end of the file"));
            }
            (result ??= new List<DockerHeredoc>()).Add(new DockerHeredoc(delimiter, strip, expands, body.ToString(), firstLine, n, closed));
        }
        return result ?? (IReadOnlyList<DockerHeredoc>)Array.Empty<DockerHeredoc>();
    }

    private static IEnumerable<(string Delimiter, bool Strip, bool Expands)> HeredocMarkers(string args)
    {
        char quote = '\0';
        for (int i = 0; i + 2 < args.Length; i++)
        {
            char c = args[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                continue;
            }
            if (c is '"' or '\'')
            {
                quote = c;
                continue;
            }
            if (c != '<' || args[i + 1] != '<' || args[i + 2] == '<')
            {
                continue;
            }
            // A word starting with [digits]<<: the start of the arguments, or after whitespace or a shell operator.
            int w = i;
            while (w > 0 && char.IsDigit(args[w - 1]))
            {
                w--;
            }
            if (w > 0 && !char.IsWhiteSpace(args[w - 1]) && "|;&(".IndexOf(args[w - 1]) < 0)
            {
                continue;
            }
            int p = i + 2;
            bool strip = p < args.Length && args[p] == '-';
            if (strip)
            {
                p++;
            }
            char q = p < args.Length && (args[p] == '"' || args[p] == '\'') ? args[p] : '\0';
            if (q != '\0')
            {
                p++;
            }
            int d = p;
            while (d < args.Length && (char.IsLetterOrDigit(args[d]) || args[d] == '_' || args[d] == '-' || args[d] == '.'))
            {
                d++;
            }
            if (d == p)
            {
                continue;
            }
            yield return (args.Substring(p, d - p), strip, q == '\0');
            i = q != '\0' && d < args.Length && args[d] == q ? d : d - 1;
        }
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text.Substring(start, i - start));
                start = i + 1;
            }
        }
        lines.Add(text.Substring(start));
        return lines;
    }
}
