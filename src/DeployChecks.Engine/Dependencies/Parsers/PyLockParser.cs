using System.Collections.Generic;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Artifacts.Toml;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>
/// PEP 751 <c>pylock.toml</c>: <c>lock-version</c>, <c>requires-python</c>, <c>created-by</c>; every
/// <c>[[packages]]</c> (name, version, <c>marker</c>, <c>index</c>, <c>vcs</c>/<c>directory</c>/<c>archive</c>,
/// <c>sdist</c> and <c>wheels</c> hashes tables, written here as <c>algorithm:digest</c>).
/// </summary>
public sealed class PyLockParser : IArtifactParser<DependencyDocument>
{
    public static PyLockParser Instance { get; } = new();

    public DependencyDocument Parse(WorkspaceFile file, SourceText text) => Parse(file.RelativePath, text);

    public DependencyDocument Parse(string source, SourceText text)
    {
        var doc = new DependencyDocument(source, DependencySourceKind.PyLock);
        var root = EntryFactory.ReadToml(doc, text.Text);
        foreach (string key in new[] { "lock-version", "requires-python", "created-by" })
        {
            if (root.String(key) is string v)
            {
                doc.SetMetadata(key, v, root[key]!.Line);
            }
        }
        if (doc.Metadata.Count > 0 && !doc.Metadata.ContainsKey("lock-version"))
        {
            doc.AddProblem(1, "pylock.toml has no lock-version");
        }
        foreach (var item in root.Array("packages")?.Items ?? new List<TomlNode>())
        {
            if (item is not TomlTable package)
            {
                continue;
            }
            string? name = package.String("name");
            if (name == null)
            {
                doc.AddProblem(package.Line, "[[packages]] without a name");
                continue;
            }
            var entry = EntryFactory.Locked(doc, name, package.String("version"), package.Line, "main", DependencySourceKind.PyLock);
            entry.Markers = package.String("marker");
            entry.Index = package.String("index");
            var hashes = new List<string>();
            if (package.Table("vcs") is TomlTable vcs)
            {
                entry.Url = vcs.String("url") ?? vcs.String("path");
                entry.VcsRef = vcs.String("commit-id") ?? vcs.String("requested-revision");
                entry.IsPinned = vcs.String("commit-id") != null;
            }
            else if (package.Table("directory") is TomlTable directory)
            {
                entry.Url = directory.String("path");
                entry.IsEditable = directory.Bool("editable") == true;
            }
            else if (package.Table("archive") is TomlTable archive)
            {
                entry.Url = archive.String("url") ?? archive.String("path");
                AddHashes(hashes, archive.Table("hashes"));
            }
            AddHashes(hashes, package.Table("sdist")?.Table("hashes"));
            foreach (var w in package.Array("wheels")?.Items ?? new List<TomlNode>())
            {
                AddHashes(hashes, (w as TomlTable)?.Table("hashes"));
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

    private static void AddHashes(List<string> hashes, TomlTable? table)
    {
        if (table == null)
        {
            return;
        }
        foreach (var kv in table.Entries)
        {
            if (kv.Value is TomlScalar { Value: string digest })
            {
                EntryFactory.AddHash(hashes, kv.Key + ":" + digest);
            }
        }
    }
}
