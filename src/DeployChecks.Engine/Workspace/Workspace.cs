using System;
using System.Collections.Generic;
using System.Linq;

namespace DeployChecks.Engine.Workspace;

/// <summary>The result of one walk of a target: its files by kind, and what git knows about them.</summary>
public sealed class Workspace
{
    private readonly Dictionary<ArtifactKind, List<WorkspaceFile>> _byKind;
    private readonly Dictionary<string, WorkspaceFile> _byPath;

    internal Workspace(string root, IReadOnlyList<WorkspaceFile> files, GitRepository? git, string gitPrefix,
        WorkspaceOptions options, IReadOnlyList<ReportMessage> problems, int ignoredCount, int skippedDirectoryCount)
    {
        Root = root;
        Files = files;
        Git = git;
        GitPrefix = gitPrefix;
        Options = options;
        Problems = problems;
        IgnoredCount = ignoredCount;
        SkippedDirectoryCount = skippedDirectoryCount;
        _byKind = new Dictionary<ArtifactKind, List<WorkspaceFile>>();
        _byPath = new Dictionary<string, WorkspaceFile>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            if (!_byKind.TryGetValue(f.Kind, out var list))
            {
                _byKind[f.Kind] = list = new List<WorkspaceFile>();
            }
            list.Add(f);
            _byPath[f.RelativePath] = f;
        }
    }

    /// <summary>Full path of the target directory.</summary>
    public string Root { get; }

    /// <summary>Files kept by the walk (not ignored, not excluded), in walk order.</summary>
    public IReadOnlyList<WorkspaceFile> Files { get; }

    /// <summary>The git work tree around the target, or null.</summary>
    public GitRepository? Git { get; }

    /// <summary>The target's path inside the git work tree (<c>""</c> or <c>"sub/dir/"</c>).</summary>
    public string GitPrefix { get; }

    public WorkspaceOptions Options { get; }

    /// <summary>Problems met during the walk (unreadable directories, a corrupt git index).</summary>
    public IReadOnlyList<ReportMessage> Problems { get; }

    /// <summary>Files left out because an ignore file matched them.</summary>
    public int IgnoredCount { get; }

    /// <summary>Directories never entered (.git, virtualenvs, node_modules, build output, ignored dirs).</summary>
    public int SkippedDirectoryCount { get; }

    public IReadOnlyList<WorkspaceFile> OfKind(ArtifactKind kind) =>
        _byKind.TryGetValue(kind, out var list) ? list : (IReadOnlyList<WorkspaceFile>)Array.Empty<WorkspaceFile>();

    public IEnumerable<WorkspaceFile> OfKinds(IEnumerable<ArtifactKind> kinds) => kinds.SelectMany(OfKind);

    public WorkspaceFile? Find(string relativePath) => _byPath.TryGetValue(relativePath, out var f) ? f : null;

    /// <summary>Opens a target directory: one walk, honouring ignore files and the options.</summary>
    public static Workspace Open(string root, WorkspaceOptions? options = null) =>
        new WorkspaceWalker(root, options ?? new WorkspaceOptions()).Walk();
}
