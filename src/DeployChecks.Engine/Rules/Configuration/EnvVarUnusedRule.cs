using System.Collections.Generic;
using DeployChecks.Engine.Models.Configuration;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Configuration;

/// <summary>DC1009: an env template documents a variable nothing reads.</summary>
public sealed class EnvVarUnusedRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC1009", "env-var-unused", CheckArea.Configuration, Severity.Info,
        "Env template documents a variable nothing reads",
        "A template that lists variables no code, compose file or Dockerfile uses sends operators hunting for values " +
        "that do nothing, and hides the ones that matter. It is often a renamed variable whose old name is still set in " +
        "production while the code reads the new one.",
        "Remove the variable from the template, or fix the name the code reads.",
        tags: new[] { "env", "documentation" });

    private static readonly ArtifactKind[] ReadKinds = { ArtifactKind.EnvFile };

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => ReadKinds;

    public override bool Applies(RuleContext context)
    {
        if (context.Workspace.OfKind(ArtifactKind.Python).Count == 0)
        {
            context.NotApplicable("no Python files in the target");
            return false;
        }
        return true;
    }

    public override void Check(RuleContext context)
    {
        var doc = EnvDocumentation.For(context);
        if (doc.TemplateKeys.Count == 0)
        {
            context.NotApplicable("no env template (.env.example, .env.sample, …) in the target");
            return;
        }
        var read = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var (_, r) in doc.Reads)
        {
            read.Add(r.Variable);
        }
        var consumers = ConsumerWords(context);
        foreach (var (file, line, key) in doc.TemplateKeys)
        {
            if (read.Contains(key) || doc.PythonWords.Contains(key) || consumers.Contains(key) || IsToolVariable(key))
            {
                continue;
            }
            context.Report(file, line, 1, $"{key} is documented in {file.RelativePath} but no Python code, compose file or Dockerfile reads it",
                key, key);
        }
    }

    /// <summary>Words in compose files, Dockerfiles and Procfiles (they consume variables themselves: POSTGRES_PASSWORD).</summary>
    private static HashSet<string> ConsumerWords(RuleContext context)
    {
        var words = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var kind in new[] { ArtifactKind.Compose, ArtifactKind.Dockerfile, ArtifactKind.Procfile, ArtifactKind.UwsgiIni, ArtifactKind.GunicornConfig, ArtifactKind.Nginx })
        {
            foreach (var f in context.Workspace.OfKind(kind))
            {
                if (context.TryGetText(f, out var text))
                {
                    EnvDocumentation.AddWords(words, text.Text);
                }
            }
        }
        return words;
    }

    /// <summary>Variables read by tools rather than the application's code.</summary>
    private static bool IsToolVariable(string key) =>
        key.StartsWith("FLASK_", System.StringComparison.Ordinal) || key.StartsWith("PYTHON", System.StringComparison.Ordinal) ||
        key.StartsWith("GUNICORN_", System.StringComparison.Ordinal) || key.StartsWith("UVICORN_", System.StringComparison.Ordinal) ||
        key.StartsWith("WEB_CONCURRENCY", System.StringComparison.Ordinal) || key == "DJANGO_SETTINGS_MODULE" || key == "PORT" ||
        key.StartsWith("COMPOSE_", System.StringComparison.Ordinal) || key.StartsWith("DOCKER_", System.StringComparison.Ordinal) ||
        key == "TZ" || key == "LANG" || key.StartsWith("LC_", System.StringComparison.Ordinal) ||
        // read by SDKs without the application naming them: sentry_sdk.init(), boto3, Google clients, OpenTelemetry, proxies
        key.StartsWith("SENTRY_", System.StringComparison.Ordinal) || key.StartsWith("AWS_", System.StringComparison.Ordinal) ||
        key == "GOOGLE_APPLICATION_CREDENTIALS" || key.StartsWith("OTEL_", System.StringComparison.Ordinal) ||
        key is "HTTP_PROXY" or "HTTPS_PROXY" or "NO_PROXY" or "REQUESTS_CA_BUNDLE" or "SSL_CERT_FILE";
}
