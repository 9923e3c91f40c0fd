using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Artifacts.Toml;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>
/// <c>pyproject.toml</c>: PEP 621 <c>[project]</c> <c>dependencies</c> (group <c>main</c>),
/// <c>optional-dependencies</c> (group = extra name) and <c>requires-python</c>; PEP 735
/// <c>[dependency-groups]</c> with <c>include-group</c> expanded (cycles reported); Poetry
/// <c>[tool.poetry.dependencies]</c>, <c>dev-dependencies</c> and <c>group.*.dependencies</c> with constraints
/// translated to PEP 440 (the <c>python</c> key becomes <c>requires-python</c>); the older tool-specific dev lists
/// <c>[tool.uv] dev-dependencies</c> (group <c>dev</c>) and <c>[tool.pdm.dev-dependencies]</c> (group = key).
/// </summary>
public sealed class PyprojectParser : IArtifactParser<DependencyDocument>
{
    private const int MaxIncludeDepth = 32;
    private const int MaxExpandedEntries = 50_000;

    public static PyprojectParser Instance { get; } = new();

    public DependencyDocument Parse(WorkspaceFile file, SourceText text) => Parse(file.RelativePath, text);

    public DependencyDocument Parse(string source, SourceText text)
    {
        var doc = new DependencyDocument(source, DependencySourceKind.Pyproject);
        var root = EntryFactory.ReadToml(doc, text.Text);
        ReadProject(doc, root.Table("project"));
        ReadDependencyGroups(doc, root.Table("dependency-groups"));
        PoetrySection.Read(doc, root.Path("tool", "poetry"));
        ReadUv(doc, root.Path("tool", "uv"));
        ReadPdm(doc, root.Path("tool", "pdm"));
        // Packaging facts that tell an application from a library (DC2001): a [build-system] table, and Poetry's
        // package-mode = false (a non-package project: poetry install installs the dependencies only).
        if (root.Table("build-system") is TomlTable buildSystem)
        {
            doc.SetMetadata("build-backend", buildSystem.String("build-backend") ?? "", buildSystem.Line);
        }
        if (root.Path("tool", "poetry") is TomlTable poetry && poetry["package-mode"] is TomlScalar { Value: bool packageMode } mode)
        {
            doc.SetMetadata("package-mode", packageMode ? "true" : "false", mode.Line);
        }
        return doc;
    }

    // uv: [[tool.uv.index]] url, the older index-url / extra-index-url, allow-insecure-host (uv's docs,
    // concepts/authentication/certificates.md: "allow insecure connections to dedicated hosts"), and git sources
    // ([tool.uv.sources] name = { git = "…", rev/tag/branch = "…" }) applied to the entries they replace.
    private static void ReadUv(DependencyDocument doc, TomlTable? uv)
    {
        if (uv == null)
        {
            return;
        }
        foreach (var item in uv.Array("index")?.Items ?? new List<TomlNode>())
        {
            if (item is TomlTable index && index.String("url") is string url)
            {
                doc.Sources.Add(new PackageIndexSource(index.String("name"), url, true, index["url"]!.Line));
            }
        }
        foreach (string key in new[] { "index-url", "extra-index-url", "find-links" })
        {
            switch (uv[key])
            {
                case TomlScalar { Value: string one } scalar:
                    doc.Sources.Add(new PackageIndexSource(key, one, true, scalar.Line));
                    break;
                case TomlArray many:
                    foreach (var (url, line) in EntryFactory.Strings(doc, many, "tool.uv." + key))
                    {
                        doc.Sources.Add(new PackageIndexSource(key, url, true, line));
                    }
                    break;
            }
        }
        foreach (var (host, line) in EntryFactory.Strings(doc, uv["allow-insecure-host"], "tool.uv.allow-insecure-host"))
        {
            doc.Sources.Add(new PackageIndexSource("allow-insecure-host", host, false, line, isTrustedHost: true));
        }
        // uv's older dev list ([tool.uv] dev-dependencies, group "dev"; uv reads it with [dependency-groups] dev).
        foreach (var (text, line) in EntryFactory.Strings(doc, uv["dev-dependencies"], "tool.uv.dev-dependencies"))
        {
            Add(doc, EntryFactory.FromPep508(doc, text, line, "dev", DependencySourceKind.Pyproject));
        }
        if (uv.Table("sources") is TomlTable sources)
        {
            foreach (var kv in sources.Entries)
            {
                var specs = kv.Value is TomlArray list ? list.Items : new List<TomlNode> { kv.Value };
                foreach (var spec in specs)
                {
                    if (spec is TomlTable t && t.String("git") is string git)
                    {
                        ApplyGitSource(doc, kv.Key, git, t);
                    }
                }
            }
        }
    }

    private static void ApplyGitSource(DependencyDocument doc, string name, string git, TomlTable spec)
    {
        string normalized = Requirements.PackageName.NormalizeOrKeep(name);
        string? rev = spec.String("rev");
        foreach (var entry in doc.Entries)
        {
            if (entry.Kind == DependencySourceKind.Pyproject && entry.NormalizedName == normalized && entry.Url == null)
            {
                entry.Url = git;
                entry.Vcs = "git";
                entry.VcsRef = rev ?? spec.String("tag") ?? spec.String("branch");
                entry.IsPinned = rev != null && rev.Length >= 40 && IsHex(rev);
                entry.Version = null;
            }
        }
    }

