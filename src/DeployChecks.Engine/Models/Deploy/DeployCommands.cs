using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts.Dockerfile;
using DeployChecks.Engine.Artifacts.Procfile;
using DeployChecks.Engine.Artifacts.Yaml;
using DeployChecks.Engine.Rules;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Deploy;

/// <summary>
/// The install and server commands of the run's deploy scripts — Dockerfiles (RUN shell/exec/heredoc, CMD,
/// ENTRYPOINT), Procfiles, docker-compose <c>command:</c>/<c>entrypoint:</c>, GitHub Actions <c>run:</c>, Azure
/// Pipelines <c>script:</c>/<c>bash:</c>/<c>pwsh:</c>/<c>powershell:</c>, GitLab CI
/// <c>script:</c>/<c>before_script:</c>/<c>after_script:</c> — each with file and line. A run model: built once per run
/// (<c>context.Model&lt;DeployCommands&gt;()</c>). Files referenced by installs (<c>-r</c>, <c>-c</c>, implicit locks)
/// are mapped back to workspace files: through WORKDIR, COPY/ADD and <c>RUN --mount=type=bind</c> in a Dockerfile,
/// through <c>cd</c> and <c>working-directory</c> in CI, then by path suffix or file name when that fails
/// (<see cref="InstallFileReference.Note"/> says which).
/// </summary>
[RunModel(typeof(DockerfileModel), typeof(YamlFile), typeof(ProcfileModel))]
public sealed class DeployCommands
{
    private DeployCommands(DeployCommandBuilder b)
    {
        Installs = b.Installs;
        Servers = b.Servers;
        Problems = b.Problems;
        IndexSettings = b.IndexSettings;
    }

    public IReadOnlyList<InstallCommand> Installs { get; }

    public IReadOnlyList<ServerCommand> Servers { get; }

    /// <summary>Package-index settings outside the dependency files: Dockerfile <c>ENV</c>/<c>ARG</c> of pip's and uv's
    /// index variables, and index options on install command lines (outside development stages and files).</summary>
    public IReadOnlyList<IndexSetting> IndexSettings { get; }

    /// <summary>Malformed instructions, YAML and shell; each is also a non-terminating error of the run.</summary>
    public IReadOnlyList<DeployCommandProblem> Problems { get; }

    /// <summary>The run's deploy commands (the run model; problems are reported to the run once).</summary>
    public static DeployCommands For(RuleContext context)
    {
        var commands = context.Model<DeployCommands>();
        foreach (var p in commands.Problems)
        {
            context.InputProblem(p.ErrorId, p.File, p.Line, p.Message);
        }
        return commands;
    }

    /// <summary>The kinds of file the model reads.</summary>
    public static readonly ArtifactKind[] Kinds =
    {
        ArtifactKind.Dockerfile, ArtifactKind.Procfile, ArtifactKind.Compose, ArtifactKind.GitHubWorkflow,
        ArtifactKind.AzurePipeline, ArtifactKind.GitLabCi,
    };

    internal static DeployCommands Build(ModelContext context)
    {
        var b = new DeployCommandBuilder(context.Workspace, f => context.TryGetText(f, out var t) ? t : null);
        foreach (var file in context.Workspace.Files)
        {
            switch (file.Kind)
            {
                case ArtifactKind.Dockerfile when context.Get(file, DockerfileParser.Instance) is { } dockerfile:
                    b.Read(dockerfile);
                    break;
                case ArtifactKind.Procfile when context.Get(file, ProcfileParser.Instance) is { } procfile:
                    b.Read(procfile);
                    break;
                case ArtifactKind.Compose or ArtifactKind.GitHubWorkflow or ArtifactKind.AzurePipeline or ArtifactKind.GitLabCi
                    when context.Get(file, YamlFileParser.Instance) is { } yaml:
                    b.Read(yaml);
                    break;
            }
        }
        return new DeployCommands(b);
    }

    /// <summary>Reads files given as text (for tests and tools that have no run).</summary>
    internal static DeployCommands Build(Workspace.Workspace workspace, Func<WorkspaceFile, string?> text)
    {
        var b = new DeployCommandBuilder(workspace, f => text(f) is string t ? new SourceText(t) : null);
        foreach (var file in workspace.Files)
        {
            if (Array.IndexOf(Kinds, file.Kind) < 0 || text(file) is not string t)
            {
                continue;
            }
            switch (file.Kind)
            {
                case ArtifactKind.Dockerfile:
                    b.Read(DockerfileModel.Parse(t, file));
                    break;
                case ArtifactKind.Procfile:
                    b.Read(ProcfileModel.Parse(t, file));
                    break;
                default:
                    b.Read(YamlFileParser.Instance.Parse(file, new SourceText(t)));
                    break;
            }
        }
        return new DeployCommands(b);
    }
}
