using System;
using System.Collections.Generic;
using System.Text;

namespace DeployChecks.Engine.Artifacts.Dockerfile;

/// <summary>A word of an instruction's arguments as BuildKit's <c>parseWords</c> splits them (quotes kept), with its
/// offset into the arguments.</summary>
public readonly struct DockerWord
{
    public DockerWord(string text, int offset)
    {
        Text = text;
        Offset = offset;
    }

    public string Text { get; }

    public int Offset { get; }

    public override string ToString() => Text;
}

/// <summary>
/// Word splitting and variable expansion as BuildKit does them for Dockerfile instructions (not for the shell of
/// <c>RUN</c>): <see cref="Split"/> is <c>parseWords</c> (whitespace outside quotes, the escape character protecting the
/// next one), <see cref="Process"/> is the shell lexer's <c>ProcessWord</c> (quotes removed, escapes applied,
/// <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-word}</c>, <c>${VAR-word}</c>, <c>${VAR:+word}</c>, <c>${VAR+word}</c>,
/// <c>${VAR#p}</c>, <c>${VAR##p}</c>, <c>${VAR%p}</c>, <c>${VAR%%p}</c> expanded). One difference on purpose: a variable
/// with no value in the Dockerfile (an <c>ARG</c> without default, or never declared) stays as written
/// (<c>${TOKEN}</c>) — it is supplied at build time, and the placeholder says so. Both scans are linear.
/// </summary>
public static class DockerWords
{
    /// <summary>Most words read from one instruction; a longer one is reported and the rest is not read.</summary>
    public const int MaxWords = 10_000;

