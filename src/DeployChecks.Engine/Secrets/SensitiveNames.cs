using System;

namespace DeployChecks.Engine.Secrets;

/// <summary>Which setting and variable names hold credentials, and which values are only placeholders. Shared by
/// the env-file rules and the Python configuration rules so both agree.</summary>
public static class SensitiveNames
{
    private static readonly string[] SecretWords =
    {
        "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "ACCESS_KEY",
        "CREDENTIAL", "AUTH_KEY", "SIGNING_KEY", "ENCRYPTION_KEY", "CLIENT_SECRET", "WEBHOOK_SECRET", "DSN",
    };

    private static readonly string[] PublicWords =
    {
        "PUBLIC_KEY", "PUBLISHABLE_KEY", "PUBKEY", "KEY_ID", "TOKEN_URL", "TOKEN_EXPIRY", "TOKEN_LIFETIME", "PASSWORD_MIN",
        "PASSWORD_RESET_TIMEOUT", "PASSWORD_HASHERS", "PASSWORD_VALIDATORS", "TOKEN_TTL", "_LENGTH", "_FILE", "_PATH", "_HEADER",
        "_FIELD", "_COOKIE_NAME", "_NAME",
        // settings that describe a credential rather than hold it (TOKEN_TYPE = "Bearer", SECRET_KEY_ENV_VAR = "…",
        // PASSWORD_RESET_TEMPLATE = "registration/…", OAUTH2_TOKEN_ENDPOINT = "https://…", ACCESS_TOKEN_EXPIRE_MINUTES)
        "_TYPE", "_TEMPLATE", "_ENDPOINT", "_ENV_VAR", "_ENVVAR", "_SETTING", "_ALGORITHM", "_EXPIRE", "_TIMEOUT",
        "_BACKEND", "_CLASS", "_PREFIX", "_LOCATION",
    };

    private static readonly string[] PlaceholderWords =
    {
        "changeme", "change_me", "change-me", "replace", "your", "xxx", "todo", "fixme", "example", "dummy",
        "placeholder", "<", "${", "insert", "redacted", "notset", "not-set", "tbd",
    };

    /// <summary>True for names like SECRET_KEY, DB_PASSWORD, STRIPE_API_KEY, AUTH_TOKEN, SENTRY_DSN (case-insensitive);
    /// false for public keys and names of files, headers or lengths.</summary>
    public static bool IsSensitive(string name)
    {
        string key = name.ToUpperInvariant();
        foreach (var w in PublicWords)
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
               key.EndsWith("_PASS", StringComparison.Ordinal) || key.EndsWith("_PWD", StringComparison.Ordinal) || key == "PASS" || key == "PWD";
    }

    /// <summary>Names of connection-string settings, whose value may carry a password.</summary>
    public static bool IsConnectionUrl(string name)
    {
        string key = name.ToUpperInvariant();
        return key.EndsWith("DATABASE_URL", StringComparison.Ordinal) || key.EndsWith("DATABASE_URI", StringComparison.Ordinal) ||
               key == "SQLALCHEMY_DATABASE_URI" || key.EndsWith("DB_URL", StringComparison.Ordinal) || key.EndsWith("REDIS_URL", StringComparison.Ordinal) ||
               key.EndsWith("BROKER_URL", StringComparison.Ordinal) || key.EndsWith("AMQP_URL", StringComparison.Ordinal) || key.EndsWith("MONGO_URL", StringComparison.Ordinal) ||
               key.EndsWith("MONGODB_URI", StringComparison.Ordinal) || key.EndsWith("CACHE_URL", StringComparison.Ordinal);
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
}
