using System.Collections.Generic;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>A <c>-r</c> or <c>-c</c> line of a requirements file.</summary>
public sealed class RequirementsInclude
{
    public RequirementsInclude(string path, string? resolvedPath, int line, bool isConstraint)
    {
        Path = path;
        ResolvedPath = resolvedPath;
        Line = line;
        IsConstraint = isConstraint;
    }

    /// <summary>The path or URL as written.</summary>
    public string Path { get; }

    /// <summary>The path relative to the scanned root (<c>/</c> separators), resolved against the including
    /// file's directory; null for URLs.</summary>
    public string? ResolvedPath { get; }

    public int Line { get; }

    public bool IsConstraint { get; }
}

/// <summary>pip's global options of a requirements file, each as written.</summary>
public sealed class RequirementsOptions
{
    public string? IndexUrl { get; set; }

    public List<string> ExtraIndexUrls { get; } = new();

    public List<string> TrustedHosts { get; } = new();

    public List<string> FindLinks { get; } = new();

    public bool NoIndex { get; set; }

    public bool RequireHashes { get; set; }

    public bool Pre { get; set; }

    public bool PreferBinary { get; set; }

    public List<string> OnlyBinary { get; } = new();

    public List<string> NoBinary { get; } = new();
}

/// <summary>One pip requirements file as written: its own entries (not its includes' — see
/// <see cref="RequirementsIncludeResolver"/>), include lines and global options.</summary>
public sealed class RequirementsFile : DependencyDocument
{
    public RequirementsFile(string source)
        : base(source, DeployChecks.DependencySourceKind.Requirements)
    {
    }

    public List<RequirementsInclude> Includes { get; } = new();

    public RequirementsOptions Options { get; } = new();
}
