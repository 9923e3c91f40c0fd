using System;
using System.Collections.Generic;
using System.Numerics;
using System.Text;

namespace DeployChecks.Engine.Dependencies.Versioning;

/// <summary>
/// A PEP 440 version, parsed, normalised and ordered exactly as <c>packaging.version.Version</c> does: epochs,
/// release segments (trailing zeros ignored when comparing), pre-releases (<c>a</c>/<c>b</c>/<c>rc</c> with the
/// alternate spellings), post-releases (incl. the implicit <c>1.0-1</c>), dev releases and local versions.
/// <see cref="ToString"/> is the normalised form.
/// </summary>
public sealed class Pep440Version : IComparable<Pep440Version>, IEquatable<Pep440Version>, IComparable
{
    private readonly BigInteger[] _release;
    private readonly object[]? _local;
    private string? _text;
    private int _hash;

    private Pep440Version(Pep440Parts parts)
    {
        Epoch = parts.Epoch;
        _release = parts.Release;
        PreLabel = parts.PreLetter;
        PreNumber = parts.PreLetter == null ? null : parts.PreNumber;
        Post = parts.Post;
        Dev = parts.Dev;
        _local = parts.Local == null ? null : ParseLocal(parts.Local);
    }

    private Pep440Version(BigInteger epoch, BigInteger[] release, string? preLabel, BigInteger? preNumber, BigInteger? post, BigInteger? dev, object[]? local)
    {
        Epoch = epoch;
        _release = release;
        PreLabel = preLabel;
        PreNumber = preNumber;
        Post = post;
        Dev = dev;
        _local = local;
    }

    public BigInteger Epoch { get; }

    /// <summary>The release segment as written (trailing zeros kept).</summary>
    public IReadOnlyList<BigInteger> Release => _release;

    /// <summary><c>a</c>, <c>b</c> or <c>rc</c>; null when not a pre-release.</summary>
    public string? PreLabel { get; }

    public BigInteger? PreNumber { get; }

    public BigInteger? Post { get; }

    public BigInteger? Dev { get; }

    /// <summary>The normalised local segment (<c>ubuntu.1</c>), or null.</summary>
    public string? Local => _local == null ? null : string.Join(".", _local);

    public bool IsPrerelease => Dev != null || PreLabel != null;

    public bool IsPostrelease => Post != null;

    public bool IsDevrelease => Dev != null;

    public bool HasLocal => _local != null;

    /// <summary>The version without its local segment.</summary>
    public string Public
    {
        get
        {
            string s = ToString();
            int plus = s.IndexOf('+');
            return plus < 0 ? s : s.Substring(0, plus);
        }
    }

    /// <summary>Epoch and release only (<c>1!1.2.3</c>).</summary>
    public string BaseVersion
    {
        get
        {
            var sb = new StringBuilder();
            AppendBase(sb);
            return sb.ToString();
        }
    }

    public static Pep440Version Parse(string version)
    {
        if (version == null)
        {
            throw new ArgumentNullException(nameof(version));
        }
        return TryParse(version, out var parsed) ? parsed! : throw new InvalidVersionException(version);
    }

    public static bool TryParse(string? version, out Pep440Version? result)
    {
        result = null;
        if (version == null)
        {
            return false;
        }
        var parts = Pep440Grammar.Scan(version, allowWildcard: false, allowLocal: true);
        if (parts == null)
        {
            return false;
        }
        result = new Pep440Version(parts);
        return true;
    }

    /// <summary>This version without its local segment.</summary>
    public Pep440Version WithoutLocal() => _local == null ? this : new Pep440Version(Epoch, _release, PreLabel, PreNumber, Post, Dev, null);

    /// <summary>This version with its dev segment replaced (null removes it).</summary>
    internal Pep440Version WithDev(BigInteger? dev) => new(Epoch, _release, PreLabel, PreNumber, Post, dev, _local);

    /// <summary>Epoch, release, pre only: the version a post-release is a post-release of.</summary>
    internal Pep440Version WithoutPostDevLocal() => new(Epoch, _release, PreLabel, PreNumber, null, null, null);

    internal Pep440Version BaseOnly() => new(Epoch, _release, null, null, null, null, null);

