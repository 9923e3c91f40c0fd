using System.Collections.Generic;
using System;
using DeployChecks.Engine.Models.Dependencies;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Dependencies;

/// <summary>DC2012: a dependency installed from a VCS branch, tag or default branch rather than a commit.</summary>
public sealed class VcsDependencyUnpinnedRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC2012", "vcs-dependency-unpinned", CheckArea.Dependencies, Severity.Medium,
        "A VCS dependency is not pinned to a commit",
        "A dependency installed from git (git+https://…@main, Poetry/uv {git = …, branch/tag}, Pipfile {git = …, ref}) " +
        "follows whatever the branch or tag points at when the build runs: two deploys of the same commit can " +
        "install different code, a rollback does not roll the dependency back, and whoever can push to that " +
        "repository (or move a tag) can ship code into production. pip cannot check hashes for VCS requirements.",
        "Pin the full 40-character commit (git+https://…/repo.git@<sha>, rev = \"<sha>\", ref = \"<sha>\"), or " +
        "commit the lock file that records it (poetry.lock resolved_reference, uv.lock #<sha>, Pipfile.lock ref, " +
        "pdm.lock revision). Better still, publish the package to a private index and pin a version.",
        tags: new[] { "dependencies", "supply-chain", "reproducibility" }, cwe: new[] { "CWE-829", "CWE-494" });

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => DependencyKinds.Manifests;

    public override void Check(RuleContext context)
    {
        var set = DependencySet.For(context);
        foreach (var file in set.Production)
        {
            if (file.IsLock || (file.Kind == DeployChecks.DependencySourceKind.Requirements && !DependencyHygiene.IsProductionRequirements(file)))
            {
                continue;
            }
            List<ParsedDependencyFile>? locks = null;
            foreach (var entry in file.Document.Entries)
            {
                if (entry.Vcs == null || entry.IsPinned || entry.IsConstraint || DependencyHygiene.IsDevelopmentGroup(entry.Group))
                {
                    continue;
                }
                locks ??= new List<ParsedDependencyFile>(DependencyHygiene.LocksBeside(set, file));
                if (LockedCommit(locks, entry.NormalizedName) != null)
                {
                    continue;
                }
                string url = DependencyHygiene.Redact(entry.Url ?? "");
                string what = entry.VcsRef == null
                    ? "with no revision, so every install takes the default branch's latest commit"
                    : $"at '{entry.VcsRef}', a branch or tag that can move";
                string lockNote = locks.Count > 0 ? $" ({string.Join(", ", Names(locks))} does not record a commit for it)" : "";
                context.Report(file.File, entry.Line, 1,
                    $"{entry.Name} is installed from {url} {what}{lockNote}",
                    entry.VcsRef == null ? url : url + "@" + entry.VcsRef, "vcs:" + entry.NormalizedName);
            }
        }
    }

    /// <summary>The full commit a lock beside the manifest records for the package, or null.</summary>
    private static string? LockedCommit(List<ParsedDependencyFile> locks, string normalizedName)
    {
        foreach (var l in locks)
        {
            foreach (var e in l.Document.Entries)
            {
                if (e.NormalizedName == normalizedName && e.Vcs != null && e.VcsRef != null && IsFullCommit(e.VcsRef))
                {
                    return e.VcsRef;
                }
            }
        }
        return null;
    }

    private static bool IsFullCommit(string rev)
    {
        if (rev.Length < 40)
        {
            return false;
        }
        foreach (char c in rev)
        {
            if (!Uri.IsHexDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    private static IEnumerable<string> Names(List<ParsedDependencyFile> locks)
    {
        foreach (var l in locks)
        {
            yield return l.File.Name;
        }
    }
}
