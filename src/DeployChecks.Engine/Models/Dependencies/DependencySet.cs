using System.Collections.Generic;
using System.Linq;
using System;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Dependencies.Parsers;
using DeployChecks.Engine.Dependencies;
using DeployChecks.Engine.Rules;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Dependencies;

/// <summary>One dependency file of the run with its parsed document (parsed once, shared by every DC2xxx rule).</summary>
public sealed class ParsedDependencyFile
{
    internal ParsedDependencyFile(WorkspaceFile file, DependencyDocument document)
    {
        File = file;
        Document = document;
    }

    public WorkspaceFile File { get; }

    public DependencyDocument Document { get; }

    public DeployChecks.DependencySourceKind Kind => Document.Kind;

    /// <summary>True for a lock file (Pipfile.lock, poetry.lock, uv.lock, pdm.lock, pylock.toml).</summary>
    public bool IsLock => Kind is DeployChecks.DependencySourceKind.PipfileLock or DeployChecks.DependencySourceKind.PoetryLock
        or DeployChecks.DependencySourceKind.UvLock or DeployChecks.DependencySourceKind.PdmLock or DeployChecks.DependencySourceKind.PyLock;

    public override string ToString() => File.RelativePath;
}

/// <summary>
/// Every dependency file of the workspace, parsed once per run and shared across the dependency rules
/// (<see cref="ArtifactCache.GetShared{T}"/>). Files that cannot be read at all are left out (the read error is
/// reported once for the run); files with malformed lines are kept with their <see cref="DependencyDocument.Problems"/>.
/// </summary>
public sealed class DependencySet
{
    private readonly Dictionary<string, ParsedDependencyFile> _byPath;
    private readonly Workspace.Workspace _workspace;
    private readonly ArtifactCache _cache;
    private readonly Dictionary<string, ResolvedRequirements> _resolved = new(StringComparer.Ordinal);

    private DependencySet(List<ParsedDependencyFile> files, Workspace.Workspace workspace, ArtifactCache cache)
    {
        Files = files;
        _workspace = workspace;
        _cache = cache;
        _byPath = files.ToDictionary(f => f.File.RelativePath, StringComparer.Ordinal);
    }

    /// <summary>All parsed dependency files, in workspace order.</summary>
    public IReadOnlyList<ParsedDependencyFile> Files { get; }

    /// <summary>The run's dependency set, built by the first rule that asks.</summary>
    public static DependencySet For(RuleContext context) =>
        context.Artifacts.GetShared(() => Build(context));

    public IEnumerable<ParsedDependencyFile> OfKind(DeployChecks.DependencySourceKind kind) => Files.Where(f => f.Kind == kind);

    /// <summary>Files outside tests/, docs/, examples/ and the like.</summary>
    public IEnumerable<ParsedDependencyFile> Production => Files.Where(f => !f.File.IsNonProduction);

    public ParsedDependencyFile? Find(string relativePath) =>
        _byPath.TryGetValue(relativePath, out var f) ? f : null;

    /// <summary>A requirements file with its <c>-r</c>/<c>-c</c> includes followed (recursively, cycles cut), as
    /// pip would read it. Computed once per root file.</summary>
    public ResolvedRequirements Resolve(ParsedDependencyFile requirements)
    {
        if (requirements.Kind != DeployChecks.DependencySourceKind.Requirements)
        {
            throw new ArgumentException(requirements.File.RelativePath + " is not a requirements file", nameof(requirements));
        }
        lock (_resolved)
        {
            if (!_resolved.TryGetValue(requirements.File.RelativePath, out var resolved))
            {
                // Files of the set are already parsed (and their text may have been released by the runner since):
                // reuse the documents; only includes outside the set (odd names) go through the artifact cache.
                resolved = RequirementsIncludeResolver.Resolve(requirements.File.RelativePath, path =>
                    _byPath.TryGetValue(path, out var parsed) && parsed.Document is RequirementsFile file ? file
                    : _workspace.Find(path) is WorkspaceFile other ? _cache.Get(other, RequirementsFileParser.Instance) : null);
                _resolved[requirements.File.RelativePath] = resolved;
            }
            return resolved;
        }
    }

    private static DependencySet Build(RuleContext context)
    {
        var files = new List<ParsedDependencyFile>();
        foreach (var file in context.Workspace.Files)
        {
            var parser = DependencyParsers.For(file.Kind);
            if (parser != null && context.TryGet(file, parser, out var doc))
            {
                files.Add(new ParsedDependencyFile(file, doc));
            }
        }
        return new DependencySet(files, context.Workspace, context.Artifacts);
    }
}
