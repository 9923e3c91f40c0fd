using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Artifacts;

/// <summary>Where a value was written: file, 1-based line and column. Models keep one on every value a rule may
/// report (a compose setting after merging override files knows which file it came from).</summary>
public readonly struct SourceLocation
{
    public SourceLocation(WorkspaceFile file, int line, int column = 0)
    {
        File = file;
        Line = line;
        Column = column;
    }

    public WorkspaceFile File { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary><c>path:line</c>.</summary>
    public override string ToString() => File == null ? "" : File.RelativePath + ":" + Line;
}
