using System.Collections.Generic;
using System;
using DeployChecks.Engine.Artifacts.Env;
using DeployChecks.Engine.Rules;
using DeployChecks.Engine.Secrets;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Configuration;

/// <summary>What the env-file rules share: loading (parse problems reported once per run), which keys hold
/// credentials, which values are placeholders, and which values turn debugging on.</summary>
internal static class EnvFileFacts
{
    /// <summary>Parses the env file through the shared cache; parse problems become one error record each.</summary>
    public static EnvFile? Load(RuleContext context, WorkspaceFile file)
    {
        if (!context.TryGet(file, EnvFileParser.Instance, out var env))
        {
            return null;
        }
        foreach (var p in env.Problems)
        {
            context.InputProblem("MalformedEnvFile", file, p.Line, $"{file.RelativePath}:{p.Line}: {p.Message}");
        }
        return env;
    }

    /// <summary>True when the key names a credential (SECRET_KEY, DB_PASSWORD, STRIPE_API_KEY, …) or the value
    /// is a URL with a password in it.</summary>
    public static bool IsCredential(EnvEntry entry)
    {
        if (entry.Value == null || SensitiveNames.IsPlaceholder(entry.Value))
        {
            return false;
        }
        if (Redactor.HasUrlCredentials(entry.Value))
        {
            return true;
        }
        return SensitiveNames.IsSensitive(entry.Key);
    }

    /// <summary>The credentials of a file, in file order.</summary>
    public static List<EnvEntry> Credentials(EnvFile env)
    {
        var list = new List<EnvEntry>();
        foreach (var e in env.Entries)
        {
            if (IsCredential(e))
            {
                list.Add(e);
            }
        }
        return list;
    }

    /// <summary>True for env files whose name marks them as for development or tests (<c>.env.local</c>,
    /// <c>.env.development</c>, <c>test.env</c>…).</summary>
    public static bool IsDevelopmentFileName(string name)
    {
        string n = name.ToLowerInvariant();
        foreach (var marker in new[] { "dev", "development", "local", "test", "testing", "ci", "debug" })
        {
            if (n == ".env." + marker || n == marker + ".env" || n.StartsWith(".env." + marker + ".", StringComparison.Ordinal) ||
                n.EndsWith("." + marker + ".env", StringComparison.Ordinal) || n.EndsWith("-" + marker + ".env", StringComparison.Ordinal) ||
                n.EndsWith("_" + marker + ".env", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }


    public static string Evidence(EnvEntry e) => e.Key + "=" + Redactor.RedactValue(e.Value);
}
