using System.Collections.Generic;

namespace DeployChecks.Engine.Dependencies.Parsers;

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
