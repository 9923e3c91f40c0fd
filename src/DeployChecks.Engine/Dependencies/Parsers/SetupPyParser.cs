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
/// literal lists of string literals, and a literal <c>python_requires</c>. A bare name (<c>install_requires=requires</c>,
/// <c>{"cli": CLI_PACKAGES}</c>) is followed to its module-level literal assignment (<c>requires = [...]</c> at column 0),
/// the common shape of real setup.py files (requests, google-auth, apitools). Anything computed (a call, a
/// concatenation, a comprehension, a subscript) is reported as not statically readable and skipped; the file is
/// never executed.
/// </summary>
public sealed class SetupPyParser : IArtifactParser<DependencyDocument>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly Regex Keyword = new(@"\b(install_requires|extras_require|python_requires)\s*=\s*",
        RegexOptions.CultureInvariant, Timeout);

    // A module-level assignment of a literal list, tuple or dict: NAME = [ / ( / {, at column 0.
    private static readonly Regex Assignment = new(@"^([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*(?=[\[({])",
        RegexOptions.CultureInvariant | RegexOptions.Multiline, Timeout);

    private const int MaxNameDepth = 4;

    public static SetupPyParser Instance { get; } = new();

    public DependencyDocument Parse(WorkspaceFile file, SourceText text) => Parse(file.RelativePath, text);

    public DependencyDocument Parse(string source, SourceText text)
    {
        var doc = new DependencyDocument(source, DependencySourceKind.SetupPy);
        string s = text.Text;
        MatchCollection matches;
        var names = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        try
        {
            matches = Keyword.Matches(s);
            _ = matches.Count;
            foreach (Match a in Assignment.Matches(s))
            {
                if (!names.TryGetValue(a.Groups[1].Value, out var offsets))
                {
                    names[a.Groups[1].Value] = offsets = new List<int>();
                }
                offsets.Add(a.Index + a.Length);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            doc.AddProblem(0, "setup.py scan timed out; not read");
            return doc;
        }
        var reader = new Reader(doc, text, names);
        foreach (Match m in matches)
        {
            int i = m.Index + m.Length;
            int line = text.LineOf(m.Index);
            if ((m.Index == 0 || s[m.Index - 1] == '\n') && IsReferenced(s, matches, m.Groups[1].Value))
            {
                // install_requires = [...] at module level, passed on as install_requires=install_requires:
                // read where it is used (once), not here too.
                continue;
            }
            switch (m.Groups[1].Value)
            {
                case "install_requires":
                    if (!reader.ReadList(ref i, "main", 0))
                    {
                        doc.AddProblem(line, "install_requires is not a literal list of strings; not statically readable");
                    }
                    break;
                case "extras_require":
                    if (!reader.ReadExtras(ref i, 0))
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

    // keyword=NAME where a later keyword match is the module-level "NAME = [...]" itself.
    private static bool IsReferenced(string s, MatchCollection matches, string name)
    {
        foreach (Match m in matches)
        {
            int i = m.Index + m.Length;
            if (m.Index > 0 && s[m.Index - 1] != '\n' && ReadName(s, ref i) == name)
            {
                return true;
            }
        }
        return false;
    }

    // A bare name that ends an argument or item (followed by , ) ] or }): NAME, not NAME(…), NAME + …, NAME[…].
    private static string? ReadName(string s, ref int i)
    {
        int start = i;
        if (i >= s.Length || !(char.IsLetter(s[i]) || s[i] == '_'))
        {
            return null;
        }
        while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_'))
        {
            i++;
        }
        string name = s.Substring(start, i - start);
        int after = i;
        SkipTrivia(s, ref after);
        if (after < s.Length && s[after] != ',' && s[after] != ')' && s[after] != ']' && s[after] != '}')
        {
            i = start;
            return null;
        }
        return name;
    }

    private sealed class Reader
    {
        private readonly DependencyDocument _doc;
        private readonly SourceText _text;
        private readonly Dictionary<string, List<int>> _names;

        public Reader(DependencyDocument doc, SourceText text, Dictionary<string, List<int>> names)
        {
            _doc = doc;
            _text = text;
            _names = names;
        }

        // NAME at i → the offset of the value of its last module-level assignment before i (or the first after).
        private bool TryResolve(ref int i, int depth, out int value)
        {
            value = -1;
            int at = i;
            if (depth >= MaxNameDepth || ReadName(_text.Text, ref i) is not string name || !_names.TryGetValue(name, out var offsets))
            {
                i = at;
                return false;
            }
            value = offsets[0];
            foreach (int offset in offsets)
            {
                if (offset < at)
                {
                    value = offset;
                }
            }
            return true;
        }

        public bool ReadList(ref int i, string group, int depth, string? marker = null)
        {
            if (TryResolve(ref i, depth, out int value))
            {
                return ReadList(ref value, group, depth + 1, marker);
            }
            return ReadLiteralList(_doc, _text, ref i, group, marker);
        }

        public bool ReadExtras(ref int i, int depth)
        {
            if (TryResolve(ref i, depth, out int value))
            {
                return ReadExtras(ref value, depth + 1);
            }
            string s = _text.Text;
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
                // setuptools' conditional form: ":python_version<'3'" (no extra: a main dependency with a
                // marker) or "socks:sys_platform=='win32'" (extra socks, with a marker).
                string? marker = null;
                int colon = key.IndexOf(':');
                if (colon >= 0)
                {
                    marker = key.Substring(colon + 1).Trim();
                    key = key.Substring(0, colon).Trim();
                    if (key.Length == 0)
                    {
                        key = "main";
                    }
                }
                if (!ReadList(ref i, key, depth, string.IsNullOrEmpty(marker) ? null : marker))
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
    }

    private static bool ReadLiteralList(DependencyDocument doc, SourceText text, ref int i, string group, string? marker)
    {
        string s = text.Text;
        if (i < s.Length && s[i] != '[' && s[i] != '(')
        {
            // A string is a valid requirements value too (setuptools reads it one requirement a line):
            // "requests": "requests >= 2.20.0, < 3.0.0.dev0" in google-auth's extras.
            int at = i;
            if (ReadString(s, ref i) is not string block)
            {
                return false;
            }
            string[] blockLines = block.Split('\n');
            for (int n = 0; n < blockLines.Length; n++)
            {
                string req = blockLines[n];
                int hash = req.IndexOf('#');
                req = (hash >= 0 ? req.Substring(0, hash) : req).Trim();
                if (req.Length > 0)
                {
                    AddRequirement(doc, req, text.LineOf(at) + n, group, marker);
                }
            }
            return true;
        }
        if (i >= s.Length)
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
            AddRequirement(doc, item.Trim(), line, group, marker);
        }
        return true;
    }

    private static void AddRequirement(DependencyDocument doc, string requirement, int line, string group, string? marker)
    {
        if (marker != null)
        {
            int semi = requirement.IndexOf(';');
            requirement = semi < 0
                ? requirement + "; " + marker
                : requirement.Substring(0, semi).TrimEnd() + "; (" + requirement.Substring(semi + 1).Trim() + ") and (" + marker + ")";
        }
        PyprojectParser.Add(doc, EntryFactory.FromPep508(doc, requirement, line, group, DependencySourceKind.SetupPy));
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
