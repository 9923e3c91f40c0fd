using System.Collections.Generic;
using DeployChecks.Engine.Models.Configuration;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Configuration;

/// <summary>DC1004: lines of an env file that python-dotenv cannot parse (and silently skips).</summary>
public sealed class EnvFileMalformedRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC1004", "env-file-malformed", CheckArea.Configuration, Severity.Medium,
        "Env file has lines python-dotenv cannot parse",
        "python-dotenv logs a warning and skips a statement it cannot parse, and docker compose rejects the file. " +
        "The variable is then missing at run time, and the application falls back to defaults (often the insecure ones).",
        "Fix the line: KEY=value, quotes closed on the same statement, no spaces in keys, `export` only as a prefix.",
        tags: new[] { "env" });

    private static readonly ArtifactKind[] ReadKinds = { ArtifactKind.EnvFile };

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => ReadKinds;

    public override bool PerFile => true;

    public override void CheckFile(RuleContext context, WorkspaceFile file)
    {
        if (file.IsNonProduction)
        {
            return;
        }
        var env = EnvFileFacts.Load(context, file);
        if (env == null)
        {
            return;
        }
        context.TryGetText(file, out var text);
        foreach (var p in env.Problems)
        {
            // The line itself may hold a secret: it is only hashed into the fingerprint, never shown.
            string key = "line:" + (text?.GetLine(p.Line).Trim() ?? p.Message);
            context.Report(file, p.Line, 1, $"{file.RelativePath}:{p.Line}: python-dotenv {p.Message}; the line is skipped",
                null, key);
        }
    }
}
