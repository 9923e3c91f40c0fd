using System.Collections.Generic;

namespace DeployChecks.Engine.Text;

/// <summary>Forward-slash path arithmetic for paths inside images, CI checkouts and the workspace (no file system).</summary>
public static class PosixPath
{
    /// <summary>Joins <paramref name="path"/> to <paramref name="dir"/> (an absolute path replaces it) and normalises:
    /// absolute stays absolute (<c>/app/x</c>), relative stays relative without a leading slash.</summary>
    public static string Combine(string dir, string path)
    {
        if (path.StartsWith("/", System.StringComparison.Ordinal))
        {
            return "/" + Normalize(path);
        }
        if (dir.StartsWith("/", System.StringComparison.Ordinal))
        {
            return "/" + Normalize(dir.TrimEnd('/') + "/" + path);
        }
        return Normalize(dir.Length == 0 ? path : dir.TrimEnd('/') + "/" + path);
    }

    /// <summary>Drops <c>.</c> and empty segments, folds <c>..</c>; no leading slash; backslashes read as slashes.</summary>
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var seg in path.Replace('\\', '/').Split('/'))
        {
            if (seg.Length == 0 || seg == ".")
            {
                continue;
            }
            if (seg == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(seg);
        }
        return string.Join("/", parts);
    }

    /// <summary>The directory part (<c>a/b</c> of <c>a/b/c</c>), empty for a bare name.</summary>
    public static string DirectoryOf(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash > 0 ? path.Substring(0, slash) : "";
    }

    /// <summary>The last segment.</summary>
    public static string FileName(string path) => path.Substring(path.LastIndexOf('/') + 1);
}
