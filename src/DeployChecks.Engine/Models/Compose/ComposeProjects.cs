using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts.Compose;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Compose;

/// <summary>How a compose project of the run was put together.</summary>
public enum ComposeProjectKind
{
    /// <summary>What <c>docker compose</c> runs in the directory without <c>-f</c>: the default file (<c>compose.yaml</c>,
    /// …, the first found in compose's order) plus the default override file when there is one.</summary>
    Default,

    /// <summary>An extra file that adds to the default file (<c>docker compose -f docker-compose.yml -f
    /// docker-compose.prod.yml</c>): some of its services have neither <c>image</c>, <c>build</c> nor <c>extends</c>.</summary>
    Overlay,

    /// <summary>An extra file that stands alone (<c>docker compose -f docker-compose.prod.yml</c>).</summary>
    Standalone,
}

/// <summary>One compose project of the run and how it was formed.</summary>
public sealed class ComposeProject
{
    internal ComposeProject(ComposeModel model, ComposeProjectKind kind)
    {
        Model = model;
        Kind = kind;
    }

    public ComposeModel Model { get; }

    public ComposeProjectKind Kind { get; }

    /// <summary>The files, in merge order.</summary>
    public IReadOnlyList<ComposeFile> Files => Model.Files;

    public IReadOnlyList<ComposeService> Services => Model.Services;

    /// <summary>The command that runs it: <c>docker compose -f a.yml -f b.yml</c>.</summary>
    public string Command
    {
        get
        {
            var parts = new List<string> { "docker compose" };
            foreach (var f in Files)
            {
                parts.Add("-f " + f.File.Name);
            }
            return string.Join(" ", parts);
        }
    }

    public override string ToString() => Kind + ": " + Model;
}

/// <summary>
/// The run's compose projects (a run model: <c>context.Model&lt;ComposeProjects&gt;()</c>). Per directory: the default
/// project (<c>compose.yaml</c> or <c>docker-compose.yml</c> … + <c>compose.override.yaml</c> …, as <c>docker compose</c>
/// discovers them), and each other compose file (<c>docker-compose.prod.yml</c>) as an overlay on the default file or a
/// standalone project. <c>extends: file:</c> is resolved through the workspace.
/// </summary>
[RunModel(typeof(ComposeFile))]
public sealed class ComposeProjects
{
    private ComposeProjects(IReadOnlyList<ComposeProject> projects, IReadOnlyList<ComposeFile> files)
    {
        Projects = projects;
        Files = files;
    }

    public IReadOnlyList<ComposeProject> Projects { get; }

    /// <summary>Every compose file of the run, parsed.</summary>
    public IReadOnlyList<ComposeFile> Files { get; }

    internal static ComposeProjects Build(ModelContext context)
    {
        var files = new List<ComposeFile>(context.ArtifactsOf<ComposeFile>());
        var byPath = new Dictionary<string, ComposeFile>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            byPath[f.File.RelativePath] = f;
        }
        var projects = FromFiles(files, path => byPath.TryGetValue(path, out var f) ? f : context.Workspace.Find(path) is { Kind: ArtifactKind.Compose } wf ? context.Artifact<ComposeFile>(wf) : null);
        foreach (var project in projects)
        {
            foreach (var (file, problem) in project.Model.Problems)
            {
                context.Problem(file, problem);
            }
        }
        return new ComposeProjects(projects, files);
    }

    /// <summary>The projects of <paramref name="files"/> (for tools and tests).</summary>
    public static IReadOnlyList<ComposeProject> FromFiles(IReadOnlyList<ComposeFile> files, Func<string, ComposeFile?>? resolve = null)
    {
        var byDirectory = new Dictionary<string, List<ComposeFile>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var f in files)
        {
            if (!byDirectory.TryGetValue(f.Directory, out var list))
            {
                byDirectory[f.Directory] = list = new List<ComposeFile>();
                order.Add(f.Directory);
            }
            list.Add(f);
        }
        var projects = new List<ComposeProject>();
        foreach (var dir in order)
        {
            var inDir = byDirectory[dir];
            var main = First(inDir, ComposeFile.DefaultFileNames);
            var over = First(inDir, ComposeFile.DefaultOverrideFileNames);
            if (main != null)
            {
                projects.Add(new ComposeProject(ComposeModel.Merge(over != null ? new[] { main, over } : new[] { main }, resolve), ComposeProjectKind.Default));
            }
            foreach (var f in inDir)
            {
                if (f == main || f == over || (f.IsDefaultFile && main != null) || f.IsDefaultOverride)
                {
                    continue;
                }
                bool standalone = main == null || StandsAlone(f);
                projects.Add(new ComposeProject(ComposeModel.Merge(standalone ? new[] { f } : new[] { main!, f }, resolve),
                    standalone ? ComposeProjectKind.Standalone : ComposeProjectKind.Overlay));
            }
        }
        return projects;
    }

    /// <summary>Every service says what it runs (image, build or extends): the file works without another one.</summary>
    private static bool StandsAlone(ComposeFile f)
    {
        if (f.Services.Count == 0)
        {
            return false;
        }
        foreach (var s in f.Services)
        {
            if (s.Image == null && s.Build == null && s.Extends == null)
            {
                return false;
            }
        }
        return true;
    }

    private static ComposeFile? First(List<ComposeFile> files, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            foreach (var f in files)
            {
                if (f.File.Name == name)
                {
                    return f;
                }
            }
        }
        return null;
    }
}
