using System;
using System.Collections.Generic;
using DeployChecks.Engine.Dependencies.Requirements;
using DeployChecks.Engine.Artifacts.Toml;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>Builds <see cref="DependencyLockEntry"/> objects for the parsers.</summary>
internal static class EntryFactory
{
    public static DependencyLockEntry New(DependencyDocument doc, string name, int line, string group, DependencySourceKind kind, bool isDirect) => new()
    {
        Name = name,
        NormalizedName = PackageName.NormalizeOrKeep(name),
        Source = doc.Source,
        Line = line,
        Group = group,
        Kind = kind,
        IsDirect = isDirect,
    };

    /// <summary>An entry from a PEP 508 string; null (and a problem) when it does not parse.</summary>
    public static DependencyLockEntry? FromPep508(DependencyDocument doc, string text, int line, string group, DependencySourceKind kind)
    {
        if (!Pep508Requirement.TryParse(text, out var req, out string? error))
        {
            doc.AddProblem(line, $"invalid requirement '{text}': {error}");
            return null;
        }
        var entry = New(doc, req!.Name, line, group, kind, isDirect: true);
        entry.Specifier = req.Specifier;
        entry.Extras = req.Extras;
        entry.Markers = req.Marker;
        if (req.Url != null)
        {
            var reference = DirectReference.Describe(req.Url);
            entry.Url = reference.Url;
            entry.VcsRef = reference.VcsRef;
            entry.Vcs = reference.VcsName;
            entry.IsPinned = reference.IsVcs ? reference.IsCommitPinned : reference.FileVersion != null;
            entry.Version = reference.IsVcs ? null : reference.FileVersion;
        }
        else
        {
            entry.Version = req.PinnedVersion;
            entry.IsPinned = entry.Version != null;
        }
        return entry;
    }

    /// <summary>A locked entry: exact version, pinned, transitive unless the lock says otherwise.</summary>
    public static DependencyLockEntry Locked(DependencyDocument doc, string name, string? version, int line, string group, DependencySourceKind kind)
    {
        var entry = New(doc, name, line, group, kind, isDirect: false);
        entry.Version = version;
        entry.Specifier = version != null ? "==" + version : "";
        entry.IsPinned = version != null;
        return entry;
    }

    /// <summary>Reads TOML and records its syntax errors as problems.</summary>
    public static TomlTable ReadToml(DependencyDocument doc, string text)
    {
        var root = TomlDocumentReader.Read(text, out var errors);
        doc.Toml = root;
        doc.HasSyntaxErrors = errors.Count > 0;
        foreach (var (line, message) in errors)
        {
            doc.AddProblem(line, "TOML syntax error: " + message);
        }
        return root;
    }

    /// <summary>Strings of a TOML array; other items become problems.</summary>
    public static IEnumerable<(string Text, int Line)> Strings(DependencyDocument doc, TomlNode? node, string what)
    {
        if (node == null)
        {
            yield break;
        }
        if (node is not TomlArray array)
        {
            doc.AddProblem(node.Line, $"{what} should be an array of strings");
            yield break;
        }
        foreach (var item in array.Items)
        {
            if (item is TomlScalar { Value: string s })
            {
                yield return (s, item.Line);
            }
            else if (item is not TomlTable)
            {
                doc.AddProblem(item.Line, $"{what}: expected a string, found '{item}'");
            }
        }
    }

    /// <summary>Hashes from a lock's <c>hash = "sha256:…"</c> fields of file tables.</summary>
    public static void AddHash(List<string> hashes, string? hash)
    {
        if (!string.IsNullOrEmpty(hash) && !hashes.Contains(hash!))
        {
            hashes.Add(hash!);
        }
    }

    public static string[] ToArray(List<string> list) => list.Count == 0 ? Array.Empty<string>() : list.ToArray();
}
