using System.Collections.Generic;
using DeployChecks.Engine.Models.Configuration;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Configuration;

/// <summary>DC1008: the code reads an environment variable that no template, compose file, Dockerfile or doc mentions.</summary>
public sealed class EnvVarUndocumentedRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC1008", "env-var-undocumented", CheckArea.Configuration, Severity.Low,
        "Environment variable read by the code is documented nowhere",
        "A new deployment is configured from the .env.example, the compose file, the Dockerfile and the README. A " +
        "variable the code reads but none of them mentions is missed on the next server: the app crashes at start-up " +
        "(no default) or silently runs with its fallback.",
        "Add the variable to .env.example (with a placeholder value and a comment), or to the compose file or the " +
        "deployment docs.",
        tags: new[] { "env", "documentation" });

    private static readonly ArtifactKind[] ReadKinds = { ArtifactKind.Python };

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => ReadKinds;

    public override void Check(RuleContext context)
    {
        var doc = EnvDocumentation.For(context);
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var (file, read) in doc.Reads)
        {
            // os.environ.setdefault("DJANGO_SETTINGS_MODULE", …) provides the variable rather than needing it.
            if (read.ProvidesDefault ||
                doc.MentionedWords.Contains(read.Variable) || !seen.Add(read.Variable))
            {
                continue;
            }
            string fallback = read.HasDefault ? "it falls back to its default"
                : read.Style is "os.getenv" or "os.environ.get" ? "the code silently gets None"
                : "the application fails at start-up without it";
            string where = doc.DocumentingFiles == 0 ? "there is no .env.example, compose file, Dockerfile or README" : "no .env template, compose file, Dockerfile, CI workflow or doc mentions it";
            context.Report(file, read.Line, read.Column,
                $"{read.Variable} is read here ({read.Style}) but {where}; on a new deployment {fallback}",
                read.Variable, read.Variable);
        }
    }
}
