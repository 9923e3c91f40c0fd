using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Models.Configuration;
using DeployChecks.Engine.Python.Semantics;
using DeployChecks.Engine.Python.Syntax;

namespace DeployChecks.Engine.Rules.Configuration;

/// <summary>DC1006: debug mode on in code, or on by default when the environment variable is unset.</summary>
public sealed class DebugEnabledRule : PythonRule
{
    public static readonly RuleDescriptor Definition = new(
        "DC1006", "debug-enabled", CheckArea.Configuration, Severity.High,
        "Debug mode is on, or defaults to on when its variable is unset",
        "Django with DEBUG on shows stack traces, settings and SQL to every visitor and keeps every query in memory; " +
        "Flask's debug mode runs the Werkzeug debugger, which executes arbitrary code from the browser. A setting that " +
        "reads an environment variable but falls back to debug when the variable is missing is on in any deployment " +
        "that forgot to set it.",
        "Set DEBUG = False in production settings, and when it comes from the environment make the fallback off: " +
        "DEBUG = os.environ.get(\"DJANGO_DEBUG\", \"0\") == \"1\", env.bool(\"DEBUG\", default=False). Never call " +
        "app.run(debug=True) in code that can reach production; serve with gunicorn or uvicorn.",
        tags: new[] { "debug", "django", "flask" },
        equivalents: new[] { "django:security.W018", "bandit:B201" }, cwe: new[] { "CWE-489", "CWE-215" });

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(RuleContext context, PythonProject project, PythonFileModel model)
    {
        var file = model.File;
        var reads = model.EnvReads;
        var env = new EnvSubstitution(reads);
        string source = context.Artifacts.GetText(file).Text;
        bool devModule = ConfigFacts.IsDevelopmentName(file.RelativePath);
        if (ConfigFacts.IsSettingsModule(file) && !devModule)
        {
            foreach (var stmt in model.Module.Body)
            {
                if (stmt is AssignStmt a && a.Targets.Any(t => t is NameExpr { Id: "DEBUG" }) &&
                    !ConfigFacts.OverriddenByEveryImporter(context, project, model, "DEBUG"))
                {
                    Judge(context, model, env, source, "DEBUG", a.Value, a);
                }
            }
        }
        foreach (var node in model.Module.Walk())
        {
            switch (node)
            {
                case ClassDefStmt cls when !ConfigFacts.IsDevelopmentName(cls.Name) && (cls.Name.EndsWith("Config", System.StringComparison.Ordinal) || EnvironmentReads.IsBaseSettings(cls, model.Imports)):
                    foreach (var s in cls.Body)
                    {
                        if (s is AssignStmt ca && ca.Targets.Any(t => t is NameExpr { Id: "DEBUG" or "debug" }))
                        {
                            Judge(context, model, env, source, $"{cls.Name}.DEBUG", ca.Value, ca);
                        }
                        else if (s is AnnAssignStmt { Target: NameExpr { Id: "DEBUG" or "debug" }, Value: { } v } an)
                        {
                            // A pydantic-settings field is itself the environment read: its value is only the default.
                            var field = reads.FirstOrDefault(r => ReferenceEquals(r.Node, an));
                            Judge(context, model, env, source, $"{cls.Name}.{((NameExpr)an.Target).Id}", v, an, field);
                        }
                    }
                    break;
                case AssignStmt a when !devModule:
                    foreach (var t in a.Targets)
                    {
                        // app.debug = …, self.app.debug = … (not self.debug of some unrelated class)
                        if (t is AttributeExpr { Attr: "debug" } attr && (attr.Value is NameExpr { Id: not ("self" or "cls") } or AttributeExpr) ||
                            t is SubscriptExpr { Index: ConstantExpr { Text: "DEBUG" }, Value: var cfg } && cfg.ToString().EndsWith("config", System.StringComparison.Ordinal))
                        {
                            Judge(context, model, env, source, t.ToString() ?? "debug", a.Value, a);
                        }
                    }
                    break;
                case CallExpr call when !devModule && call.Func is AttributeExpr { Attr: "run" } && call.Keyword("debug") is { } debugArg:
                    Judge(context, model, env, source, ConfigFacts.Snippet(source, call.Func) + "(debug=" + ConfigFacts.Snippet(source, debugArg, 40) + ")", debugArg, call);
                    break;
            }
        }
    }

    private static void Judge(RuleContext context, PythonFileModel model, EnvSubstitution env, string source, string what, Expr value, Node at,
                              EnvRead? field = null)
    {
        var used = field != null ? new List<EnvRead> { field } : env.ReadsIn(value);
        object? result = env.EvaluateUnset(value);
        // DEBUG = os.getenv("DEBUG", "False") is the string "False": true for Django's `if settings.DEBUG` and for Flask.
        // pydantic fields and bool casts parse strings, so there only real booleans count.
        bool stringOn = field == null && result is string text && text.Length > 0;
        if (!stringOn && (result is not bool on || !on))
        {
            return;
        }
        string expr = ConfigFacts.Snippet(source, value);
        string evaluates = stringOn
            ? $"evaluates to the string '{result}', which is true (any non-empty string is)"
            : "evaluates to True";
        string message;
        if (stringOn && used.Count == 0)
        {
            message = $"{what} is the string {expr} in {model.File.RelativePath}, which is true (any non-empty string is): debug is on wherever this code runs";
        }
        else if (used.Count == 0)
        {
            message = at is CallExpr
                ? $"{what} is called with debug on: the Werkzeug debugger lets anyone who reaches the port run code"
                : $"{what} is {expr} in {model.File.RelativePath}: debug is on wherever this code runs";
        }
        else
        {
            string vars = string.Join(", ", used.Select(u => u.Variable).Distinct());
            message = $"{what} defaults to on: with {vars} unset, `{expr}` {evaluates}, so a deployment that forgets the variable runs in debug mode";
        }
        context.Report(model.File, at.Line, at.Column, message, ConfigFacts.Snippet(source, at), what);
    }
}
