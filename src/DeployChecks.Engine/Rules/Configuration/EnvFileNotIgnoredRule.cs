using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Models.Configuration;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Configuration;

/// <summary>DC1001: an env file holding credentials that no ignore rule covers, so <c>git add .</c> commits it.</summary>
public sealed class EnvFileNotIgnoredRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC1001", "env-file-not-ignored", CheckArea.Configuration, Severity.High,
        "Env file with credentials is not git-ignored",
        "A .env file is where local credentials live. When no .gitignore entry covers it, the next `git add .` " +
        "or `git commit -a` publishes them to everyone with access to the repository, and to its history for good.",
        "Add the file to .gitignore (`.env` and `.env.*` with `!.env.example`), keep a committed `.env.example` " +
        "with placeholder values, and load real values from the deployment environment or a secret store.",
        tags: new[] { "secrets", "git" }, cwe: new[] { "CWE-538", "CWE-798" });

    private static readonly ArtifactKind[] ReadKinds = { ArtifactKind.EnvFile };

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => ReadKinds;

    public override bool PerFile => true;

    public override void CheckFile(RuleContext context, WorkspaceFile file)
    {
        // Tracked files are DC1002's; ignored ones never reach the workspace.
        if (file.Git == GitStatus.Tracked || file.IsNonProduction || ArtifactClassifier.IsEnvTemplateName(file.Name))
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
        string where = file.Git == GitStatus.NoRepository
            ? "no .gitignore covers it"
            : "it is untracked but not git-ignored, so `git add .` would commit it";
        string keys = string.Join(", ", creds.Select(c => c.Key).Distinct());
        context.Report(file, creds[0].Line, creds[0].Column,
            $"{file.RelativePath} holds {Plural(creds.Count, "credential")} ({keys}) and {where}",
            EnvFileFacts.Evidence(creds[0]), "file");
    }

    internal static string Plural(int n, string word) => n == 1 ? "1 " + word : n + " " + word + "s";
}
