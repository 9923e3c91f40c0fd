using System;
using System.Collections.Generic;
using DeployChecks.Engine.Dependencies.Requirements;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Deploy;

/// <summary>Where a deploy command was written.</summary>
public enum DeployCommandOrigin
{
    Dockerfile,
    Procfile,
    Compose,
    GitHubActions,
    AzurePipelines,
    GitLabCi,
}

/// <summary>Facts shared by install and server commands: where they are and in what setting they run.</summary>
public abstract class DeployCommand
{
    protected DeployCommand(WorkspaceFile file, int line, DeployCommandOrigin origin, string text)
    {
        File = file;
        Line = line;
        Origin = origin;
        Text = text;
    }

    public WorkspaceFile File { get; }

    /// <summary>1-based line of the command's first word.</summary>
    public int Line { get; }

    public DeployCommandOrigin Origin { get; }

    /// <summary>The command's words joined by spaces (quotes removed, wrappers such as <c>sh -c</c> unwrapped).</summary>
    public string Text { get; }

    /// <summary>The Dockerfile stage (its <c>AS</c> name, or <c>#N</c>), the CI job, or the compose service / Procfile
    /// process type.</summary>
    public string? Scope { get; internal set; }

    /// <summary>True for a development or test setting: a file under tests/, docs/…, a <c>Dockerfile.dev</c> or
    /// <c>docker-compose.override.yml</c>, a Dockerfile stage named test/dev/lint/ci.</summary>
    public bool IsDevelopment { get; internal set; }

    /// <summary>True for a CI pipeline (GitHub Actions, Azure Pipelines, GitLab CI).</summary>
    public bool IsCi => Origin is DeployCommandOrigin.GitHubActions or DeployCommandOrigin.AzurePipelines or DeployCommandOrigin.GitLabCi;

    public override string ToString() => $"{File.RelativePath}:{Line}: {Text}";
}

/// <summary>A file that could not be read as a deploy script (malformed Dockerfile instruction or YAML).</summary>
public sealed class DeployCommandProblem
{
    internal DeployCommandProblem(string errorId, WorkspaceFile file, int line, string message)
    {
        ErrorId = errorId;
        File = file;
        Line = line;
        Message = message;
    }

    public string ErrorId { get; }

    public WorkspaceFile File { get; }

    public int Line { get; }

    public string Message { get; }

    public override string ToString() => Message;
}
