using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>
/// <c>setup.py</c>, statically: <c>install_requires=[…]</c> and <c>extras_require={"x": […]}</c> when they are
/// literal lists of string literals, and a literal <c>python_requires</c>. Anything computed (a variable, a call,
/// a comprehension) is reported as not statically readable and skipped; the file is never executed.
/// </summary>
public sealed class SetupPyParser : IArtifactParser<DependencyDocument>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly Regex Keyword = new(@"\b(install_requires|extras_require|python_requires)\s*=\s*",
        RegexOptions.CultureInvariant, Timeout);

    public static SetupPyParser Instance { get; } = new();

    public DependencyDocument Parse(WorkspaceFile file, SourceText text) => Parse(file.RelativePath, text);

    public DependencyDocument Parse(string source, SourceText text)
    {
        var doc = new DependencyDocument(source, DependencySourceKind.SetupPy);
        string s = text.Text;
        MatchCollection matches;
        try
        {
            matches = Keyword.Matches(s);
            _ = matches.Count;
        }
        catch (RegexMatchTimeoutException)
        {
            doc.AddProblem(0, "setup.py scan timed out; not read");
            return doc;
        }
        foreach (Match m in matches)
        {
            int i = m.Index + m.Length;
            int line = text.LineOf(m.Index);
            switch (m.Groups[1].Value)
            {
                case "install_requires":
                    if (!ReadList(doc, text, ref i, "main"))
                    {
                        doc.AddProblem(line, "install_requires is not a literal list of strings; not statically readable");
                    }
                    break;
                case "extras_require":
                    if (!ReadExtras(doc, text, ref i))
                    {
                        doc.AddProblem(line, "extras_require is not a literal dict of string lists; not statically readable");
                    }
                    break;
                default:
                    if (ReadString(s, ref i) is string python)
                    {
                        doc.SetMetadata("requires-python", python, line);
                    }
                    break;
            }
        }
        return doc;
    }

    private static bool ReadList(DependencyDocument doc, SourceText text, ref int i, string group)
    {
        string s = text.Text;
        if (i >= s.Length || (s[i] != '[' && s[i] != '('))
        {
            return false;
        }
        char close = s[i] == '[' ? ']' : ')';
        i++;
        var items = new List<(string, int)>();
        while (true)
        {
            SkipTrivia(s, ref i);
            if (i >= s.Length)
            {
                return false;
            }
            if (s[i] == close)
            {
                i++;
                break;
            }
            int at = i;
            string? item = ReadString(s, ref i);
            if (item == null)
            {
                return false;
            }
            items.Add((item, text.LineOf(at)));
            SkipTrivia(s, ref i);
            if (i < s.Length && s[i] == ',')
            {
                i++;
            }
        }
        foreach (var (item, line) in items)
        {
            PyprojectParser.Add(doc, EntryFactory.FromPep508(doc, item.Trim(), line, group, DependencySourceKind.SetupPy));
        }
        return true;
    }

    private static bool ReadExtras(DependencyDocument doc, SourceText text, ref int i)
    {
        string s = text.Text;
        if (i >= s.Length || s[i] != '{')
        {
            return false;
        }
        i++;
        while (true)
        {
            SkipTrivia(s, ref i);
            if (i >= s.Length)
            {
                return false;
            }
            if (s[i] == '}')
            {
                i++;
                return true;
            }
            string? key = ReadString(s, ref i);
            SkipTrivia(s, ref i);
            if (key == null || i >= s.Length || s[i] != ':')
            {
                return false;
            }
            i++;
            SkipTrivia(s, ref i);
            if (!ReadList(doc, text, ref i, key))
            {
                return false;
            }
            SkipTrivia(s, ref i);
            if (i < s.Length && s[i] == ',')
            {
                i++;
            }
        }
    }

    private static void SkipTrivia(string s, ref int i)
    {
        while (i < s.Length)
        {
            if (char.IsWhiteSpace(s[i]))
            {
                i++;
            }
            else if (s[i] == '#')
            {
                while (i < s.Length && s[i] != '\n')
                {
                    i++;
                }
            }
            else if (s[i] == '\\' && i + 1 < s.Length && (s[i + 1] == '\n' || s[i + 1] == '\r'))
            {
                i += 2;
            }
            else
            {
                return;
            }
        }
    }

    // A Python string literal (optional r/u prefix, ', ", ''' or """), with implicit concatenation of adjacent literals.
    private static string? ReadString(string s, ref int i)
    {
        var sb = new StringBuilder();
        bool any = false;
        while (true)
        {
            int start = i;
            bool raw = false;
            while (i < s.Length && (s[i] == 'r' || s[i] == 'R' || s[i] == 'u' || s[i] == 'U'))
            {
                raw |= s[i] == 'r' || s[i] == 'R';
                i++;
            }
            if (i >= s.Length || (s[i] != '\'' && s[i] != '"'))
            {
                i = start;
                return any ? sb.ToString() : null;
            }
            char q = s[i];
            bool triple = i + 2 < s.Length && s[i + 1] == q && s[i + 2] == q;
            i += triple ? 3 : 1;
            while (true)
            {
                if (i >= s.Length || (!triple && (s[i] == '\n' || s[i] == '\r')))
                {
                    i = start;
                    return null;
                }
                if (s[i] == '\\' && !raw && i + 1 < s.Length)
                {
                    sb.Append(s[i + 1]);
                    i += 2;
                    continue;
                }
                if (s[i] == q && (!triple || (i + 2 < s.Length && s[i + 1] == q && s[i + 2] == q)))
                {
                    i += triple ? 3 : 1;
                    break;
                }
                sb.Append(s[i]);
                i++;
            }
            any = true;
            int save = i;
            SkipTrivia(s, ref i);
            if (i >= s.Length || (s[i] != '\'' && s[i] != '"' && s[i] != 'r' && s[i] != 'u' && s[i] != 'R' && s[i] != 'U'))
            {
                i = save;
                return sb.ToString();
            }
        }
    }
}
