using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>Paths of requirements files: include resolution and the group a file name implies.</summary>
internal static class RequirementsPaths
{
    /// <summary>Resolves <paramref name="path"/> against the directory of <paramref name="source"/>; null for URLs
    /// and paths that leave the root.</summary>
    internal static string? ResolveRelative(string source, string path)
    {
        if (path.IndexOf("://", StringComparison.Ordinal) > 0)
        {
            return null;
        }
        path = path.Replace('\\', '/');
        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            path = path.Substring(5);
        }
        if (path.StartsWith("/", StringComparison.Ordinal) || (path.Length > 1 && path[1] == ':'))
        {
            return null;
        }
        int slash = source.LastIndexOf('/');
        var parts = new List<string>();
        if (slash > 0)
        {
            parts.AddRange(source.Substring(0, slash).Split('/'));
        }
        foreach (string segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }
            if (segment == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(segment);
        }
        return string.Join("/", parts);
    }

    internal static string FileName(string path)
    {
        int slash = path.LastIndexOf('/');
        return path.Substring(slash + 1);
    }

    /// <summary><c>main</c>, or <c>dev</c>/<c>test</c>/<c>docs</c>/<c>lint</c> when the file name or folder says so.</summary>
    internal static string GroupFromPath(string path)
    {
        string lower = path.ToLowerInvariant();
        int slash = lower.LastIndexOf('/');
        string dir = slash >= 0 ? lower.Substring(0, slash) : "";
        string name = lower.Substring(slash + 1);
        string stem = name.Contains(".") ? name.Substring(0, name.LastIndexOf('.')) : name;
        if (!stem.StartsWith("requirements", StringComparison.Ordinal) && !stem.StartsWith("constraints", StringComparison.Ordinal) &&
            !dir.EndsWith("requirements", StringComparison.Ordinal))
        {
            return "main";
        }
        string tag = stem.Replace("requirements", "").Replace("constraints", "").Trim('-', '_', '.');
        if (tag.Length == 0)
        {
            return "main";
        }
        if (tag.Contains("dev") || tag.Contains("local"))
        {
            return "dev";
        }
        if (tag.Contains("test") || tag == "ci")
        {
            return "test";
        }
        if (tag.Contains("doc"))
        {
            return "docs";
        }
        if (tag.Contains("lint"))
        {
            return "lint";
        }
        return tag.Contains("prod") || tag.Contains("base") || tag.Contains("main") || tag.Contains("common") ? "main" : tag;
    }
}
