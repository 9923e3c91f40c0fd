using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Python;
using DeployChecks.Engine.Python.Syntax;

namespace DeployChecks.Engine.Tests.Python;

/// <summary>The same facts ast_oracle.py extracts with CPython, extracted from our tree.</summary>
public sealed record PythonFacts(List<string> Defs, List<string> Classes, List<int> Calls, List<string> Imports, List<string> Assigns)
{
    public static PythonFacts Of(PythonModule module)
    {
        var f = new PythonFacts(new(), new(), new(), new(), new());
        foreach (var node in module.Walk())
        {
            switch (node)
            {
                case FunctionDefStmt d: f.Defs.Add($"{d.Name}@{d.Line}"); break;
                case ClassDefStmt c: f.Classes.Add($"{c.Name}@{c.Line}"); break;
                case CallExpr call: f.Calls.Add(call.Line); break;
                case ImportStmt i:
                    f.Imports.AddRange(i.Names.Select(a => $"{a.Name}@{i.Line}"));
                    break;
                case ImportFromStmt i:
                    f.Imports.AddRange(i.Names.Select(a => $"{new string('.', i.Level)}{i.Module}.{a.Name}@{i.Line}"));
                    break;
                case AssignStmt a:
                    foreach (var t in a.Targets)
                    {
                        var name = Dotted(t);
                        if (name != null)
                        {
                            f.Assigns.Add($"{name}@{a.Line}");
                        }
                    }
                    break;
            }
        }
        f.Defs.Sort(System.StringComparer.Ordinal);
        f.Classes.Sort(System.StringComparer.Ordinal);
        f.Calls.Sort();
        f.Imports.Sort(System.StringComparer.Ordinal);
        f.Assigns.Sort(System.StringComparer.Ordinal);
        return f;
    }

    private static string? Dotted(Expr e) => e switch
    {
        NameExpr n => n.Id,
        AttributeExpr a when Dotted(a.Value) is { } inner => inner + "." + a.Attr,
        _ => null,
    };
}
