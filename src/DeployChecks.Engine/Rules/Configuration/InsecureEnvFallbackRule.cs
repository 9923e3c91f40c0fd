using DeployChecks.Engine.Python.Semantics;
using DeployChecks.Engine.Python.Syntax;
using DeployChecks.Engine.Secrets;
using DeployChecks.Engine.Text;

namespace DeployChecks.Engine.Rules.Configuration;

/// <summary>DC1007: a secret or connection string read from the environment with a literal fallback.</summary>
public sealed class InsecureEnvFallbackRule : PythonRule
{
    public static readonly RuleDescriptor Definition = new(
        "DC1007", "insecure-env-fallback", CheckArea.Configuration, Severity.High,
        "Secret or database URL falls back to a literal when its variable is missing",
        "os.environ.get(\"SECRET_KEY\", \"dev-key\") and os.getenv(\"DATABASE_URL\", \"sqlite:///app.db\") never fail: " +
        "when the variable is missing in production the application starts anyway, signing sessions with a key that " +
        "is in the repository, or writing to a throwaway SQLite file instead of the real database, and nobody notices.",
        "Read required settings without a fallback (os.environ[\"SECRET_KEY\"], env(\"SECRET_KEY\")) so a missing variable " +
        "stops the start-up, or fail explicitly when the value is missing. Keep development defaults in a git-ignored " +
        ".env or a development settings module.",
        tags: new[] { "secrets", "env" }, cwe: new[] { "CWE-1188", "CWE-798" });

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(RuleContext context, PythonProject project, PythonFileModel model)
    {
        if (ConfigFacts.IsDevelopmentName(model.File.RelativePath))
        {
            return;
        }
        string source = context.Artifacts.GetText(model.File).Text;
        foreach (var read in EnvironmentReads.Find(model))
        {
            if (!read.HasDefault || ConstantValue.Evaluate(read.Default) is not string fallback || fallback.Length == 0)
            {
                continue;
            }
            bool sensitive = SensitiveNames.IsSensitive(read.Variable);
            bool url = SensitiveNames.IsConnectionUrl(read.Variable);
            if (!sensitive && !url)
            {
                continue;
            }
            string consequence;
            if (url)
            {
                string lower = fallback.ToLowerInvariant();
                consequence = lower.StartsWith("sqlite", System.StringComparison.Ordinal)
                    ? "the application silently runs on a local SQLite file instead of the production database"
                    : Redactor.HasUrlCredentials(fallback)
                        ? "the application connects with a password that is in the code"
                        : $"the application silently connects to {fallback}";
            }
            else
            {
                consequence = "the application silently uses a key that is in the repository";
            }
            string shown = url && !Redactor.HasUrlCredentials(fallback) ? fallback : Redactor.RedactValue(fallback);
            context.Report(model.File, read.Node.Line, read.Node.Column,
                $"{read.Variable} falls back to \"{shown}\" when unset ({read.Style}): {consequence}",
                $"{read.Variable} default \"{shown}\"", read.Variable);
        }
    }
}
