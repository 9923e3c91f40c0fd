using System;
using System.Collections.Generic;
using System.Linq;

namespace DeployChecks.Engine.Dependencies.Versioning;

/// <summary>
/// A comma-separated set of PEP 440 specifiers (<c>&gt;=1.0,!=1.3.*,&lt;2</c>), all of which must match, as
/// <c>packaging.specifiers.SpecifierSet</c> 26.x evaluates it. The empty set matches every version.
/// </summary>
public sealed class Pep440SpecifierSet : IEquatable<Pep440SpecifierSet>
{
    private readonly Pep440Specifier[] _specs;
    private readonly bool _hasArbitrary;

    private Pep440SpecifierSet(Pep440Specifier[] specs, bool? prereleases)
    {
        _specs = specs;
        _hasArbitrary = specs.Any(s => s.Operator == "===");
        ExplicitPrereleases = prereleases;
    }

    public static Pep440SpecifierSet Empty { get; } = new(Array.Empty<Pep440Specifier>(), null);

    public IReadOnlyList<Pep440Specifier> Specifiers => _specs;

    public int Count => _specs.Length;

    public bool? ExplicitPrereleases { get; }

    /// <summary>packaging's <c>SpecifierSet.prereleases</c>: the override; else null when empty; else true when
    /// any specifier names a pre-release; else null.</summary>
    public bool? Prereleases
    {
        get
        {
            if (ExplicitPrereleases != null)
            {
                return ExplicitPrereleases;
            }
            if (_specs.Length == 0)
            {
                return null;
            }
            return _specs.Any(s => s.Prereleases == true) ? true : null;
        }
    }

    public static Pep440SpecifierSet Parse(string specifiers, bool? prereleases = null) =>
        TryParse(specifiers, out var set, prereleases) ? set! : throw new InvalidSpecifierException(specifiers ?? "");

    public static bool TryParse(string? specifiers, out Pep440SpecifierSet? result, bool? prereleases = null)
    {
        result = null;
        if (specifiers == null)
        {
            return false;
        }
        var list = new List<Pep440Specifier>();
        foreach (string piece in specifiers.Split(','))
        {
            if (IsBlank(piece))
            {
                continue;
            }
            if (!Pep440Specifier.TryParse(piece, out var spec))
            {
                return false;
            }
            list.Add(spec!);
        }
        result = new Pep440SpecifierSet(list.ToArray(), prereleases);
        return true;
    }

    /// <summary>The set with every specifier of both.</summary>
    public Pep440SpecifierSet Intersect(Pep440SpecifierSet other)
    {
        bool? pre;
        if (ExplicitPrereleases == null || ExplicitPrereleases == other.ExplicitPrereleases)
        {
            pre = other.ExplicitPrereleases;
        }
        else if (other.ExplicitPrereleases == null)
        {
            pre = ExplicitPrereleases;
        }
        else
        {
            throw new InvalidOperationException("Cannot combine specifier sets with True and False prerelease overrides.");
        }
        return new Pep440SpecifierSet(_specs.Concat(other._specs).ToArray(), pre);
    }

    /// <summary>packaging's <c>SpecifierSet.contains</c>. <paramref name="installed"/> accepts an installed
    /// pre-release even when the set would not.</summary>
    public bool Contains(string item, bool? prereleases = null, bool installed = false)
    {
        Pep440Version.TryParse(item, out var version);
        if (version != null && installed && version.IsPrerelease)
        {
            prereleases = true;
        }
        string check = version == null || _hasArbitrary ? item : version.ToString();
        return Filter(new[] { check }, prereleases).Any();
    }

    public bool Contains(Pep440Version version, bool? prereleases = null, bool installed = false)
    {
        if (installed && version.IsPrerelease)
        {
            prereleases = true;
        }
        if (!_hasArbitrary && _specs.Length > 0)
        {
            if (version.IsPrerelease && (prereleases == false || (prereleases == null && ExplicitPrereleases == false)))
            {
                return false;
            }
            foreach (var spec in _specs)
            {
                if (!spec.Matches(version))
                {
                    return false;
                }
            }
            return true;
        }
        return Filter(new[] { version.ToString() }, prereleases).Any();
    }

    /// <summary>packaging's <c>SpecifierSet.filter</c>: the items every specifier accepts, in order; with no
    /// pre-release policy, pre-releases only when no final release is left.</summary>
    public IEnumerable<string> Filter(IEnumerable<string> items, bool? prereleases = null)
    {
        if (prereleases == null && Prereleases != null)
        {
            prereleases = Prereleases;
        }
        if (_specs.Length == 0)
        {
            return PrereleaseFilter.Apply(items, prereleases);
        }
        IEnumerable<string> matches = _hasArbitrary
            ? items.Where(i => _specs.All(s => s.Contains(i, prereleases: true)))
            : items.Where(i => Pep440Version.TryParse(i, out var v) && _specs.All(s => s.Matches(v!)));
        return PrereleaseFilter.Apply(matches, prereleases);
    }

    /// <summary>Sorted, de-duplicated, comma-joined, as packaging prints it.</summary>
    public override string ToString() => string.Join(",", Canonical().Select(s => s.ToString()));

    public bool Equals(Pep440SpecifierSet? other) =>
        other is not null && Canonical().Select(s => s.CanonicalKey).SequenceEqual(other.Canonical().Select(s => s.CanonicalKey));

    public override bool Equals(object? obj) => obj is Pep440SpecifierSet s && Equals(s);

    public override int GetHashCode() => string.Join(",", Canonical().Select(s => s.CanonicalKey)).GetHashCode();

    private IEnumerable<Pep440Specifier> Canonical()
    {
        var seen = new HashSet<Pep440Specifier>();
        foreach (var spec in _specs.OrderBy(s => s.ToString(), StringComparer.Ordinal))
        {
            if (seen.Add(spec))
            {
                yield return spec;
            }
        }
    }

    private static bool IsBlank(string s)
    {
        foreach (char c in s)
        {
            if (!Pep440Grammar.IsSpace(c))
            {
                return false;
            }
        }
        return true;
    }
}
