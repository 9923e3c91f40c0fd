using System.Collections.Generic;
using System.Linq;
using System;
using DeployChecks.Engine.Models.Configuration;
using DeployChecks.Engine.Python.Semantics;
using DeployChecks.Engine.Python.Syntax;
using DeployChecks.Engine.Secrets;

namespace DeployChecks.Engine.Rules.Configuration;

/// <summary>DC1011: configuration values that carry credentials written to stdout or logs.</summary>
public sealed class CredentialsLoggedRule : PythonRule
{
    public static readonly RuleDescriptor Definition = new(
        "DC1011", "credentials-logged", CheckArea.Configuration, Severity.High,
        "Configuration carrying credentials is printed or logged",
        "Logs are shipped to aggregators, kept for months and read by far more people than the secret store. Printing a " +
        "database URL (with its password), a secret setting, the whole settings object or os.environ copies credentials " +
        "into every log line and every log backup.",
        "Log what identifies the configuration without its secrets: the database host and name, the settings module, " +
        "the names of the variables that are set — never their values, app.config, settings or os.environ as a whole.",
        tags: new[] { "secrets", "logging" }, cwe: new[] { "CWE-532", "CWE-312" });

    private static readonly HashSet<string> LogMethods = new(StringComparer.Ordinal)
    {
        "debug", "info", "warning", "warn", "error", "exception", "critical", "log", "fatal",
    };

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(RuleContext context, PythonProject project, PythonFileModel model)
    {
        var reads = model.EnvReads.ToDictionary(r => r.Node, r => r);
        var sensitiveLocals = SensitiveLocals(model, reads);
        string source = context.Artifacts.GetText(model.File).Text;
        foreach (var node in model.Module.Walk())
        {
            if (node is not CallExpr call)
            {
                continue;
            }
            string? sink = Sink(call, model);
            if (sink == null)
            {
                continue;
            }
            foreach (var arg in call.Arguments)
            {
                string? what = Leak(arg.Value, model, reads, sensitiveLocals);
                if (what != null)
                {
                    context.Report(model.File, call.Line, call.Column,
                        $"{sink} writes {what} to the {(sink == "print" ? "standard output" : "log")}",
                        ConfigFacts.Snippet(source, call), what);
                    break;
                }
            }
        }
    }

    /// <summary><c>print</c>, <c>logging.info</c>, <c>logger.error</c>, <c>app.logger.info</c>, <c>log.debug</c>…</summary>
    private static string? Sink(CallExpr call, PythonFileModel model)
    {
        string? q = model.Imports.Qualify(call.Func);
        if (q == "print" || q == "builtins.print")
        {
            return "print";
        }
        if (call.Func is AttributeExpr attr && LogMethods.Contains(attr.Attr))
        {
            string recv = (model.Imports.Qualify(attr.Value) ?? attr.Value.ToString() ?? "").ToLowerInvariant();
            if (recv == "logging" || recv.EndsWith("logger", StringComparison.Ordinal) || recv.EndsWith("log", StringComparison.Ordinal) ||
                recv.EndsWith("_log", StringComparison.Ordinal) || recv.StartsWith("logging.getlogger", StringComparison.Ordinal))
            {
                return ConfigFactsName(call.Func, model);
            }
            if (attr.Value is CallExpr inner && model.Imports.Qualify(inner.Func) == "logging.getLogger")
            {
                return "logging.getLogger(…)." + attr.Attr;
            }
        }
        return null;
    }

    private static string ConfigFactsName(Expr func, PythonFileModel model) => model.Imports.Qualify(func) ?? func.ToString() ?? "log";

