using System.Globalization;
using System.Text;

namespace DeployChecks;

/// <summary>Makes untrusted text (file names, messages and evidence from a repository) safe to show on a terminal or
/// in a CI log: it stays on one line and cannot send terminal escape sequences or CI log commands.</summary>
public static class DisplayText
{
    /// <summary>Escapes control characters so <paramref name="text"/> prints as one inert line: <c>\n</c>, <c>\r</c>,
    /// <c>\e</c> (ESC) and <c>\xHH</c> for the other C0/C1 controls and DEL, <c>\uHHHH</c> for bidirectional
    /// overrides and line/paragraph separators; a tab becomes a space. Returns the same instance when nothing needs it.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }
        int i = 0;
        while (i < text!.Length && !NeedsEscape(text[i]))
        {
            i++;
        }
        if (i == text.Length)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (!NeedsEscape(c))
            {
                sb.Append(c);
                continue;
            }
            switch (c)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append(' '); break;
                case '\u001b': sb.Append("\\e"); break;
                default:
                    sb.Append(c <= '\u00ff' ? "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture) : "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary><see cref="Escape"/> then <see cref="DefuseLogCommands(string)"/>: untrusted text as one line that can
    /// neither drive a terminal nor carry a CI log command.</summary>
    public static string Inert(string? text) => DefuseLogCommands(Escape(text));

    /// <summary>True for characters <see cref="Escape"/> rewrites.</summary>
    public static bool NeedsEscape(char c) =>
        c < ' ' || (c >= '\u007f' && c <= '\u009f') ||
        (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029' || c == '\u200e' || c == '\u200f' ||
        c == '\u061c';

    /// <summary>Defuses CI log commands in one line of human-readable output: a line whose first non-blank characters
    /// are <c>::</c> (GitHub Actions workflow commands) or <c>##[</c> (Azure Pipelines formatting) gets a space between
    /// the two marks, and <c>##vso[</c> anywhere (Azure Pipelines logging commands) becomes <c>##vso [</c>.</summary>
    public static string DefuseLogCommands(string line)
    {
        int start = 0;
        while (start < line.Length && (line[start] == ' ' || line[start] == '\t'))
        {
            start++;
        }
        if (string.CompareOrdinal(line, start, "::", 0, 2) == 0 || string.CompareOrdinal(line, start, "##[", 0, 3) == 0)
        {
            line = line.Substring(0, start + 1) + " " + line.Substring(start + 1);
        }
        return line.IndexOf("##vso[", System.StringComparison.OrdinalIgnoreCase) < 0 ? line : ReplaceVso(line);
    }

    /// <summary><see cref="DefuseLogCommands(string)"/> over every line of a block of text.</summary>
    public static string DefuseLogCommandLines(string text)
    {
        if (text.IndexOf("::", System.StringComparison.Ordinal) < 0 && text.IndexOf("##", System.StringComparison.Ordinal) < 0)
        {
            return text;
        }
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            lines[i] = DefuseLogCommands(lines[i]);
        }
        return string.Join("\n", lines);
    }

    private static string ReplaceVso(string line)
    {
        var sb = new StringBuilder(line.Length + 4);
        int at = 0;
        int hit;
        while ((hit = line.IndexOf("##vso[", at, System.StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            sb.Append(line, at, hit - at + 5).Append(" [");
            at = hit + 6;
        }
        return sb.Append(line, at, line.Length - at).ToString();
    }
}
