using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Dependencies.Requirements;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>
/// Parses one pip requirements file the way pip's <c>req_file.py</c> reads it: backslash continuations joined
/// (a comment line ends one), comments (<c>#</c> at line start or after whitespace) removed, the line split
/// into requirement and options at the first token starting with <c>-</c>, options tokenised like
/// <c>shlex.split</c>. Includes (<c>-r</c>/<c>-c</c>) are recorded, not followed: see
/// <see cref="RequirementsIncludeResolver"/>. Bad lines become problems; parsing goes on.
/// </summary>
public sealed class RequirementsFileParser : IArtifactParser<RequirementsFile>
{
    public static RequirementsFileParser Instance { get; } = new();

    public RequirementsFile Parse(WorkspaceFile file, SourceText text) => Parse(file.RelativePath, text);

    public RequirementsFile Parse(string source, SourceText text)
    {
        var doc = new RequirementsFile(source);
        string group = GroupFromPath(source);
        bool constraintsFile = FileName(source).StartsWith("constraints", StringComparison.OrdinalIgnoreCase);
        foreach (var (line, content) in LogicalLines(text.Text))
        {
            string stripped = StripComment(content).Trim();
            if (stripped.Length == 0)
            {
                continue;
            }
            SplitArgsOptions(stripped, out string args, out string options);
            var tokens = CommandLineSplitter.Split(options, out string? splitError);
            if (tokens == null)
            {
                doc.AddProblem(line, $"cannot read options '{options}': {splitError}");
                continue;
            }
            if (args.Length > 0)
            {
                var entry = ParseRequirement(doc, args, line);
                if (entry == null)
                {
                    continue;
                }
                entry.Group = group;
                entry.IsConstraint = constraintsFile;
                ApplyRequirementOptions(doc, entry, tokens, line);
                doc.Entries.Add(entry);
            }
            else
            {
                ApplyGlobalOptions(doc, tokens, line, group, constraintsFile);
            }
        }
        return doc;
    }

    /// <summary>pip's <c>join_lines</c>: (first line number, joined text) pairs.</summary>
    internal static IEnumerable<(int Line, string Text)> LogicalLines(string text)
    {
        int lineNumber = 0;
        int primary = 0;
        System.Text.StringBuilder? pending = null;
        int pos = 0;
        while (pos <= text.Length)
        {
            if (pos == text.Length && pos > 0 && (text[pos - 1] == '\n' || text[pos - 1] == '\r'))
            {
                break;
            }
            int end = pos;
            while (end < text.Length && text[end] != '\n' && text[end] != '\r')
            {
                end++;
            }
            string line = text.Substring(pos, end - pos);
            pos = end < text.Length && text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
            lineNumber++;
            bool comment = IsCommentLine(line);
            if (!line.EndsWith("\\", StringComparison.Ordinal) || comment)
            {
                if (comment)
                {
                    line = " " + line;
                }
                if (pending != null)
                {
                    pending.Append(line);
                    yield return (primary, pending.ToString());
                    pending = null;
                }
                else
                {
                    yield return (lineNumber, line);
                }
            }
            else
            {
                if (pending == null)
                {
                    primary = lineNumber;
                    pending = new System.Text.StringBuilder();
                }
                pending.Append(line.Trim('\\'));
            }
        }
        if (pending != null)
        {
            yield return (primary, pending.ToString());
        }
    }

