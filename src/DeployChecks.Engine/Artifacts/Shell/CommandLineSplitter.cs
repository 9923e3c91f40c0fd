using System.Collections.Generic;
using System.Text;

namespace DeployChecks.Engine.Artifacts.Shell;

/// <summary>Python's <c>shlex.split</c> (POSIX mode) as pip uses it on requirement-file options.</summary>
internal static class CommandLineSplitter
{
    /// <summary>The tokens; null with <paramref name="error"/> set when a quote is not closed.</summary>
    public static List<string>? Split(string s, out string? error)
    {
        error = null;
        var tokens = new List<string>();
        var sb = new StringBuilder();
        bool inToken = false;
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            {
                if (inToken)
                {
                    tokens.Add(sb.ToString());
                    sb.Clear();
                    inToken = false;
                }
                i++;
                continue;
            }
            inToken = true;
            if (c == '\\')
            {
                if (i + 1 < s.Length)
                {
                    sb.Append(s[i + 1]);
                }
                i += 2;
                continue;
            }
            if (c == '\'' || c == '"')
            {
                int close = i + 1;
                while (close < s.Length && s[close] != c)
                {
                    if (c == '"' && s[close] == '\\' && close + 1 < s.Length && (s[close + 1] == '"' || s[close + 1] == '\\'))
                    {
                        sb.Append(s[close + 1]);
                        close += 2;
                        continue;
                    }
                    sb.Append(s[close]);
                    close++;
                }
                if (close >= s.Length)
                {
                    error = "no closing quotation";
                    return null;
                }
                i = close + 1;
                continue;
            }
            sb.Append(c);
            i++;
        }
        if (inToken)
        {
            tokens.Add(sb.ToString());
        }
        return tokens;
    }
}
