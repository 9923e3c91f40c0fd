using System.Collections.Generic;
using DeployChecks.Engine.Models.Configuration;
using DeployChecks.Engine.Python.Semantics;
using DeployChecks.Engine.Python.Syntax;
using DeployChecks.Engine.Secrets;
using DeployChecks.Engine.Text;

namespace DeployChecks.Engine.Rules.Configuration;

/// <summary>DC1005: credentials written into settings code instead of read from the environment.</summary>
public sealed class HardcodedSecretSettingRule : PythonRule
{
    public static readonly RuleDescriptor Definition = new(
        "DC1005", "hardcoded-secret-setting", CheckArea.Configuration, Severity.High,
        "Secret setting is hard-coded instead of read from the environment",
        "A SECRET_KEY, password, token or connection string written into settings code ships with every copy of the " +
        "repository and every image built from it, is the same in every environment, and cannot be rotated without a " +
        "code change. Django's SECRET_KEY signs sessions and password-reset tokens: whoever knows it can forge them.",
        "Read the value from the environment (os.environ[\"SECRET_KEY\"], django-environ, pydantic-settings) or a secret " +
        "store, with no literal fallback, and rotate the value that was committed.",
        tags: new[] { "secrets", "django", "flask", "fastapi" },
        equivalents: new[] { "bandit:B105", "bandit:B106", "django:security.W009" }, cwe: new[] { "CWE-798", "CWE-259" });

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(RuleContext context, PythonProject project, PythonFileModel model)
    {
        var file = model.File;
        bool settingsModule = ConfigFacts.IsSettingsModule(file) && !ConfigFacts.IsDevelopmentName(file.RelativePath);
        if (settingsModule)
        {
            CheckAssignments(context, model, model.Module.Body, "settings module", project);
        }
        foreach (var node in model.Module.Walk())
        {
            switch (node)
            {
                case ClassDefStmt cls when IsConfigClass(cls, model) && !ConfigFacts.IsDevelopmentName(cls.Name):
                    CheckAssignments(context, model, cls.Body, $"config class {cls.Name}");
                    break;
                case AssignStmt a when !settingsModule || !IsModuleLevel(model, a):
                    foreach (var t in a.Targets)
                    {
                        // app.config["SECRET_KEY"] = "…", app.secret_key = "…"
                        if (t is SubscriptExpr { Value: var cfg } && cfg.ToString().EndsWith("config", System.StringComparison.Ordinal) ||
                            t is AttributeExpr { Attr: "secret_key" })
                        {
                            Report(context, model, ConfigFacts.TargetName(t), a.Value, a, "Flask configuration");
                        }
                    }
                    break;
                case CallExpr call when call.Func is AttributeExpr { Attr: "update" or "from_mapping" } attr &&
                                         attr.Value.ToString().EndsWith("config", System.StringComparison.Ordinal):
                    foreach (var arg in call.Arguments)
                    {
                        if (arg.Kind == ArgumentKind.Keyword)
                        {
                            Report(context, model, arg.Name, arg.Value, arg, "Flask configuration");
                        }
                    }
                    if (call.Positional(0) is DictExpr d)
                    {
                        CheckDict(context, model, d, "Flask configuration");
                    }
                    break;
                case DictExpr dict when settingsModule && dict.Get("ENGINE") != null:
                    // Django DATABASES entries: {"ENGINE": …, "PASSWORD": "…"}
                    if (dict.Get("PASSWORD") is { } pw)
                    {
                        Report(context, model, "PASSWORD", pw, pw, "DATABASES");
                    }
                    break;
            }
        }
    }

    private static bool IsModuleLevel(PythonFileModel model, Stmt s)
    {
        foreach (var top in model.Module.Body)
        {
            if (ReferenceEquals(top, s))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Classes used as configuration: *Config / *Settings classes in settings modules. pydantic-settings
    /// classes are not: each field is read from the environment and its value is only the fallback (DC1007).</summary>
    private static bool IsConfigClass(ClassDefStmt cls, PythonFileModel model) =>
        !EnvironmentReads.IsBaseSettings(cls, model.Imports) &&
        ConfigFacts.IsSettingsModule(model.File) && (cls.Name.EndsWith("Config", System.StringComparison.Ordinal) || cls.Name.EndsWith("Settings", System.StringComparison.Ordinal));

    private void CheckAssignments(RuleContext context, PythonFileModel model, IReadOnlyList<Stmt> body, string where, PythonProject? baseOf = null)
    {
        foreach (var stmt in body)
        {
            switch (stmt)
            {
                case AssignStmt a:
                    foreach (var t in a.Targets)
                    {
                        // SECRET_KEY = "dev…" in settings/base.py, replaced by os.environ[…] in every production module
                        if (baseOf != null && t is NameExpr n && ConfigFacts.OverriddenByEveryImporter(context, baseOf, model, n.Id))
                        {
                            continue;
                        }
                        Report(context, model, ConfigFacts.TargetName(t), a.Value, a, where);
                    }
                    break;
                case AnnAssignStmt { Value: { } v } an:
                    Report(context, model, ConfigFacts.TargetName(an.Target), v is CallExpr { Func: NameExpr { Id: "Field" } } f ? f.Positional(0) ?? f.Keyword("default") : v, an, where);
                    break;
            }
        }
    }

    private void CheckDict(RuleContext context, PythonFileModel model, DictExpr d, string where)
    {
        for (int i = 0; i < d.Keys.Count; i++)
        {
            if (d.Keys[i] is ConstantExpr { IsString: true } k)
            {
                Report(context, model, k.Text, d.Values[i], d.Values[i], where);
            }
        }
    }

    private static void Report(RuleContext context, PythonFileModel model, string? name, Expr? value, Node at, string where)
    {
        if (name == null || value is not ConstantExpr { IsString: true, Text: { } literal })
        {
            return;
        }
        bool url = SensitiveNames.IsConnectionUrl(name) && Redactor.HasUrlCredentials(literal);
        if (!url && (!SensitiveNames.IsSensitive(name) || SensitiveNames.IsPlaceholder(literal) || literal.Length < 4))
        {
            return;
        }
        string what = url ? "a connection string with its password" : "a literal value";
        context.Report(model.File, at.Line, at.Column,
            $"{name} in {where} {model.File.RelativePath} is {what}, not read from the environment: it ships with the code and is the same everywhere",
            name + " = " + Redactor.RedactValue(literal), name);
    }
}