    // COMMENT_RE.match: '#' at the start, or after leading whitespace.
    private static bool IsCommentLine(string line)
    {
        int i = 0;
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }
        return i < line.Length && line[i] == '#';
    }

    // COMMENT_RE.sub: drop from the first '#' that starts the line or follows whitespace.
    internal static string StripComment(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                int start = i;
                while (start > 0 && char.IsWhiteSpace(line[start - 1]))
                {
                    start--;
                }
                return line.Substring(0, start);
            }
        }
        return line;
    }

    // pip's break_args_options: tokens split on ' ' until one starts with '-'.
    private static void SplitArgsOptions(string line, out string args, out string options)
    {
        var tokens = line.Split(' ');
        int k = 0;
        while (k < tokens.Length && !tokens[k].StartsWith("-", StringComparison.Ordinal))
        {
            k++;
        }
        args = string.Join(" ", tokens, 0, k);
        options = string.Join(" ", tokens, k, tokens.Length - k);
    }

    private static DependencyLockEntry? ParseRequirement(RequirementsFile doc, string args, int line)
    {
        string text = args.Trim();
        int at = text.IndexOf('@');
        bool namedUrl = at > 0 && !DirectReference.LooksLikeUrlOrPath(text.Substring(0, at).Trim()) && text.IndexOf("://", StringComparison.Ordinal) > at;
        // Decide URL/path vs requirement on the part before the marker (';' for names and paths, "; " for URLs).
        int markerAt = text.IndexOf("://", StringComparison.Ordinal) > 0 ? text.IndexOf("; ", StringComparison.Ordinal) : text.IndexOf(';');
        string head = (markerAt >= 0 ? text.Substring(0, markerAt) : text).Trim();
        if (!namedUrl && DirectReference.LooksLikeUrlOrPath(head))
        {
            return LinkEntry(doc, text, line, editable: false);
        }
        if (!Pep508Requirement.TryParse(text, out var req, out string? error))
        {
            if (text.IndexOf("${", StringComparison.Ordinal) >= 0)
            {
                // pip expands ${VAR} from the environment at install time; keep the text as written.
                int end = 0;
                while (end < text.Length && PackageName.IsNameChar(text[end]))
                {
                    end++;
                }
                if (end > 0 && PackageName.IsValid(text.Substring(0, end)))
                {
                    var unresolved = NewEntry(doc, text.Substring(0, end), line);
                    unresolved.Specifier = text.Substring(end).Trim();
                    return unresolved;
                }
            }
            doc.AddProblem(line, $"invalid requirement '{text}': {error}");
            return null;
        }
        var entry = NewEntry(doc, req!.Name, line);
        entry.Specifier = req.Specifier;
        entry.Extras = req.Extras;
        entry.Markers = req.Marker;
        if (req.Url != null)
        {
            ApplyUrl(entry, DirectReference.Describe(req.Url));
        }
        else
        {
            entry.Version = req.PinnedVersion;
            entry.IsPinned = entry.Version != null;
        }
        return entry;
    }

    private static DependencyLockEntry LinkEntry(RequirementsFile doc, string text, int line, bool editable)
    {
        string? marker = null;
        // pip: for URLs the marker separator is "; " (a bare ';' can be part of a URL); for paths ';'.
        int semi = text.IndexOf("; ", StringComparison.Ordinal);
        if (semi < 0 && text.IndexOf("://", StringComparison.Ordinal) < 0)
        {
            semi = text.IndexOf(';');
        }
        if (semi >= 0)
        {
            marker = text.Substring(semi + 1).Trim();
            text = text.Substring(0, semi).Trim();
        }
        string[] extras = Array.Empty<string>();
        // A local path may carry extras: ./pkg[extra]
        if (text.EndsWith("]", StringComparison.Ordinal) && text.IndexOf("://", StringComparison.Ordinal) < 0)
        {
            int open = text.LastIndexOf('[');
            if (open > 0)
            {
                extras = text.Substring(open + 1, text.Length - open - 2).Split(',');
                for (int i = 0; i < extras.Length; i++)
                {
                    extras[i] = extras[i].Trim();
                }
                text = text.Substring(0, open);
            }
        }
        var reference = DirectReference.Describe(text);
        var entry = NewEntry(doc, reference.GuessName(), line);
        entry.Markers = marker;
        entry.Extras = extras;
        entry.IsEditable = editable;
        ApplyUrl(entry, reference);
        return entry;
    }

    private static void ApplyUrl(DependencyLockEntry entry, DirectReference reference)
    {
        entry.Url = reference.Url;
        entry.VcsRef = reference.VcsRef;
        if (reference.IsVcs)
        {
            entry.IsPinned = reference.IsCommitPinned;
        }
        else if (reference.FileVersion != null)
        {
            entry.Version = reference.FileVersion;
            entry.IsPinned = true;
        }
    }

    private static DependencyLockEntry NewEntry(RequirementsFile doc, string name, int line) => new()
    {
        Name = name,
        NormalizedName = PackageName.NormalizeOrKeep(name),
        Source = doc.Source,
        Line = line,
        Kind = DeployChecks.DependencySourceKind.Requirements,
        IsDirect = true,
    };

    private static void ApplyRequirementOptions(RequirementsFile doc, DependencyLockEntry entry, List<string> tokens, int line)
    {
        var hashes = new List<string>();
        for (int i = 0; i < tokens.Count; i++)
        {
            string t = tokens[i];
            if (!TryOption(tokens, ref i, out string name, out string? value, out _))
            {
                doc.AddProblem(line, $"'{t}' is not an option pip accepts on a requirement line");
                break;
            }
            switch (name)
            {
                case "--hash":
                    if (value == null)
                    {
                        doc.AddProblem(line, "--hash needs a value (--hash=sha256:…)");
                    }
                    else if (value.IndexOf(':') <= 0)
                    {
                        doc.AddProblem(line, $"--hash '{value}' is not of the form algorithm:digest");
                    }
                    else
                    {
                        hashes.Add(value);
                    }
                    break;
                case "--global-option":
                case "--config-settings":
                case "--install-option":
                    break;
                default:
                    doc.AddProblem(line, $"option {name} is not allowed on a requirement line");
                    break;
            }
        }
        if (hashes.Count > 0)
        {
            entry.Hashes = hashes.ToArray();
        }
    }

    private static void ApplyGlobalOptions(RequirementsFile doc, List<string> tokens, int line, string group, bool constraintsFile)
    {
        var o = doc.Options;
        for (int i = 0; i < tokens.Count; i++)
        {
            string t = tokens[i];
            if (!TryOption(tokens, ref i, out string name, out string? value, out bool needsValue))
            {
                doc.AddProblem(line, t.StartsWith("-", StringComparison.Ordinal) ? $"no such option: {name}" : $"unexpected '{t}'");
                break;
            }
            if (needsValue && value == null)
            {
                doc.AddProblem(line, $"option {name} needs a value");
                continue;
            }
            switch (name)
            {
                case "-r":
                case "-c":
                    doc.Includes.Add(new RequirementsInclude(value!, ResolveRelative(doc.Source, value!), line, name == "-c"));
                    break;
                case "-e":
                    var entry = LinkEntry(doc, value!, line, editable: true);
                    entry.Group = group;
                    entry.IsConstraint = constraintsFile;
                    doc.Entries.Add(entry);
                    break;
                case "-i":
                    o.IndexUrl = value;
                    doc.Sources.Add(new PackageIndexSource("index-url", value!, true, line));
                    break;
                case "--extra-index-url":
                    o.ExtraIndexUrls.Add(value!);
                    doc.Sources.Add(new PackageIndexSource("extra-index-url", value!, true, line));
                    break;
                case "-f":
                    o.FindLinks.Add(value!);
                    break;
                case "--trusted-host":
                    o.TrustedHosts.Add(value!);
                    doc.Sources.Add(new PackageIndexSource("trusted-host", value!, false, line, isTrustedHost: true));
                    break;
                case "--no-index":
                    o.NoIndex = true;
                    break;
                case "--require-hashes":
                    o.RequireHashes = true;
                    break;
                case "--pre":
                    o.Pre = true;
                    break;
                case "--prefer-binary":
                    o.PreferBinary = true;
                    break;
                case "--only-binary":
                    o.OnlyBinary.Add(value!);
                    break;
                case "--no-binary":
                    o.NoBinary.Add(value!);
                    break;
                case "--use-feature":
                    break;
                default:
                    doc.AddProblem(line, $"option {name} is not allowed on its own line");
                    break;
            }
        }
    }

    private static readonly Dictionary<string, (string Canonical, bool TakesValue)> KnownOptions = new(StringComparer.Ordinal)
    {
        ["-r"] = ("-r", true),
        ["--requirement"] = ("-r", true),
        ["-c"] = ("-c", true),
        ["--constraint"] = ("-c", true),
        ["-e"] = ("-e", true),
        ["--editable"] = ("-e", true),
        ["-i"] = ("-i", true),
        ["--index-url"] = ("-i", true),
        ["--extra-index-url"] = ("--extra-index-url", true),
        ["-f"] = ("-f", true),
        ["--find-links"] = ("-f", true),
        ["--trusted-host"] = ("--trusted-host", true),
        ["--no-index"] = ("--no-index", false),
        ["--require-hashes"] = ("--require-hashes", false),
        ["--pre"] = ("--pre", false),
        ["--prefer-binary"] = ("--prefer-binary", false),
        ["--only-binary"] = ("--only-binary", true),
        ["--no-binary"] = ("--no-binary", true),
        ["--use-feature"] = ("--use-feature", true),
        ["--hash"] = ("--hash", true),
        ["--global-option"] = ("--global-option", true),
        ["--install-option"] = ("--install-option", true),
        ["--config-settings"] = ("--config-settings", true),
    };

    // optparse forms: --long=value, --long value, -xvalue, -x value.
    private static bool TryOption(List<string> tokens, ref int i, out string name, out string? value, out bool needsValue)
    {
        string t = tokens[i];
        value = null;
        name = t;
        needsValue = false;
        string key = t;
        string? inline = null;
        if (t.StartsWith("--", StringComparison.Ordinal))
        {
            int eq = t.IndexOf('=');
            if (eq > 0)
            {
                key = t.Substring(0, eq);
                inline = t.Substring(eq + 1);
            }
        }
        else if (t.StartsWith("-", StringComparison.Ordinal) && t.Length > 2)
        {
            key = t.Substring(0, 2);
            inline = t.Substring(2);
        }
        else if (!t.StartsWith("-", StringComparison.Ordinal))
        {
            return false;
        }
        if (!KnownOptions.TryGetValue(key, out var known))
        {
            name = key;
            return false;
        }
        name = known.Canonical;
        needsValue = known.TakesValue;
        if (!known.TakesValue)
        {
            return inline == null;
        }
        if (inline != null)
        {
            value = inline;
        }
        else if (i + 1 < tokens.Count)
        {
            value = tokens[++i];
        }
        return true;
    }

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

    private static string FileName(string path)
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
