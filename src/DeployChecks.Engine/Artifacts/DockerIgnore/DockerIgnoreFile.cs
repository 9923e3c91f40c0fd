using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace DeployChecks.Engine.Artifacts.DockerIgnore;

/// <summary>One <c>.dockerignore</c> line as Docker reads it: the cleaned pattern, whether it re-includes
/// (<c>!</c>), and its 1-based line.</summary>
public sealed class DockerIgnorePattern
{
    private enum Kind { Exact, Prefix, Suffix, Regex }

    private readonly Kind _kind;
    private readonly Regex? _regex;

    internal DockerIgnorePattern(string pattern, bool exclusion, int line)
    {
        Pattern = pattern;
        IsReinclude = exclusion;
        Line = line;
        (_kind, _regex) = Compile(pattern);
    }

    /// <summary>The pattern after Docker's cleaning (<c>./a//b/</c> → <c>a/b</c>, leading <c>/</c> dropped), without <c>!</c>.</summary>
    public string Pattern { get; }

    /// <summary>True for <c>!pattern</c>: a path it matches is sent to the build after all.</summary>
    public bool IsReinclude { get; }

    public int Line { get; }

    /// <summary>Does the pattern match this path (relative to the context, <c>/</c>-separated) exactly? A regex that
    /// runs out of time does not match.</summary>
    public bool Matches(string path)
    {
        switch (_kind)
        {
            case Kind.Exact:
                return path == Pattern;
            case Kind.Prefix:
                return path.StartsWith(Pattern.Substring(0, Pattern.Length - 2), StringComparison.Ordinal);
            case Kind.Suffix:
                // "**/x" matches "x" itself and anything ending in "/x"; "**x" anything ending in "x"
                string suffix = Pattern.Substring(2);
                return suffix.StartsWith("/", StringComparison.Ordinal) && path == suffix.Substring(1) || path.EndsWith(suffix, StringComparison.Ordinal);
            default:
                try
                {
                    return _regex!.IsMatch(path);
                }
                catch (RegexMatchTimeoutException)
                {
                    return false;
                }
        }
    }

    /// <summary>Docker's translation (moby/patternmatcher): <c>*</c> and <c>?</c> stay within a path element, <c>**</c>
    /// spans any number of them (a leading one makes a suffix match, a trailing one a prefix match), <c>\</c>
    /// escapes, <c>[…]</c> classes.</summary>
    private static (Kind, Regex?) Compile(string pattern)
    {
        var re = new StringBuilder("^");
        var kind = Kind.Exact;
        for (int i = 0; i < pattern.Length; i++)
        {
            char ch = pattern[i];
            if (ch == '*')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    bool first = i == 0;
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                    }
                    if (i + 1 >= pattern.Length)
                    {
                        if (kind == Kind.Exact)
                        {
                            kind = Kind.Prefix;
                        }
                        else
                        {
                            re.Append(".*");
                            kind = Kind.Regex;
                        }
                    }
                    else
                    {
                        re.Append("(.*/)?");
                        kind = Kind.Regex;
                    }
                    if (first)
                    {
                        kind = Kind.Suffix;
                    }
                }
                else
                {
                    re.Append("[^/]*");
                    kind = Kind.Regex;
                }
            }
            else if (ch == '?')
            {
                re.Append("[^/]");
                kind = Kind.Regex;
            }
            else if (ch is '.' or '+' or '(' or ')' or '|' or '{' or '}' or '$' or '^' && !(ch == '^' && i > 0 && pattern[i - 1] == '['))
            {
                re.Append('\\').Append(ch);
            }
            else if (ch == '\\')
            {
                if (i + 1 < pattern.Length)
                {
                    re.Append('\\').Append(pattern[++i]);
                    kind = Kind.Regex;
                }
                else
                {
                    re.Append("\\\\");
                }
            }
            else if (ch is '[' or ']')
            {
                re.Append(ch);
                kind = Kind.Regex;
            }
            else
            {
                re.Append(ch);
            }
        }
        if (kind != Kind.Regex)
        {
            return (kind, null);
        }
        re.Append('$');
        try
        {
            return (kind, new Regex(re.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)));
        }
        catch (ArgumentException)
        {
            // an unclosed [ — Docker refuses the pattern; it matches nothing here (and is reported by the parser)
            return (Kind.Regex, new Regex("(?!)", RegexOptions.CultureInvariant));
        }
    }

    public override string ToString() => (IsReinclude ? "!" : "") + Pattern;
}

/// <summary>
/// A parsed <c>.dockerignore</c> (or <c>&lt;Dockerfile&gt;.dockerignore</c>) with Docker's semantics: lines starting
/// with <c>#</c> are comments, patterns are trimmed and cleaned like Go's <c>filepath.Clean</c> and are relative to
/// the context root (<c>*.pyc</c> is root-level only; <c>**/*.pyc</c> is anywhere); a path is excluded when the
/// last pattern matching it or one of its parent directories is not a <c>!</c> re-include.
/// </summary>
public sealed class DockerIgnoreFile
{
    /// <summary>Error ID of the problems this parser records.</summary>
    public const string MalformedId = "MalformedDockerignore";

