using System;

namespace DeployChecks.Engine.Vulnerabilities;

/// <summary>
/// A one-line summary for advisories that have none. PYSEC advisories (almost all of the PyPA database) carry only
/// <c>details</c>, copied from the CVE text, which usually opens by describing the product ("Flask is a lightweight
/// WSGI web application framework.") before saying what is wrong: that opening sentence is skipped.
/// </summary>
public static class AdvisorySummary
{
    public const int MaxLength = 200;

    private static readonly string[] ProblemWords =
    {
        "vulnerab", "attack", "allow", "inject", "denial", "bypass", "overflow", "xss", "csrf", "cross-site", "leak", "expos",
        "arbitrary", "malicious", "crash", "dos", "improper", "flaw", "exploit", "execut", "forgery", "traversal", "disclos",
        "unauth", "insecure", "before ", "prior to", "through ",
    };

    public static string? FromDetails(string? details)
    {
        if (string.IsNullOrWhiteSpace(details))
        {
            return null;
        }
        string text = Collapse(details!);
        string first = NextSentence(text, 0, out int rest);
        if (rest < text.Length && DescribesTheProduct(first))
        {
            string second = NextSentence(text, rest, out _);
            if (second.Length > 0)
            {
                first = second;
            }
        }
        return first.Length > MaxLength ? first.Substring(0, MaxLength - 1).TrimEnd() + "…" : first;
    }

    /// <summary>"X is a/an …" or "X enables …" with no word about a weakness in it.</summary>
    private static bool DescribesTheProduct(string sentence)
    {
        string lower = sentence.ToLowerInvariant();
        int verb = IndexOfAny(lower, " is a ", " is an ", " enables ", " is the ", " provides ");
        if (verb < 0 || verb > 80)
        {
            return false;
        }
        foreach (var word in ProblemWords)
        {
            if (lower.Contains(word))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The sentence starting at <paramref name="start"/>: up to a '.', '!' or '?' followed by white space
    /// (so version numbers such as 1.9.8 do not end it).</summary>
    private static string NextSentence(string text, int start, out int next)
    {
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if ((c == '.' || c == '!' || c == '?') && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                next = Math.Min(text.Length, i + 2);
                return text.Substring(start, i + 1 - start).Trim();
            }
        }
        next = text.Length;
        return text.Substring(start).Trim();
    }

    private static int IndexOfAny(string text, params string[] needles)
    {
        int best = -1;
        foreach (var n in needles)
        {
            int i = text.IndexOf(n, StringComparison.Ordinal);
            if (i >= 0 && (best < 0 || i < best))
            {
                best = i;
            }
        }
        return best;
    }

    private static string Collapse(string text)
    {
        var sb = new System.Text.StringBuilder(Math.Min(text.Length, 4096));
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
            if (sb.Length > 4096)
            {
                break;
            }
        }
        return sb.ToString();
    }
}
