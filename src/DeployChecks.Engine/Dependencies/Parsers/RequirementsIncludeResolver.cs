using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>
/// Follows <c>-r</c>/<c>-c</c> includes from a root requirements file. The caller supplies the loader (typically
/// the run's <see cref="Artifacts.ArtifactCache"/>), so each file is read and parsed once however many files
/// include it. Cycles and missing files become problems on the including line; nothing throws.
/// </summary>
public static class RequirementsIncludeResolver
{
    public const int MaxDepth = 32;

    /// <summary>Resolves through a workspace and the run's artifact cache (any file kind may be included).</summary>
    public static ResolvedRequirements Resolve(string root, Workspace.Workspace workspace, Artifacts.ArtifactCache cache) =>
        Resolve(root, path => workspace.Find(path) is Workspace.WorkspaceFile file ? cache.Get(file, RequirementsFileParser.Instance) : null);

    /// <param name="load">Returns the parsed file for a root-relative path, or null when there is no such file.</param>
    public static ResolvedRequirements Resolve(string root, Func<string, RequirementsFile?> load)
    {
        var result = new ResolvedRequirements(root);
        RequirementsFile? first;
        try
        {
            first = load(root);
        }
        catch (Artifacts.ArtifactReadException ex)
        {
            result.Problems.Add(new DependencyProblem(root, 0, ex.Message));
            return result;
        }
        if (first == null)
        {
            result.Problems.Add(new DependencyProblem(root, 0, "file not found"));
            return result;
        }
        Visit(first, false, new List<string>(), result, load);
        return result;
    }

    private static void Visit(RequirementsFile file, bool constraint, List<string> stack, ResolvedRequirements result, Func<string, RequirementsFile?> load)
    {
        stack.Add(file.Source);
        result.Files.Add(file.Source);
        result.Problems.AddRange(file.Problems);
        result.Sources.AddRange(file.Sources);
        result.RequireHashes |= file.Options.RequireHashes;
        int nextInclude = 0;
        // Keep file order: entries and includes interleave by line, as pip processes them.
        foreach (var entry in file.Entries)
        {
            while (nextInclude < file.Includes.Count && file.Includes[nextInclude].Line < entry.Line)
            {
                Include(file, file.Includes[nextInclude++], constraint, stack, result, load);
            }
            result.Entries.Add(constraint && !entry.IsConstraint ? AsConstraint(entry) : entry);
        }
        while (nextInclude < file.Includes.Count)
        {
            Include(file, file.Includes[nextInclude++], constraint, stack, result, load);
        }
        stack.RemoveAt(stack.Count - 1);
    }

    private static void Include(RequirementsFile from, RequirementsInclude include, bool constraint, List<string> stack, ResolvedRequirements result, Func<string, RequirementsFile?> load)
    {
        string flag = include.IsConstraint ? "-c" : "-r";
        if (include.ResolvedPath == null)
        {
            result.Problems.Add(new DependencyProblem(from.Source, include.Line,
                $"{flag} {include.Path}: not followed (a URL or a path outside the scanned root)"));
            return;
        }
        if (stack.Contains(include.ResolvedPath))
        {
            result.Problems.Add(new DependencyProblem(from.Source, include.Line,
                $"{flag} {include.Path}: include cycle ({string.Join(" -> ", stack)} -> {include.ResolvedPath})"));
            return;
        }
        if (stack.Count >= MaxDepth)
        {
            result.Problems.Add(new DependencyProblem(from.Source, include.Line, $"{flag} {include.Path}: includes nested deeper than {MaxDepth}"));
            return;
        }
        RequirementsFile? target;
        try
        {
            target = load(include.ResolvedPath);
        }
        catch (Artifacts.ArtifactReadException ex)
        {
            result.Problems.Add(new DependencyProblem(from.Source, include.Line, $"{flag} {include.Path}: {ex.Message}"));
            return;
        }
        if (target == null)
        {
            result.Problems.Add(new DependencyProblem(from.Source, include.Line, $"{flag} {include.Path}: file not found ({include.ResolvedPath})"));
            return;
        }
        Visit(target, constraint || include.IsConstraint, stack, result, load);
    }

    private static DependencyLockEntry AsConstraint(DependencyLockEntry e) => new()
    {
        Name = e.Name,
        NormalizedName = e.NormalizedName,
        Version = e.Version,
        Specifier = e.Specifier,
        IsPinned = e.IsPinned,
        Hashes = e.Hashes,
        Markers = e.Markers,
        Extras = e.Extras,
        Group = e.Group,
        IsDirect = e.IsDirect,
        IsConstraint = true,
        IsEditable = e.IsEditable,
        Source = e.Source,
        Line = e.Line,
        Ecosystem = e.Ecosystem,
        Url = e.Url,
        VcsRef = e.VcsRef,
        Vcs = e.Vcs,
        Index = e.Index,
        Kind = e.Kind,
    };
}
