using System;
using System.Collections.Generic;
using DeployChecks.Engine.Dependencies.Parsers;
using DeployChecks.Engine.Secrets;
using DeployChecks.Engine.Text;

namespace DeployChecks.Engine.Models.Dependencies;

/// <summary>What the dependency-hygiene rules (DC2008, DC2010–DC2015) share: which files and groups are
/// production, which locks sit beside a manifest, and what a URL's user-info and host say.</summary>
internal static class DependencyHygiene
{
    private static readonly string[] DevelopmentGroupWords =
    {
        "dev", "test", "lint", "doc", "typing", "type", "mypy", "format", "style", "qa", "check", "ci", "debug",
        "local", "bench", "coverage", "tox", "nox", "pre-commit", "tools", "build",
    };

    /// <summary>True for a group or extra that development, test, docs or lint tooling installs
    /// (<c>dev</c>, <c>tests</c>, <c>docs</c>, <c>lint</c>, <c>typing</c>…), never a production deploy.</summary>
    public static bool IsDevelopmentGroup(string group)
    {
        string g = group.ToLowerInvariant();
        if (g == "main" || g == "default")
        {
            return false;
        }
        foreach (string part in g.Split(','))
        {
            bool dev = false;
            foreach (string w in DevelopmentGroupWords)
            {
                if (part.IndexOf(w, StringComparison.Ordinal) >= 0)
                {
                    dev = true;
                    break;
                }
            }
            if (!dev)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A requirements file a production deploy installs: <c>requirements.txt</c>, <c>requirements.in</c>,
    /// <c>requirements/{base,prod,production,common,main}*.txt</c>, outside tests/docs/examples.</summary>
    public static bool IsProductionRequirements(ParsedDependencyFile file) =>
        file.Kind == DeployChecks.DependencySourceKind.Requirements && !file.File.IsNonProduction &&
        RequirementsPaths.GroupFromPath(file.File.RelativePath) == "main" &&
        !RequirementsPaths.FileName(file.File.RelativePath).StartsWith("constraints", StringComparison.OrdinalIgnoreCase);

    /// <summary>A manifest (not a lock, not a requirements file) outside tests/docs/examples.</summary>
    public static bool IsProductionManifest(ParsedDependencyFile file) =>
        !file.IsLock && file.Kind != DeployChecks.DependencySourceKind.Requirements && !file.File.IsNonProduction;

    public static string DirectoryOf(string relativePath)
    {
        int slash = relativePath.LastIndexOf('/');
        return slash < 0 ? "" : relativePath.Substring(0, slash);
    }

    /// <summary>The lock files in the same directory as <paramref name="manifest"/>.</summary>
    public static IEnumerable<ParsedDependencyFile> LocksBeside(DependencySet set, ParsedDependencyFile manifest)
    {
        string dir = DirectoryOf(manifest.File.RelativePath);
        foreach (var f in set.Files)
        {
            if (f.IsLock && DirectoryOf(f.File.RelativePath) == dir)
            {
                yield return f;
            }
        }
    }

    /// <summary>True when a manifest (Pipfile, pyproject.toml) in the lock's directory names the same index URL, so
    /// the lock only repeats what the manifest says.</summary>
    public static bool ManifestBesideHasSource(DependencySet set, ParsedDependencyFile lockFile, string url)
    {
        string dir = DirectoryOf(lockFile.File.RelativePath);
        foreach (var f in set.Files)
        {
            if (!f.IsLock && f.Kind != DeployChecks.DependencySourceKind.Requirements && DirectoryOf(f.File.RelativePath) == dir)
            {
                foreach (var s in f.Document.Sources)
                {
                    if (string.Equals(s.Url.TrimEnd('/'), url.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /// <summary>Splits <c>scheme://userinfo@host…</c>; false when the URL has no user-info.</summary>
    public static bool TryUserInfo(string url, out string scheme, out string user, out string? password, out string rest)
    {
        scheme = user = rest = "";
        password = null;
        int sep = url.IndexOf("://", StringComparison.Ordinal);
        if (sep <= 0)
        {
            return false;
        }
        int start = sep + 3;
        int end = url.Length;
        foreach (char c in "/?#")
        {
            int i = url.IndexOf(c, start);
            if (i >= 0 && i < end)
            {
                end = i;
            }
        }
        int at = url.LastIndexOf('@', end - 1, end - start);
        if (at < 0)
        {
            return false;
        }
        scheme = url.Substring(0, start);
        string info = url.Substring(start, at - start);
        int colon = info.IndexOf(':');
        user = colon >= 0 ? info.Substring(0, colon) : info;
        password = colon >= 0 ? info.Substring(colon + 1) : null;
        rest = url.Substring(at + 1);
        return true;
    }

    /// <summary>
    /// A credential written into a URL: a password (<c>user:token@</c>), or a token used as the user name
    /// (<c>https://ghp_…@github.com</c>, 16 characters or more). Environment placeholders (<c>${PIP_TOKEN}</c>,
    /// <c>$TOKEN</c>, <c>%(token)s</c>) are not credentials: pip, Poetry, Pipenv and uv expand them at install time.
    /// <paramref name="redacted"/> is the URL with the secret masked.
    /// </summary>
    public static bool HasCredential(string url, out string redacted)
    {
        redacted = url;
        if (!TryUserInfo(url, out string scheme, out string user, out string? password, out string rest))
        {
            return false;
        }
        if (password != null)
        {
            if (IsPlaceholder(password) || password.Length == 0)
            {
                return false;
            }
            redacted = scheme + user + ":" + Redactor.Mask + "@" + rest;
            return true;
        }
        if (user.Length >= 16 && !IsPlaceholder(user))
        {
            redacted = scheme + Redactor.RedactValue(user) + "@" + rest;
            return true;
        }
        return false;
    }

    // pip expands ${VAR} in requirements files (pip's "Using Environment Variables"); Pipenv expands ${VAR}, $VAR
    // and %VAR% in a Pipfile (pipenv.pypa.io/en/latest/credentials.html); PDM expands ${VAR}.
    private static bool IsPlaceholder(string value) =>
        value.IndexOf("${", StringComparison.Ordinal) >= 0 || value.IndexOf("%(", StringComparison.Ordinal) >= 0 ||
        value.StartsWith("$", StringComparison.Ordinal) || (value.Length > 2 && value[0] == '%' && value[value.Length - 1] == '%') ||
        SensitiveNames.IsPlaceholder(value);

    /// <summary>Any credential masked, for evidence and messages.</summary>
    public static string Redact(string url) => HasCredential(url, out string redacted) ? redacted : url;

    /// <summary>The host of a URL (or a bare <c>host[:port]</c>), lower-case, without port or user-info.</summary>
    public static string HostOf(string urlOrHost)
    {
        string s = urlOrHost.Trim();
        int sep = s.IndexOf("://", StringComparison.Ordinal);
        if (sep >= 0)
        {
            s = s.Substring(sep + 3);
        }
        int end = s.IndexOfAny(new[] { '/', '?', '#' });
        if (end >= 0)
        {
            s = s.Substring(0, end);
        }
        int at = s.LastIndexOf('@');
        if (at >= 0)
        {
            s = s.Substring(at + 1);
        }
        if (s.StartsWith("[", StringComparison.Ordinal))
        {
            int close = s.IndexOf(']');
            return (close > 0 ? s.Substring(1, close - 1) : s).ToLowerInvariant();
        }
        int colon = s.IndexOf(':');
        return (colon >= 0 ? s.Substring(0, colon) : s).ToLowerInvariant();
    }

    /// <summary>Loopback hosts: traffic to them never leaves the machine (a local devpi or proxy cache).</summary>
    public static bool IsLoopback(string host) =>
        host == "localhost" || host == "::1" || host.StartsWith("127.", StringComparison.Ordinal) || host.EndsWith(".localhost", StringComparison.Ordinal);

    /// <summary>True for <c>http://</c> (and VCS <c>git+http://</c>) URLs.</summary>
    public static bool IsPlainHttp(string url)
    {
        string u = url.TrimStart();
        int plus = u.IndexOf('+');
        if (plus > 0 && plus < 4)
        {
            u = u.Substring(plus + 1);
        }
        return u.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
    }
}
