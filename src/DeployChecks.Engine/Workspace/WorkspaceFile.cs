namespace DeployChecks.Engine.Workspace;

/// <summary>Whether git knows a file.</summary>
public enum GitStatus
{
    /// <summary>The target is not inside a git work tree.</summary>
    NoRepository,
    /// <summary>In the index: committed (or staged).</summary>
    Tracked,
    /// <summary>Not in the index and not ignored: <c>git add .</c> would commit it.</summary>
    Untracked,
    /// <summary>Matched by an ignore rule and not in the index.</summary>
    Ignored,
}

/// <summary>One file of the workspace, as the walk saw it (not read yet).</summary>
public sealed class WorkspaceFile
{
    public WorkspaceFile(string relativePath, string fullPath, long length, ArtifactKind kind, GitStatus git)
    {
        RelativePath = relativePath;
        FullPath = fullPath;
        Length = length;
        Kind = kind;
        Git = git;
        int slash = relativePath.LastIndexOf('/');
        Name = relativePath.Substring(slash + 1);
    }

    /// <summary>Path relative to the target root, <c>/</c> separators.</summary>
    public string RelativePath { get; }

    public string FullPath { get; }

    public string Name { get; }

    public long Length { get; }

    public ArtifactKind Kind { get; }

    public GitStatus Git { get; }

    /// <summary>True for files under tests/, docs/, examples/ and the like.</summary>
    public bool IsNonProduction => ArtifactClassifier.IsNonProductionPath(RelativePath);

    public override string ToString() => RelativePath;
}
