using System.Collections.Generic;

namespace DeployChecks.Engine.Images.Versions;

/// <summary>
/// Alpine package version ordering as apk-tools compares versions (Gentoo-style
/// <c>digits{.digits}[letter]{_suffix[digits]}[-rN]</c>): numeric components, a component after a dot with a leading
/// zero compared as a fraction, one letter, pre-release suffixes (<c>alpha beta pre rc</c>) below the release and
/// post-release ones (<c>cvs svn git hg p</c>) above it, then the <c>-r</c> revision. Written from apk-tools'
/// <c>src/version.c</c> and checked against its <c>test/version.data</c> pairs; a version apk would call invalid
/// falls back to the order of what parsed, as apk does.
/// </summary>
public sealed class ApkVersion : IComparer<string>
{
    public static readonly ApkVersion Instance = new();

    private enum Token
    {
        Invalid = -1,
        DigitOrZero = 0,
        Digit = 1,
        Letter = 2,
        Suffix = 3,
        SuffixNo = 4,
        RevisionNo = 5,
        End = 6,
    }

    private static readonly string[] PreSuffixes = { "alpha", "beta", "pre", "rc" };
    private static readonly string[] PostSuffixes = { "cvs", "svn", "git", "hg", "p" };

    public int Compare(string? x, string? y)
    {
        if (x == null || y == null)
        {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        var at = Token.Digit;
        var bt = Token.Digit;
        long av = 0, bv = 0;
        int ai = 0, bi = 0;
        while (at == bt && at != Token.End && at != Token.Invalid && av == bv)
        {
            av = Get(ref at, x, ref ai);
            bv = Get(ref bt, y, ref bi);
        }
        if (av != bv)
        {
            return av < bv ? -1 : 1;
        }
        if (at == bt)
        {
            return 0;
        }
        // Equal so far: the longer version is newer, unless what follows is a pre-release suffix.
        var tt = at;
        int ti = ai;
        if (at == Token.Suffix && Get(ref tt, x, ref ti) < 0)
        {
            return -1;
        }
        tt = bt;
        ti = bi;
        if (bt == Token.Suffix && Get(ref tt, y, ref ti) < 0)
        {
            return 1;
        }
        if (at > bt)
        {
            return -1;
        }
        if (bt > at)
        {
            return 1;
        }
        return 0;
    }

    private static long Get(ref Token type, string s, ref int pos)
    {
        long v = 0;
        int i = pos;
        var next = Token.Invalid;
        if (pos >= s.Length)
        {
            type = Token.End;
            return 0;
        }
        switch (type)
        {
            case Token.DigitOrZero when s[i] == '0':
                while (i < s.Length && s[i] == '0')
                {
                    i++;
                }
                next = Token.Digit;
                v = -(i - pos);
                break;
            case Token.DigitOrZero:
            case Token.Digit:
            case Token.SuffixNo:
            case Token.RevisionNo:
                while (i < s.Length && s[i] >= '0' && s[i] <= '9' && v < long.MaxValue / 10 - 10)
                {
                    v = v * 10 + (s[i++] - '0');
                }
                break;
            case Token.Letter:
                v = s[i++];
                break;
            case Token.Suffix:
                int pre = Match(PreSuffixes, s, i);
                if (pre >= 0)
                {
                    v = pre - PreSuffixes.Length;
                    i += PreSuffixes[pre].Length;
                    break;
                }
                int post = Match(PostSuffixes, s, i);
                if (post >= 0)
                {
                    v = post;
                    i += PostSuffixes[post].Length;
                    break;
                }
                type = Token.Invalid;
                return -1;
            default:
                type = Token.Invalid;
                return -1;
        }
        pos = i;
        if (pos >= s.Length)
        {
            type = Token.End;
        }
        else if (next != Token.Invalid)
        {
            type = next;
        }
        else
        {
            Next(ref type, s, ref pos);
        }
        return v;
    }

    private static int Match(string[] words, string s, int at)
    {
        for (int k = 0; k < words.Length; k++)
        {
            if (string.CompareOrdinal(s, at, words[k], 0, words[k].Length) == 0 && at + words[k].Length <= s.Length)
            {
                return k;
            }
        }
        return -1;
    }

    private static void Next(ref Token type, string s, ref int pos)
    {
        var n = Token.Invalid;
        char c = s[pos];
        if ((type == Token.Digit || type == Token.DigitOrZero) && c >= 'a' && c <= 'z')
        {
            n = Token.Letter;
        }
        else if (type == Token.Letter && c >= '0' && c <= '9')
        {
            n = Token.Digit;
        }
        else if (type == Token.Suffix && c >= '0' && c <= '9')
        {
            n = Token.SuffixNo;
        }
        else
        {
            switch (c)
            {
                case '.':
                    n = Token.DigitOrZero;
                    break;
                case '_':
                    n = Token.Suffix;
                    break;
                case '-':
                    if (pos + 1 < s.Length && s[pos + 1] == 'r')
                    {
                        n = Token.RevisionNo;
                        pos++;
                    }
                    break;
            }
            pos++;
        }
        if (n < type && !(n == Token.DigitOrZero && type == Token.Digit || n == Token.Suffix && type == Token.SuffixNo || n == Token.Digit && type == Token.Letter))
        {
            n = Token.Invalid;
        }
        type = n;
    }
}
