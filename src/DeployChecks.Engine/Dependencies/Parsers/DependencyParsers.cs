using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>The dependency parser for each artifact kind (registered in <see cref="ArtifactParsers"/>).</summary>
public static class DependencyParsers
{
    /// <summary>The parser for <paramref name="kind"/>, or null when the kind holds no dependencies. A pyproject's
    /// parser reads PEP 621, PEP 735 and Poetry tables alike.</summary>
    public static IArtifactParser<DependencyDocument>? For(ArtifactKind kind) => ArtifactParsers.For<DependencyDocument>(kind);
}
