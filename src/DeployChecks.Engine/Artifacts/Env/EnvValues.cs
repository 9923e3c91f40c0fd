namespace DeployChecks.Engine.Artifacts.Env;

/// <summary>How applications read an environment value as a boolean (Flask's FLASK_DEBUG, django-environ's
/// env.bool, python-decouple's cast=bool): "1", "true", "yes", "on", "y", "t", case-insensitive.</summary>
public static class EnvValues
{
    public static bool IsTruthy(string? value) =>
        value != null && value.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on" or "y" or "t";
}
