using System;

namespace DeployChecks.Engine.Images.Versions;

/// <summary>Debian version ordering as dpkg implements it (Debian Policy §5.6.12): <c>[epoch:]upstream[-revision]</c>;
/// epochs compare as numbers, the other parts by alternating non-digit runs (<c>~</c> sorts before everything, even
/// the end; letters before other characters) and digit runs compared as numbers.</summary>
public sealed class DpkgVersion : System.Collections.Generic.IComparer<string>
{
    public static readonly DpkgVersion Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x == null || y == null)
        {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        Split(x, out long ea, out string ua, out string ra);
        Split(y, out long eb, out string ub, out string rb);
        if (ea != eb)
        {
            return ea < eb ? -1 : 1;
        }
        int c = VerRevCmp(ua, ub);
        return c != 0 ? c : VerRevCmp(ra, rb);
    }

    private static void Split(string v, out long epoch, out string upstream, out string revision)
    {
        v = v.Trim();
        epoch = 0;
        int colon = v.IndexOf(':');
        if (colon > 0 && long.TryParse(v.Substring(0, colon), out long e))
        {
            epoch = e;
            v = v.Substring(colon + 1);
        }
        int dash = v.LastIndexOf('-');
        upstream = dash >= 0 ? v.Substring(0, dash) : v;
        revision = dash >= 0 ? v.Substring(dash + 1) : "";
    }

    private static int Order(char c) =>
        char.IsDigit(c) ? 0 : c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' ? c : c == '~' ? -1 : c != '\0' ? c + 256 : 0;

    private static int VerRevCmp(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            int firstDiff = 0;
            while (i < a.Length && !IsDigit(a[i]) || j < b.Length && !IsDigit(b[j]))
            {
                int ac = i < a.Length ? Order(a[i]) : 0;
                int bc = j < b.Length ? Order(b[j]) : 0;
                if (ac != bc)
                {
                    return ac - bc < 0 ? -1 : 1;
                }
                i++;
                j++;
            }
            while (i < a.Length && a[i] == '0')
            {
                i++;
            }
            while (j < b.Length && b[j] == '0')
            {
                j++;
            }
            while (i < a.Length && IsDigit(a[i]) && j < b.Length && IsDigit(b[j]))
            {
                if (firstDiff == 0)
                {
                    firstDiff = a[i] - b[j];
                }
                i++;
                j++;
            }
            if (i < a.Length && IsDigit(a[i]))
            {
                return 1;
            }
            if (j < b.Length && IsDigit(b[j]))
            {
                return -1;
            }
            if (firstDiff != 0)
            {
                return firstDiff < 0 ? -1 : 1;
            }
        }
        return 0;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
