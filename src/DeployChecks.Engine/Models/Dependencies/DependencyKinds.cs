using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Dependencies;

/// <summary>The artifact kinds dependency rules declare in <see cref="Rules.Rule.Reads"/>.</summary>
internal static class DependencyKinds
{
    /// <summary>Files where a project declares what it needs: requirements, pyproject, Pipfile, setup.cfg, setup.py.</summary>
    internal static readonly ArtifactKind[] Manifests =
    {
        ArtifactKind.Requirements, ArtifactKind.Pyproject, ArtifactKind.Pipfile, ArtifactKind.SetupCfg, ArtifactKind.SetupPy,
    };

    /// <summary>Every dependency file: the manifests and the lock files.</summary>
    internal static readonly ArtifactKind[] ManifestsAndLocks =
    {
        ArtifactKind.Requirements, ArtifactKind.Pyproject, ArtifactKind.Pipfile, ArtifactKind.SetupCfg, ArtifactKind.SetupPy,
        ArtifactKind.PipfileLock, ArtifactKind.PoetryLock, ArtifactKind.UvLock, ArtifactKind.PdmLock, ArtifactKind.PyLock,
    };

    /// <summary>The dependency files plus the files that install packages or set the installers' index variables
    /// (Dockerfiles, CI pipelines, compose files).</summary>
    internal static readonly ArtifactKind[] ManifestsLocksAndInstallers =
    {
        ArtifactKind.Requirements, ArtifactKind.Pyproject, ArtifactKind.Pipfile, ArtifactKind.SetupCfg, ArtifactKind.SetupPy,
        ArtifactKind.PipfileLock, ArtifactKind.PoetryLock, ArtifactKind.UvLock, ArtifactKind.PdmLock, ArtifactKind.PyLock,
        ArtifactKind.Dockerfile, ArtifactKind.GitHubWorkflow, ArtifactKind.AzurePipeline, ArtifactKind.GitLabCi, ArtifactKind.Compose,
    };
}
