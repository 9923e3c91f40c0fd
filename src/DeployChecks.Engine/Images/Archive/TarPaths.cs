using System;
using System.Linq;
using System.Text;

namespace DeployChecks.Engine.Images.Archive;

/// <summary>Entry names and link targets of untrusted archives, checked lexically (nothing is ever resolved on disk).</summary>
public static class TarPaths
{
    /// <summary>The entry name without <c>./</c>, empty and <c>.</c> segments; refuses absolute names and <c>..</c>.
    /// Returns "" for the archive root itself.</summary>
    public static string Clean(string name, string archive)
    {
        if (name.StartsWith("/", StringComparison.Ordinal))
        {
            throw new ImageScanException(ImageErrors.Hostile, $"{archive}: entry '{TarReader.Shorten(name)}' has an absolute path; refused.", name);
        }
        if (name.IndexOf('\0') >= 0)
        {
            throw new ImageScanException(ImageErrors.Hostile, $"{archive}: an entry name holds a NUL character; refused.", name);
        }
        var sb = new StringBuilder(name.Length);
        foreach (string part in name.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                throw new ImageScanException(ImageErrors.Hostile, $"{archive}: entry '{TarReader.Shorten(name)}' climbs out of the archive with '..'; refused.", name);
            }
            if (sb.Length > 0)
            {
                sb.Append('/');
            }
            sb.Append(part);
        }
        return sb.ToString();
    }

    /// <summary>Refuses a symbolic link whose relative target climbs above the root from the link's directory.
    /// Absolute targets resolve inside the image's root and are accepted.</summary>
    public static void CheckSymlink(string entry, string target, string archive)
    {
        if (target.StartsWith("/", StringComparison.Ordinal))
        {
            return;
        }
        int depth = 0;
        int slash = entry.LastIndexOf('/');
        if (slash > 0)
        {
            foreach (string part in entry.Substring(0, slash).Split('/'))
            {
                if (part.Length > 0 && part != ".")
                {
                    depth++;
                }
            }
        }
        foreach (string part in target.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }
            depth += part == ".." ? -1 : 1;
            if (depth < 0)
            {
                throw new ImageScanException(ImageErrors.Hostile,
                    $"{archive}: symbolic link '{TarReader.Shorten(entry)}' points to '{TarReader.Shorten(target)}', outside the image root; refused.", entry);
            }
        }
    }

    /// <summary>The path a relative symbolic link at <paramref name="entry"/> points to, normalised (<c>..</c> applied);
    /// null when it climbs above the root.</summary>
    public static string? Resolve(string entry, string target)
    {
        var parts = new System.Collections.Generic.List<string>();
        int slash = entry.LastIndexOf('/');
        foreach (string part in (slash > 0 ? entry.Substring(0, slash) + "/" : "").Split('/').Concat(target.Split('/')))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join("/", parts);
    }

    /// <summary>A hard link names another entry of the same archive: it must be a clean relative path.</summary>
    public static string CheckHardLink(string entry, string target, string archive)
    {
        try
        {
            return Clean(target, archive);
        }
        catch (ImageScanException)
        {
            throw new ImageScanException(ImageErrors.Hostile,
                $"{archive}: hard link '{TarReader.Shorten(entry)}' points to '{TarReader.Shorten(target)}', outside the image root; refused.", entry);
        }
    }
}
