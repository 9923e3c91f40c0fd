using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Dependencies.Requirements;

namespace DeployChecks.Engine.Models.Dependencies;

/// <summary>Shared bits of the stale-lock rules (DC2004–DC2006).</summary>
internal static class StaleLocks
{
    /// <summary>The manifest next to a lock (same folder), if the run parsed one.</summary>
    public static ParsedDependencyFile? Sibling(DependencySet set, ParsedDependencyFile lockFile, string name)
    {
        string path = lockFile.File.RelativePath.Replace('\\', '/');
        int slash = path.LastIndexOf('/');
        string dir = slash >= 0 ? path.Substring(0, slash + 1) : "";
        return set.Find(dir + name) ?? (dir.Length > 0 ? set.Find((dir + name).Replace('/', '\\')) : null);
    }

    /// <summary>First 12 hex digits, enough to tell two hashes apart in a message.</summary>
    public static string Short(string hash) => hash.Length > 12 ? hash.Substring(0, 12) + "…" : hash;

    /// <summary>Names declared in the manifest that the lock does not list at all (normalised), as
    /// <c>`name`</c> items for a message; at most a few.</summary>
    public static string? NotLocked(IEnumerable<DeployChecks.DependencyLockEntry> declared, IEnumerable<DeployChecks.DependencyLockEntry> locked, ISet<string>? ignore = null)
    {
        var lockedNames = new HashSet<string>(locked.Select(e => e.NormalizedName));
        var missing = declared
            .Where(e => !lockedNames.Contains(e.NormalizedName) && (ignore == null || !ignore.Contains(e.NormalizedName)))
            .Select(e => e.NormalizedName).Distinct().ToList();
        if (missing.Count == 0)
        {
            return null;
        }
        string list = string.Join(", ", missing.Take(5).Select(n => "`" + n + "`")) + (missing.Count > 5 ? $" and {missing.Count - 5} more" : "");
        return (missing.Count == 1 ? list + " is" : list + " are") + " declared but not in the lock";
    }

    public static string Normalize(string name) => PackageName.NormalizeOrKeep(name);
}
