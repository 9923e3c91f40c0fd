using System;
using System.Collections.Generic;
using DeployChecks.Engine.Python.Syntax;

namespace DeployChecks.Engine.Python.Semantics;

/// <summary>One module-level binding <c>NAME = value</c> (or <c>NAME: T = value</c>).</summary>
public sealed class Setting
{
    public Setting(string name, Expr value, PythonFileModel origin, Stmt statement, bool conditional)
    {
        Name = name;
        Value = value;
        Origin = origin;
        Statement = statement;
        Conditional = conditional;
    }

    public string Name { get; }
    public Expr Value { get; }

    /// <summary>The file that assigns it (a star-imported base module, possibly).</summary>
    public PythonFileModel Origin { get; }
    public Stmt Statement { get; }

    /// <summary>True when the assignment sits inside a top-level <c>if</c>/<c>try</c>.</summary>
    public bool Conditional { get; }
}

/// <summary>The module-level settings a module ends up with: its own assignments over those of the modules it
/// star-imports (Django split settings: <c>from .base import *</c>).</summary>
public sealed class ModuleSettings
{
    private readonly Dictionary<string, Setting> _values = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Setting> Values => _values;

    public Setting? Get(string name) => _values.TryGetValue(name, out var s) ? s : null;

    internal void Inherit(ModuleSettings other)
    {
        foreach (var kv in other._values)
        {
            _values[kv.Key] = kv.Value;
        }
    }

    internal void AddOwn(PythonFileModel model) => Collect(model, model.Module.Body, false);

    private void Collect(PythonFileModel model, IReadOnlyList<Stmt> body, bool conditional)
    {
        foreach (var stmt in body)
        {
            switch (stmt)
            {
                case AssignStmt a:
                    foreach (var t in a.Targets)
                    {
                        if (t is NameExpr n)
                        {
                            _values[n.Id] = new Setting(n.Id, a.Value, model, a, conditional);
                        }
                    }
                    break;
                case AnnAssignStmt an when an.Target is NameExpr n && an.Value != null:
                    _values[n.Id] = new Setting(n.Id, an.Value, model, an, conditional);
                    break;
                case IfStmt i:
                    Collect(model, i.Body, true);
                    Collect(model, i.OrElse, true);
                    break;
                case TryStmt t:
                    Collect(model, t.Body, true);
                    foreach (var h in t.Handlers)
                    {
                        Collect(model, h.Body, true);
                    }
                    Collect(model, t.OrElse, true);
                    break;
            }
        }
    }
}
