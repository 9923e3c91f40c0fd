using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts.Yaml;
using DeployChecks.Engine.Text;

namespace DeployChecks.Engine.Artifacts.Compose;

/// <summary>
/// A compose project: one or more <see cref="ComposeFile"/>s merged the way <c>docker compose</c> merges
/// <c>compose.yaml</c> + <c>compose.override.yaml</c> or a <c>-f a.yml -f b.yml</c> set (see <see cref="ComposeMerge"/>),
/// <c>extends</c> applied. Each merged value keeps the file and line that set it (<see cref="ComposeService.LocationOf"/>,
/// the <c>Location</c> of every typed value). Values are not interpolated. The run's projects are the
/// <c>Models.Compose.ComposeProjects</c> run model; <see cref="Merge"/> builds one from files directly.
/// </summary>
public sealed class ComposeModel
{
    private ComposeModel(IReadOnlyList<ComposeFile> files, YamlMapping root, IReadOnlyList<ComposeService> services,
        IReadOnlyList<(Workspace.WorkspaceFile File, ArtifactProblem Problem)> problems)
    {
        Files = files;
        Root = root;
        Services = services;
        Problems = problems;
        Volumes = Resources("volumes");
        Secrets = Resources("secrets");
        Configs = Resources("configs");
        Networks = Resources("networks");
    }

    /// <summary>The files, in merge order (the first is the base).</summary>
    public IReadOnlyList<ComposeFile> Files { get; }

    /// <summary>The merged top-level mapping.</summary>
    public YamlMapping Root { get; }

    /// <summary>The merged services, in the order they were first declared.</summary>
    public IReadOnlyList<ComposeService> Services { get; }

    public IReadOnlyList<ComposeResource> Volumes { get; }

    public IReadOnlyList<ComposeResource> Secrets { get; }

    public IReadOnlyList<ComposeResource> Configs { get; }

    public IReadOnlyList<ComposeResource> Networks { get; }

    /// <summary>Merge and <c>extends</c> problems (a missing base service, a cycle, values of another shape) with the
    /// file they are in. The files' own problems are on each <see cref="ComposeFile"/>.</summary>
    public IReadOnlyList<(Workspace.WorkspaceFile File, ArtifactProblem Problem)> Problems { get; }

    public string? Name => Root.GetString("name");

    /// <summary>The base file (the first one).</summary>
    public ComposeFile BaseFile => Files[0];

    /// <summary>The project directory (the base file's), relative to the workspace root.</summary>
    public string Directory => Files[0].Directory;

    public ComposeService? Service(string name)
    {
        foreach (var s in Services)
        {
            if (s.Name == name)
            {
                return s;
            }
        }
        return null;
    }

    public override string ToString() => string.Join(" + ", Files);

    /// <summary>Merges <paramref name="files"/> in order. <paramref name="resolve"/> finds the file an
    /// <c>extends: {file: …}</c> names (a workspace-relative path); without it only same-file extends apply.</summary>
    public static ComposeModel Merge(IReadOnlyList<ComposeFile> files, Func<string, ComposeFile?>? resolve = null)
    {
        if (files.Count == 0)
        {
            throw new ArgumentException("a compose project needs at least one file", nameof(files));
        }
        var problems = new List<(Workspace.WorkspaceFile, ArtifactProblem)>();
        YamlMapping? merged = null;
        var path = new List<string>();
        foreach (var f in files)
        {
            var local = new List<ArtifactProblem>();
            var root = ApplyExtends(f, resolve, local);
            // !reset in the base file just drops the value; in an override file it removes the merged one.
            merged = merged == null ? ComposeMerge.StripResets(root) : ComposeMerge.MergeMappings(merged, root, path, local);
            foreach (var p in local)
            {
                problems.Add((f.File, p));
            }
        }
        merged = ComposeMerge.EnforceUniqueness(ComposeMerge.StripResets(merged!));
        var services = new List<ComposeService>();
        foreach (var p in merged.GetMapping("services")?.Pairs ?? Array.Empty<YamlEntry>())
        {
            if (p.Name != null && p.Value is YamlMapping def)
            {
                var readProblems = new List<ArtifactProblem>();
                services.Add(ComposeServiceReader.Read(p.Name, def, p.Key.Location, readProblems));
            }
        }
        return new ComposeModel(files, merged, services, problems);
    }