    /// <summary>Local names assigned from a sensitive environment read (<c>db_url = os.environ["DATABASE_URL"]</c>).</summary>
    private static Dictionary<string, string> SensitiveLocals(PythonFileModel model, Dictionary<Node, EnvRead> reads)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in model.Module.Walk())
        {
            if (node is AssignStmt a && a.Targets.Count == 1 && a.Targets[0] is NameExpr n)
            {
                if (reads.TryGetValue(a.Value, out var r) && IsSecretVariable(r.Variable))
                {
                    map[n.Id] = r.Variable;
                }
                else if (IsSecretLocalName(n.Id))
                {
                    // db_password = …, api_token = … (lower-case locals named like secrets)
                    map[n.Id] = n.Id;
                }
            }
        }
        return map;
    }

    private static readonly string[] SecretLocalEndings =
    {
        "password", "passwd", "passphrase", "secret", "token", "dsn", "pwd", "credentials", "secret_key", "api_key", "apikey",
        "private_key", "access_key", "signing_key", "encryption_key", "auth_key", "database_url", "db_url",
    };

    /// <summary>A lower-case local whose name ends with what it holds (<c>db_password</c>, <c>api_token</c>), not one that
    /// merely contains a secret word (<c>cache_key</c>, <c>password_reset_url</c>, <c>max_tokens</c>).</summary>
    private static bool IsSecretLocalName(string id)
    {
        if (id.ToUpperInvariant() == id || !IsSecretVariable(id))
        {
            return false;
        }
        string lower = id.ToLowerInvariant();
        foreach (var ending in SecretLocalEndings)
        {
            if (lower == ending || lower.EndsWith("_" + ending, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Nodes of an argument a log line shows, leaving out sub-expressions that only test a value
    /// (<c>bool(x)</c>, <c>len(x)</c>, <c>x is None</c>, <c>"X" in os.environ</c>, <c>not x</c>).</summary>
    private static IEnumerable<Node> Shown(Expr root, PythonFileModel model)
    {
        var stack = new Stack<Node>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is CallExpr { Func: NameExpr { Id: "bool" or "len" or "type" or "isinstance" or "hasattr" or "callable" or "hash" or "id" } } ||
                node is BinaryExpr { Operator: BinaryOperator.Eq or BinaryOperator.NotEq or BinaryOperator.Lt or BinaryOperator.LtE or BinaryOperator.Gt or
                    BinaryOperator.GtE or BinaryOperator.Is or BinaryOperator.IsNot or BinaryOperator.In or BinaryOperator.NotIn } ||
                node is UnaryExpr { Operator: UnaryOperator.Not })
            {
                continue;
            }
            yield return node;
            var children = new List<Node>(node.Children());
            // for k in os.environ, sorted(os.environ), list(os.environ): only the names of the variables
            if (node is ComprehensionClause clause && model.Imports.Qualify(clause.Iterable) == "os.environ")
            {
                children.Remove(clause.Iterable);
            }
            else if (node is CallExpr { Func: NameExpr { Id: "sorted" or "list" or "set" or "tuple" } } names && names.Arguments.Count == 1 &&
                     model.Imports.Qualify(names.Arguments[0].Value) == "os.environ")
            {
                continue;
            }
            for (int i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    /// <summary>True when some receiver along <c>settings.DATABASES["default"]</c> is a settings or config object.</summary>
    private static bool IsUnderSettings(Expr e, PythonFileModel model)
    {
        for (var cur = e; cur != null;)
        {
            if ((cur is NameExpr || cur is AttributeExpr) && IsSettingsObject(cur, model))
            {
                return true;
            }
            cur = cur switch
            {
                SubscriptExpr s => s.Value,
                AttributeExpr a => a.Value,
                _ => null,
            };
        }
        return false;
    }

    private static bool IsSecretVariable(string name) => SensitiveNames.IsSensitive(name) || SensitiveNames.IsConnectionUrl(name);

    /// <summary>What secret an argument carries, or null.</summary>
    private static string? Leak(Expr e, PythonFileModel model, Dictionary<Node, EnvRead> reads, Dictionary<string, string> locals)
    {
        foreach (var node in Shown(e, model))
        {
            if (node is Expr x && reads.TryGetValue(x, out var r) && IsSecretVariable(r.Variable))
            {
                return $"the value of {r.Variable}";
            }
            switch (node)
            {
                case NameExpr n when locals.TryGetValue(n.Id, out var v):
                    return $"{n.Id} (holding {v})";
                case AttributeExpr a when IsSecretVariable(a.Attr) && IsSettingsObject(a.Value, model):
                    return $"the setting {a.Attr}";
                case SubscriptExpr { Index: ConstantExpr { IsString: true } k } s when IsSecretVariable(k.Text!) && IsUnderSettings(s.Value, model):
                    return $"the setting {k.Text}";
                case CallExpr { Func: AttributeExpr { Attr: "get", Value: var getFrom } } get when get.Positional(0) is ConstantExpr { IsString: true } gk &&
                                                                                                   IsSecretVariable(gk.Text!) && IsUnderSettings(getFrom, model):
                    return $"the setting {gk.Text}";
                case NameExpr or AttributeExpr when model.Imports.Qualify((Expr)node) == "os.environ" && !(IsPartOfLargerChain(e, node)):
                    return "the whole process environment (os.environ)";
                case NameExpr or AttributeExpr when IsWholeSettings((Expr)node, model) && ReferenceEquals(node, e):
                    return $"the whole configuration ({node})";
                case CallExpr c when c.Func is NameExpr { Id: "vars" } && c.Positional(0) is { } v0 && IsWholeSettings(v0, model):
                    return $"the whole configuration ({v0})";
            }
        }
        return null;
    }

    private static bool IsPartOfLargerChain(Expr root, Node candidate)
    {
        foreach (var n in SyntaxWalker.Descendants(new Node[] { root }))
        {
            if (n is AttributeExpr a && ReferenceEquals(a.Value, candidate) || n is SubscriptExpr s && ReferenceEquals(s.Value, candidate) ||
                n is CallExpr { Func: AttributeExpr fa } && ReferenceEquals(fa.Value, candidate))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsSettingsObject(Expr e, PythonFileModel model)
    {
        string q = model.Imports.Qualify(e) ?? e.ToString() ?? "";
        return q == "django.conf.settings" || q.EndsWith("settings", StringComparison.OrdinalIgnoreCase) || q.EndsWith("config", StringComparison.OrdinalIgnoreCase) ||
               q.EndsWith("Config", StringComparison.Ordinal);
    }

    private static bool IsWholeSettings(Expr e, PythonFileModel model)
    {
        string q = model.Imports.Qualify(e) ?? "";
        return q == "django.conf.settings" || e is AttributeExpr { Attr: "config" } || e is NameExpr { Id: "settings" };
    }
}
