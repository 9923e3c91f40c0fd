using System;

namespace DeployChecks.Engine.Dependencies.Requirements;

/// <summary>What a direct URL, VCS URL or local path in a requirement says: VCS and revision, the
/// <c>#egg=</c> name, and a name/version taken from a wheel or sdist file name.</summary>
internal sealed class DirectReference
{
    private static readonly string[] VcsSchemes = { "git+", "hg+", "svn+", "bzr+" };
    private static readonly string[] ArchiveSuffixes = { ".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".zip", ".tar" };

    private DirectReference(string url)
    {
        Url = url;
    }

    /// <summary>The URL or path without the VCS revision and fragment.</summary>
    public string Url { get; private set; }

    public bool IsVcs { get; private set; }

    /// <summary><c>git</c>, <c>hg</c>, <c>svn</c> or <c>bzr</c> for a VCS URL; null otherwise.</summary>
    public string? VcsName { get; private set; }

    public string? VcsRef { get; private set; }

    public string? EggName { get; private set; }

    /// <summary>Name and version from a wheel (<c>name-1.0-py3-none-any.whl</c>) or sdist file name.</summary>
    public string? FileName { get; private set; }

    public string? FileVersion { get; private set; }

    /// <summary>True when a VCS revision is a full 40-hex (git/hg) commit id.</summary>
    public bool IsCommitPinned => VcsRef != null && VcsRef.Length >= 40 && IsHex(VcsRef);

    public static bool LooksLikeUrlOrPath(string s)
    {
        if (s.IndexOf("://", StringComparison.Ordinal) > 0 || s.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        foreach (string v in VcsSchemes)
        {
            if (s.StartsWith(v, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        if (s.StartsWith(".", StringComparison.Ordinal) || s.StartsWith("/", StringComparison.Ordinal) || s.StartsWith("~", StringComparison.Ordinal) ||
            s.IndexOf('/') >= 0 || s.IndexOf('\\') >= 0)
        {
            return true;
        }
        return s.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) || HasArchiveSuffix(s) != null;
    }

    public static DirectReference Describe(string raw)
    {
        var d = new DirectReference(raw);
        string url = raw;
        int hash = url.IndexOf('#');
        if (hash >= 0)
        {
            string fragment = url.Substring(hash + 1);
            url = url.Substring(0, hash);
            foreach (string part in fragment.Split('&'))
            {
                if (part.StartsWith("egg=", StringComparison.Ordinal))
                {
                    d.EggName = part.Substring(4);
                }
            }
        }
        foreach (string v in VcsSchemes)
        {
            if (url.StartsWith(v, StringComparison.OrdinalIgnoreCase))
            {
                d.IsVcs = true;
                d.VcsName = v.Substring(0, v.Length - 1);
                break;
            }
        }
        if (d.IsVcs)
        {
            // The revision is after the last '@' of the path (not the user@host of the netloc).
            int scheme = url.IndexOf("://", StringComparison.Ordinal);
            int pathStart = scheme >= 0 ? url.IndexOf('/', scheme + 3) : -1;
            int at = url.LastIndexOf('@');
            if (pathStart >= 0 && at > pathStart)
            {
                d.VcsRef = url.Substring(at + 1);
                url = url.Substring(0, at);
            }
        }
        else
        {
            int q = url.IndexOf('?');
            string path = q >= 0 ? url.Substring(0, q) : url;
            int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            string file = Uri.UnescapeDataString(path.Substring(slash + 1));
            if (file.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
            {
                var parts = file.Split('-');
                if (parts.Length >= 5)
                {
                    d.FileName = parts[0];
                    d.FileVersion = parts[1];
                }
            }
            else
            {
                string? suffix = HasArchiveSuffix(file);
                if (suffix != null)
                {
                    string stem = file.Substring(0, file.Length - suffix.Length);
                    int dash = stem.LastIndexOf('-');
                    if (dash > 0 && dash < stem.Length - 1 && char.IsDigit(stem[dash + 1]))
                    {
                        d.FileName = stem.Substring(0, dash);
                        d.FileVersion = stem.Substring(dash + 1);
                    }
                }
            }
        }
        d.Url = url;
        return d;
    }

    /// <summary>A best-effort name: <c>#egg=</c>, the file name, or the repository / directory name.</summary>
    public string GuessName()
    {
        if (!string.IsNullOrEmpty(EggName))
        {
            int bracket = EggName!.IndexOf('[');
            return bracket > 0 ? EggName.Substring(0, bracket) : EggName;
        }
        if (FileName != null)
        {
            return FileName;
        }
        string u = Url.TrimEnd('/', '\\');
        int slash = Math.Max(u.LastIndexOf('/'), u.LastIndexOf('\\'));
        string last = u.Substring(slash + 1);
        if (last.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            last = last.Substring(0, last.Length - 4);
        }
        return last.Length == 0 || last == "." ? u : last;
    }

    private static string? HasArchiveSuffix(string s)
    {
        foreach (string suffix in ArchiveSuffixes)
        {
            if (s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return suffix;
            }
        }
        return null;
    }

    private static bool IsHex(string s)
    {
        foreach (char c in s)
        {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            {
                return false;
            }
        }
        return true;
    }
}
