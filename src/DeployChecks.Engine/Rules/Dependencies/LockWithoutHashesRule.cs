using System.Collections.Generic;
using System.Linq;
using System;
using DeployChecks.Engine.Models.Dependencies;
using DeployChecks.Engine.Models.Deploy;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Dependencies;

/// <summary>DC2003: what a Dockerfile or CI installs from carries no hashes, or only some.</summary>
public sealed class LockWithoutHashesRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC2003", "lock-without-hashes", CheckArea.Dependencies, Severity.Medium,
        "Installed requirements or lock entries have no hashes",
        "A pin names a version, not the bytes: without hashes pip installs whatever the index (or a mirror, proxy or " +
        "attacker in between) serves under that version. pip's hash-checking mode is all or nothing: one `--hash` in " +
        "a requirements file turns it on, and then every entry without a hash makes the install fail. Lock files " +
        "normally record hashes; an entry without them is installed unverified.",
        "Generate the file with hashes (`pip-compile --generate-hashes`, `uv pip compile --generate-hashes`, " +
        "`poetry export` without `--without-hashes`) and install it with `pip install --require-hashes -r …`; " +
        "re-lock (`pipenv lock`, `poetry lock`, `uv lock`) so every package has its hashes.",
        tags: new[] { "supply-chain", "integrity" },
        cwe: new[] { "CWE-494" });

    private static readonly ArtifactKind[] ReadKinds =
    {
        ArtifactKind.Dockerfile, ArtifactKind.GitHubWorkflow, ArtifactKind.AzurePipeline, ArtifactKind.GitLabCi,
    };

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => ReadKinds;

    public override void Check(RuleContext context)
    {
        var set = DependencySet.For(context);
        var commands = DeployCommands.For(context);
        var installs = commands.Installs.Where(i => !i.IsDevelopment).OrderBy(i => i.IsCi).ToList();
        if (installs.Count == 0)
        {
            context.NotApplicable("no Dockerfile or CI install command");
            return;
        }
        var fileDone = new HashSet<string>(StringComparer.Ordinal);
        var entryDone = new HashSet<(string, int, string)>();
        foreach (var install in installs)
        {
            foreach (var reference in install.RequirementFiles)
            {
                if (reference.File == null || reference.File.IsNonProduction ||
                    (install.IsCi && DeployChecks.Engine.Dependencies.Parsers.RequirementsPaths.GroupFromPath(reference.File.RelativePath) != "main"))
                {
                    continue;
                }
                CheckRequirements(context, set, install, reference.File, fileDone, entryDone);
            }
            foreach (var reference in install.Files.Where(f => f.Role == InstallFileRole.Lock))
            {
                if (install.Action == "export")
                {
                    if (install.WithoutHashes)
                    {
                        context.Report(install.File, install.Line, 1,
                            $"`{install.Text}` at {install.File.RelativePath}:{install.Line} drops the lock's hashes: the exported requirements install without hash checking",
                            "--without-hashes", "export:" + install.Scope);
                    }
                    continue;
                }
                var lockFile = DeployFacts.LockOf(install, reference, set);
                if (lockFile != null)
                {
                    CheckLock(context, install, lockFile, entryDone);
                }
            }
        }
    }

    private static void CheckRequirements(RuleContext context, DependencySet set, InstallCommand install, WorkspaceFile file,
        HashSet<string> fileDone, HashSet<(string, int, string)> entryDone)
    {
        var resolved = DeployFacts.Resolve(context, set, file);
        var installed = resolved.Entries.Where(e => !e.IsConstraint && !DependenciesNotLockedRule.IsLocalProject(e)).ToList();
        if (installed.Count == 0)
        {
            return;
        }
        int hashed = installed.Count(e => e.Hashes.Length > 0);
        // pip: one --hash turns hash-checking mode on for the whole install (pip docs, "Secure installs").
        // uv pip: hashes are verified where present and required only with --require-hashes (uv's HashCheckingMode).
        bool uv = install.Tool == "uv pip";
        bool required = install.RequireHashes || resolved.RequireHashes;
        bool hashMode = required || hashed > 0;
        string where = $"{install.File.RelativePath}:{install.Line}";
        if (!hashMode)
        {
            if (fileDone.Add(file.RelativePath))
            {
                context.Report(install.File, install.Line, 1,
                    $"{where} installs {file.RelativePath} ({installed.Count} {(installed.Count == 1 ? "entry" : "entries")}) without hashes and without --require-hashes: pip does not verify what it downloads",
                    "-r " + (install.RequirementFiles.FirstOrDefault(r => r.File == file)?.Written ?? file.RelativePath), "nohash:" + file.RelativePath);
            }
            return;
        }
        string cause = install.RequireHashes ? "--require-hashes on the command line"
            : resolved.RequireHashes ? "--require-hashes in the file"
            : $"{hashed} other {(hashed == 1 ? "entry has" : "entries have")} --hash";
        foreach (var e in installed)
        {
            if (e.Hashes.Length > 0 || !entryDone.Add((e.Source, e.Line, e.NormalizedName)) || context.Workspace.Find(e.Source) is not WorkspaceFile source)
            {
                continue;
            }
            context.Report(source, e.Line, 1, uv && !required
                ? $"{e.Name} in {e.Source}:{e.Line} has no --hash ({cause}): `uv pip` at {where} verifies hashes only where present and installs it unverified"
                : $"{e.Name} in {e.Source}:{e.Line} has no --hash, but pip's hash-checking mode is on ({cause}) for the install at {where}: the install fails",
                e.ToString(), "entry:" + e.Source + ":" + e.NormalizedName);
        }
    }

    private static void CheckLock(RuleContext context, InstallCommand install, ParsedDependencyFile lockFile, HashSet<(string, int, string)> entryDone)
    {
        foreach (var e in lockFile.Document.Entries)
        {
            // VCS, path and URL sources have no index hashes to record; the project itself is not an entry.
            if (e.Hashes.Length > 0 || e.Url != null || e.Version == null || !entryDone.Add((e.Source, e.Line, e.NormalizedName)))
            {
                continue;
            }
            context.Report(lockFile.File, e.Line, 1,
                $"{e.Name} {e.Version} in {lockFile.File.RelativePath}:{e.Line} has no hashes; `{install.Tool} {install.Action}` at {install.File.RelativePath}:{install.Line} installs it unverified",
                e.Name + "==" + e.Version, "lock:" + lockFile.File.RelativePath + ":" + e.NormalizedName);
        }
    }
}
