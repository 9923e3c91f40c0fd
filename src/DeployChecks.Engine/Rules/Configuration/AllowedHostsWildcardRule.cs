using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Models.Configuration;
using DeployChecks.Engine.Python.Semantics;
using DeployChecks.Engine.Python.Syntax;

namespace DeployChecks.Engine.Rules.Configuration;

/// <summary>DC1010: ALLOWED_HOSTS (or a trusted-host list) accepts any host.</summary>
public sealed class AllowedHostsWildcardRule : PythonRule
{
    public static readonly RuleDescriptor Definition = new(
        "DC1010", "allowed-hosts-wildcard", CheckArea.Configuration, Severity.Medium,
        "ALLOWED_HOSTS accepts any host",
        "Django validates the Host header against ALLOWED_HOSTS to stop host-header attacks: poisoned password-reset " +
        "links and cache entries built from an attacker's Host. '*' (or a variable that defaults to '*') turns the check " +
        "off; Starlette's TrustedHostMiddleware(allowed_hosts=[\"*\"]) does the same for FastAPI.",
        "List the real host names (ALLOWED_HOSTS = env.list(\"ALLOWED_HOSTS\") with no default, or the domains " +
        "themselves); keep '*' for development settings only.",
        tags: new[] { "django", "fastapi", "host-header" }, cwe: new[] { "CWE-20", "CWE-644" });

    public override RuleDescriptor Descriptor => Definition;

    protected override void Check(RuleContext context, PythonProject project, PythonFileModel model)
    {
        if (ConfigFacts.IsDevelopmentName(model.File.RelativePath))
        {
            return;
        }
        var reads = model.EnvReads;
        var env = new EnvSubstitution(reads);
        string source = context.Artifacts.GetText(model.File).Text;
        var debugOnly = DebugOnly(model);
        foreach (var node in model.Module.Walk())
        {
            if (debugOnly.Contains(node))
            {
                continue;
            }
            switch (node)
            {
                case AssignStmt a when a.Targets.Any(t => t is NameExpr { Id: "ALLOWED_HOSTS" }) &&
                                       !ConfigFacts.OverriddenByEveryImporter(context, project, model, "ALLOWED_HOSTS"):
                    Judge(context, model, env, source, "ALLOWED_HOSTS", a.Value, a);
                    break;
                case AnnAssignStmt { Target: NameExpr { Id: var field }, Value: { } annotated } ann when field.ToUpperInvariant() == "ALLOWED_HOSTS":
                    // ALLOWED_HOSTS: list[str] = [...], or a pydantic-settings field whose value is only its default
                    var fieldRead = reads.FirstOrDefault(r => ReferenceEquals(r.Node, ann));
                    Judge(context, model, env, source, fieldRead != null ? "Settings field " + field : field, annotated, ann, fieldRead);
                    break;
                case AugAssignStmt { Target: NameExpr { Id: "ALLOWED_HOSTS" } } aug:
                    Judge(context, model, env, source, "ALLOWED_HOSTS", aug.Value, aug);
                    break;
                case CallExpr call when call.Keyword("allowed_hosts") is { } hosts &&
                                         ((call.Func.ToString() ?? "").Contains("TrustedHost") || (call.Positional(0)?.ToString() ?? "").Contains("TrustedHost")):
                    Judge(context, model, env, source, "TrustedHostMiddleware allowed_hosts", hosts, call);
                    break;
            }
        }
    }

    private static void Judge(RuleContext context, PythonFileModel model, EnvSubstitution env, string source, string what, Expr value, Node at,
                              EnvRead? field = null)
    {
        var result = env.EvaluateUnset(value);
        if (!HasWildcard(result))
        {
            return;
        }
        var used = field != null ? new List<EnvRead> { field } : env.ReadsIn(value);
        string message = used.Count == 0
            ? $"{what} contains '*': any Host header is accepted"
            : $"{what} defaults to '*': with {string.Join(", ", used.Select(u => u.Variable).Distinct())} unset, `{ConfigFacts.Snippet(source, value)}` " +
              $"evaluates to {Show(result)}, so any Host header is accepted";
        context.Report(model.File, at.Line, at.Column, message, ConfigFacts.Snippet(source, at), what);
    }

    /// <summary>Nodes under <c>if DEBUG:</c> / <c>if settings.DEBUG:</c> (the debug-only branch, a development set-up).</summary>
    private static HashSet<Node> DebugOnly(PythonFileModel model)
    {
        var set = new HashSet<Node>();
        foreach (var node in model.Module.Walk())
        {
            if (node is IfStmt { Test: NameExpr { Id: "DEBUG" } or AttributeExpr { Attr: "DEBUG" } } i)
            {
                foreach (var n in SyntaxWalker.Descendants(i.Body))
                {
                    set.Add(n);
                }
            }
        }
        return set;
    }

    private static string Show(object? value) => value switch
    {
        string s => "'" + s + "'",
        List<object?> list => "[" + string.Join(", ", list.Select(Show)) + "]",
        _ => value?.ToString() ?? "None",
    };

    private static bool HasWildcard(object? value) => value switch
    {
        string s => s.Trim() == "*" || s.Split(',').Any(p => p.Trim() == "*"),
        List<object?> list => list.Any(HasWildcard),
        _ => false,
    };
}
