using System.Numerics;

namespace DeployChecks.Engine.Dependencies.Versioning;

/// <summary>
/// A hand-written scanner equivalent to packaging's <c>VERSION_PATTERN</c> (possessive form, as on Python 3.11+)
/// matched with <c>fullmatch</c>, <c>re.VERBOSE | re.IGNORECASE</c>, surrounded by <c>\s*</c>. Letters are
/// matched as ASCII only. Linear time, no regex.
/// </summary>
internal static class Pep440Grammar
{
    private static readonly string[] PreLetters = { "alpha", "a", "beta", "b", "preview", "pre", "c", "rc" };
    private static readonly string[] PostLetters = { "post", "rev", "r" };

    /// <summary>Scans <paramref name="s"/>; null when it does not match.</summary>
    /// <param name="allowWildcard">Accept a trailing <c>.*</c> after the release (then nothing else may follow).</param>
    /// <param name="allowLocal">Accept a <c>+local</c> segment.</param>
    public static Pep440Parts? Scan(string s, bool allowWildcard, bool allowLocal)
    {
        int start = 0;
        int end = s.Length;
        while (start < end && IsSpace(s[start]))
        {
            start++;
        }
        while (end > start && IsSpace(s[end - 1]))
        {
            end--;
        }
        int i = start;
        if (i < end && (s[i] == 'v' || s[i] == 'V'))
        {
            i++;
        }
        var parts = new Pep440Parts();
        int digitsStart = i;
        if (!ReadDigits(s, ref i, end))
        {
            return null;
        }
        var release = new System.Collections.Generic.List<BigInteger>(4);
        if (i < end && s[i] == '!')
        {
            parts.Epoch = ToNumber(s, digitsStart, i);
            i++;
            digitsStart = i;
            if (!ReadDigits(s, ref i, end))
            {
                return null;
            }
        }
        release.Add(ToNumber(s, digitsStart, i));
        while (i + 1 < end && s[i] == '.' && IsDigit(s[i + 1]))
        {
            i++;
            digitsStart = i;
            ReadDigits(s, ref i, end);
            release.Add(ToNumber(s, digitsStart, i));
        }
        parts.Release = release.ToArray();
        if (allowWildcard && i + 2 == end && s[i] == '.' && s[i + 1] == '*')
        {
            parts.Wildcard = true;
            return parts;
        }

        // Pre-release: [._-]?+ (alpha|a|beta|b|preview|pre|c|rc) [._-]?+ [0-9]*
        int p = i;
        if (p < end && IsSeparator(s[p]))
        {
            p++;
        }
        string? letter = MatchWord(s, p, end, PreLetters);
        if (letter != null)
        {
            p += letter.Length;
            if (p < end && IsSeparator(s[p]))
            {
                p++;
            }
            int n = p;
            ReadDigits(s, ref p, end);
            parts.PreLetter = NormalizePre(letter);
            parts.PreNumber = n == p ? BigInteger.Zero : ToNumber(s, n, p);
            i = p;
        }

        // Post-release: -[0-9]+ | [._-]? (post|rev|r) [._-]? [0-9]*
        if (i + 1 < end && s[i] == '-' && IsDigit(s[i + 1]))
        {
            int n = i + 1;
            p = n;
            ReadDigits(s, ref p, end);
            parts.Post = ToNumber(s, n, p);
            i = p;
        }
        else
        {
            p = i;
            if (p < end && IsSeparator(s[p]))
            {
                p++;
            }
            string? post = MatchWord(s, p, end, PostLetters);
            if (post != null)
            {
                p += post.Length;
                if (p < end && IsSeparator(s[p]))
                {
                    p++;
                }
                int n = p;
                ReadDigits(s, ref p, end);
                parts.Post = n == p ? BigInteger.Zero : ToNumber(s, n, p);
                i = p;
            }
        }

        // Development release: [._-]?+ dev [._-]?+ [0-9]*
        p = i;
        if (p < end && IsSeparator(s[p]))
        {
            p++;
        }
        if (MatchWord(s, p, end, DevWord) != null)
        {
            p += 3;
            if (p < end && IsSeparator(s[p]))
            {
                p++;
            }
            int n = p;
            ReadDigits(s, ref p, end);
            parts.Dev = n == p ? BigInteger.Zero : ToNumber(s, n, p);
            i = p;
        }

        // Local: \+ [a-z0-9]+ ([._-][a-z0-9]+)*
        if (i < end && s[i] == '+')
        {
            if (!allowLocal)
            {
                return null;
            }
            i++;
            int localStart = i;
            if (!ReadAlnum(s, ref i, end))
            {
                return null;
            }
            while (i + 1 < end && IsSeparator(s[i]) && IsAlnum(s[i + 1]))
            {
                i++;
                ReadAlnum(s, ref i, end);
            }
            parts.Local = s.Substring(localStart, i - localStart);
        }
        return i == end ? parts : null;
    }

    private static readonly string[] DevWord = { "dev" };

    /// <summary>Python's <c>str.isspace</c> / <c>\s</c> for the characters that matter.</summary>
    public static bool IsSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f') || (c > 127 && char.IsWhiteSpace(c));

    public static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsSeparator(char c) => c == '.' || c == '_' || c == '-';

    private static bool IsAlnum(char c) => IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool ReadDigits(string s, ref int i, int end)
    {
        int start = i;
        while (i < end && IsDigit(s[i]))
        {
            i++;
        }
        return i > start;
    }

    private static bool ReadAlnum(string s, ref int i, int end)
    {
        int start = i;
        while (i < end && IsAlnum(s[i]))
        {
            i++;
        }
        return i > start;
    }

    private static string? MatchWord(string s, int i, int end, string[] words)
    {
        foreach (string w in words)
        {
            if (i + w.Length > end)
            {
                continue;
            }
            bool ok = true;
            for (int k = 0; k < w.Length; k++)
            {
                char c = s[i + k];
                if (c >= 'A' && c <= 'Z')
                {
                    c = (char)(c + 32);
                }
                if (c != w[k])
                {
                    ok = false;
                    break;
                }
            }
            if (ok)
            {
                return w;
            }
        }
        return null;
    }

    private static string NormalizePre(string letter) => letter switch
    {
        "alpha" => "a",
        "beta" => "b",
        "c" or "pre" or "preview" => "rc",
        _ => letter,
    };

    internal static BigInteger ToNumber(string s, int start, int end)
    {
        while (start < end - 1 && s[start] == '0')
        {
            start++;
        }
        int length = end - start;
        if (length <= 18)
        {
            long value = 0;
            for (int k = start; k < end; k++)
            {
                value = value * 10 + (s[k] - '0');
            }
            return new BigInteger(value);
        }
        return BigInteger.Parse(s.Substring(start, length), System.Globalization.CultureInfo.InvariantCulture);
    }
}