    /// <summary>The file's root with each <c>extends</c> replaced by the base service merged under the local one.</summary>
    private static YamlMapping ApplyExtends(ComposeFile file, Func<string, ComposeFile?>? resolve, List<ArtifactProblem> problems)
    {
        var services = file.Root.GetMapping("services");
        if (services == null || !HasExtends(services))
        {
            return file.Root;
        }
        var entries = new List<YamlEntry>(services.Pairs.Count);
        foreach (var p in services.Pairs)
        {
            entries.Add(p.Name != null && p.Value is YamlMapping def && def.Contains("extends")
                ? new YamlEntry(p.Key, Extend(file, p.Name, def, resolve, problems, new HashSet<string>(StringComparer.Ordinal)))
                : p);
        }
        var rootEntries = new List<YamlEntry>(file.Root.Pairs.Count);
        foreach (var p in file.Root.Pairs)
        {
            rootEntries.Add(p.Name == "services" ? new YamlEntry(p.Key, new YamlMapping(services.Line, services.Column, services.Tag, entries, services.Weight, out _) { File = services.File }) : p);
        }
        return new YamlMapping(file.Root.Line, file.Root.Column, file.Root.Tag, rootEntries, file.Root.Weight, out _) { File = file.Root.File };
    }

    private static bool HasExtends(YamlMapping services)
    {
        foreach (var p in services.Pairs)
        {
            if (p.Value is YamlMapping def && def.Contains("extends"))
            {
                return true;
            }
        }
        return false;
    }

    private static YamlMapping Extend(ComposeFile file, string name, YamlMapping def, Func<string, ComposeFile?>? resolve, List<ArtifactProblem> problems,
        HashSet<string> visiting)
    {
        var ext = def["extends"]!;
        string? baseName = ext is YamlMapping m ? m.GetString("service") : ext.String;
        string? baseFile = ext is YamlMapping m2 ? m2.GetString("file") : null;
        var withoutExtends = Without(def, "extends");
        if (baseName == null)
        {
            problems.Add(new ArtifactProblem(ComposeFile.ErrorId, ext.Line, ext.Column, $"service '{name}': extends needs a service"));
            return withoutExtends;
        }
        var source = file;
        if (baseFile != null)
        {
            string target = PosixPath.Normalize(PosixPath.Combine(file.Directory, baseFile));
            source = resolve?.Invoke(target)!;
            if (source == null)
            {
                problems.Add(new ArtifactProblem(ComposeFile.ErrorId, ext.Line, ext.Column, $"service '{name}' extends {baseFile}, which is not in the workspace"));
                return withoutExtends;
            }
        }
        string key = source.File.RelativePath + "#" + baseName;
        if (!visiting.Add(key) || visiting.Count > 32)
        {
            problems.Add(new ArtifactProblem(ComposeFile.ErrorId, ext.Line, ext.Column, $"service '{name}': extends forms a cycle through '{baseName}'"));
            return withoutExtends;
        }
        if (source.Root.GetMapping("services")?.GetMapping(baseName) is not { } baseDef)
        {
            problems.Add(new ArtifactProblem(ComposeFile.ErrorId, ext.Line, ext.Column, $"service '{name}' extends '{baseName}', which is not defined"));
            return withoutExtends;
        }
        if (baseDef.Contains("extends"))
        {
            baseDef = Extend(source, baseName, baseDef, resolve, problems, visiting);
        }
        return ComposeMerge.MergeMappings(baseDef, withoutExtends, new List<string> { "services", name }, problems);
    }

    private static YamlMapping Without(YamlMapping map, string key)
    {
        var entries = new List<YamlEntry>(map.Pairs.Count);
        foreach (var p in map.Pairs)
        {
            if (p.Name != key)
            {
                entries.Add(p);
            }
        }
        return new YamlMapping(map.Line, map.Column, map.Tag, entries, map.Weight, out _) { File = map.File };
    }

    private IReadOnlyList<ComposeResource> Resources(string key)
    {
        var list = new List<ComposeResource>();
        foreach (var p in Root.GetMapping(key)?.Pairs ?? Array.Empty<YamlEntry>())
        {
            if (p.Name != null)
            {
                list.Add(new ComposeResource(p.Name, p.Value as YamlMapping, p.Key.Location));
            }
        }
        return list;
    }
}