    private static bool IsHex(string s)
    {
        foreach (char c in s)
        {
            if (!Uri.IsHexDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    // PDM: [tool.pdm.dev-dependencies] (PDM's dev groups before PEP 735: group = key, PEP 508 strings; "-e ./x"
    // editable local paths are skipped, as they name no package) and [[tool.pdm.source]] name, url, verify_ssl.
    private static void ReadPdm(DependencyDocument doc, TomlTable? pdm)
    {
        foreach (var group in pdm?.Table("dev-dependencies")?.Entries ?? new List<KeyValuePair<string, TomlNode>>())
        {
            foreach (var (text, line) in EntryFactory.Strings(doc, group.Value, "tool.pdm.dev-dependencies." + group.Key))
            {
                if (!text.TrimStart().StartsWith("-e", StringComparison.Ordinal))
                {
                    Add(doc, EntryFactory.FromPep508(doc, text, line, group.Key, DependencySourceKind.Pyproject));
                }
            }
        }
        foreach (var item in pdm?.Array("source")?.Items ?? new List<TomlNode>())
        {
            if (item is TomlTable s && s.String("url") is string url)
            {
                doc.Sources.Add(new PackageIndexSource(s.String("name"), url, s.Bool("verify_ssl") != false, s["url"]!.Line));
            }
        }
    }

    private static void ReadProject(DependencyDocument doc, TomlTable? project)
    {
        if (project == null)
        {
            return;
        }
        if (project.String("name") is string name)
        {
            doc.SetMetadata("name", name, project["name"]!.Line);
        }
        if (project.String("version") is string version)
        {
            doc.SetMetadata("version", version, project["version"]!.Line);
        }
        if (project.String("requires-python") is string requires)
        {
            doc.SetMetadata("requires-python", requires, project["requires-python"]!.Line);
        }
        foreach (var (text, line) in EntryFactory.Strings(doc, project["dependencies"], "project.dependencies"))
        {
            Add(doc, EntryFactory.FromPep508(doc, text, line, "main", DependencySourceKind.Pyproject));
        }
        if (project["optional-dependencies"] is TomlNode optional)
        {
            if (optional is not TomlTable extras)
            {
                doc.AddProblem(optional.Line, "project.optional-dependencies should be a table");
                return;
            }
            foreach (var kv in extras.Entries)
            {
                foreach (var (text, line) in EntryFactory.Strings(doc, kv.Value, "project.optional-dependencies." + kv.Key))
                {
                    Add(doc, EntryFactory.FromPep508(doc, text, line, kv.Key, DependencySourceKind.Pyproject));
                }
            }
        }
    }

    private static void ReadDependencyGroups(DependencyDocument doc, TomlTable? groups)
    {
        if (groups == null)
        {
            return;
        }
        var reported = new HashSet<int>();
        foreach (string group in groups.Keys)
        {
            ExpandGroup(doc, groups, group, group, new List<string>(), reported);
        }
    }

    // PEP 735: a group's requirements plus those of the groups it includes (names compared normalised).
    private static void ExpandGroup(DependencyDocument doc, TomlTable groups, string target, string current, List<string> stack, HashSet<int> reported)
    {
        var node = FindGroup(groups, current);
        if (node == null || stack.Count >= MaxIncludeDepth || doc.Entries.Count >= MaxExpandedEntries)
        {
            return;
        }
        if (node is not TomlArray array)
        {
            doc.AddProblem(node.Line, $"dependency-groups.{current} should be an array");
            return;
        }
        stack.Add(Requirements.PackageName.Normalize(current));
        foreach (var item in array.Items)
        {
            if (item is TomlScalar { Value: string s })
            {
                Add(doc, EntryFactory.FromPep508(doc, s, item.Line, target, DependencySourceKind.Pyproject));
            }
            else if (item is TomlTable t && t.String("include-group") is string include)
            {
                string normalized = Requirements.PackageName.Normalize(include);
                if (stack.Contains(normalized))
                {
                    if (reported.Add(item.Line))
                    {
                        doc.AddProblem(item.Line, $"dependency-groups.{current}: include-group '{include}' forms a cycle ({string.Join(" -> ", stack)} -> {normalized})");
                    }
                    continue;
                }
                if (FindGroup(groups, include) == null)
                {
                    if (target == current)
                    {
                        doc.AddProblem(item.Line, $"dependency-groups.{current}: include-group '{include}' does not exist");
                    }
                    continue;
                }
                ExpandGroup(doc, groups, target, include, stack, reported);
            }
            else if (target == current)
            {
                doc.AddProblem(item.Line, $"dependency-groups.{current}: expected a requirement string or {{include-group = \"…\"}}");
            }
        }
        stack.RemoveAt(stack.Count - 1);
    }

    private static TomlNode? FindGroup(TomlTable groups, string name)
    {
        string normalized = Requirements.PackageName.Normalize(name);
        foreach (var kv in groups.Entries)
        {
            if (Requirements.PackageName.Normalize(kv.Key) == normalized)
            {
                return kv.Value;
            }
        }
        return null;
    }

    internal static void Add(DependencyDocument doc, DependencyLockEntry? entry)
    {
        if (entry != null)
        {
            doc.Entries.Add(entry);
        }
    }
}
