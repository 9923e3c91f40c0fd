using System.Collections.Generic;
using DeployChecks.Engine.Python.Syntax;

namespace DeployChecks.Engine.Python.Semantics;

/// <summary>What each imported local name stands for, fully qualified: <c>from os import environ as env</c>
/// binds <c>env</c> → <c>os.environ</c>; <c>import os.path</c> binds <c>os</c> → <c>os</c>; relative imports
/// resolve against the module's own package.</summary>
public sealed class ImportTable
{
    private readonly Dictionary<string, string> _names = new(System.StringComparer.Ordinal);
    private readonly List<string> _starModules = new();

    /// <param name="moduleName">Dotted name of the module (<c>shop.settings.prod</c>), or null when unknown.</param>
    /// <param name="isPackage">True for <c>__init__.py</c>.</param>
    public static ImportTable Build(PythonModule module, string? moduleName, bool isPackage)
    {
        var table = new ImportTable();
        foreach (var node in module.Walk())
        {
            switch (node)
            {
                case ImportStmt imp:
                    foreach (var a in imp.Names)
                    {
                        if (a.AsName != null)
                        {
                            table._names[a.AsName] = a.Name;
                        }
                        else
                        {
                            string root = a.Name.Split('.')[0];
                            table._names[root] = root;
                        }
                    }
                    break;
                case ImportFromStmt from:
                    string? source = ResolveRelative(moduleName, isPackage, from.Level, from.Module);
                    if (source == null)
                    {
                        break;
                    }
                    foreach (var a in from.Names)
                    {
                        if (a.Name == "*")
                        {
                            table._starModules.Add(source);
                        }
                        else
                        {
                            table._names[a.AsName ?? a.Name] = source.Length == 0 ? a.Name : source + "." + a.Name;
                        }
                    }
                    break;
            }
        }
        return table;
    }

    /// <summary>Modules imported with <c>from X import *</c>, fully qualified, in order.</summary>
    public IReadOnlyList<string> StarModules => _starModules;

    public bool TryGet(string localName, out string qualified) => _names.TryGetValue(localName, out qualified!);

    /// <summary>Absolute module named by a <c>from</c> import with <paramref name="level"/> leading dots.</summary>
    public static string? ResolveRelative(string? moduleName, bool isPackage, int level, string? module)
    {
        if (level == 0)
        {
            return module ?? "";
        }
        if (moduleName == null)
        {
            return null;
        }
        var parts = new List<string>(moduleName.Split('.'));
        int drop = isPackage ? level - 1 : level;
        if (drop > parts.Count)
        {
            return null;
        }
        parts.RemoveRange(parts.Count - drop, drop);
        string package = string.Join(".", parts);
        if (module == null)
        {
            return package;
        }
        return package.Length == 0 ? module : package + "." + module;
    }

    /// <summary>The qualified dotted name of a name/attribute chain (<c>env.get</c> → <c>os.environ.get</c>), or null
    /// when the expression is not a plain chain. Unimported roots stay as written (builtins, locals).</summary>
    public string? Qualify(Expr expr)
    {
        switch (expr)
        {
            case NameExpr n:
                return _names.TryGetValue(n.Id, out var q) ? q : n.Id;
            case AttributeExpr a:
                var inner = Qualify(a.Value);
                return inner == null ? null : inner + "." + a.Attr;
            default:
                return null;
        }
    }
}
