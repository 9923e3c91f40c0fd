using System.Collections.Generic;
using System;
using DeployChecks.Engine.Artifacts.Shell;
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
        string group = RequirementsPaths.GroupFromPath(source);
        bool constraintsFile = RequirementsPaths.FileName(source).StartsWith("constraints", StringComparison.OrdinalIgnoreCase);
        foreach (var (line, content) in RequirementsLineReader.LogicalLines(text.Text))
        {
            string stripped = RequirementsLineReader.StripComment(content).Trim();
            if (stripped.Length == 0)
            {
                continue;
            }
            RequirementsLineReader.SplitArgsOptions(stripped, out string args, out string options);
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
            entry.Vcs = reference.VcsName;
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
            if (!PipOptions.TryOption(tokens, ref i, out string name, out string? value, out _))
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
                default:
                    // pip parses a requirement line with every requirements-file option (req_file.build_parser uses
                    // SUPPORTED_OPTIONS + SUPPORTED_OPTIONS_REQ) and keeps only the per-requirement ones
                    // (handle_requirement_line): `psycopg2==2.8.5 --no-binary psycopg2`, long in cookiecutter-django's
                    // requirements/production.txt, installs without error, the option unused.
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
            if (!PipOptions.TryOption(tokens, ref i, out string name, out string? value, out bool needsValue))
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
                    doc.Includes.Add(new RequirementsInclude(value!, RequirementsPaths.ResolveRelative(doc.Source, value!), line, name == "-c"));
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
                    doc.Sources.Add(new PackageIndexSource("find-links", value!, true, line));
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

}
