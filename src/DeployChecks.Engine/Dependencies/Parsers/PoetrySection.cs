using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts.Toml;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>Poetry's <c>[tool.poetry]</c> dependency tables.</summary>
internal static class PoetrySection
{
    public static void Read(DependencyDocument doc, TomlTable? poetry)
    {
        if (poetry == null)
        {
            return;
        }
        ReadTable(doc, poetry.Table("dependencies"), "main");
        ReadTable(doc, poetry.Table("dev-dependencies"), "dev");
        if (poetry.Table("group") is TomlTable groups)
        {
            foreach (var kv in groups.Entries)
            {
                if (kv.Value is TomlTable group)
                {
                    ReadTable(doc, group.Table("dependencies"), kv.Key);
                }
            }
        }
        AssignExtras(doc, poetry.Table("extras"));
        if (poetry.Array("source") is TomlArray sources)
        {
            foreach (var item in sources.Items)
            {
                if (item is TomlTable s && s.String("url") is string url)
                {
                    doc.Sources.Add(new PackageIndexSource(s.String("name"), url, true, s["url"]!.Line));
                }
            }
        }
    }

    // Optional main dependencies belong to the extras that list them ([tool.poetry.extras] name = ["pkg", …]).
    private static void AssignExtras(DependencyDocument doc, TomlTable? extras)
    {
        if (extras == null)
        {
            return;
        }
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var kv in extras.Entries)
        {
            foreach (var (name, _) in EntryFactory.Strings(doc, kv.Value, "tool.poetry.extras." + kv.Key))
            {
                string key = Requirements.PackageName.NormalizeOrKeep(name);
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = new List<string>();
                }
                list.Add(kv.Key);
            }
        }
        foreach (var entry in doc.Entries)
        {
            if (entry.Kind == DependencySourceKind.PoetryPyproject && entry.Group == "main" && groups.TryGetValue(entry.NormalizedName, out var names))
            {
                entry.Group = string.Join(",", names);
            }
        }
    }

    private static void ReadTable(DependencyDocument doc, TomlTable? table, string group)
    {
        if (table == null)
        {
            return;
        }
        foreach (var kv in table.Entries)
        {
            if (string.Equals(kv.Key, "python", StringComparison.OrdinalIgnoreCase))
            {
                if (group == "main" && kv.Value is TomlScalar { Value: string python })
                {
                    doc.SetMetadata("requires-python", PoetryConstraint.ToPep440(python) ?? python, kv.Value.Line);
                }
                continue;
            }
            switch (kv.Value)
            {
                case TomlScalar { Value: string constraint } scalar:
                    doc.Entries.Add(FromConstraint(doc, kv.Key, constraint, scalar.Line, group));
                    break;
                case TomlTable spec:
                    doc.Entries.Add(FromTable(doc, kv.Key, spec, group));
                    break;
                case TomlArray multiple:
                    foreach (var item in multiple.Items)
                    {
                        if (item is TomlTable t)
                        {
                            doc.Entries.Add(FromTable(doc, kv.Key, t, group));
                        }
                        else
                        {
                            doc.AddProblem(item.Line, $"{kv.Key}: expected a table in the list of constraints");
                        }
                    }
                    break;
                default:
                    doc.AddProblem(kv.Value.Line, $"{kv.Key}: expected a version string or a table");
                    break;
            }
        }
    }

    private static DependencyLockEntry FromConstraint(DependencyDocument doc, string name, string constraint, int line, string group)
    {
        var entry = EntryFactory.New(doc, name, line, group, DependencySourceKind.PoetryPyproject, isDirect: true);
        string? spec = PoetryConstraint.ToPep440(constraint);
        if (spec == null)
        {
            entry.Specifier = constraint.Trim();
            if (!constraint.Contains("|"))
            {
                doc.AddProblem(line, $"{name}: cannot read version constraint '{constraint}'");
            }
            return entry;
        }
        entry.Specifier = spec;
        if (spec.StartsWith("==", StringComparison.Ordinal) && spec.IndexOf(',') < 0 && !spec.EndsWith(".*", StringComparison.Ordinal))
        {
            entry.Version = spec.Substring(2);
            entry.IsPinned = true;
        }
        return entry;
    }

    private static DependencyLockEntry FromTable(DependencyDocument doc, string name, TomlTable spec, string group)
    {
        DependencyLockEntry entry = spec.String("version") is string version
            ? FromConstraint(doc, name, version, spec.Line, group)
            : EntryFactory.New(doc, name, spec.Line, group, DependencySourceKind.PoetryPyproject, isDirect: true);
        entry.Line = spec.Line;
        entry.Markers = spec.String("markers");
        entry.IsEditable = spec.Bool("develop") == true;
        entry.Index = spec.String("source");
        if (spec.Array("extras") is TomlArray extras)
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
        if (spec.String("git") is string git)
        {
            entry.Url = git;
            entry.Vcs = "git";
            entry.VcsRef = spec.String("rev") ?? spec.String("tag") ?? spec.String("branch");
            string? rev = spec.String("rev");
            entry.IsPinned = rev != null && rev.Length >= 40;
        }
        else if ((spec.String("path") ?? spec.String("url")) is string location)
        {
            entry.Url = location;
        }
        return entry;
    }
}
