using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace DeployChecks.Engine.Dependencies.Versioning;

/// <summary>
/// One PEP 440 version specifier (<c>~=</c>, <c>==</c> with <c>.*</c> prefix matching and local-version rules,
/// <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c> with the exclusive-ordered-comparison rules,
/// <c>===</c>), matching as <c>packaging.specifiers.Specifier</c> 26.x does, pre-release policy included.
/// </summary>
public sealed class Pep440Specifier : IEquatable<Pep440Specifier>
{
    private static readonly string[] Operators = { "===", "~=", "==", "!=", "<=", ">=", "<", ">" };

    private readonly Pep440Version? _specVersion;
    private readonly bool _wildcard;

    private Pep440Specifier(string op, string version, Pep440Version? specVersion, bool wildcard, bool? prereleases)
    {
        Operator = op;
        Version = version;
        _specVersion = specVersion;
        _wildcard = wildcard;
        ExplicitPrereleases = prereleases;
    }

    public string Operator { get; }

    /// <summary>The version part as written (trimmed), e.g. <c>1.4.*</c>.</summary>
    public string Version { get; }

    /// <summary>The specifier's version parsed; null for <c>===</c> with a non-PEP 440 string.</summary>
    public Pep440Version? ParsedVersion => _specVersion;

    public bool IsWildcard => _wildcard;

    /// <summary>The <c>prereleases</c> override given at construction (null = default semantics).</summary>
    public bool? ExplicitPrereleases { get; }

    /// <summary>packaging's <c>Specifier.prereleases</c>: the override, else whether the specifier names a
    /// pre-release (false for <c>!=</c> and <c>==X.*</c>, null for <c>===</c> with a non-version).</summary>
    public bool? Prereleases
    {
        get
        {
            if (ExplicitPrereleases != null)
            {
                return ExplicitPrereleases;
            }
            if (Operator == "!=" || (Operator == "==" && _wildcard))
            {
                return false;
            }
            if (Operator == "===")
            {
                return Pep440Version.TryParse(Version, out var v) ? v!.IsPrerelease : null;
            }
            return _specVersion!.IsPrerelease;
        }
    }

    public static Pep440Specifier Parse(string specifier, bool? prereleases = null) =>
        TryParse(specifier, out var result, prereleases) ? result! : throw new InvalidSpecifierException(specifier ?? "");

    public static bool TryParse(string? specifier, out Pep440Specifier? result, bool? prereleases = null)
    {
        result = null;
        if (specifier == null)
        {
            return false;
        }
        string s = Trim(specifier);
        string? op = null;
        foreach (string candidate in Operators)
        {
            if (s.StartsWith(candidate, StringComparison.Ordinal))
            {
                op = candidate;
                break;
            }
        }
        if (op == null)
        {
            return false;
        }
        string version = Trim(s.Substring(op.Length));
        if (op == "===")
        {
            foreach (char c in version)
            {
                if (c == ';' || c == ')' || Pep440Grammar.IsSpace(c))
                {
                    return false;
                }
            }
            Pep440Version.TryParse(version, out var arbitrary);
            result = new Pep440Specifier(op, version, arbitrary, false, prereleases);
            return true;
        }
        bool equality = op == "==" || op == "!=";
        var parts = Pep440Grammar.Scan(version, allowWildcard: equality, allowLocal: equality);
        if (parts == null || (op == "~=" && parts.Release.Length < 2))
        {
            return false;
        }
        Pep440Version? parsed;
        if (parts.Wildcard)
        {
            Pep440Version.TryParse(version.Substring(0, version.Length - 2), out parsed);
        }
        else
        {
            Pep440Version.TryParse(version, out parsed);
        }
        if (parsed == null)
        {
            return false;
        }
        result = new Pep440Specifier(op, version, parsed, parts.Wildcard, prereleases);
        return true;
    }

    /// <summary>A copy with a different <c>prereleases</c> override.</summary>
    public Pep440Specifier WithPrereleases(bool? prereleases) => new(Operator, Version, _specVersion, _wildcard, prereleases);

    /// <summary>packaging's <c>Specifier.contains</c>: whether <paramref name="item"/> satisfies this specifier.
    /// Invalid versions never match a standard operator; pre-releases match unless <paramref name="prereleases"/>
    /// (or the specifier's override) is false.</summary>
    public bool Contains(string item, bool? prereleases = null)
    {
        if (Operator == "===")
        {
            return Filter(new[] { item }, prereleases).Any();
        }
        return Pep440Version.TryParse(item, out var parsed) && Contains(parsed!, prereleases);
    }

    public bool Contains(Pep440Version item, bool? prereleases = null)
    {
        if (Operator == "===")
        {
            return Filter(new[] { item.ToString() }, prereleases).Any();
        }
        prereleases = ResolvePrereleases(prereleases);
        if (prereleases == false && item.IsPrerelease)
        {
            return false;
        }
        return Matches(item);
    }

