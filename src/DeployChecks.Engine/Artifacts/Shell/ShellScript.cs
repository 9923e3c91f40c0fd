using System.Collections.Generic;
using System.Text;

namespace DeployChecks.Engine.Artifacts.Shell;

/// <summary>One simple command of a shell script: its words with quotes removed, and where its first word starts.</summary>
public sealed class ShellCommand
{
    public ShellCommand(IReadOnlyList<string> words, int offset, bool truncated = false)
    {
        Words = words;
        Offset = offset;
        Truncated = truncated;
    }

    public IReadOnlyList<string> Words { get; }

    /// <summary>Offset of the first word in the script text.</summary>
    public int Offset { get; }

    /// <summary>True when the command had more than <see cref="ShellScript.MaxWords"/> words: the rest were not kept.</summary>
    public bool Truncated { get; }

    public override string ToString() => string.Join(" ", Words);
}

/// <summary>
/// Splits POSIX <c>sh</c> text into simple commands, enough to find the installs and servers of a deploy script:
/// command separators (<c>;</c> <c>&amp;</c> <c>&amp;&amp;</c> <c>||</c> <c>|</c>, newlines, parentheses), single
/// and double quotes, backslash escapes and line continuations, <c># comments</c> at a word start, redirections
/// (dropped with their target), here-documents (<c>&lt;&lt;EOF</c>, <c>&lt;&lt;-'EOF'</c>: the body lines up to the
/// delimiter are data, not commands), <c>$(…)</c> and backticks kept inside the word. Not a full shell: no expansion, and
/// control keywords (<c>if</c>, <c>then</c>, <c>do</c>, …) are dropped from the start of a command.
/// </summary>
public static class ShellScript
{
    /// <summary>Most words kept per command (a one-line <c>pip install a a a …</c> of 50 MB is read in one linear pass
    /// but not materialised).</summary>
    public const int MaxWords = 4096;

    /// <summary>Most commands read from one script; the rest is reported and not read.</summary>
    public const int MaxCommands = 10_000;

    private static readonly HashSet<string> Keywords = new(System.StringComparer.Ordinal)
    {
        "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}", "time",
    };

