using System;
using System.IO;

namespace DeployChecks.Engine.Tests.Support;

public static class Paths
{
    /// <summary>The repository root (the directory holding DeployChecks.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string RuleFixture(string ruleId, string kind) => Path.Combine(Fixtures, "rules", ruleId, kind);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DeployChecks.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("DeployChecks.sln not found above " + AppContext.BaseDirectory);
    }
}
