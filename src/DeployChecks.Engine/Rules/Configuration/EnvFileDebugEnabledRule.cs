using System.Collections.Generic;
using System;
using DeployChecks.Engine.Artifacts.Env;
using DeployChecks.Engine.Models.Configuration;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Configuration;

/// <summary>DC1003: a committed env file turns on debug or development mode.</summary>
public sealed class EnvFileDebugEnabledRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC1003", "env-file-debug-enabled", CheckArea.Configuration, Severity.High,
        "Committed env file turns on debug or development mode",
        "An env file that ships with the code (.env, .flaskenv, .env.production, a template deploys copy) and " +
        "sets FLASK_DEBUG=1, FLASK_ENV=development, DJANGO_DEBUG=True or a development settings module runs " +
        "production in debug mode: the interactive debugger allows arbitrary code execution (Werkzeug), and " +
        "Django's debug pages leak settings, SQL and source.",
        "Remove debug switches from committed env files; set them only in developer-local, git-ignored files " +
        "(.env.local, .env.development). Make the application default to debug off when the variable is unset.",
        tags: new[] { "debug", "flask", "django" }, equivalents: new[] { "django:security.W018" }, cwe: new[] { "CWE-489", "CWE-215" });

    private static readonly ArtifactKind[] ReadKinds = { ArtifactKind.EnvFile };

    private static readonly HashSet<string> EnvironmentNameKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "FLASK_ENV", "DJANGO_ENV", "APP_ENV", "ENV", "ENVIRONMENT", "APP_ENVIRONMENT", "PYTHON_ENV", "QUART_ENV", "FASTAPI_ENV",
    };

    private static readonly HashSet<string> DevelopmentNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "development", "develop", "dev", "local", "debug",
    };

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => ReadKinds;

    public override bool PerFile => true;

    public override void CheckFile(RuleContext context, WorkspaceFile file)
    {
        if (file.IsNonProduction || EnvFileFacts.IsDevelopmentFileName(file.Name))
        {
            return;
        }
        var env = EnvFileFacts.Load(context, file);
        if (env == null)
        {
            return;
        }
        bool template = ArtifactClassifier.IsEnvTemplateName(file.Name);
        foreach (var entry in env.Entries)
        {
            string? why = Explain(entry);
            if (why == null)
            {
                continue;
            }
            string whose = template
                ? "the template deployments copy"
                : file.Name.Equals(".flaskenv", StringComparison.OrdinalIgnoreCase) ? ".flaskenv, which `flask run` and python-dotenv load" : file.RelativePath;
            context.Report(file, entry.Line, entry.Column, $"{entry.Key}={entry.Value} in {whose}: {why}",
                entry.Key + "=" + entry.Value, entry.Key);
        }
    }

    /// <summary>Why this binding enables debugging, or null when it does not.</summary>
    internal static string? Explain(EnvEntry e)
    {
        string key = e.Key.ToUpperInvariant();
        string? value = e.Value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if ((key == "DEBUG" || key.EndsWith("_DEBUG", StringComparison.Ordinal)) && EnvValues.IsTruthy(value))
        {
            return key == "FLASK_DEBUG"
                ? "Flask runs with the Werkzeug debugger, which executes arbitrary code from the browser"
                : "the application runs in debug mode (stack traces, settings and SQL shown to visitors)";
        }
        if (EnvironmentNameKeys.Contains(key) && DevelopmentNames.Contains(value!))
        {
            return key == "FLASK_ENV"
                ? "FLASK_ENV=development turns on the debugger and reloader (Flask < 2.3)"
                : "the application is told it runs in a development environment";
        }
        if (key == "DJANGO_SETTINGS_MODULE")
        {
            string last = value!.Substring(value.LastIndexOf('.') + 1).ToLowerInvariant();
            if (last is "dev" or "development" or "local" or "debug" or "settings_dev" or "settings_local" or "dev_settings" or "local_settings")
            {
                return $"Django loads the development settings module '{value}'";
            }
        }
        if (key == "GUNICORN_CMD_ARGS" && value!.IndexOf("--reload", StringComparison.Ordinal) >= 0)
        {
            return "gunicorn runs with --reload, a development-only option";
        }
        return null;
    }
}
