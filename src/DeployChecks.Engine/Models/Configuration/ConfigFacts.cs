using System;
using System.Collections.Generic;
using DeployChecks.Engine.Python.Semantics;
using DeployChecks.Engine.Python.Syntax;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Configuration;

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
        // DevConfig, devsettings.py, TestConfig, LocalConfig — the file or class name itself, not a package that happens
        // to start with the same letters (devices/settings.py, localization/config.py, testimonials/config.py).
        n = n.Substring(n.LastIndexOf('/') + 1);
        return n.StartsWith("dev", StringComparison.Ordinal) && (n.EndsWith("config", StringComparison.Ordinal) || n.EndsWith("settings", StringComparison.Ordinal)) ||
               n.StartsWith("test", StringComparison.Ordinal) && n.EndsWith("config", StringComparison.Ordinal) ||
               n.StartsWith("local", StringComparison.Ordinal) && n.EndsWith("config", StringComparison.Ordinal);
    }

    /// <summary>True when <paramref name="model"/> is a base settings module (Django split settings) whose module-level
    /// <paramref name="name"/> every production settings module that star-imports it replaces: <c>DEBUG = True</c> in
    /// <c>settings/base.py</c> with <c>DEBUG = False</c> in <c>settings/prod.py</c> never reaches production. False when
    /// no production module imports it (it may be the settings module itself).</summary>
    public static bool OverriddenByEveryImporter(Rules.RuleContext context, PythonProject project, PythonFileModel model, string name)
    {
        var importers = Importers(context, project).TryGetValue(model.File.RelativePath, out var list) ? list : null;
        if (importers == null || importers.Count == 0)
        {
            return false;
        }
        foreach (var f in importers)
        {
            var setting = project.Settings(f).Get(name);
            if (setting == null || setting.Origin.File.RelativePath == model.File.RelativePath)
            {
                return false;
            }
        }
        return true;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PythonProject, Dictionary<string, List<WorkspaceFile>>> ImporterCache = new();

    /// <summary>For each module path, the production (non-development) modules that star-import it, directly or not. Built once per run.</summary>
    private static Dictionary<string, List<WorkspaceFile>> Importers(Rules.RuleContext context, PythonProject project) =>
        ImporterCache.GetValue(project, p =>
        {
            var map = new Dictionary<string, List<WorkspaceFile>>(StringComparer.Ordinal);
            foreach (var f in context.Workspace.OfKind(ArtifactKind.Python))
            {
                if (f.IsNonProduction || IsDevelopmentName(f.RelativePath))
                {
                    continue;
                }
                var seen = new HashSet<string>(StringComparer.Ordinal) { f.RelativePath };
                var queue = new Queue<WorkspaceFile>();
                queue.Enqueue(f);
                while (queue.Count > 0)
                {
                    if (p.Model(queue.Dequeue()) is not { } m)
                    {
                        continue;
                    }
                    foreach (var star in m.Imports.StarModules)
                    {
                        var imported = p.FindModule(star);
                        if (imported != null && seen.Add(imported.RelativePath))
                        {
                            if (!map.TryGetValue(imported.RelativePath, out var list))
                            {
                                map[imported.RelativePath] = list = new List<WorkspaceFile>();
                            }
                            list.Add(f);
                            queue.Enqueue(imported);
                        }
                    }
                }
            }
            return map;
        });

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
