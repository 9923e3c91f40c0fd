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
