using System.Collections.Generic;
using System.Linq;
using System;
using DeployChecks.Engine.Dependencies;
using DeployChecks.Engine.Models.Dependencies;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Dependencies;

/// <summary>DC2005: <c>poetry.lock</c> whose <c>[metadata] content-hash</c> is not the hash of the
/// <c>pyproject.toml</c> next to it, computed as the Poetry that writes that <c>lock-version</c> computes it
/// (<see cref="LockHashes.PoetryRecipes"/>).</summary>
public sealed class PoetryLockStaleRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC2005", "poetry-lock-stale", CheckArea.Dependencies, Severity.High,
        "poetry.lock is out of date with pyproject.toml",
        "Poetry stores a hash of the dependency sections of pyproject.toml in poetry.lock. When they changed after " +
        "locking, `poetry install` warns (1.x) or refuses (2.x, `pyproject.toml changed significantly since " +
        "poetry.lock was last generated`), and `poetry check --lock` fails: the deploy either breaks or installs a " +
        "set nobody locked.",
        "Run `poetry lock` (Poetry 2.x keeps locked versions by default; on Poetry 1.x use `poetry lock --no-update`) " +
        "and commit both files together.",
        tags: new[] { "lockfile", "poetry" },
        equivalents: new[] { "poetry:check" });

    private static readonly ArtifactKind[] ReadKinds = { ArtifactKind.PoetryLock };

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => ReadKinds;

    public override void Check(RuleContext context)
    {
        var set = DependencySet.For(context);
        foreach (var lockFile in set.OfKind(DeployChecks.DependencySourceKind.PoetryLock).ToList())
        {
            if (lockFile.File.IsNonProduction)
            {
                continue;
            }
            var pyproject = StaleLocks.Sibling(set, lockFile, "pyproject.toml");
            if (pyproject == null)
            {
                continue;
            }
            var lockDoc = lockFile.Document;
            string lockName = lockFile.File.RelativePath;
            if (!lockDoc.Metadata.TryGetValue("content-hash", out string? recorded))
            {
                context.InputProblem("StaleLockNotChecked", lockFile.File, 1,
                    $"{lockName} has no [metadata] content-hash; whether it matches {pyproject.File.RelativePath} was not checked");
                continue;
            }
            // No lock-version: a Poetry 0.12/1.0 lock, which Poetry itself reads as "1.0"
            // (Locker: metadata.get("lock-version", "1.0")); its content-hash is the legacy recipe
            // (03b8/tefy's 0.12 lock matches it).
            string lockVersion = lockDoc.Metadata.TryGetValue("lock-version", out string? recordedVersion) ? recordedVersion : "1.0";
            var recipes = LockHashes.PoetryRecipes(lockVersion);
            int line = lockDoc.MetadataLines.TryGetValue("content-hash", out int l) ? l : 1;
            if (recipes == null)
            {
                context.InputProblem("StaleLockNotChecked", lockFile.File, lockDoc.MetadataLines.TryGetValue("lock-version", out int vl) ? vl : line,
                    $"{lockName} has lock-version '{lockVersion}', whose content-hash recipe is not known; not checked");
                continue;
            }
            var root = pyproject.Document.Toml;
            if (root == null || pyproject.Document.HasSyntaxErrors)
            {
                context.InputProblem("StaleLockNotChecked", pyproject.File, pyproject.Document.Problems.FirstOrDefault()?.Line ?? 1,
                    $"{pyproject.File.RelativePath} has TOML syntax errors; {lockName} content-hash not checked");
                continue;
            }
            string? expected = null;
            bool matched = false;
            foreach (var recipe in recipes)
            {
                if (!LockHashes.TryPoetryHash(root, recipe, out string hash))
                {
                    expected = null;
                    break;
                }
                expected ??= hash;
                if (string.Equals(hash, recorded, StringComparison.OrdinalIgnoreCase))
                {
                    matched = true;
                    break;
                }
            }
            if (matched)
            {
                continue;
            }
            if (expected == null)
            {
                context.InputProblem("StaleLockNotChecked", pyproject.File, 1,
                    $"{pyproject.File.RelativePath} holds a value Poetry cannot hash (a TOML date); {lockName} content-hash not checked");
                continue;
            }
            if (lockVersion == "2.1" && root["dependency-groups"] != null)
            {
                // Poetry 2.2+ reads PEP 735 [dependency-groups]; whether and how they enter the hash is not pinned
                // down here, so a mismatch is not reported as a finding.
                context.InputProblem("StaleLockNotChecked", lockFile.File, line,
                    $"{lockName} content-hash does not match the Poetry 2.0/2.1 recipe, but {pyproject.File.RelativePath} has [dependency-groups], which newer Poetry may hash too; not reported");
                continue;
            }
            var declared = pyproject.Document.Entries.Where(e => e.NormalizedName != "python");
            string self = StaleLocks.Normalize(pyproject.Document.Metadata.TryGetValue("name", out string? n) ? n : root.Path("tool", "poetry")?.String("name") ?? "");
            var changes = StaleLocks.NotLocked(declared, lockDoc.Entries, new HashSet<string> { self });
            string fix = lockVersion == "2.1" ? "Run `poetry lock`." : "Run `poetry lock --no-update` (Poetry 1.x) or `poetry lock` (Poetry 2.x).";
            context.Report(lockFile.File, line, 1,
                $"{lockName} is stale: content-hash is {StaleLocks.Short(recorded)} but {pyproject.File.RelativePath} hashes to {StaleLocks.Short(expected)} " +
                $"(as Poetry computes it for lock-version {lockVersion}){(changes != null ? "; " + changes : "")}. {fix}",
                "content-hash " + StaleLocks.Short(recorded), "poetry-lock-hash");
        }
    }
}
