using System;
using System.Collections.Generic;
using DeployChecks.Engine.Python.Syntax;

namespace DeployChecks.Engine.Python.Semantics;

/// <summary>One place where code reads an environment variable.</summary>
public sealed class EnvRead
{
    public EnvRead(string variable, Node node, Expr? @default, bool hasDefault, string style, string? cast = null)
    {
        Variable = variable;
        Node = node;
        Default = @default;
        HasDefault = hasDefault;
        Style = style;
        Cast = cast;
    }

    /// <summary>The variable name (upper-cased for pydantic-settings fields, which match case-insensitively).</summary>
    public string Variable { get; }

    /// <summary>The call, subscript or class field that reads it.</summary>
    public Node Node { get; }

    /// <summary>The fallback used when the variable is unset, when it is a plain expression.</summary>
    public Expr? Default { get; }

    /// <summary>True when the read cannot fail for a missing variable.</summary>
    public bool HasDefault { get; }

    /// <summary>How it is read: <c>os.environ</c>, <c>os.getenv</c>, <c>django-environ</c>, <c>decouple</c>, <c>pydantic-settings</c>.</summary>
    public string Style { get; }

    /// <summary>Conversion applied (<c>bool</c>, <c>int</c>, <c>list</c>, <c>db</c>…), when the library names one.</summary>
    public string? Cast { get; }

    public override string ToString() => Style + ":" + Variable;
}

/// <summary>Finds environment reads: <c>os.environ[...]</c>, <c>os.environ.get</c>, <c>os.getenv</c>,
/// <c>os.environ.setdefault</c>, django-environ (<c>env = environ.Env()</c>; <c>env("X", default=…)</c>,
/// <c>env.bool(…)</c>…), python-decouple (<c>config("X", default=…)</c>) and pydantic-settings fields
/// (<c>BaseSettings</c> subclasses, with <c>env_prefix</c>).</summary>
public static class EnvironmentReads
{
    private static readonly HashSet<string> EnvironCasts = new(StringComparer.Ordinal)
    {
        "str", "bool", "int", "float", "list", "tuple", "dict", "url", "db", "db_url", "cache", "cache_url", "email",
        "email_url", "json", "path", "search_url", "bytes", "decimal", "parse_value",
    };

    /// <summary>Every environment read in the file, in source order.</summary>
    public static List<EnvRead> Find(PythonFileModel model)
    {
        var reads = new List<EnvRead>();
        var imports = model.Imports;
        var envObjects = new HashSet<string>(StringComparer.Ordinal);
        // environ.Env(DEBUG=(bool, False)): defaults declared once, used by env("DEBUG") / env.bool("DEBUG").
        var scheme = new Dictionary<string, (string? Cast, Expr Default)>(StringComparer.Ordinal);
        foreach (var node in model.Module.Walk())
        {
            if (node is AssignStmt { Value: CallExpr c } a && imports.Qualify(c.Func) == "environ.Env")
            {
                foreach (var t in a.Targets)
                {
                    if (t is NameExpr n)
                    {
                        envObjects.Add(n.Id);
                    }
                }
                foreach (var arg in c.Arguments)
                {
                    if (arg.Kind == ArgumentKind.Keyword && arg.Name != null &&
                        arg.Value is CollectionExpr { Kind: CollectionKind.Tuple, Elements: { Count: 2 } pair })
                    {
                        scheme[arg.Name] = (pair[0] is NameExpr castName ? castName.Id : null, pair[1]);
                    }
                }
            }
        }
        foreach (var node in model.Module.Walk())
        {
            switch (node)
            {
                case SubscriptExpr s when s.Index is ConstantExpr { IsString: true } key && imports.Qualify(s.Value) == "os.environ":
                    reads.Add(new EnvRead(key.Text!, s, null, false, "os.environ"));
                    break;
                case CallExpr call:
                    var read = FromCall(call, imports, envObjects);
                    if (read is { HasDefault: false, Style: "django-environ" } && scheme.TryGetValue(read.Variable, out var declared))
                    {
                        read = new EnvRead(read.Variable, read.Node, declared.Default, true, read.Style, read.Cast ?? declared.Cast);
                    }
                    if (read != null)
                    {
                        reads.Add(read);
                    }
                    break;
                case ClassDefStmt cls when IsBaseSettings(cls, imports):
                    AddSettingsFields(cls, reads);
                    break;
            }
        }
        return reads;
    }

