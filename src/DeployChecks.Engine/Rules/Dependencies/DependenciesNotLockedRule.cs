using System.Collections.Generic;
using System.Linq;
using System;
using DeployChecks.Engine.Dependencies.Parsers;
using DeployChecks.Engine.Models.Dependencies;
using DeployChecks.Engine.Models.Deploy;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Dependencies;

/// <summary>DC2001: an application with no lock file and no fully pinned requirements file.</summary>
public sealed class DependenciesNotLockedRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC2001", "dependencies-not-locked", CheckArea.Dependencies, Severity.Medium,
        "Application dependencies are not locked",
        "Without a lock file (Pipfile.lock, poetry.lock, uv.lock, pdm.lock, pylock.toml) or a requirements file that " +
        "pins every package, each build resolves the newest versions allowed that day: two images built from the same " +
        "commit can differ, a broken or compromised release reaches production unreviewed, and a rollback does not " +
        "bring the old dependencies back.",
        "Lock the dependencies and deploy from the lock: `uv lock`, `poetry lock`, `pipenv lock`, `pdm lock`, or " +
        "`pip-compile --generate-hashes` / `uv pip compile --generate-hashes` into requirements.txt, and commit it.",
        tags: new[] { "reproducibility", "supply-chain" });

    private static readonly ArtifactKind[] ReadKinds =
    {
        ArtifactKind.Requirements, ArtifactKind.Pyproject, ArtifactKind.Pipfile, ArtifactKind.SetupPy, ArtifactKind.SetupCfg,
        ArtifactKind.Dockerfile, ArtifactKind.Procfile,
    };

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => ReadKinds;

    public override void Check(RuleContext context)
    {
        var set = DependencySet.For(context);
        var commands = DeployCommands.For(context);
        var signals = DeployFacts.ApplicationSignals(context, set, commands);
        if (signals.Count == 0)
        {
            context.NotApplicable("no application signal (Dockerfile, Procfile, manage.py, wsgi/asgi module, app server dependency, non-package pyproject): a library is not locked");
            return;
        }
        var production = set.Production.ToList();
        if (production.Any(f => f.IsLock))
        {
            return;
        }
        // Requirements the image or CI installs with the command's own constraints (-r requirements.txt -c constraints.txt).
        foreach (var deploy in DeployFacts.Requirements(context, set, commands))
        {
            if (deploy.InstalledBy == null)
            {
                continue;
            }
            var pinnedNames = new HashSet<string>(deploy.Resolved.Entries.Where(e => e.IsPinned).Select(e => e.NormalizedName), StringComparer.Ordinal);
            foreach (var c in deploy.InstalledBy.ConstraintFiles.Where(c => c.File != null))
            {
                pinnedNames.UnionWith(DeployFacts.Resolve(context, set, c.File!).Entries.Where(e => e.IsPinned).Select(e => e.NormalizedName));
            }
            var installed = deploy.Resolved.Entries.Where(e => !e.IsConstraint && !IsLocalProject(e)).ToList();
            if (installed.Count > 0 && installed.All(e => e.IsPinned || pinnedNames.Contains(e.NormalizedName)))
            {
                return;
            }
        }
        var requirements = production.Where(f => f.Kind == DependencySourceKind.Requirements &&
            RequirementsPaths.GroupFromPath(f.File.RelativePath) == "main").ToList();
        var counts = new List<string>();
        foreach (var r in requirements)
        {
            var resolved = set.Resolve(r);
            var pinnedByConstraint = new HashSet<string>(resolved.Entries.Where(e => e.IsConstraint && e.IsPinned).Select(e => e.NormalizedName), StringComparer.Ordinal);
            var installs = resolved.Entries.Where(e => !e.IsConstraint && !IsLocalProject(e)).ToList();
            if (installs.Count == 0)
            {
                continue;
            }
            int pinned = installs.Count(e => e.IsPinned || pinnedByConstraint.Contains(e.NormalizedName));
            if (pinned == installs.Count)
            {
                return; // a fully pinned requirements file is a lock
            }
            counts.Add($"{r.File.RelativePath} pins {pinned} of {installs.Count}");
        }
        // Packages pinned on the install command lines only (pip install a==1 b==2) also lock.
        var manifests = production.Where(f => !f.IsLock && f.Document.Entries.Any(e => !e.IsConstraint && !IsDevGroupEntry(e))).ToList();
        if (manifests.Count == 0)
        {
            return; // nothing declared: nothing to lock (DC2002/DC2009 look at the install commands)
        }
        foreach (var m in manifests.Where(f => f.Kind != DependencySourceKind.Requirements))
        {
            var direct = m.Document.Entries.Where(e => !e.IsConstraint && !IsDevGroupEntry(e)).ToList();
            int pinned = direct.Count(e => e.IsPinned);
            counts.Add(pinned == direct.Count
                ? $"{m.File.RelativePath} pins its {direct.Count} direct {(direct.Count == 1 ? "dependency" : "dependencies")} but nothing locks theirs"
                : $"{m.File.RelativePath} pins {pinned} of {direct.Count}");
        }
        var at = manifests.OrderBy(f => f.File.RelativePath.Count(c => c == '/')).ThenBy(f => Rank(f.Kind)).First();
        string why = string.Join(", ", signals.Select(s => s.Reason).Distinct().Take(3));
        context.Report(at.File, 1, 1,
            $"Application ({why}) has no lock file and no fully pinned requirements file: {string.Join("; ", counts)}",
            null, "not-locked");
    }

    private static int Rank(DependencySourceKind kind) => kind switch
    {
        DependencySourceKind.Pyproject => 0,
        DependencySourceKind.Pipfile => 1,
        DependencySourceKind.Requirements => 2,
        _ => 3,
    };

    private static bool IsDevGroupEntry(DependencyLockEntry e) => DeployFacts.IsDevGroup(e.Group);

    /// <summary><c>-e .</c>, <c>./libs/x</c>: the project's own code, not something to pin.</summary>
    internal static bool IsLocalProject(DependencyLockEntry e) =>
        e.Url != null && e.VcsRef == null && e.Url.IndexOf("://", StringComparison.Ordinal) < 0;
}