    /// <summary>packaging's <c>Specifier.filter</c>: matching items, in order; with no pre-release policy,
    /// pre-releases are returned only when no final release matches.</summary>
    public IEnumerable<string> Filter(IEnumerable<string> items, bool? prereleases = null)
    {
        prereleases = ResolvePrereleases(prereleases);
        IEnumerable<string> matches = Operator == "==="
            ? items.Where(i => string.Equals(i.ToLowerInvariant(), Version.ToLowerInvariant(), StringComparison.Ordinal))
            : items.Where(i => Pep440Version.TryParse(i, out var v) && Matches(v!));
        return PrereleaseFilter.Apply(matches, prereleases);
    }

    /// <summary>The operator's comparison alone, ignoring pre-release policy (<c>===</c> compares the normalised
    /// string).</summary>
    internal bool Matches(Pep440Version v)
    {
        var spec = _specVersion;
        switch (Operator)
        {
            case "===":
                return string.Equals(v.ToString().ToLowerInvariant(), Version.ToLowerInvariant(), StringComparison.Ordinal);
            case "==":
                return _wildcard ? PrefixMatches(v, spec!.Epoch, spec.Release, spec.Release.Count) : EqualMatches(v, spec!);
            case "!=":
                return _wildcard ? !PrefixMatches(v, spec!.Epoch, spec.Release, spec.Release.Count) : !EqualMatches(v, spec!);
            case "<=":
                return v.WithoutLocal().CompareTo(spec!) <= 0;
            case ">=":
                return v.WithoutLocal().CompareTo(spec!) >= 0;
            case "<":
                // <V excludes V's own pre-releases (everything from V.dev0 up) unless V is itself a pre-release.
                return v.CompareTo(spec!) < 0 && (spec!.IsPrerelease || v.WithoutLocal().CompareTo(spec.WithDev(BigInteger.Zero)) < 0);
            case ">":
                if (v.CompareTo(spec!) <= 0)
                {
                    return false;
                }
                // >V excludes V's local variants, and V's post-releases unless V is itself a post-release.
                if (v.WithoutLocal().Equals(spec))
                {
                    return false;
                }
                return !(spec!.Post == null && v.Post != null && v.WithoutPostDevLocal().Equals(spec));
            case "~=":
                return v.WithoutLocal().CompareTo(spec!) >= 0 && PrefixMatches(v, spec!.Epoch, spec.Release, spec.Release.Count - 1);
            default:
                return false;
        }
    }

    public override string ToString() => Operator + Version;

    public bool Equals(Pep440Specifier? other) => other is not null && CanonicalKey == other.CanonicalKey;

    public override bool Equals(object? obj) => obj is Pep440Specifier s && Equals(s);

    public override int GetHashCode() => CanonicalKey.GetHashCode();

    /// <summary>packaging's <c>_canonical_spec</c>: operator plus the version canonicalised (trailing release zeros
    /// stripped except for <c>~=</c>).</summary>
    internal string CanonicalKey
    {
        get
        {
            if (Operator == "===" || _wildcard)
            {
                return Operator + Version;
            }
            return Operator + Canonicalize(_specVersion!, stripTrailingZero: Operator != "~=");
        }
    }

    internal static string Canonicalize(Pep440Version v, bool stripTrailingZero)
    {
        string s = v.ToString();
        if (!stripTrailingZero)
        {
            return s;
        }
        // Strip trailing ".0" release components (keeping one), leaving the suffix untouched.
        int releaseStart = s.IndexOf('!') + 1;
        int releaseEnd = releaseStart;
        while (releaseEnd < s.Length && (Pep440Grammar.IsDigit(s[releaseEnd]) || s[releaseEnd] == '.'))
        {
            releaseEnd++;
        }
        string release = s.Substring(releaseStart, releaseEnd - releaseStart);
        while (release.EndsWith(".0", StringComparison.Ordinal))
        {
            release = release.Substring(0, release.Length - 2);
        }
        return s.Substring(0, releaseStart) + release + s.Substring(releaseEnd);
    }

    private bool? ResolvePrereleases(bool? prereleases)
    {
        if (prereleases != null)
        {
            return prereleases;
        }
        if (ExplicitPrereleases != null)
        {
            return ExplicitPrereleases;
        }
        return Prereleases == true ? true : null;
    }

    private static bool EqualMatches(Pep440Version v, Pep440Version spec) =>
        spec.HasLocal ? v.Equals(spec) : v.WithoutLocal().Equals(spec);

    // packaging's prefix match: same epoch, and the candidate's release (zero-padded) starts with the prefix.
    private static bool PrefixMatches(Pep440Version v, BigInteger epoch, IReadOnlyList<BigInteger> prefix, int length)
    {
        if (v.Epoch != epoch)
        {
            return false;
        }
        var release = v.Release;
        for (int i = 0; i < length; i++)
        {
            BigInteger x = i < release.Count ? release[i] : BigInteger.Zero;
            if (x != prefix[i])
            {
                return false;
            }
        }
        return true;
    }

    private static string Trim(string s)
    {
        int start = 0;
        int end = s.Length;
        while (start < end && Pep440Grammar.IsSpace(s[start]))
        {
            start++;
        }
        while (end > start && Pep440Grammar.IsSpace(s[end - 1]))
        {
            end--;
        }
        return s.Substring(start, end - start);
    }
}