    /// <summary>The simple commands; with <paramref name="error"/> set (and the commands read so far) when a quote
    /// or <c>$(</c> is not closed.</summary>
    public static List<ShellCommand> Split(string script, out string? error)
    {
        error = null;
        var commands = new List<ShellCommand>();
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        bool skipNextWord = false;
        bool truncated = false;
        int commandOffset = -1;
        int i = 0;
        var heredocs = new List<(string Delimiter, bool StripTabs)>();

        void EndWord()
        {
            if (!inWord)
            {
                return;
            }
            if (skipNextWord)
            {
                skipNextWord = false;
            }
            else if (words.Count == 0 && word.Length <= 5 && Keywords.Contains(word.ToString()))
            {
                commandOffset = -1;
            }
            else if (words.Count >= MaxWords)
            {
                truncated = true;
            }
            else
            {
                words.Add(word.ToString());
            }
            word.Clear();
            inWord = false;
        }

        void EndCommand()
        {
            EndWord();
            if (words.Count > 0)
            {
                commands.Add(new ShellCommand(words.ToArray(), commandOffset < 0 ? 0 : commandOffset, truncated));
            }
            words.Clear();
            truncated = false;
            commandOffset = -1;
            skipNextWord = false;
        }

        void StartWord()
        {
            if (!inWord)
            {
                inWord = true;
                if (words.Count == 0 && commandOffset < 0)
                {
                    commandOffset = i;
                }
            }
        }

        while (i < script.Length)
        {
            if (commands.Count >= MaxCommands)
            {
                error = $"more than {MaxCommands:N0} commands";
                return commands;
            }
            char c = script[i];
            switch (c)
            {
                case ' ':
                case '\t':
                case '\r':
                    EndWord();
                    i++;
                    continue;
                case '\n':
                    EndCommand();
                    i++;
                    if (heredocs.Count > 0)
                    {
                        i = SkipHeredocBodies(script, i, heredocs);
                    }
                    continue;
                case '#' when !inWord:
                    while (i < script.Length && script[i] != '\n')
                    {
                        i++;
                    }
                    continue;
                case ';':
                case '&':
                case '|':
                case '(':
                case ')':
                    if (c == '&' && i + 1 < script.Length && script[i + 1] == '>')
                    {
                        // &> file, &>> file: redirection of both streams.
                        EndWord();
                        i += script.Length > i + 2 && script[i + 2] == '>' ? 3 : 2;
                        skipNextWord = true;
                        continue;
                    }
                    EndCommand();
                    i++;
                    if (i < script.Length && (script[i] == c && c != '(' && c != ')'))
                    {
                        i++;
                    }
                    continue;
                case '<':
                case '>':
                {
                    // A redirection: an fd number just before it belongs to it; its target word is dropped.
                    if (inWord && IsDigits(word))
                    {
                        word.Clear();
                        inWord = false;
                    }
                    EndWord();
                    i++;
                    if (c == '<' && i < script.Length && script[i] == '<' && !(i + 1 < script.Length && script[i + 1] == '<'))
                    {
                        // A here-document: its delimiter word (quotes removed); the body starts on the next line.
                        i++;
                        bool strip = i < script.Length && script[i] == '-';
                        i += strip ? 1 : 0;
                        while (i < script.Length && (script[i] == ' ' || script[i] == '\t'))
                        {
                            i++;
                        }
                        var delimiter = new StringBuilder();
                        while (i < script.Length && !char.IsWhiteSpace(script[i]) && ";&|()<>".IndexOf(script[i]) < 0)
                        {
                            char d = script[i];
                            int close = d is '\'' or '"' ? script.IndexOf(d, i + 1) : -1;
                            if (close > i)
                            {
                                delimiter.Append(script, i + 1, close - i - 1);
                                i = close + 1;
                            }
                            else if (d == '\\' && i + 1 < script.Length)
                            {
                                delimiter.Append(script[i + 1]);
                                i += 2;
                            }
                            else
                            {
                                delimiter.Append(d);
                                i++;
                            }
                        }
                        if (delimiter.Length > 0)
                        {
                            heredocs.Add((delimiter.ToString(), strip));
                        }
                        continue;
                    }
                    while (i < script.Length && (script[i] == '<' || script[i] == '>' || script[i] == '&' || script[i] == '-' || script[i] == '|'))
                    {
                        i++;
                    }
                    skipNextWord = true;
                    continue;
                }
                case '\\':
                    if (i + 1 < script.Length && script[i + 1] == '\n')
                    {
                        i += 2; // line continuation
                        continue;
                    }
                    if (i + 2 < script.Length && script[i + 1] == '\r' && script[i + 2] == '\n')
                    {
                        i += 3;
                        continue;
                    }
                    StartWord();
                    if (i + 1 < script.Length)
                    {
                        word.Append(script[i + 1]);
                    }
                    i += 2;
                    continue;
                case '\'':
                {
                    StartWord();
                    int close = script.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        error = "unclosed single quote";
                        EndCommand();
                        return commands;
                    }
                    word.Append(script, i + 1, close - i - 1);
                    i = close + 1;
                    continue;
                }
                case '"':
                {
                    StartWord();
                    int j = i + 1;
                    while (j < script.Length && script[j] != '"')
                    {
                        if (script[j] == '\\' && j + 1 < script.Length)
                        {
                            char n = script[j + 1];
                            if (n == '\n')
                            {
                                j += 2;
                                continue;
                            }
                            if (n == '"' || n == '\\' || n == '$' || n == '`')
                            {
                                word.Append(n);
                                j += 2;
                                continue;
                            }
                        }
                        word.Append(script[j]);
                        j++;
                    }
                    if (j >= script.Length)
                    {
                        error = "unclosed double quote";
                        EndCommand();
                        return commands;
                    }
                    i = j + 1;
                    continue;
                }
                case '`':
                {
                    StartWord();
                    int close = script.IndexOf('`', i + 1);
                    if (close < 0)
                    {
                        error = "unclosed backquote";
                        EndCommand();
                        return commands;
                    }
                    word.Append(script, i, close - i + 1);
                    i = close + 1;
                    continue;
                }
                case '$' when i + 1 < script.Length && script[i + 1] == '(':
                {
                    StartWord();
                    int depth = 0;
                    int j = i + 1;
                    for (; j < script.Length; j++)
                    {
                        if (script[j] == '(')
                        {
                            depth++;
                        }
                        else if (script[j] == ')' && --depth == 0)
                        {
                            break;
                        }
                    }
                    if (j >= script.Length)
                    {
                        error = "unclosed $(";
                        EndCommand();
                        return commands;
                    }
                    word.Append(script, i, j - i + 1);
                    i = j + 1;
                    continue;
                }
                default:
                    StartWord();
                    word.Append(c);
                    i++;
                    continue;
            }
        }
        EndCommand();
        return commands;
    }

    /// <summary>Skips the bodies of the here-documents opened on the line just ended, each up to the line that is
    /// its delimiter (leading tabs removed for <c>&lt;&lt;-</c>); a body never closed runs to the end, as in sh.</summary>
    private static int SkipHeredocBodies(string script, int i, List<(string Delimiter, bool StripTabs)> heredocs)
    {
        foreach (var (delimiter, strip) in heredocs)
        {
            while (i < script.Length)
            {
                int eol = script.IndexOf('\n', i);
                int end = eol < 0 ? script.Length : eol;
                string line = script.Substring(i, end - i).TrimEnd('\r');
                i = eol < 0 ? script.Length : eol + 1;
                if ((strip ? line.TrimStart('\t') : line) == delimiter)
                {
                    break;
                }
            }
        }
        heredocs.Clear();
        return i;
    }

    private static bool IsDigits(StringBuilder sb)
    {
        for (int k = 0; k < sb.Length; k++)
        {
            if (sb[k] < '0' || sb[k] > '9')
            {
                return false;
            }
        }
        return sb.Length > 0;
    }
}
