using System.Collections.Generic;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Artifacts.Toml;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>
/// <c>pdm.lock</c>: <c>[metadata]</c> (<c>lock_version</c>, <c>content_hash</c>, <c>groups</c>, <c>strategy</c>) and
/// every <c>[[package]]</c> (name, version, <c>groups</c>, <c>marker</c>, <c>files</c> hashes, VCS/path fields).
/// </summary>
public sealed class PdmLockParser : IArtifactParser<DependencyDocument>
{
    public static PdmLockParser Instance { get; } = new();

    public DependencyDocument Parse(WorkspaceFile file, SourceText text) => Parse(file.RelativePath, text);

    public DependencyDocument Parse(string source, SourceText text)
    {
        var doc = new DependencyDocument(source, DependencySourceKind.PdmLock);
        var root = EntryFactory.ReadToml(doc, text.Text);
        if (root.Table("metadata") is TomlTable metadata)
        {
            foreach (var (key, target) in new[] { ("lock_version", "lock-version"), ("content_hash", "content-hash") })
            {
                if (metadata.String(key) is string v)
                {
                    doc.SetMetadata(target, v, metadata[key]!.Line);
                }
            }
            var groups = new List<string>();
            foreach (var (g, _) in EntryFactory.Strings(doc, metadata["groups"], "metadata.groups"))
            {
                groups.Add(g);
            }
            if (groups.Count > 0)
            {
                doc.SetMetadata("groups", string.Join(",", groups), metadata["groups"]!.Line);
            }
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
            var groupNames = new List<string>();
            foreach (var (g, _) in EntryFactory.Strings(doc, package["groups"], name + ".groups"))
            {
                groupNames.Add(g == "default" ? "main" : g);
            }
            var entry = EntryFactory.Locked(doc, name, package.String("version"), package.Line,
                groupNames.Count > 0 ? string.Join(",", groupNames) : "main", DependencySourceKind.PdmLock);
            entry.Markers = package.String("marker");
            if (package.String("git") is string git)
            {
                entry.Url = git;
                entry.Vcs = "git";
                entry.VcsRef = package.String("revision") ?? package.String("ref");
                entry.IsPinned = package.String("revision") != null;
            }
            else
            {
                entry.Url = package.String("path") ?? package.String("url");
            }
            entry.IsEditable = package.Bool("editable") == true;
            var hashes = new List<string>();
            foreach (var f in package.Array("files")?.Items ?? new List<TomlNode>())
            {
                if (f is TomlTable t)
                {
                    EntryFactory.AddHash(hashes, t.String("hash"));
                }
            }
            entry.Hashes = EntryFactory.ToArray(hashes);
            foreach (var dep in package.Array("dependencies")?.Items ?? new List<TomlNode>())
            {
                if (dep is TomlScalar { Value: string requirement } && RequirementName(requirement) is { } depName)
                {
                    doc.AddPackageDependency(name, depName);
                }
            }
            doc.Entries.Add(entry);
        }
        return doc;
    }

    // The distribution name at the start of a PEP 508 requirement ("flask[async]>=2.0; python_version>'3.8'").
    private static string? RequirementName(string requirement)
    {
        int i = 0;
        while (i < requirement.Length && char.IsWhiteSpace(requirement[i]))
        {
            i++;
        }
        int start = i;
        while (i < requirement.Length && (char.IsLetterOrDigit(requirement[i]) || requirement[i] is '-' or '_' or '.'))
        {
            i++;
        }
        return i > start ? requirement.Substring(start, i - start) : null;
    }
}
