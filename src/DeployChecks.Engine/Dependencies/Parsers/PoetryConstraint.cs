using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DeployChecks.Engine.Dependencies.Versioning;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>
/// Translates Poetry version constraints to PEP 440 specifiers: <c>^1.2.3</c> → <c>&gt;=1.2.3,&lt;2.0.0</c>,
/// <c>^0.2.3</c> → <c>&gt;=0.2.3,&lt;0.3.0</c>, <c>~1.2</c> → <c>&gt;=1.2,&lt;1.3</c>, <c>1.2.*</c> →
/// <c>==1.2.*</c>, <c>1.2.3</c> → <c>==1.2.3</c>, <c>*</c> → any; comma- or space-separated PEP 440 clauses
/// pass through. <c>||</c> alternatives cannot be expressed in PEP 440: null is returned.
/// </summary>
public static class PoetryConstraint
{
    public static string? ToPep440(string constraint)
    {
        string c = constraint.Trim();
        if (c.Length == 0 || c == "*")
        {
            return "";
        }
        if (c.Contains("||") || c.Contains("|"))
        {
            return null;
        }
        var clauses = new List<string>();
        foreach (string raw in SplitClauses(c))
        {
            string? translated = Clause(raw);
            if (translated == null)
            {
                return null;
            }
            if (translated.Length > 0)
            {
                clauses.Add(translated);
            }
        }
        string joined = string.Join(",", clauses);
        return Pep440SpecifierSet.TryParse(joined, out _) ? joined : null;
    }

    private static IEnumerable<string> SplitClauses(string c)
    {
        // Poetry accepts "a,b" and "a b" (with operators possibly followed by a space: ">= 1.2, < 2").
        var tokens = c.Replace(",", " ").Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        string? pendingOp = null;
        foreach (string t in tokens)
        {
            if (t.All(ch => "<>=!~^".IndexOf(ch) >= 0))
            {
                pendingOp = (pendingOp ?? "") + t;
                continue;
            }
            yield return (pendingOp ?? "") + t;
            pendingOp = null;
        }
        if (pendingOp != null)
        {
            yield return pendingOp;
        }
    }

    private static string? Clause(string c)
    {
        if (c == "*")
        {
            return "";
        }
        if (c.StartsWith("^", StringComparison.Ordinal))
        {
            return Range(c.Substring(1).Trim(), caret: true);
        }
        if (c.StartsWith("~=", StringComparison.Ordinal))
        {
            return c;
        }
        if (c.StartsWith("~", StringComparison.Ordinal))
        {
            return Range(c.Substring(1).Trim(), caret: false);
        }
        if (c.StartsWith("==", StringComparison.Ordinal) || c.StartsWith("!=", StringComparison.Ordinal) ||
            c.StartsWith("<", StringComparison.Ordinal) || c.StartsWith(">", StringComparison.Ordinal))
        {
            return c;
        }
        if (c.StartsWith("=", StringComparison.Ordinal))
        {
            return "==" + c.Substring(1).Trim();
        }
        if (c.EndsWith(".*", StringComparison.Ordinal) || Pep440Version.TryParse(c, out _))
        {
            return "==" + c;
        }
        return null;
    }

    // Caret: bump the left-most non-zero component of those given (the last given one if all are zero).
    // Tilde: bump the minor when given, else the major.
    private static string? Range(string version, bool caret)
    {
        if (!Pep440Version.TryParse(version, out var v))
        {
            return null;
        }
        if (v!.Release.Any(r => r >= long.MaxValue))
        {
            return null;
        }
        var release = v.Release.Select(r => (long)r).ToArray();
        int bumpAt;
        if (caret)
        {
            bumpAt = Array.FindIndex(release, r => r != 0);
            if (bumpAt < 0)
            {
                bumpAt = release.Length - 1;
            }
        }
        else
        {
            bumpAt = release.Length >= 2 ? 1 : 0;
        }
        var upper = new long[Math.Max(release.Length, bumpAt + 1)];
        for (int i = 0; i < bumpAt; i++)
        {
            upper[i] = release[i];
        }
        upper[bumpAt] = release[bumpAt] + 1;
        string epoch = v.Epoch.IsZero ? "" : v.Epoch.ToString(CultureInfo.InvariantCulture) + "!";
        return ">=" + version + ",<" + epoch + string.Join(".", upper.Select(u => u.ToString(CultureInfo.InvariantCulture)));
    }
}
