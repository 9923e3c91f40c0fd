using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Models.Configuration;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Configuration;

/// <summary>DC1002: an env file holding credentials is tracked by git.</summary>
public sealed class EnvFileCommittedRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC1002", "env-file-committed", CheckArea.Configuration, Severity.Critical,
        "Env file with credentials is committed to git",
        "The file is in the git index: its credentials are in the repository, in every clone and fork, and in the " +
        "history even after the file is deleted. Ignoring it now does not untrack it.",
        "Rotate every credential in the file first. Then `git rm --cached <file>`, add it to .gitignore, commit a " +
        "`.env.example` with placeholders, and purge it from history (git filter-repo) if the repository is shared.",
        tags: new[] { "secrets", "git" }, cwe: new[] { "CWE-538", "CWE-798" });

    private static readonly ArtifactKind[] ReadKinds = { ArtifactKind.EnvFile };

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => ReadKinds;

    public override bool PerFile => true;

    public override bool Applies(RuleContext context)
    {
        if (context.Workspace.Git == null)
        {
            context.NotApplicable("the target is not in a git work tree");
            return false;
        }
        return true;
    }

    public override void CheckFile(RuleContext context, WorkspaceFile file)
    {
        if (file.Git != GitStatus.Tracked || file.IsNonProduction || ArtifactClassifier.IsEnvTemplateName(file.Name))
        {
            return;
        }
        var env = EnvFileFacts.Load(context, file);
        if (env == null)
        {
            return;
        }
        var creds = EnvFileFacts.Credentials(env);
        if (creds.Count == 0)
        {
            return;
        }
        string keys = string.Join(", ", creds.Select(c => c.Key).Distinct());
        context.Report(file, creds[0].Line, creds[0].Column,
            $"{file.RelativePath} is tracked by git and holds {EnvFileNotIgnoredRule.Plural(creds.Count, "credential")} ({keys}); treat them as leaked",
            EnvFileFacts.Evidence(creds[0]), "file");
    }
}
