using System.Linq;
using DeployChecks.Engine.Dependencies.Parsers;

namespace DeployChecks.Engine.Tests.Dependencies.Parsers;

public sealed class RequirementsWorkspaceTests
{
    [Fact]
    public void Resolves_includes_through_a_workspace_and_the_artifact_cache()
    {
        using var tree = new Support.TempTree();
        tree.Write("requirements.txt", "-r requirements/common.txt\ndjango==5.0.6\n");
        tree.Write("requirements/common.txt", "-c ../constraints.txt\nrequests==2.32.3\n");
        tree.Write("constraints.txt", "urllib3<3\n");
        var workspace = DeployChecks.Engine.Workspace.Workspace.Open(tree.Root);
        var cache = new DeployChecks.Engine.Artifacts.ArtifactCache(1 << 20);
        var resolved = RequirementsIncludeResolver.Resolve("requirements.txt", workspace, cache);
        Assert.Empty(resolved.Problems);
        Assert.Equal(new[] { "urllib3", "requests", "django" }, resolved.Entries.Select(e => e.Name));
        Assert.True(resolved.Entries[0].IsConstraint);
        Assert.False(resolved.Entries[1].IsConstraint);
        Assert.Same(cache.Get(workspace.Find("requirements/common.txt")!, RequirementsFileParser.Instance),
            cache.Get(workspace.Find("requirements/common.txt")!, RequirementsFileParser.Instance));
    }
}
