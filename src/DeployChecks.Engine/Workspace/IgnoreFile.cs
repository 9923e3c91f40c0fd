using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Workspace;

/// <summary>The patterns of one <c>.gitignore</c> (or <c>info/exclude</c>), with git's semantics: blank lines
/// and <c>#</c> comments skipped, <c>!</c> re-includes, a trailing <c>/</c> matches directories only, a
/// pattern with a <c>/</c> before its end is anchored to the file's directory, otherwise it matches a name
/// at any depth, and the last matching pattern decides.</summary>
public sealed class IgnoreFile
{
    private readonly List<IgnorePattern> _patterns = new();

    /// <param name="baseDirectory">The directory holding the file, relative to the walk root with <c>/</c>
    /// separators; empty for the root itself.</param>
    /// <param name="source">Where the patterns came from, for diagnostics.</param>
    public IgnoreFile(string baseDirectory, string text, string source)
    {
        BaseDirectory = baseDirectory.Trim('/');
        Source = source;
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var p = IgnorePattern.Parse(lines[i].TrimEnd('\r'), i + 1);
            if (p != null)
            {
                _patterns.Add(p);
            }
        }
    }

    public string BaseDirectory { get; }

    public string Source { get; }

    public int Count => _patterns.Count;

    /// <summary>Decides for a path relative to the walk root: true = ignored, false = re-included by
    /// a <c>!</c> pattern, null = no pattern of this file matches (ask the parent's file).</summary>
    public bool? Match(string relativePath, bool isDirectory)
    {
        string local;
        if (BaseDirectory.Length == 0)
        {
            local = relativePath;
        }
        else if (relativePath.Length > BaseDirectory.Length && relativePath[BaseDirectory.Length] == '/' &&
                 relativePath.StartsWith(BaseDirectory, StringComparison.Ordinal))
        {
            local = relativePath.Substring(BaseDirectory.Length + 1);
        }
        else
        {
            return null;
        }
        string[]? parts = null;
        string name = local.Substring(local.LastIndexOf('/') + 1);
        for (int i = _patterns.Count - 1; i >= 0; i--)
        {
            var p = _patterns[i];
            if (p.DirectoryOnly && !isDirectory)
            {
                continue;
            }
            bool hit;
            if (p.Anchored)
            {
                parts ??= local.Split('/');
                hit = p.Glob.IsMatch(parts);
            }
            else
            {
                hit = Glob.MatchSegment(p.Glob.Pattern, name, false);
            }
            if (hit)
            {
                return !p.Negated;
            }
        }
        return null;
    }

    private sealed class IgnorePattern
    {
        private IgnorePattern(Glob glob, bool negated, bool directoryOnly, bool anchored)
        {
            Glob = glob;
            Negated = negated;
            DirectoryOnly = directoryOnly;
            Anchored = anchored;
        }

        public Glob Glob { get; }
        public bool Negated { get; }
        public bool DirectoryOnly { get; }
        public bool Anchored { get; }

        public static IgnorePattern? Parse(string line, int lineNumber)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                return null;
            }
            // Trailing spaces are ignored unless escaped with a backslash.
            int end = line.Length;
            while (end > 0 && line[end - 1] == ' ' && !(end > 1 && line[end - 2] == '\\'))
            {
                end--;
            }
            line = line.Substring(0, end);
            if (line.Length == 0)
            {
                return null;
            }
            bool negated = false;
            if (line[0] == '!')
            {
                negated = true;
                line = line.Substring(1);
            }
            else if (line.StartsWith("\\!", StringComparison.Ordinal) || line.StartsWith("\\#", StringComparison.Ordinal))
            {
                line = line.Substring(1);
            }
            bool dirOnly = false;
            if (line.EndsWith("/", StringComparison.Ordinal))
            {
                dirOnly = true;
                line = line.TrimEnd('/');
            }
            if (line.Length == 0)
            {
                return null;
            }
            bool anchored = line.IndexOf('/') >= 0;
            line = line.TrimStart('/');
            if (line.Length == 0)
            {
                return null;
            }
            _ = lineNumber;
            return new IgnorePattern(new Glob(line), negated, dirOnly, anchored);
        }
    }
}
