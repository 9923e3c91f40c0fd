using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>The dependency parser for each artifact kind.</summary>
public static class DependencyParsers
{
    /// <summary>The parser for <paramref name="kind"/>, or null when the kind holds no dependencies. A pyproject's
    /// parser reads PEP 621, PEP 735 and Poetry tables alike.</summary>
    public static IArtifactParser<DependencyDocument>? For(ArtifactKind kind) => kind switch
    {
        ArtifactKind.Requirements => RequirementsFileParser.Instance,
        ArtifactKind.Pyproject => PyprojectParser.Instance,
        ArtifactKind.Pipfile => PipfileParser.Instance,
        ArtifactKind.PipfileLock => PipfileLockParser.Instance,
        ArtifactKind.PoetryLock => PoetryLockParser.Instance,
        ArtifactKind.UvLock => UvLockParser.Instance,
        ArtifactKind.PdmLock => PdmLockParser.Instance,
        ArtifactKind.PyLock => PyLockParser.Instance,
        ArtifactKind.SetupCfg => SetupCfgParser.Instance,
        ArtifactKind.SetupPy => SetupPyParser.Instance,
        _ => null,
    };
}
