using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Text;

/// <summary>A file's text, read once per run, with a line index for 1-based line/column lookups.</summary>
public sealed class SourceText
{
    private int[]? _lineStarts;

    public SourceText(string text)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
    }

    public string Text { get; }

    private int[] LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    public int LineCount => LineStarts.Length;

    /// <summary>The 1-based line number containing <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        var starts = LineStarts;
        int i = Array.BinarySearch(starts, offset);
        return (i >= 0 ? i : ~i - 1) + 1;
    }

    /// <summary>The text of 1-based <paramref name="line"/>, without its line break; empty when out of range.</summary>
    public string GetLine(int line)
    {
        var starts = LineStarts;
        if (line < 1 || line > starts.Length)
        {
            return "";
        }
        int start = starts[line - 1];
        int end = line < starts.Length ? starts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }
        return Text.Substring(start, end - start);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int>(text.Length / 32 + 1) { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                starts.Add(i + 1);
            }
            else if (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))
            {
                starts.Add(i + 1);
            }
        }
        return starts.ToArray();
    }
}
