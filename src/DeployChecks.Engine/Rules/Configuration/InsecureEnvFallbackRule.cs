using DeployChecks.Engine.Models.Configuration;
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
        var reads = model.EnvReads;
        foreach (var read in reads)
        {
            if (read.HasDefault && ConstantValue.Evaluate(read.Default) is string fallback)
            {
                Judge(context, model, read, read.Node, fallback, read.Style);
            }
        }
        // os.environ.get("SECRET_KEY") or "dev-key": the literal is the fallback all the same.
        var byNode = new System.Collections.Generic.Dictionary<Node, EnvRead>();
        foreach (var r in reads)
        {
            byNode[r.Node] = r;
        }
        foreach (var node in model.Module.Walk())
        {
            if (node is BinaryExpr { Operator: BinaryOperator.Or } or && byNode.TryGetValue(or.Left, out var read) &&
                (!read.HasDefault || ConstantValue.Evaluate(read.Default) is string { Length: 0 }) &&
                ConstantValue.Evaluate(or.Right) is string fallback)
            {
                Judge(context, model, read, or, fallback, read.Style + " with or");
            }
        }
    }

    private static void Judge(RuleContext context, PythonFileModel model, EnvRead read, Node at, string fallback, string style)
    {
        if (fallback.Length == 0)
        {
            return;
        }
        bool sensitive = SensitiveNames.IsSensitive(read.Variable);
        bool url = SensitiveNames.IsConnectionUrl(read.Variable);
        if (!sensitive && !url)
        {
            return;
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
        context.Report(model.File, at.Line, at.Column,
            $"{read.Variable} falls back to \"{shown}\" when unset ({style}): {consequence}",
            $"{read.Variable} default \"{shown}\"", read.Variable);
    }
}
