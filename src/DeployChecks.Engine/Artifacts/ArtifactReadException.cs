using System;

namespace DeployChecks.Engine.Artifacts;

/// <summary>A file could not be read or parsed. Carries a stable error id and the file, so every host can
/// turn it into the same non-terminating error record.</summary>
public sealed class ArtifactReadException : Exception
{
    public ArtifactReadException(string errorId, string path, int line, string message, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Path = path;
        Line = line;
    }

    public string ErrorId { get; }

    /// <summary>Relative path of the file.</summary>
    public string Path { get; }

    public int Line { get; }

    public ReportMessage ToReportMessage(string? ruleId = null) =>
        new() { ErrorId = ErrorId, Path = Path, Line = Line, Message = Message, RuleId = ruleId, IsError = true };
}
