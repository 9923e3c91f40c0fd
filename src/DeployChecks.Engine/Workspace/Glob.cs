using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Workspace;

/// <summary>
/// A gitignore-style glob over <c>/</c>-separated relative paths: <c>*</c> and <c>?</c> never cross
/// <c>/</c>, <c>[a-z]</c>/<c>[!x]</c> classes, <c>\</c> escapes, and <c>**</c> as a whole segment for
/// any number of directories. Matching is by segment with memoised <c>**</c> expansion and a
/// two-pointer wildcard match inside a segment, so no input can make it backtrack exponentially.
/// </summary>
public sealed class Glob
{
    private readonly string[] _segments;

    public Glob(string pattern, bool ignoreCase = false)
    {
        Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
        IgnoreCase = ignoreCase;
        var segs = new List<string>();
        foreach (var s in pattern.Split('/'))
        {
            if (s.Length == 0)
            {
                continue;
            }
            if (s == "**" && segs.Count > 0 && segs[segs.Count - 1] == "**")
            {
                continue;
            }
            segs.Add(s);
        }
        _segments = segs.ToArray();
    }

    public string Pattern { get; }

    public bool IgnoreCase { get; }

    /// <summary>True when the pattern has no wildcard at all.</summary>
    public bool IsLiteral => Pattern.IndexOfAny(new[] { '*', '?', '[', '\\' }) < 0;

    /// <summary>Matches a whole relative path (no leading <c>/</c>).</summary>
    public bool IsMatch(string relativePath)
    {
        var parts = relativePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        return MatchFrom(0, parts, 0, null);
    }

    /// <summary>Matches path segments <paramref name="parts"/> (already split).</summary>
    public bool IsMatch(IReadOnlyList<string> parts) => MatchFrom(0, parts, 0, null);

    private bool MatchFrom(int si, IReadOnlyList<string> parts, int pi, HashSet<long>? failed)
    {
        while (true)
        {
            if (si == _segments.Length)
            {
                return pi == parts.Count;
            }
            string seg = _segments[si];
            if (seg == "**")
            {
                if (si == _segments.Length - 1)
                {
                    // A trailing ** matches everything below, but (as in git's wildmatch) not the directory itself:
                    // "logs/**" matches "logs/a", not "logs". A pattern that is only "**" matches any path.
                    return pi < parts.Count || si == 0;
                }
                failed ??= new HashSet<long>();
                for (int k = pi; k <= parts.Count; k++)
                {
                    long key = ((long)(si + 1) << 32) | (uint)k;
                    if (failed.Contains(key))
                    {
                        continue;
                    }
                    if (MatchFrom(si + 1, parts, k, failed))
                    {
                        return true;
                    }
                    failed.Add(key);
                }
                return false;
            }
            if (pi == parts.Count || !MatchSegment(seg, parts[pi], IgnoreCase))
            {
                return false;
            }
            si++;
            pi++;
        }
    }

    /// <summary>Wildcard match of one segment (no <c>/</c> on either side).</summary>
    public static bool MatchSegment(string pattern, string text, bool ignoreCase)
    {
        int p = 0, t = 0, starP = -1, starT = -1;
        while (t < text.Length)
        {
            if (p < pattern.Length)
            {
                char pc = pattern[p];
                if (pc == '*')
                {
                    starP = ++p;
                    starT = t;
                    continue;
                }
                if (pc == '?')
                {
                    p++;
                    t++;
                    continue;
                }
                if (pc == '[')
                {
                    int next = MatchClass(pattern, p, text[t], ignoreCase, out bool ok);
                    if (next > 0)
                    {
                        if (ok)
                        {
                            p = next;
                            t++;
                            continue;
                        }
                    }
                    else
                    {
                        return false; // an unclosed [ never matches (git's wildmatch aborts the whole match)
                    }
                }
                else
                {
                    if (pc == '\\' && p + 1 < pattern.Length)
                    {
                        pc = pattern[p + 1];
                        if (CharEq(pc, text[t], ignoreCase))
                        {
                            p += 2;
                            t++;
                            continue;
                        }
                    }
                    else if (CharEq(pc, text[t], ignoreCase))
                    {
                        p++;
                        t++;
                        continue;
                    }
                }
            }
            if (starP >= 0)
            {
                p = starP;
                t = ++starT;
                continue;
            }
            return false;
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }

    private static bool CharEq(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToLowerInvariant(a) == char.ToLowerInvariant(b));

    /// <summary>Parses a <c>[...]</c> class at <paramref name="start"/>; returns the index after it, or -1 when
    /// the bracket is never closed (then the pattern matches nothing, as in git).</summary>
    private static int MatchClass(string pattern, int start, char c, bool ignoreCase, out bool matched)
    {
        matched = false;
        int i = start + 1;
        bool negate = false;
        if (i < pattern.Length && (pattern[i] == '!' || pattern[i] == '^'))
        {
            negate = true;
            i++;
        }
        bool first = true;
        bool hit = false;
        char lc = ignoreCase ? char.ToLowerInvariant(c) : c;
        while (i < pattern.Length)
        {
            char pc = pattern[i];
            if (pc == ']' && !first)
            {
                matched = hit != negate;
                return i + 1;
            }
            first = false;
            if (pc == '\\' && i + 1 < pattern.Length)
            {
                i++;
                pc = pattern[i];
            }
            char lo = pc, hi = pc;
            if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
            {
                hi = pattern[i + 2];
                i += 2;
            }
            if (ignoreCase)
            {
                lo = char.ToLowerInvariant(lo);
                hi = char.ToLowerInvariant(hi);
            }
            if (lc >= lo && lc <= hi)
            {
                hit = true;
            }
            i++;
        }
        return -1;
    }

    public override string ToString() => Pattern;
}
