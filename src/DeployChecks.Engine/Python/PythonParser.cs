using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Python.Syntax;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Python;

/// <summary>Parses Python files through the shared artifact cache: once per file per run.</summary>
public sealed class PythonParser : IArtifactParser<PythonModule>
{
    public static PythonParser Instance { get; } = new();

    public PythonModule Parse(WorkspaceFile file, SourceText text) => Parser.ParseModule(text.Text);

    public static PythonModule Parse(string source) => Parser.ParseModule(source);
}
