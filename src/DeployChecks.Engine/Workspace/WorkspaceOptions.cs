using System.Collections.Generic;

namespace DeployChecks.Engine.Workspace;

/// <summary>How to walk a target.</summary>
public sealed class WorkspaceOptions
{
    /// <summary>Default cap: larger files are listed but never read (2 MiB).</summary>
    public const long DefaultMaxFileSize = 2L * 1024 * 1024;

    /// <summary>Globs (relative to the target) a file must match to be indexed; empty = all.</summary>
    public IReadOnlyList<string> Include { get; set; } = new string[0];

    /// <summary>Globs (relative to the target) of files or directories to leave out.</summary>
    public IReadOnlyList<string> Exclude { get; set; } = new string[0];

    public long MaxFileSize { get; set; } = DefaultMaxFileSize;

    /// <summary>Honour .gitignore and .git/info/exclude (default true).</summary>
    public bool UseGitIgnore { get; set; } = true;
}
