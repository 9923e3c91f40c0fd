using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Dependencies.Requirements;
using DeployChecks.Engine.Artifacts.Toml;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>
/// <c>uv.lock</c>: <c>version</c>, <c>revision</c>, <c>requires-python</c>; every <c>[[package]]</c> with its
/// <c>source</c> (registry, git, url, path, editable, virtual), <c>sdist</c> and <c>wheels</c> hashes. The project's
/// own packages (editable/virtual sources) are not entries; the packages they depend on are the direct ones,
/// grouped by the project's <c>optional-dependencies</c> / <c>dev-dependencies</c> table they appear in.
/// </summary>
public sealed class UvLockParser : IArtifactParser<DependencyDocument>
{
    public static UvLockParser Instance { get; } = new();

    public DependencyDocument Parse(WorkspaceFile file, SourceText text) => Parse(file.RelativePath, text);

    public DependencyDocument Parse(string source, SourceText text)
    {
        var doc = new DependencyDocument(source, DependencySourceKind.UvLock);
        var root = EntryFactory.ReadToml(doc, text.Text);
        if (root["version"] is TomlScalar version)
        {
            doc.SetMetadata("lock-version", version.ToString(), version.Line);
        }
        if (root["revision"] is TomlScalar revision)
        {
            doc.SetMetadata("revision", revision.ToString(), revision.Line);
        }
        if (root.String("requires-python") is string requires)
        {
            doc.SetMetadata("requires-python", requires, root["requires-python"]!.Line);
        }
        var packages = new List<TomlTable>();
        foreach (var item in root.Array("package")?.Items ?? new List<TomlNode>())
        {
            if (item is TomlTable t)
            {
                packages.Add(t);
            }
        }
        var directGroups = DirectDependencies(packages);
        foreach (var package in packages)
        {
            string? name = package.String("name");
            if (name == null)
            {
                doc.AddProblem(package.Line, "[[package]] without a name");
                continue;
            }
            var src = package.Table("source");
            if (IsProject(src))
            {
                ReadRequiresDist(doc, package.Table("metadata"));
                continue;
            }
            string normalized = PackageName.Normalize(name);
            bool direct = directGroups.TryGetValue(normalized, out string? group);
            var entry = EntryFactory.Locked(doc, name, package.String("version"), package.Line, group ?? "main", DependencySourceKind.UvLock);
            entry.IsDirect = direct;
            if (src != null)
            {
                if (src.String("registry") is string registry)
                {
                    entry.Index = registry;
                    if (!doc.Sources.Exists(s => s.Url == registry))
                    {
                        doc.Sources.Add(new PackageIndexSource("registry", registry, true, src.Line));
                    }
                }
                else if (src.String("git") is string git)
                {
                    int hash = git.LastIndexOf('#');
                    entry.VcsRef = hash >= 0 ? git.Substring(hash + 1) : null;
                    entry.Url = hash >= 0 ? git.Substring(0, hash) : git;
                    entry.Vcs = "git";
                    entry.IsPinned = entry.VcsRef != null;
                }
                else
                {
                    entry.Url = src.String("url") ?? src.String("path") ?? src.String("directory");
                }
            }
            var hashes = new List<string>();
            if (package.Table("sdist") is TomlTable sdist)
            {
                EntryFactory.AddHash(hashes, sdist.String("hash"));
            }
            foreach (var w in package.Array("wheels")?.Items ?? new List<TomlNode>())
            {
                if (w is TomlTable wheel)
                {
                    EntryFactory.AddHash(hashes, wheel.String("hash"));
                }
            }
            entry.Hashes = EntryFactory.ToArray(hashes);
            foreach (var dep in package.Array("dependencies")?.Items ?? new List<TomlNode>())
            {
                if (dep is TomlTable d && d.String("name") is string depName)
                {
                    doc.AddPackageDependency(name, depName);
                }
            }
            doc.Entries.Add(entry);
        }
        return doc;
    }

    // [package.metadata] requires-dist = [{ name, specifier, marker, extras, git/url/path }], requires-dev = { group = [...] }.
    private static void ReadRequiresDist(DependencyDocument doc, TomlTable? metadata)
    {
        if (metadata == null)
        {
            return;
        }
        AddRequirements(doc, metadata.Array("requires-dist"), "main");
        if (metadata.Table("requires-dev") is TomlTable dev)
        {
            foreach (var kv in dev.Entries)
            {
                AddRequirements(doc, kv.Value as TomlArray, kv.Key);
            }
        }
    }

    private static void AddRequirements(DependencyDocument doc, TomlArray? list, string group)
    {
        foreach (var item in list?.Items ?? new List<TomlNode>())
        {
            if (item is not TomlTable t || t.String("name") is not string name)
            {
                continue;
            }
            var entry = EntryFactory.New(doc, name, t.Line, group, DependencySourceKind.UvLock, isDirect: true);
            entry.Specifier = t.String("specifier") ?? "";
            entry.Markers = t.String("marker");
            entry.Url = t.String("git") ?? t.String("url") ?? t.String("path") ?? t.String("editable");
            if (t.Array("extras") is TomlArray extras)
            {
                var names = new List<string>();
                foreach (var e in extras.Items)
                {
                    if (e is TomlScalar { Value: string x })
                    {
                        names.Add(x);
                    }
                }
                entry.Extras = names.ToArray();
            }
            doc.LockedRequirements.Add(entry);
        }
    }

    private static bool IsProject(TomlTable? source) =>
        source != null && (source.String("editable") == "." || source.String("virtual") == ".");

    // Names the project packages depend on, with the first group they appear in ("main" for dependencies).
    private static Dictionary<string, string> DirectDependencies(List<TomlTable> packages)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var package in packages)
        {
            if (!IsProject(package.Table("source")))
            {
                continue;
            }
            AddNames(result, package.Array("dependencies"), "main");
            foreach (string table in new[] { "optional-dependencies", "dev-dependencies" })
            {
                if (package.Table(table) is TomlTable groups)
                {
                    foreach (var kv in groups.Entries)
                    {
                        AddNames(result, kv.Value as TomlArray, kv.Key);
                    }
                }
            }
        }
        return result;
    }

    private static void AddNames(Dictionary<string, string> result, TomlArray? deps, string group)
    {
        foreach (var d in deps?.Items ?? new List<TomlNode>())
        {
            if (d is TomlTable t && t.String("name") is string name)
            {
                string key = PackageName.Normalize(name);
                if (!result.ContainsKey(key))
                {
                    result[key] = group;
                }
            }
        }
    }
}
