using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DeployChecks.Engine.Artifacts.Dockerfile;

/// <summary>The exec form of an instruction: a JSON array of strings, read the way Docker reads it (anything else is
/// the shell form). A single linear scan with the JSON escapes; at most <see cref="DockerWords.MaxWords"/> strings are
/// kept.</summary>
internal static class JsonStringArray
{
    public static List<string>? TryParse(string text, out bool truncated)
    {
        truncated = false;
        int i = 0;
        SkipSpace(text, ref i);
        if (i >= text.Length || text[i] != '[')
        {
            return null;
        }
        i++;
        var list = new List<string>();
        SkipSpace(text, ref i);
        if (i < text.Length && text[i] == ']')
        {
            i++;
            SkipSpace(text, ref i);
            return i == text.Length ? list : null;
        }
        var sb = new StringBuilder();
        while (true)
        {
            SkipSpace(text, ref i);
            if (i >= text.Length || text[i] != '"')
            {
                return null;
            }
            i++;
            sb.Clear();
            while (true)
            {
                if (i >= text.Length)
                {
                    return null;
                }
                char c = text[i++];
                if (c == '"')
                {
                    break;
                }
                if (c < ' ')
                {
                    return null; // control characters must be escaped in JSON
                }
                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }
                if (i >= text.Length)
                {
                    return null;
                }
                char e = text[i++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (i + 4 > text.Length || !int.TryParse(text.Substring(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                        {
                            return null;
                        }
                        sb.Append((char)code);
                        i += 4;
                        break;
                    default:
                        return null;
                }
            }
            if (list.Count < DockerWords.MaxWords)
            {
                list.Add(sb.ToString());
            }
            else
            {
                truncated = true;
            }
            SkipSpace(text, ref i);
            if (i >= text.Length)
            {
                return null;
            }
            if (text[i] == ',')
            {
                i++;
                continue;
            }
            if (text[i] != ']')
            {
                return null;
            }
            i++;
            SkipSpace(text, ref i);
            return i == text.Length ? list : null;
        }
    }

    private static void SkipSpace(string s, ref int i)
    {
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        {
            i++;
        }
    }
}