    public override string ToString()
    {
        if (_text != null)
        {
            return _text;
        }
        var sb = new StringBuilder();
        AppendBase(sb);
        if (PreLabel != null)
        {
            sb.Append(PreLabel).Append(PreNumber!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (Post != null)
        {
            sb.Append(".post").Append(Post.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (Dev != null)
        {
            sb.Append(".dev").Append(Dev.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (_local != null)
        {
            sb.Append('+').Append(Local);
        }
        return _text = sb.ToString();
    }

    public int CompareTo(Pep440Version? other)
    {
        if (other is null)
        {
            return 1;
        }
        if (ReferenceEquals(this, other))
        {
            return 0;
        }
        int c = Epoch.CompareTo(other.Epoch);
        if (c != 0)
        {
            return c;
        }
        c = CompareRelease(_release, other._release);
        if (c != 0)
        {
            return c;
        }
        c = ComparePre(this, other);
        if (c != 0)
        {
            return c;
        }
        // Post: absent sorts first.
        c = CompareOptional(Post, other.Post, absentFirst: true);
        if (c != 0)
        {
            return c;
        }
        // Dev: absent sorts last.
        c = CompareOptional(Dev, other.Dev, absentFirst: false);
        if (c != 0)
        {
            return c;
        }
        return CompareLocal(_local, other._local);
    }

    public int CompareTo(object? obj) => obj is Pep440Version v ? CompareTo(v) : throw new ArgumentException("Not a Pep440Version", nameof(obj));

    public bool Equals(Pep440Version? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is Pep440Version v && Equals(v);

    public override int GetHashCode()
    {
        if (_hash != 0)
        {
            return _hash;
        }
        int h = Epoch.GetHashCode();
        int last = _release.Length - 1;
        while (last >= 0 && _release[last].IsZero)
        {
            last--;
        }
        for (int i = 0; i <= last; i++)
        {
            h = unchecked(h * 31 + _release[i].GetHashCode());
        }
        h = unchecked(h * 31 + (PreLabel?.GetHashCode() ?? 0));
        h = unchecked(h * 31 + (PreNumber?.GetHashCode() ?? 0));
        h = unchecked(h * 31 + (Post?.GetHashCode() ?? -1));
        h = unchecked(h * 31 + (Dev?.GetHashCode() ?? -2));
        h = unchecked(h * 31 + (Local?.GetHashCode() ?? 0));
        return _hash = h == 0 ? 1 : h;
    }

    public static bool operator ==(Pep440Version? left, Pep440Version? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Pep440Version? left, Pep440Version? right) => !(left == right);

    public static bool operator <(Pep440Version left, Pep440Version right) => left.CompareTo(right) < 0;

    public static bool operator >(Pep440Version left, Pep440Version right) => left.CompareTo(right) > 0;

    public static bool operator <=(Pep440Version left, Pep440Version right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Pep440Version left, Pep440Version right) => left.CompareTo(right) >= 0;

    private void AppendBase(StringBuilder sb)
    {
        if (!Epoch.IsZero)
        {
            sb.Append(Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('!');
        }
        for (int i = 0; i < _release.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('.');
            }
            sb.Append(_release[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static int CompareRelease(BigInteger[] a, BigInteger[] b)
    {
        int n = Math.Max(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            BigInteger x = i < a.Length ? a[i] : BigInteger.Zero;
            BigInteger y = i < b.Length ? b[i] : BigInteger.Zero;
            int c = x.CompareTo(y);
            if (c != 0)
            {
                return c;
            }
        }
        return 0;
    }

    // packaging's _cmpkey: a dev-only release (no pre, no post) sorts before every pre-release (-inf); no pre at
    // all sorts after them (+inf); otherwise (letter, number).
    private static int PreRank(Pep440Version v)
    {
        if (v.PreLabel == null)
        {
            return v.Post == null && v.Dev != null ? -1 : 1;
        }
        return 0;
    }

    private static int ComparePre(Pep440Version a, Pep440Version b)
    {
        int ra = PreRank(a);
        int rb = PreRank(b);
        if (ra != rb)
        {
            return ra.CompareTo(rb);
        }
        if (ra != 0)
        {
            return 0;
        }
        int c = string.CompareOrdinal(a.PreLabel, b.PreLabel);
        return c != 0 ? c : a.PreNumber!.Value.CompareTo(b.PreNumber!.Value);
    }

    private static int CompareOptional(BigInteger? a, BigInteger? b, bool absentFirst)
    {
        if (a == null && b == null)
        {
            return 0;
        }
        if (a == null)
        {
            return absentFirst ? -1 : 1;
        }
        if (b == null)
        {
            return absentFirst ? 1 : -1;
        }
        return a.Value.CompareTo(b.Value);
    }

    // Local segments: absent sorts first; alphanumeric parts sort before numeric ones; alphanumerics
    // lexicographically; numerics numerically; a shorter local sorts first when it is a prefix of the longer.
    private static int CompareLocal(object[]? a, object[]? b)
    {
        if (a == null || b == null)
        {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            int c;
            if (a[i] is BigInteger x)
            {
                c = b[i] is BigInteger y ? x.CompareTo(y) : 1;
            }
            else
            {
                c = b[i] is BigInteger ? -1 : string.CompareOrdinal((string)a[i], (string)b[i]);
            }
            if (c != 0)
            {
                return c;
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    private static object[] ParseLocal(string local)
    {
        var parts = local.Split('.', '_', '-');
        var result = new object[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            bool digits = true;
            foreach (char c in part)
            {
                if (!Pep440Grammar.IsDigit(c))
                {
                    digits = false;
                    break;
                }
            }
            result[i] = digits ? Pep440Grammar.ToNumber(part, 0, part.Length) : part.ToLowerInvariant();
        }
        return result;
    }
}
