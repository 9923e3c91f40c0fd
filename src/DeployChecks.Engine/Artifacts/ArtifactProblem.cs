using System.Collections.Generic;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Artifacts;

/// <summary>A problem in a file's content (malformed YAML, an unknown Dockerfile instruction, a bad Procfile line):
/// the parser records it with its line and goes on; the run reports it once as a non-terminating error record with
/// the stable <see cref="ErrorId"/>. <see cref="Message"/> never holds raw input that could be a secret (parsers pass
/// quoted input through the redactor).</summary>
public sealed class ArtifactProblem
{
    public ArtifactProblem(string errorId, int line, int column, string message)
    {
        ErrorId = errorId;
        Line = line;
        Column = column;
        Message = message;
    }

    /// <summary>Stable error ID (<c>MalformedYaml</c>, <c>MalformedDockerfile</c>, <c>MalformedProcfile</c>, …).</summary>
    public string ErrorId { get; }

    /// <summary>1-based line; 0 when the problem is about the whole file.</summary>
    public int Line { get; }

    /// <summary>1-based column; 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the file name (<see cref="Describe"/> adds it).</summary>
    public string Message { get; }

    /// <summary><c>path:line: message</c>, the form the run reports.</summary>
    public string Describe(WorkspaceFile file) => Line > 0 ? $"{file.RelativePath}:{Line}: {Message}" : $"{file.RelativePath}: {Message}";

    public override string ToString() => Line > 0 ? $"{Line}: {Message}" : Message;
}

/// <summary>A parsed file: the workspace file it came from and the problems met while parsing it.</summary>
public interface IArtifactModel
{
    WorkspaceFile File { get; }

    /// <summary>Content problems, in file order; empty for a well-formed file.</summary>
    IReadOnlyList<ArtifactProblem> Problems { get; }
}
