using System.Collections.Generic;
using System.Linq;
using System;
using DeployChecks.Engine.Models.Dependencies;
using DeployChecks.Engine.Models.Deploy;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Dependencies;

/// <summary>DC2002: a deployed requirement given as a range or a bare name.</summary>
public sealed class RequirementNotPinnedRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC2002", "requirement-not-pinned", CheckArea.Dependencies, Severity.Medium,
        "Deployed requirement is not pinned to one version",
        "A requirement the application is deployed from that allows a range (`django>=4.2`, `requests~=2.31`) or any " +
        "version (`celery`) installs whatever is newest at build time. Builds stop being reproducible, and a bad or " +
        "malicious release goes straight to production.",
        "Pin it (`django==4.2.13`), or pin it in the constraints file the install uses (`-c constraints.txt`), or " +
        "generate the deploy file from a lock (`pip-compile`, `uv pip compile`, `poetry export`).",
        tags: new[] { "reproducibility", "supply-chain" },
        equivalents: new[] { "hadolint:DL3013" });

    /// <summary>Installer tooling upgraded in almost every image; not the application's dependencies.</summary>
    private static readonly HashSet<string> Tooling = new(StringComparer.Ordinal) { "pip", "setuptools", "wheel" };

    private static readonly ArtifactKind[] ReadKinds =
    {
        ArtifactKind.Requirements, ArtifactKind.Dockerfile, ArtifactKind.GitHubWorkflow, ArtifactKind.AzurePipeline, ArtifactKind.GitLabCi,
    };

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => ReadKinds;

    public override void Check(RuleContext context)
    {
        var set = DependencySet.For(context);
        var commands = DeployCommands.For(context);
        if (DeployFacts.ApplicationSignals(context, set, commands).Count == 0)
        {
            context.NotApplicable("not an application: a library's requirements may be ranges");
            return;
        }
        var reported = new HashSet<(string, int, string)>();
        foreach (var deploy in DeployFacts.Requirements(context, set, commands))
        {
            var constrained = new HashSet<string>(deploy.Resolved.Entries.Where(e => e.IsConstraint && e.IsPinned).Select(e => e.NormalizedName), StringComparer.Ordinal);
            if (deploy.InstalledBy != null)
            {
                constrained.UnionWith(CommandConstraints(context, set, deploy.InstalledBy));
            }
            foreach (var e in deploy.Resolved.Entries)
            {
                if (e.IsConstraint || e.IsPinned || DependenciesNotLockedRule.IsLocalProject(e) || constrained.Contains(e.NormalizedName))
                {
                    continue;
                }
                if (e.Url != null)
                {
                    continue; // a direct archive URL names one artifact; VCS references are DC2012's (vcs-dependency-unpinned)
                }
                if (!reported.Add((e.Source, e.Line, e.NormalizedName)) || context.Workspace.Find(e.Source) is not WorkspaceFile file)
                {
                    continue;
                }
                string what = e.Specifier.Length == 0 ? $"{e.Name} has no version at all" : $"{e.Name}{e.Specifier} is a range";
                string via = e.Source == deploy.File.RelativePath ? deploy.Via : $"included from {deploy.File.RelativePath}, {deploy.Via}";
                context.Report(file, e.Line, 1, $"{what} in {e.Source}:{e.Line} ({via}); each build may install a different version",
                    e.ToString(), "req:" + e.Source + ":" + e.NormalizedName);
            }
        }
        foreach (var install in commands.Installs)
        {
            if (install.IsDevelopment || install.IsCi || install.Packages.Count == 0)
            {
                continue;
            }
            var constrained = CommandConstraints(context, set, install);
            foreach (var p in install.Packages)
            {
                if (p.PinnedVersion != null || p.VersionFromVariable || Tooling.Contains(p.NormalizedName) || constrained.Contains(p.NormalizedName))
                {
                    continue;
                }
                string what = p.Requirement.Specifier.Length == 0 ? $"{p.Requirement.Name} has no version" : $"{p.Text} is a range";
                context.Report(install.File, install.Line, 1,
                    $"`{install.Tool} {install.Action}` at {install.File.RelativePath}:{install.Line} installs {p.Text}: {what}; each build may install a different version",
                    p.Text, "cmd:" + install.Scope + ":" + p.NormalizedName);
            }
        }
    }

    /// <summary>Names pinned by the command's own <c>-c</c> files.</summary>
    private static HashSet<string> CommandConstraints(RuleContext context, DependencySet set, InstallCommand install)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in install.ConstraintFiles)
        {
            if (c.File != null)
            {
                names.UnionWith(DeployFacts.Resolve(context, set, c.File).Entries.Where(e => e.IsPinned).Select(e => e.NormalizedName));
            }
        }
        return names;
    }
}
