using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>pip's line handling for requirements files: continuations, comments, requirement/options split.</summary>
internal static class RequirementsLineReader
{
    /// <summary>pip's <c>join_lines</c>: (first line number, joined text) pairs.</summary>
    internal static IEnumerable<(int Line, string Text)> LogicalLines(string text)
    {
        int lineNumber = 0;
        int primary = 0;
        System.Text.StringBuilder? pending = null;
        int pos = 0;
        while (pos <= text.Length)
        {
            if (pos == text.Length && pos > 0 && (text[pos - 1] == '\n' || text[pos - 1] == '\r'))
            {
                break;
            }
            int end = pos;
            while (end < text.Length && text[end] != '\n' && text[end] != '\r')
            {
                end++;
            }
            string line = text.Substring(pos, end - pos);
            pos = end < text.Length && text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
            lineNumber++;
            bool comment = IsCommentLine(line);
            if (!line.EndsWith("\\", StringComparison.Ordinal) || comment)
            {
                if (comment)
                {
                    line = " " + line;
                }
                if (pending != null)
                {
                    pending.Append(line);
                    yield return (primary, pending.ToString());
                    pending = null;
                }
                else
                {
                    yield return (lineNumber, line);
                }
            }
            else
            {
                if (pending == null)
                {
                    primary = lineNumber;
                    pending = new System.Text.StringBuilder();
                }
                pending.Append(line.Trim('\\'));
            }
        }
        if (pending != null)
        {
            yield return (primary, pending.ToString());
        }
    }

    // COMMENT_RE.match: '#' at the start, or after leading whitespace.
    private static bool IsCommentLine(string line)
    {
        int i = 0;
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }
        return i < line.Length && line[i] == '#';
    }

    // COMMENT_RE.sub: drop from the first '#' that starts the line or follows whitespace.
    internal static string StripComment(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                int start = i;
                while (start > 0 && char.IsWhiteSpace(line[start - 1]))
                {
                    start--;
                }
                return line.Substring(0, start);
            }
        }
        return line;
    }

    // pip's break_args_options: tokens split on ' ' until one starts with '-'.
    internal static void SplitArgsOptions(string line, out string args, out string options)
    {
        var tokens = line.Split(' ');
        int k = 0;
        while (k < tokens.Length && !tokens[k].StartsWith("-", StringComparison.Ordinal))
        {
            k++;
        }
        args = string.Join(" ", tokens, 0, k);
        options = string.Join(" ", tokens, k, tokens.Length - k);
    }
}