    private static EnvRead? FromCall(CallExpr call, ImportTable imports, HashSet<string> envObjects)
    {
        string? q = imports.Qualify(call.Func);
        if (q is "dj_database_url.config" && call.Positional(0) == null)
        {
            // dj_database_url.config(default=…, env="DATABASE_URL") reads DATABASE_URL unless told otherwise.
            var def = call.Keyword("default");
            string variable = call.Keyword("env") is ConstantExpr { IsString: true } e ? e.Text! : "DATABASE_URL";
            return new EnvRead(variable, call, def, def != null, "dj-database-url", "db");
        }
        if (call.Positional(0) == null && call.Keyword("var") == null && call.Func is AttributeExpr { Value: NameExpr envObj, Attr: var implicitCast } &&
            envObjects.Contains(envObj.Id) && ImplicitVariables(implicitCast) is { } implicitVariable)
        {
            // env.db(), env.cache(), env.email() read DATABASE_URL, CACHE_URL, EMAIL_URL by default.
            var def = call.Keyword("default");
            return new EnvRead(implicitVariable, call, def, def != null, "django-environ", implicitCast);
        }
        if (q == null || call.Positional(0) is not ConstantExpr { IsString: true } name)
        {
            return null;
        }
        switch (q)
        {
            case "os.environ.get":
            case "os.getenv":
            case "os.environ.setdefault":
                {
                    var def = call.Positional(1) ?? call.Keyword("default");
                    return new EnvRead(name.Text!, call, def, def != null && !IsNone(def), q == "os.environ.setdefault" ? "os.environ" : q);
                }
            case "decouple.config":
                {
                    var def = call.Keyword("default");
                    var cast = call.Keyword("cast");
                    return new EnvRead(name.Text!, call, def, def != null, "decouple", cast is NameExpr cn ? cn.Id : null);
                }
        }
        if (call.Func is NameExpr fn && envObjects.Contains(fn.Id))
        {
            var def = call.Keyword("default");
            return new EnvRead(name.Text!, call, def, def != null, "django-environ");
        }
        if (call.Func is AttributeExpr { Value: NameExpr recv } attr && envObjects.Contains(recv.Id) && EnvironCasts.Contains(attr.Attr))
        {
            var def = call.Keyword("default");
            return new EnvRead(name.Text!, call, def, def != null, "django-environ", attr.Attr);
        }
        return null;
    }

    private static string? ImplicitVariables(string cast) => cast switch
    {
        "db" or "db_url" => "DATABASE_URL",
        "cache" or "cache_url" => "CACHE_URL",
        "email" or "email_url" => "EMAIL_URL",
        "search_url" => "SEARCH_URL",
        _ => null,
    };

    private static bool IsNone(Expr e) => e is ConstantExpr { Kind: ConstantKind.None };

    public static bool IsBaseSettings(ClassDefStmt cls, ImportTable imports)
    {
        foreach (var b in cls.Bases)
        {
            if (b.Kind == ArgumentKind.Positional && imports.Qualify(b.Value) is "pydantic_settings.BaseSettings" or "pydantic.BaseSettings" or "pydantic.v1.BaseSettings")
            {
                return true;
            }
        }
        return false;
    }

    private static void AddSettingsFields(ClassDefStmt cls, List<EnvRead> reads)
    {
        string prefix = "";
        foreach (var stmt in cls.Body)
        {
            if (stmt is AssignStmt { Value: CallExpr cfg } a && a.Targets[0] is NameExpr { Id: "model_config" } &&
                cfg.Keyword("env_prefix") is ConstantExpr { IsString: true } p)
            {
                prefix = p.Text!;
            }
            if (stmt is ClassDefStmt { Name: "Config" } inner)
            {
                foreach (var s in inner.Body)
                {
                    if (s is AssignStmt { Value: ConstantExpr { IsString: true } pv } ia && ia.Targets[0] is NameExpr { Id: "env_prefix" })
                    {
                        prefix = pv.Text!;
                    }
                }
            }
        }
        foreach (var stmt in cls.Body)
        {
            if (stmt is not AnnAssignStmt { Target: NameExpr field } ann || field.Id == "model_config" || field.Id.StartsWith("_", StringComparison.Ordinal) ||
                ann.Annotation.ToString().Contains("ClassVar"))
            {
                continue;
            }
            Expr? def = ann.Value;
            bool hasDefault = def != null;
            if (def is CallExpr fieldCall && fieldCall.Func.ToString() is "Field" or "pydantic.Field")
            {
                var fd = fieldCall.Positional(0) ?? fieldCall.Keyword("default");
                hasDefault = fd != null && !(fd is ConstantExpr { Kind: ConstantKind.Ellipsis }) || fieldCall.Keyword("default_factory") != null;
                def = fd is ConstantExpr { Kind: ConstantKind.Ellipsis } ? null : fd;
                if (fieldCall.Keyword("alias") is ConstantExpr { IsString: true } alias)
                {
                    reads.Add(new EnvRead(alias.Text!.ToUpperInvariant(), ann, def, hasDefault, "pydantic-settings"));
                    continue;
                }
            }
            reads.Add(new EnvRead((prefix + field.Id).ToUpperInvariant(), ann, def, hasDefault, "pydantic-settings"));
        }
    }
}
