using System;
using System.Collections.Generic;
using DeployChecks.Engine.Dependencies.Versioning;

namespace DeployChecks.Engine.Dependencies.Requirements;

/// <summary>
/// A PEP 508 dependency specification: <c>name[extra,…] (specifiers | @ url) ; marker</c>. The marker is kept as
/// text. Parsing never throws on bad input: <see cref="TryParse"/> returns the reason.
/// </summary>
public sealed class Pep508Requirement
{
    private Pep508Requirement(string name, string[] extras, string specifier, Pep440SpecifierSet specifiers, string? url, string? marker)
    {
        Name = name;
        Extras = extras;
        Specifier = specifier;
        Specifiers = specifiers;
        Url = url;
        Marker = marker;
    }

    public string Name { get; }

    public string NormalizedName => PackageName.Normalize(Name);

    public string[] Extras { get; }

    /// <summary>The specifier set as packaging prints it (sorted, comma-joined); empty when none.</summary>
    public string Specifier { get; }

    public Pep440SpecifierSet Specifiers { get; }

    /// <summary>The URL of a <c>name @ url</c> requirement.</summary>
    public string? Url { get; }

    public string? Marker { get; }

    /// <summary>The exact version when the specifier is a single <c>==X</c> (no wildcard) or <c>===X</c>.</summary>
    public string? PinnedVersion
    {
        get
        {
            if (Specifiers.Count != 1)
            {
                return null;
            }
            var s = Specifiers.Specifiers[0];
            return (s.Operator == "==" && !s.IsWildcard) || s.Operator == "===" ? s.Version : null;
        }
    }

    public static Pep508Requirement Parse(string text) =>
        TryParse(text, out var r, out string? error) ? r! : throw new FormatException(error);

    public static bool TryParse(string text, out Pep508Requirement? requirement, out string? error)
    {
        requirement = null;
        error = null;
        int i = 0;
        int n = text.Length;
        SkipSpace(text, ref i);
        int nameStart = i;
        while (i < n && PackageName.IsNameChar(text[i]))
        {
            i++;
        }
        string name = text.Substring(nameStart, i - nameStart);
        if (name.Length == 0)
        {
            error = i < n ? $"expected a package name, found '{text[i]}'" : "expected a package name";
            return false;
        }
        if (!PackageName.IsValid(name))
        {
            error = $"'{name}' is not a valid package name";
            return false;
        }
        SkipSpace(text, ref i);
        var extras = new List<string>();
        if (i < n && text[i] == '[')
        {
            i++;
            while (true)
            {
                SkipSpace(text, ref i);
                if (i < n && text[i] == ']')
                {
                    i++;
                    break;
                }
                int extraStart = i;
                while (i < n && PackageName.IsNameChar(text[i]))
                {
                    i++;
                }
                string extra = text.Substring(extraStart, i - extraStart);
                if (!PackageName.IsValid(extra))
                {
                    error = "expected an extra name in '[…]'";
                    return false;
                }
                extras.Add(extra);
                SkipSpace(text, ref i);
                if (i < n && text[i] == ',')
                {
                    i++;
                    continue;
                }
                if (i < n && text[i] == ']')
                {
                    i++;
                    break;
                }
                error = "expected ',' or ']' after an extra";
                return false;
            }
            SkipSpace(text, ref i);
        }
        string? url = null;
        string specifierText = "";
        if (i < n && text[i] == '@')
        {
            i++;
            SkipSpace(text, ref i);
            int urlStart = i;
            while (i < n && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            url = text.Substring(urlStart, i - urlStart);
            if (url.Length == 0)
            {
                error = "expected a URL after '@'";
                return false;
            }
            SkipSpace(text, ref i);
        }
        else
        {
            bool paren = i < n && text[i] == '(';
            if (paren)
            {
                i++;
            }
            int specStart = i;
            while (i < n && text[i] != ';' && !(paren && text[i] == ')'))
            {
                i++;
            }
            specifierText = text.Substring(specStart, i - specStart).Trim();
            if (paren)
            {
                if (i >= n || text[i] != ')')
                {
                    error = "expected ')' to close the version specifier";
                    return false;
                }
                i++;
                SkipSpace(text, ref i);
            }
        }
        string? marker = null;
        if (i < n)
        {
            if (text[i] != ';')
            {
                error = $"unexpected '{text.Substring(i)}' after the requirement";
                return false;
            }
            marker = text.Substring(i + 1).Trim();
            if (marker.Length == 0)
            {
                error = "expected a marker after ';'";
                return false;
            }
        }
        if (!Pep440SpecifierSet.TryParse(specifierText, out var set))
        {
            error = $"invalid version specifier '{specifierText}'";
            return false;
        }
        if (specifierText.Length > 0 && set!.Count == 0)
        {
            error = $"invalid version specifier '{specifierText}'";
            return false;
        }
        requirement = new Pep508Requirement(name, extras.ToArray(), set!.ToString(), set, url, marker);
        return true;
    }

    public override string ToString()
    {
        string s = Name;
        if (Extras.Length > 0)
        {
            s += "[" + string.Join(",", Extras) + "]";
        }
        s += Url != null ? " @ " + Url : Specifier;
        return Marker != null ? s + "; " + Marker : s;
    }

    private static void SkipSpace(string s, ref int i)
    {
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t'))
        {
            i++;
        }
    }
}
