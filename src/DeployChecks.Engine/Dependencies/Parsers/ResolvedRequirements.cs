using System.Collections.Generic;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>A requirements file with its <c>-r</c>/<c>-c</c> includes followed.</summary>
public sealed class ResolvedRequirements
{
    public ResolvedRequirements(string root)
    {
        Root = root;
    }

    public string Root { get; }

    /// <summary>Entries of the root and every included file, in pip's order; entries of <c>-c</c> files are
    /// copies marked <see cref="DependencyLockEntry.IsConstraint"/>.</summary>
    public List<DependencyLockEntry> Entries { get; } = new();

    /// <summary>Problems of every file read, plus missing files and cycles (reported at the include line).</summary>
    public List<DependencyProblem> Problems { get; } = new();

    /// <summary>Root-relative paths of the files read, in order.</summary>
    public List<string> Files { get; } = new();

    /// <summary>Every file's global options and index sources, in order.</summary>
    public List<PackageIndexSource> Sources { get; } = new();

    public bool RequireHashes { get; internal set; }
}
