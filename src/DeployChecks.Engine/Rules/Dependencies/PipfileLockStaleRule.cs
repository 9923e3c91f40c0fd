using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Dependencies;
using DeployChecks.Engine.Models.Dependencies;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Dependencies;

/// <summary>DC2004: <c>Pipfile.lock</c> whose <c>_meta.hash.sha256</c> is not the hash of the <c>Pipfile</c> next to
/// it, computed as pipenv computes it (<see cref="LockHashes.TryPipfileHash"/>).</summary>
public sealed class PipfileLockStaleRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC2004", "pipfile-lock-stale", CheckArea.Dependencies, Severity.High,
        "Pipfile.lock is out of date with the Pipfile",
        "pipenv records a sha256 of the Pipfile's packages, sources and requirements in Pipfile.lock. When the Pipfile " +
        "changed after the lock was made, `pipenv install --deploy` refuses to install and `pipenv sync` installs the " +
        "old set: production runs dependencies nobody reviewed, or the deploy fails.",
        "Run `pipenv lock` and commit both files together.",
        tags: new[] { "lockfile", "pipenv" },
        equivalents: new[] { "pipenv:verify" });

    private static readonly ArtifactKind[] ReadKinds = { ArtifactKind.PipfileLock };

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => ReadKinds;

    public override void Check(RuleContext context)
    {
        var set = DependencySet.For(context);
        foreach (var lockFile in set.OfKind(DeployChecks.DependencySourceKind.PipfileLock).ToList())
        {
            if (lockFile.File.IsNonProduction)
            {
                continue;
            }
            var pipfile = StaleLocks.Sibling(set, lockFile, "Pipfile");
            if (pipfile == null)
            {
                continue;
            }
            var lockDoc = lockFile.Document;
            if (!lockDoc.Metadata.TryGetValue("hash-sha256", out string? recorded))
            {
                context.InputProblem("StaleLockNotChecked", lockFile.File, 1,
                    $"{lockFile.File.RelativePath} has no _meta.hash.sha256; whether it matches {pipfile.File.RelativePath} was not checked");
                continue;
            }
            if (pipfile.Document.Toml == null || pipfile.Document.HasSyntaxErrors)
            {
                context.InputProblem("StaleLockNotChecked", pipfile.File, pipfile.Document.Problems.FirstOrDefault()?.Line ?? 1,
                    $"{pipfile.File.RelativePath} has TOML syntax errors; {lockFile.File.RelativePath} hash not checked");
                continue;
            }
            if (!LockHashes.TryPipfileHash(pipfile.Document.Toml, out string expected))
            {
                context.InputProblem("StaleLockNotChecked", pipfile.File, 1,
                    $"{pipfile.File.RelativePath} holds a value pipenv cannot hash (a TOML date); {lockFile.File.RelativePath} hash not checked");
                continue;
            }
            if (string.Equals(expected, recorded, System.StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            int line = lockDoc.MetadataLines.TryGetValue("hash-sha256", out int l) ? l : 1;
            var changes = new List<string>();
            if (StaleLocks.NotLocked(pipfile.Document.Entries, lockDoc.Entries) is string missing)
            {
                changes.Add(missing);
            }
            foreach (string key in new[] { "python_version", "python_full_version" })
            {
                pipfile.Document.Metadata.TryGetValue(key, out string? want);
                lockDoc.Metadata.TryGetValue(key, out string? have);
                if (want != have)
                {
                    changes.Add($"[requires] {key} is {Quote(want)} in the Pipfile but {Quote(have)} in the lock");
                }
            }
            var wantSources = new HashSet<string>(pipfile.Document.Sources.Select(s => s.Url));
            var haveSources = new HashSet<string>(lockDoc.Sources.Select(s => s.Url));
            if (pipfile.Document.Toml["source"] != null && !wantSources.SetEquals(haveSources))
            {
                changes.Add("the [[source]] URLs differ");
            }
            string what = changes.Count > 0 ? "; " + string.Join("; ", changes) : "";
            context.Report(lockFile.File, line, 1,
                $"{lockFile.File.RelativePath} is stale: _meta.hash.sha256 is {StaleLocks.Short(recorded)} but {pipfile.File.RelativePath} " +
                $"hashes to {StaleLocks.Short(expected)} (as pipenv computes it){what}. Run `pipenv lock`.",
                "sha256 " + StaleLocks.Short(recorded), "pipfile-lock-hash");
        }
    }

    private static string Quote(string? v) => v == null ? "absent" : "'" + v + "'";
}
