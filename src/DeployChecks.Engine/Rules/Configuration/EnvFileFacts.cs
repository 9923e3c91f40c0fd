using System;
using System.Collections.Generic;
using DeployChecks.Engine.Parsing.Env;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Configuration;

/// <summary>What the env-file rules share: loading (parse problems reported once per run), which keys hold
/// credentials, which values are placeholders, and which values turn debugging on.</summary>
internal static class EnvFileFacts
{
    private static readonly string[] SecretWords =
    {
        "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "ACCESS_KEY",
        "CREDENTIAL", "AUTH_KEY", "SIGNING_KEY", "ENCRYPTION_KEY", "CLIENT_SECRET", "WEBHOOK_SECRET", "DSN",
    };

    private static readonly string[] PublicKeyWords = { "PUBLIC_KEY", "PUBLISHABLE_KEY", "PUBKEY", "KEY_ID", "TOKEN_URL", "TOKEN_EXPIRY", "TOKEN_LIFETIME", "PASSWORD_MIN", "PASSWORD_RESET_TIMEOUT", "PASSWORD_HASHERS" };

    private static readonly string[] PlaceholderWords =
    {
        "changeme", "change_me", "change-me", "replace", "your", "xxx", "todo", "fixme", "example", "dummy",
        "placeholder", "<", "${", "insert", "redacted", "notset", "not-set", "tbd",
    };

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
        if (entry.Value == null || IsPlaceholder(entry.Value))
        {
            return false;
        }
        if (Redactor.HasUrlCredentials(entry.Value))
        {
            return true;
        }
        string key = entry.Key.ToUpperInvariant();
        foreach (var w in PublicKeyWords)
        {
            if (key.Contains(w))
            {
                return false;
            }
        }
        foreach (var w in SecretWords)
        {
            if (key.Contains(w))
            {
                return true;
            }
        }
        return key.EndsWith("_KEY", StringComparison.Ordinal) && !key.EndsWith("FOREIGN_KEY", StringComparison.Ordinal) ||
               key.EndsWith("_PASS", StringComparison.Ordinal) || key.EndsWith("_PWD", StringComparison.Ordinal);
    }

    /// <summary>Empty values, <c>&lt;…&gt;</c>, <c>${VAR}</c>, "changeme", "your-key-here", runs of one character.</summary>
    public static bool IsPlaceholder(string value)
    {
        string v = value.Trim();
        if (v.Length == 0)
        {
            return true;
        }
        string lower = v.ToLowerInvariant();
        foreach (var w in PlaceholderWords)
        {
            if (lower.Contains(w))
            {
                return true;
            }
        }
        if (v[0] == '$')
        {
            return true;
        }
        bool same = true;
        for (int i = 1; i < v.Length && same; i++)
        {
            same = v[i] == v[0];
        }
        return same;
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

    public static bool IsTruthy(string? value) =>
        value != null && value.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on" or "y" or "t";

    public static string Evidence(EnvEntry e) => e.Key + "=" + Redactor.RedactValue(e.Value);
}
