using System.Collections.Generic;
using System;
using DeployChecks.Engine.Models.Catalogs;
using DeployChecks.Engine.Models.Dependencies;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Dependencies;

/// <summary>DC2008: test runners, debuggers, debug toolbars and linters among the production dependencies.</summary>
public sealed class DevToolInProductionRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC2008", "dev-tool-in-production", CheckArea.Dependencies, Severity.Medium,
        "Development tools are in the production dependencies",
        "Whatever the production requirements list is installed on every server and baked into every image. Debuggers " +
        "and debug toolbars installed there are one settings mistake away from exposing internals or code execution; " +
        "test runners, linters and formatters are never imported by the application and only add install time, " +
        "image size and packages that need security updates.",
        "Move the tool to a development group: requirements-dev.txt (with -r requirements.txt), " +
        "[dependency-groups] dev / [project.optional-dependencies] test, [tool.poetry.group.dev.dependencies], " +
        "or Pipfile [dev-packages].",
        tags: new[] { "dependencies", "debug" }, cwe: new[] { "CWE-489", "CWE-1104" });

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => DependencyKinds.Manifests;

    public override void Check(RuleContext context)
    {
        var set = DependencySet.For(context);
        var seen = new HashSet<(string, int)>();
        // A file's own entries first, so an entry of requirements/base.txt is reported as base.txt's own even when
        // requirements.txt also includes it; then what pip installs through -r includes of a production file
        // (a dev file included by requirements.txt is production).
        foreach (var file in set.Files)
        {
            if (DependencyHygiene.IsProductionRequirements(file))
            {
                foreach (var entry in file.Document.Entries)
                {
                    if (!entry.IsConstraint)
                    {
                        Check(context, entry, file.File.RelativePath, seen);
                    }
                }
            }
            else if (DependencyHygiene.IsProductionManifest(file))
            {
                foreach (var entry in file.Document.Entries)
                {
                    // Only the main group: extras, dependency groups, dev-packages and Poetry groups are opt-in.
                    if (entry.Group == "main" && entry.IsDirect && !IsExtraMarker(entry.Markers))
                    {
                        Check(context, entry, file.File.RelativePath, seen);
                    }
                }
            }
        }
        foreach (var file in set.Files)
        {
            if (DependencyHygiene.IsProductionRequirements(file))
            {
                foreach (var entry in set.Resolve(file).Entries)
                {
                    if (!entry.IsConstraint)
                    {
                        Check(context, entry, file.File.RelativePath, seen);
                    }
                }
            }
        }
    }

    private static void Check(RuleContext context, DependencyLockEntry entry, string root, HashSet<(string, int)> seen)
    {
        var tool = DevelopmentTools.Find(entry.NormalizedName);
        if (tool == null || !seen.Add((entry.Source, entry.Line)) || context.Workspace.Find(entry.Source) is not WorkspaceFile file)
        {
            return;
        }
        string where = entry.Source == root
            ? $"the production dependencies of {root}"
            : $"{entry.Source}, which {root} includes with -r, so production installs it";
        context.Report(file, entry.Line, 1,
            $"{entry.Name} ({tool.Kind}) is in {where}: {tool.Reason}",
            entry.Name + entry.Specifier, entry.NormalizedName, tool.Severity);
    }

    private static bool IsExtraMarker(string? markers) =>
        markers != null && markers.IndexOf("extra", StringComparison.Ordinal) >= 0;
}
