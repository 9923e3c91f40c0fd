using System;
using System.IO;
using System.Threading;

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
    /// <summary>Pass as the length to have it read from the file system when first asked for.</summary>
    internal const long LengthNotRead = long.MinValue;

    private long _length;

    public WorkspaceFile(string relativePath, string fullPath, long length, ArtifactKind kind, GitStatus git)
    {
        RelativePath = relativePath;
        FullPath = fullPath;
        _length = length;
        Kind = kind;
        Git = git;
        int slash = relativePath.LastIndexOf('/');
        Name = relativePath.Substring(slash + 1);
    }

    /// <summary>A file that is not on disk (text parsed by a tool or a test): its kind comes from the path.</summary>
    public static WorkspaceFile Detached(string relativePath) =>
        new(relativePath, relativePath, 0, ArtifactClassifier.Classify(relativePath), GitStatus.NoRepository);

    /// <summary>Path relative to the target root, <c>/</c> separators.</summary>
    public string RelativePath { get; }

    public string FullPath { get; }

    public string Name { get; }

    /// <summary>Size in bytes; -1 for a symbolic link or a file that cannot be stat'ed.</summary>
    public long Length
    {
        get
        {
            long length = Interlocked.Read(ref _length);
            if (length == LengthNotRead)
            {
                length = ReadLength(FullPath);
                Interlocked.Exchange(ref _length, length);
            }
            return length;
        }
    }

    private static long ReadLength(string fullPath)
    {
        try
        {
            var info = new FileInfo(fullPath);
            return (info.Attributes & FileAttributes.ReparsePoint) != 0 ? -1 : info.Length;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            return -1;
        }
    }

    public ArtifactKind Kind { get; }

    public GitStatus Git { get; }

    /// <summary>True for files under tests/, docs/, examples/ and the like.</summary>
    public bool IsNonProduction => ArtifactClassifier.IsNonProductionPath(RelativePath);

    public override string ToString() => RelativePath;
}