    public const int MaxPatterns = 10_000;
    public const int MaxLineLength = 4096;

    private DockerIgnoreFile(List<DockerIgnorePattern> patterns, List<ArtifactProblem> problems)
    {
        Patterns = patterns;
        Problems = problems;
    }

    public IReadOnlyList<DockerIgnorePattern> Patterns { get; }

    /// <summary>Lines Docker would refuse (a lone <c>!</c>, an unclosed <c>[</c>), too long, or past the pattern limit.</summary>
    public IReadOnlyList<ArtifactProblem> Problems { get; }

    public static DockerIgnoreFile Parse(string text)
    {
        var patterns = new List<DockerIgnorePattern>();
        var problems = new List<ArtifactProblem>();
        int lineNo = 0;
        foreach (string raw in text.Split('\n'))
        {
            lineNo++;
            string line = lineNo == 1 ? raw.TrimStart('\uFEFF') : raw;
            if (line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }
            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (line.Length > MaxLineLength)
            {
                problems.Add(new ArtifactProblem(MalformedId, lineNo, 0, $"pattern longer than {MaxLineLength} characters; ignored"));
                continue;
            }
            if (patterns.Count >= MaxPatterns)
            {
                problems.Add(new ArtifactProblem(MalformedId, lineNo, 0, $"more than {MaxPatterns} patterns; the rest is ignored"));
                break;
            }
            bool reinclude = line[0] == '!';
            if (reinclude)
            {
                line = line.Substring(1).Trim();
                if (line.Length == 0)
                {
                    problems.Add(new ArtifactProblem(MalformedId, lineNo, 0, "a lone '!' is not a pattern (docker build refuses it)"));
                    continue;
                }
            }
            string cleaned = Clean(line);
            if (cleaned.Length > 1 && cleaned[0] == '/')
            {
                cleaned = cleaned.Substring(1);
            }
            if (UnclosedClass(cleaned))
            {
                problems.Add(new ArtifactProblem(MalformedId, lineNo, 0, "unclosed '[' in pattern (docker build refuses it)"));
            }
            patterns.Add(new DockerIgnorePattern(cleaned, reinclude, lineNo));
        }
        return new DockerIgnoreFile(patterns, problems);
    }

    /// <summary>True when the build does not send <paramref name="path"/> (relative to the context, <c>/</c>-separated):
    /// patterns apply in order, each to the path and to each of its parent directories, and the last that matches
    /// decides.</summary>
    public bool IsExcluded(string path)
    {
        path = path.Trim('/');
        bool matched = false;
        string[] parents = path.Split('/');
        foreach (var p in Patterns)
        {
            // an include cannot change an already included path, nor an exclude an excluded one
            if (p.IsReinclude != matched)
            {
                continue;
            }
            bool match = p.Matches(path);
            if (!match && parents.Length > 1)
            {
                var prefix = new StringBuilder();
                for (int i = 0; i < parents.Length - 1 && !match; i++)
                {
                    if (i > 0)
                    {
                        prefix.Append('/');
                    }
                    prefix.Append(parents[i]);
                    match = p.Matches(prefix.ToString());
                }
            }
            if (match)
            {
                matched = !p.IsReinclude;
            }
        }
        return matched;
    }

    /// <summary>The ignore file a build of <paramref name="dockerfile"/> with context <paramref name="context"/> reads
    /// (paths relative to the workspace, <c>/</c>-separated): BuildKit's <c>&lt;Dockerfile path&gt;.dockerignore</c>
    /// next to the Dockerfile when it exists, else <c>.dockerignore</c> at the context root; null when neither exists.</summary>
    public static string? Locate(string context, string dockerfile, Func<string, bool> exists)
    {
        string specific = dockerfile + ".dockerignore";
        if (exists(specific))
        {
            return specific;
        }
        string root = context.Trim('/');
        string general = root.Length == 0 || root == "." ? ".dockerignore" : root + "/.dockerignore";
        return exists(general) ? general : null;
    }

    /// <summary>Go's <c>filepath.Clean</c> on <c>/</c> paths.</summary>
    internal static string Clean(string path)
    {
        bool rooted = path.StartsWith("/", StringComparison.Ordinal);
        var parts = new List<string>();
        foreach (string part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count > 0 && parts[parts.Count - 1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add("..");
                }
                continue;
            }
            parts.Add(part);
        }
        string joined = string.Join("/", parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    private static bool UnclosedClass(string pattern)
    {
        int depth = 0;
        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] == '[')
            {
                depth++;
            }
            else if (pattern[i] == ']' && depth > 0)
            {
                depth--;
            }
        }
        return depth > 0;
    }
}