    /// <summary>Splits <paramref name="text"/> into words; <paramref name="truncated"/> is set when more than
    /// <see cref="MaxWords"/> were found (the rest is dropped).</summary>
    public static List<DockerWord> Split(string text, char escape, out bool truncated)
    {
        var words = new List<DockerWord>();
        truncated = false;
        var sb = new StringBuilder();
        int start = -1;
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote == '\0' && char.IsWhiteSpace(c))
            {
                if (start >= 0)
                {
                    if (words.Count == MaxWords)
                    {
                        truncated = true;
                        return words;
                    }
                    words.Add(new DockerWord(sb.ToString(), start));
                    sb.Clear();
                    start = -1;
                }
                continue;
            }
            if (start < 0)
            {
                start = i;
            }
            if (c == escape && i + 1 < text.Length && quote != '\'')
            {
                sb.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            if (quote == '\0' && (c == '"' || c == '\''))
            {
                quote = c;
            }
            else if (c == quote)
            {
                quote = '\0';
            }
            sb.Append(c);
        }
        if (start >= 0)
        {
            if (words.Count == MaxWords)
            {
                truncated = true;
            }
            else
            {
                words.Add(new DockerWord(sb.ToString(), start));
            }
        }
        return words;
    }

    /// <summary>A word as an instruction sees it: quotes removed, escapes applied, variables from
    /// <paramref name="variables"/> expanded (unknown ones kept as written).</summary>
    public static string Process(string word, IReadOnlyDictionary<string, string> variables, char escape = '\\')
    {
        if (word.IndexOf('$') < 0 && word.IndexOf('"') < 0 && word.IndexOf('\'') < 0 && word.IndexOf(escape) < 0)
        {
            return word;
        }
        var sb = new StringBuilder(word.Length);
        char quote = '\0';
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    quote = '\0';
                }
                else
                {
                    sb.Append(c);
                }
                continue;
            }
            if (c == escape && i + 1 < word.Length)
            {
                char n = word[i + 1];
                // Inside double quotes the escape only protects what is special there.
                if (quote == '"' && n != '"' && n != '$' && n != escape)
                {
                    sb.Append(c);
                    continue;
                }
                sb.Append(n);
                i++;
                continue;
            }
            if (quote == '\0' && (c == '"' || c == '\''))
            {
                quote = c;
                continue;
            }
            if (quote == '"' && c == '"')
            {
                quote = '\0';
                continue;
            }
            if (c == '$' && i + 1 < word.Length)
            {
                i = ExpandAt(word, i, variables, sb) - 1;
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Expands the variables of <paramref name="text"/> without touching quotes (for words that were already
    /// unquoted, such as exec-form arguments).</summary>
    public static string Expand(string text, IReadOnlyDictionary<string, string> variables)
    {
        if (text.IndexOf('$') < 0)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length)
            {
                i = ExpandAt(text, i, variables, sb) - 1;
                continue;
            }
            sb.Append(text[i]);
        }
        return sb.ToString();
    }

    /// <summary>Expands the reference starting at <paramref name="at"/> (a <c>$</c>); returns the index after it.</summary>
    private static int ExpandAt(string s, int at, IReadOnlyDictionary<string, string> variables, StringBuilder sb)
    {
        if (s[at + 1] != '{')
        {
            int j = at + 1;
            while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] == '_'))
            {
                j++;
            }
            if (j == at + 1)
            {
                sb.Append('$');
                return at + 1;
            }
            string name = s.Substring(at + 1, j - at - 1);
            if (variables.TryGetValue(name, out var v))
            {
                sb.Append(v);
            }
            else
            {
                sb.Append(s, at, j - at);
            }
            return j;
        }
        int close = s.IndexOf('}', at + 2);
        if (close < 0)
        {
            sb.Append(s, at, s.Length - at);
            return s.Length;
        }
        string inner = s.Substring(at + 2, close - at - 2);
        int k = 0;
        while (k < inner.Length && (char.IsLetterOrDigit(inner[k]) || inner[k] == '_'))
        {
            k++;
        }
        string var = inner.Substring(0, k);
        string op = inner.Substring(k);
        bool known = variables.TryGetValue(var, out var value);
        string? result = null;
        if (op.Length == 0)
        {
            result = known ? value : null;
        }
        else if (op.StartsWith(":-", StringComparison.Ordinal))
        {
            result = known && value!.Length > 0 ? value : Expand(op.Substring(2), variables);
        }
        else if (op.StartsWith("-", StringComparison.Ordinal))
        {
            result = known ? value : Expand(op.Substring(1), variables);
        }
        else if (op.StartsWith(":+", StringComparison.Ordinal))
        {
            result = known && value!.Length > 0 ? Expand(op.Substring(2), variables) : known ? "" : null;
        }
        else if (op.StartsWith("+", StringComparison.Ordinal))
        {
            result = known ? Expand(op.Substring(1), variables) : null;
        }
        else if (known && (op[0] == '#' || op[0] == '%') && value!.Length <= 4096)
        {
            // Trimming tries each cut (quadratic), so only for values of ordinary length; longer ones stay as written.
            bool longest = op.Length > 1 && op[1] == op[0];
            string pattern = op.Substring(longest ? 2 : 1);
            result = op[0] == '#' ? TrimPrefix(value!, pattern, longest) : TrimSuffix(value!, pattern, longest);
        }
        else if (known && (op.StartsWith(":?", StringComparison.Ordinal) || op.StartsWith("?", StringComparison.Ordinal)))
        {
            result = value;
        }
        if (result == null)
        {
            sb.Append(s, at, close - at + 1); // unknown: kept as written
        }
        else
        {
            sb.Append(result);
        }
        return close + 1;
    }

    private static string TrimPrefix(string value, string pattern, bool longest)
    {
        if (longest)
        {
            for (int n = value.Length; n >= 0; n--)
            {
                if (Wildcard.IsMatch(pattern, value.Substring(0, n)))
                {
                    return value.Substring(n);
                }
            }
            return value;
        }
        for (int n = 0; n <= value.Length; n++)
        {
            if (Wildcard.IsMatch(pattern, value.Substring(0, n)))
            {
                return value.Substring(n);
            }
        }
        return value;
    }

    private static string TrimSuffix(string value, string pattern, bool longest)
    {
        if (longest)
        {
            for (int n = 0; n <= value.Length; n++)
            {
                if (Wildcard.IsMatch(pattern, value.Substring(n)))
                {
                    return value.Substring(0, n);
                }
            }
            return value;
        }
        for (int n = value.Length; n >= 0; n--)
        {
            if (Wildcard.IsMatch(pattern, value.Substring(n)))
            {
                return value.Substring(0, n);
            }
        }
        return value;
    }
}

/// <summary>Shell-style wildcard matching (<c>*</c>, <c>?</c>), linear-time with one backtrack point.</summary>
internal static class Wildcard
{
    public static bool IsMatch(string pattern, string name)
    {
        int p = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }
}
