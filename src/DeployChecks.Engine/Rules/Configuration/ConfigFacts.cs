using System;
using DeployChecks.Engine.Python.Syntax;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Configuration;

/// <summary>Shared judgement for the Python configuration rules: which files are settings modules, which are
/// meant for development, and how values read.</summary>
internal static class ConfigFacts
{
    /// <summary>Django/Flask settings and config modules: settings.py, settings/*.py, *_settings.py, config.py, conf.py…</summary>
    public static bool IsSettingsModule(WorkspaceFile file)
    {
        string name = file.Name.ToLowerInvariant();
        string path = file.RelativePath.ToLowerInvariant();
        return name is "settings.py" or "config.py" or "conf.py" or "configuration.py" or "local_settings.py" ||
               name.StartsWith("settings_", StringComparison.Ordinal) || name.EndsWith("_settings.py", StringComparison.Ordinal) ||
               name.EndsWith("_config.py", StringComparison.Ordinal) || path.Contains("/settings/") || path.StartsWith("settings/", StringComparison.Ordinal) ||
               path.Contains("/config/") || path.StartsWith("config/", StringComparison.Ordinal);
    }

    /// <summary>Modules or classes whose name says they are for development or tests (settings/dev.py,
    /// local_settings.py, class DevelopmentConfig).</summary>
    public static bool IsDevelopmentName(string name)
    {
        string n = name.ToLowerInvariant().Replace(".py", "");
        foreach (var part in n.Split('/', '.', '_', '-'))
        {
            switch (part)
            {
                case "dev":
                case "develop":
                case "development":
                case "local":
                case "test":
                case "tests":
                case "testing":
                case "debug":
                case "devel":
                case "ci":
                    return true;
            }
        }
        return n.StartsWith("dev", StringComparison.Ordinal) && (n.EndsWith("config", StringComparison.Ordinal) || n.EndsWith("settings", StringComparison.Ordinal)) ||
               n.StartsWith("test", StringComparison.Ordinal) && n.EndsWith("config", StringComparison.Ordinal) ||
               n.StartsWith("local", StringComparison.Ordinal) && n.EndsWith("config", StringComparison.Ordinal);
    }

    /// <summary>Short source text of an expression for messages (the literal parts of a value are redacted by callers).</summary>
    public static string Snippet(string source, Node node, int max = 80)
    {
        int len = Math.Min(node.End - node.Start, max);
        if (len <= 0 || node.Start + len > source.Length)
        {
            return "";
        }
        string s = source.Substring(node.Start, len).Replace('\n', ' ').Replace('\r', ' ');
        return node.End - node.Start > max ? s + "…" : s;
    }

    /// <summary>The setting name an assignment target writes: <c>NAME</c>, <c>app.config["NAME"]</c>, <c>self.NAME</c>.</summary>
    public static string? TargetName(Expr target) => target switch
    {
        NameExpr n => n.Id,
        SubscriptExpr { Index: ConstantExpr { IsString: true } k } => k.Text,
        AttributeExpr a => a.Attr,
        _ => null,
    };
}
