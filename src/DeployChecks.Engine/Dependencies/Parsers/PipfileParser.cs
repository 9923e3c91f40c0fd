using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Artifacts.Toml;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>
/// Pipenv's <c>Pipfile</c> (TOML): <c>[packages]</c> (group <c>main</c>), <c>[dev-packages]</c> (<c>dev</c>) and
/// any other category table, <c>[[source]]</c> indexes, <c>[requires]</c> python version.
/// </summary>
public sealed class PipfileParser : IArtifactParser<DependencyDocument>
{
    private static readonly HashSet<string> NonCategories = new(StringComparer.Ordinal) { "source", "requires", "scripts", "pipenv", "dev-packages", "packages" };

    public static PipfileParser Instance { get; } = new();

    public DependencyDocument Parse(WorkspaceFile file, SourceText text) => Parse(file.RelativePath, text);

    public DependencyDocument Parse(string source, SourceText text)
    {
        var doc = new DependencyDocument(source, DependencySourceKind.Pipfile);
        var root = EntryFactory.ReadToml(doc, text.Text);
        if (root.Array("source") is TomlArray sources)
        {
            foreach (var item in sources.Items)
            {
                if (item is TomlTable s && s.String("url") is string url)
                {
                    doc.Sources.Add(new PackageIndexSource(s.String("name"), url, s.Bool("verify_ssl") != false, s["url"]!.Line));
                }
            }
        }
        if (root.Table("requires") is TomlTable requires)
        {
            foreach (string key in new[] { "python_version", "python_full_version" })
            {
                if (requires.String(key) is string v)
                {
                    doc.SetMetadata(key, v, requires[key]!.Line);
                }
            }
        }
        ReadCategory(doc, root.Table("packages"), "main");
        ReadCategory(doc, root.Table("dev-packages"), "dev");
        foreach (var kv in root.Entries)
        {
            if (!NonCategories.Contains(kv.Key) && kv.Value is TomlTable custom)
            {
                ReadCategory(doc, custom, kv.Key);
            }
        }
        return doc;
    }

    private static void ReadCategory(DependencyDocument doc, TomlTable? table, string group)
    {
        if (table == null)
        {
            return;
        }
        foreach (var kv in table.Entries)
        {
            var entry = EntryFactory.New(doc, kv.Key, kv.Value.Line, group, DependencySourceKind.Pipfile, isDirect: true);
            switch (kv.Value)
            {
                case TomlScalar { Value: string spec }:
                    SetSpecifier(doc, entry, spec);
                    break;
                case TomlTable t:
                    if (t.String("version") is string version)
                    {
                        SetSpecifier(doc, entry, version);
                    }
                    entry.Markers = t.String("markers");
                    entry.Index = t.String("index");
                    entry.IsEditable = t.Bool("editable") == true;
                    if (t.Array("extras") is TomlArray extras)
                    {
                        var list = new List<string>();
                        foreach (var e in extras.Items)
                        {
                            if (e is TomlScalar { Value: string s })
                            {
                                list.Add(s);
                            }
                        }
                        entry.Extras = list.ToArray();
                    }
                    foreach (string vcs in new[] { "git", "hg", "svn", "bzr" })
                    {
                        if (t.String(vcs) is string url)
                        {
                            entry.Url = url;
                            entry.Vcs = vcs;
                            entry.VcsRef = t.String("ref");
                            entry.IsPinned = entry.VcsRef != null && entry.VcsRef.Length >= 40;
                        }
                    }
                    entry.Url ??= t.String("path") ?? t.String("file");
                    break;
                default:
                    doc.AddProblem(kv.Value.Line, $"{kv.Key}: expected a version string or a table");
                    continue;
            }
            doc.Entries.Add(entry);
        }
    }

    private static void SetSpecifier(DependencyDocument doc, DependencyLockEntry entry, string spec)
    {
        spec = spec.Trim();
        if (spec == "*" || spec.Length == 0)
        {
            return;
        }
        if (!Versioning.Pep440SpecifierSet.TryParse(spec, out var set))
        {
            doc.AddProblem(entry.Line, $"{entry.Name}: invalid version specifier '{spec}'");
            entry.Specifier = spec;
            return;
        }
        entry.Specifier = set!.ToString();
        if (set.Count == 1 && set.Specifiers[0].Operator is "==" or "===" && !set.Specifiers[0].IsWildcard)
        {
            entry.Version = set.Specifiers[0].Version;
            entry.IsPinned = true;
        }
    }
}
