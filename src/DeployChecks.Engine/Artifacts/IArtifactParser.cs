using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Artifacts;

/// <summary>Parses one kind of file into a shared, immutable artifact. Registered once in <see cref="ArtifactParsers"/>
/// for the file kinds it accepts; the <see cref="ArtifactCache"/> runs it at most once per file per run.</summary>
public interface IArtifactParser<out T> where T : class
{
    /// <summary>Parses; problems in the content are recorded in the result, never thrown.</summary>
    T Parse(WorkspaceFile file, SourceText text);
}
