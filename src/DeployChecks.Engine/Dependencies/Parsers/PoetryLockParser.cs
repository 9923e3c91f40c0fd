using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Artifacts.Toml;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>
/// <c>poetry.lock</c>: every <c>[[package]]</c> (name, version, <c>category</c> of lock 1.x or <c>groups</c> of
/// 2.x as the group, <c>markers</c>, <c>files</c> hashes — or the 1.x <c>[metadata.files]</c> table — and
/// <c>[package.source]</c>); <c>[metadata]</c> <c>lock-version</c>, <c>content-hash</c>, <c>python-versions</c>.
/// </summary>
public sealed class PoetryLockParser : IArtifactParser<DependencyDocument>
{
    public static PoetryLockParser Instance { get; } = new();

    public DependencyDocument Parse(WorkspaceFile file, SourceText text) => Parse(file.RelativePath, text);

    public DependencyDocument Parse(string source, SourceText text)
    {
        var doc = new DependencyDocument(source, DependencySourceKind.PoetryLock);
        var root = EntryFactory.ReadToml(doc, text.Text);
        var metadata = root.Table("metadata");
        if (metadata != null)
        {
            foreach (string key in new[] { "lock-version", "content-hash", "python-versions" })
            {
                if (metadata.String(key) is string v)
                {
                    doc.SetMetadata(key, v, metadata[key]!.Line);
                }
            }
        }
        var legacyFiles = metadata?.Table("files");
        // Poetry 0.12 locks: [metadata.hashes] name = ["<hex>", …] (bare sha256 digests).
        var legacyHashes = metadata?.Table("hashes");
        if (root["package"] is TomlNode node && node is not TomlArray)
        {
            doc.AddProblem(node.Line, "'package' should be an array of tables ([[package]])");
            return doc;
        }
        foreach (var item in root.Array("package")?.Items ?? new List<TomlNode>())
        {
            if (item is not TomlTable package)
            {
                continue;
            }
            string? name = package.String("name");
            if (name == null)
            {
                doc.AddProblem(package.Line, "[[package]] without a name");
                continue;
            }
            string? version = package.String("version");
            if (version == null)
            {
                doc.AddProblem(package.Line, $"{name}: no version");
            }
            var entry = EntryFactory.Locked(doc, name, version, package.Line, Group(package), DependencySourceKind.PoetryLock);
            // Poetry 0.12 wrote the singular "marker".
            entry.Markers = package.String("markers") ?? package.String("marker") ?? GroupMarkers(package.Table("markers"));
            var hashes = new List<string>();
            AddFileHashes(hashes, package.Array("files"));
            if (legacyFiles?.Array(name) is TomlArray legacy)
            {
                AddFileHashes(hashes, legacy);
            }
            foreach (var digest in legacyHashes?.Array(name)?.Items ?? new List<TomlNode>())
            {
                if (digest is TomlScalar { Value: string hex })
                {
                    EntryFactory.AddHash(hashes, hex.IndexOf(':') < 0 ? "sha256:" + hex : hex);
                }
            }
            entry.Hashes = EntryFactory.ToArray(hashes);
            foreach (var dep in package.Table("dependencies")?.Entries ?? new List<KeyValuePair<string, TomlNode>>())
            {
                doc.AddPackageDependency(name, dep.Key);
            }
            if (package.Table("source") is TomlTable src)
            {
                string? type = src.String("type");
                string? url = src.String("url");
                if (type == "legacy")
                {
                    entry.Index = src.String("reference") ?? url;
                    AddSource(doc, src.String("reference"), url, src.Line);
                }
                else
                {
                    entry.Url = url;
                    if (type is "git" or "hg")
                    {
                        entry.Vcs = type;
                        entry.VcsRef = src.String("resolved_reference") ?? src.String("reference");
                        entry.IsPinned = src.String("resolved_reference") != null;
                    }
                    entry.IsEditable = package.Bool("develop") == true;
                }
            }
            doc.Entries.Add(entry);
        }
        return doc;
    }

    // The index URLs the lock recorded, once each (poetry writes [package.source] for every package of a
    // non-PyPI source).
    private static void AddSource(DependencyDocument doc, string? name, string? url, int line)
    {
        if (url == null)
        {
            return;
        }
        foreach (var s in doc.Sources)
        {
            if (s.Url == url)
            {
                return;
            }
        }
        doc.Sources.Add(new PackageIndexSource(name, url, true, line));
    }

    private static string Group(TomlTable package)
    {
        if (package.Array("groups") is TomlArray groups)
        {
            var names = new List<string>();
            foreach (var g in groups.Items)
            {
                if (g is TomlScalar { Value: string s })
                {
                    names.Add(s);
                }
            }
            if (names.Count > 0)
            {
                return string.Join(",", names);
            }
        }
        return package.String("category") ?? "main";
    }

    // Lock 2.1 writes markers per group ({main = "…", dev = "…"}): the package is needed when any applies.
    private static string? GroupMarkers(TomlTable? markers)
    {
        if (markers == null)
        {
            return null;
        }
        var parts = new List<string>();
        foreach (var kv in markers.Entries)
        {
            if (kv.Value is TomlScalar { Value: string m } && !parts.Contains("(" + m + ")"))
            {
                parts.Add("(" + m + ")");
            }
        }
        return parts.Count == 0 ? null : parts.Count == 1 ? parts[0].Substring(1, parts[0].Length - 2) : string.Join(" or ", parts);
    }

    private static void AddFileHashes(List<string> hashes, TomlArray? files)
    {
        if (files == null)
        {
            return;
        }
        foreach (var f in files.Items)
        {
            if (f is TomlTable t)
            {
                EntryFactory.AddHash(hashes, t.String("hash"));
            }
        }
    }
}
