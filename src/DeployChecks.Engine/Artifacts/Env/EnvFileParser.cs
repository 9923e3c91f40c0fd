using System.Collections.Generic;
using System.Text;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Artifacts.Env;

/// <summary>
/// Parses env files with python-dotenv's grammar: optional <c>export</c>, bare or single-quoted keys,
/// <c>=</c> with optional spaces, single-quoted values (literal), double-quoted values (escapes, may span
/// lines), unquoted values up to a <c> #</c> comment; a line that does not parse is recorded as a problem
/// (python-dotenv's "could not parse statement starting at line N") and parsing resumes on the next line.
/// </summary>
public sealed class EnvFileParser : IArtifactParser<EnvFile>
{
    public static EnvFileParser Instance { get; } = new();

    public EnvFile Parse(WorkspaceFile file, SourceText text) => Parse(text);

    public EnvFile Parse(SourceText source)
    {
        var entries = new List<EnvEntry>();
        var problems = new List<EnvProblem>();
        string s = source.Text;
        int i = 0;
        int line = 1;
        int lineStart = 0;
        while (i < s.Length)
        {
            int stmtLine = line;
            int stmtStart = i;
            SkipSpaces(s, ref i);
            if (i >= s.Length)
            {
                break;
            }
            char c = s[i];
            if (c == '\n' || c == '\r')
            {
                NextLine(s, ref i, ref line, ref lineStart);
                continue;
            }
            if (c == '#')
            {
                SkipToEol(s, ref i);
                continue;
            }
            bool exported = false;
            if (string.CompareOrdinal(s, i, "export", 0, 6) == 0 && i + 6 < s.Length && (s[i + 6] == ' ' || s[i + 6] == '\t'))
            {
                exported = true;
                i += 6;
                SkipSpaces(s, ref i);
            }
            int keyColumn = i - lineStart + 1;
            string? key = ReadKey(s, ref i);
            if (key == null || key.Length == 0)
            {
                problems.Add(new EnvProblem(stmtLine, $"could not parse statement starting at line {stmtLine}"));
                SkipToEol(s, ref i);
                continue;
            }
            SkipSpaces(s, ref i);
            if (i >= s.Length || s[i] == '\n' || s[i] == '\r' || s[i] == '#')
            {
                // KEY with no '=': python-dotenv binds it to None.
                entries.Add(new EnvEntry(key, null, stmtLine, keyColumn, 0, '\0', exported));
                SkipToEol(s, ref i);
                continue;
            }
            if (s[i] != '=')
            {
                problems.Add(new EnvProblem(stmtLine, $"could not parse statement starting at line {stmtLine}: expected '=' after '{key}'"));
                SkipToEol(s, ref i);
                continue;
            }
            i++;
            SkipSpaces(s, ref i);
            int valueColumn = i - lineStart + 1;
            char quote = i < s.Length && (s[i] == '"' || s[i] == '\'') ? s[i] : '\0';
            string? value;
            if (quote != '\0')
            {
                value = ReadQuoted(s, ref i, quote, ref line, ref lineStart);
                if (value == null)
                {
                    problems.Add(new EnvProblem(stmtLine, $"could not parse statement starting at line {stmtLine}: unterminated {quote} quote"));
                    // python-dotenv skips the bad line and resumes on the next one.
                    i = stmtStart;
                    line = stmtLine;
                    SkipToEol(s, ref i);
                    continue;
                }
                SkipSpaces(s, ref i);
                if (i < s.Length && s[i] != '\n' && s[i] != '\r' && s[i] != '#')
                {
                    problems.Add(new EnvProblem(line, $"could not parse statement starting at line {stmtLine}: text after closing quote"));
                    SkipToEol(s, ref i);
                    continue;
                }
                SkipToEol(s, ref i);
            }
            else
            {
                int start = i;
                int end = i;
                while (i < s.Length && s[i] != '\n' && s[i] != '\r')
                {
                    if (s[i] == '#' && i > start && (s[i - 1] == ' ' || s[i - 1] == '\t'))
                    {
                        break;
                    }
                    i++;
                    end = i;
                }
                value = s.Substring(start, end - start).TrimEnd(' ', '\t');
                SkipToEol(s, ref i);
            }
            entries.Add(new EnvEntry(key, value, stmtLine, keyColumn, valueColumn, quote, exported));
        }
        return new EnvFile(entries, problems);
    }

    private static string? ReadKey(string s, ref int i)
    {
        if (i < s.Length && s[i] == '\'')
        {
            int close = s.IndexOf('\'', i + 1);
            if (close < 0 || s.IndexOf('\n', i + 1, close - i - 1) >= 0)
            {
                return null;
            }
            string k = s.Substring(i + 1, close - i - 1);
            i = close + 1;
            return k;
        }
        int start = i;
        while (i < s.Length)
        {
            char c = s[i];
            if (c == '=' || c == '#' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
            {
                break;
            }
            i++;
        }
        return s.Substring(start, i - start);
    }

    private static string? ReadQuoted(string s, ref int i, char quote, ref int line, ref int lineStart)
    {
        var sb = new StringBuilder();
        int j = i + 1;
        int l = line, ls = lineStart;
        while (j < s.Length)
        {
            char c = s[j];
            if (c == quote)
            {
                i = j + 1;
                line = l;
                lineStart = ls;
                return sb.ToString();
            }
            if (c == '\\' && j + 1 < s.Length)
            {
                char n = s[j + 1];
                if (quote == '\'')
                {
                    if (n == '\'' || n == '\\')
                    {
                        sb.Append(n);
                        j += 2;
                        continue;
                    }
                }
                else
                {
                    string? esc = n switch
                    {
                        '\\' => "\\", '\'' => "'", '"' => "\"", 'a' => "\a", 'b' => "\b", 'f' => "\f",
                        'n' => "\n", 'r' => "\r", 't' => "\t", 'v' => "\v", _ => null,
                    };
                    if (esc != null)
                    {
                        sb.Append(esc);
                        j += 2;
                        continue;
                    }
                }
            }
            if (c == '\n')
            {
                l++;
                ls = j + 1;
            }
            sb.Append(c);
            j++;
        }
        return null;
    }

    private static void SkipSpaces(string s, ref int i)
    {
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f' || s[i] == '\v'))
        {
            i++;
        }
    }

    private static void SkipToEol(string s, ref int i)
    {
        while (i < s.Length && s[i] != '\n' && s[i] != '\r')
        {
            i++;
        }
    }

    private static void NextLine(string s, ref int i, ref int line, ref int lineStart)
    {
        if (s[i] == '\r' && i + 1 < s.Length && s[i + 1] == '\n')
        {
            i++;
        }
        i++;
        line++;
        lineStart = i;
    }
}
