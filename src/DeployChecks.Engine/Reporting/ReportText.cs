using System.Collections.Generic;

namespace DeployChecks.Engine.Reporting;

/// <summary>Message text as the writers render it: rule messages quote code between backticks
/// (<c>`flask run`</c>), which Markdown and HTML show as code.</summary>
public static class ReportText
{
    /// <summary>Splits <paramref name="text"/> into plain parts and code parts (the text between a pair of single
    /// backticks, backticks removed). A backtick without a partner, or an empty pair, stays plain text.</summary>
    public static IEnumerable<(string Text, bool IsCode)> Spans(string text)
    {
        int plainStart = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] != '`')
            {
                i++;
                continue;
            }
            int close = text.IndexOf('`', i + 1);
            if (close < 0)
            {
                break;
            }
            if (close == i + 1)
            {
                i = close + 1; // `` is not a span
                continue;
            }
            if (i > plainStart)
            {
                yield return (text.Substring(plainStart, i - plainStart), false);
            }
            yield return (text.Substring(i + 1, close - i - 1), true);
            i = close + 1;
            plainStart = i;
        }
        if (plainStart < text.Length)
        {
            yield return (text.Substring(plainStart), false);
        }
    }
}
