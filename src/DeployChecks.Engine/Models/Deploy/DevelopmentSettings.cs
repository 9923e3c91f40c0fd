using System;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Deploy;

/// <summary>The deploy model's judgement of development files and stages (to be replaced by ProductionPolicy).</summary>
internal static class DevelopmentSettings
{
    public static bool IsDevFile(WorkspaceFile file) => file.IsNonProduction || IsDevName(file.Name) || IsDevContainer(file.RelativePath);

    private static bool IsDevName(string name)
    {
        string n = name.ToLowerInvariant();
        return n.Contains(".dev") || n.StartsWith("dev.", StringComparison.Ordinal) || n.Contains("test") || n.Contains(".local") ||
               n.Contains("override") || n.Contains("-dev.") || n.Contains("_dev.") || n.Contains(".ci.") || n.EndsWith(".ci", StringComparison.Ordinal);
    }

    public static bool IsDevStage(string? name) =>
        name != null && (name.Equals("dev", StringComparison.OrdinalIgnoreCase) || name.Equals("development", StringComparison.OrdinalIgnoreCase) ||
                         name.StartsWith("test", StringComparison.OrdinalIgnoreCase) || name.Equals("lint", StringComparison.OrdinalIgnoreCase) ||
                         name.Equals("ci", StringComparison.OrdinalIgnoreCase) || name.Equals("debug", StringComparison.OrdinalIgnoreCase) ||
                         name.EndsWith("-dev", StringComparison.OrdinalIgnoreCase) || name.EndsWith("_dev", StringComparison.OrdinalIgnoreCase));

    /// <summary>A VS Code / Codespaces dev container: a development environment, not a deployment.</summary>
    public static bool IsDevContainer(string relativePath) =>
        relativePath.StartsWith(".devcontainer/", StringComparison.Ordinal) || relativePath.IndexOf("/.devcontainer/", StringComparison.Ordinal) >= 0;
}
