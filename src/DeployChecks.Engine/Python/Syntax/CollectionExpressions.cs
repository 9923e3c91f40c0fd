using System.Collections.Generic;

namespace DeployChecks.Engine.Python.Syntax;

/// <summary>Which bracket a collection display uses.</summary>
public enum CollectionKind
{
    Tuple,
    List,
    Set,
}

/// <summary><c>(a, b)</c>, <c>a, b</c>, <c>[a, b]</c>, <c>{a, b}</c>.</summary>
public sealed class CollectionExpr : Expr
{
    public CollectionExpr(CollectionKind kind, IReadOnlyList<Expr> elements)
    {
        Kind = kind;
        Elements = elements;
    }

    public CollectionKind Kind { get; }

    public IReadOnlyList<Expr> Elements { get; }

    public override IEnumerable<Node> Children() => Elements;
}

/// <summary><c>{k: v, **other}</c>; a null key marks a <c>**</c> unpacking.</summary>
public sealed class DictExpr : Expr
{
    public DictExpr(IReadOnlyList<Expr?> keys, IReadOnlyList<Expr> values)
    {
        Keys = keys;
        Values = values;
    }

    public IReadOnlyList<Expr?> Keys { get; }

    public IReadOnlyList<Expr> Values { get; }

    /// <summary>The value under a string-constant key, or null.</summary>
    public Expr? Get(string key)
    {
        for (int i = 0; i < Keys.Count; i++)
        {
            if (Keys[i] is ConstantExpr { IsString: true } k && k.Text == key)
            {
                return Values[i];
            }
        }
        return null;
    }

    public override IEnumerable<Node> Children()
    {
        for (int i = 0; i < Values.Count; i++)
        {
            if (Keys[i] != null)
            {
                yield return Keys[i]!;
            }
            yield return Values[i];
        }
    }
}

/// <summary>One <c>for target in iter if cond…</c> clause of a comprehension.</summary>
public sealed class ComprehensionClause : Node
{
    public ComprehensionClause(Expr target, Expr iterable, IReadOnlyList<Expr> conditions, bool isAsync)
    {
        Target = target;
        Iterable = iterable;
        Conditions = conditions;
        IsAsync = isAsync;
    }

    public Expr Target { get; }
    public Expr Iterable { get; }
    public IReadOnlyList<Expr> Conditions { get; }
    public bool IsAsync { get; }

    public override IEnumerable<Node> Children()
    {
        yield return Target;
        yield return Iterable;
        foreach (var c in Conditions)
        {
            yield return c;
        }
    }
}

public enum ComprehensionKind
{
    List,
    Set,
    Dict,
    Generator,
}

/// <summary>List/set/dict comprehensions and generator expressions. <see cref="Key"/> is set for dicts.</summary>
public sealed class ComprehensionExpr : Expr
{
    public ComprehensionExpr(ComprehensionKind kind, Expr? key, Expr element, IReadOnlyList<ComprehensionClause> clauses)
    {
        Kind = kind;
        Key = key;
        Element = element;
        Clauses = clauses;
    }

    public ComprehensionKind Kind { get; }
    public Expr? Key { get; }
    public Expr Element { get; }
    public IReadOnlyList<ComprehensionClause> Clauses { get; }

    public override IEnumerable<Node> Children()
    {
        if (Key != null)
        {
            yield return Key;
        }
        yield return Element;
        foreach (var c in Clauses)
        {
            yield return c;
        }
    }
}

/// <summary><c>*value</c> in a display, target or call.</summary>
public sealed class StarredExpr : Expr
{
    public StarredExpr(Expr value, bool doubleStar = false)
    {
        Value = value;
        DoubleStar = doubleStar;
    }

    public Expr Value { get; }

    public bool DoubleStar { get; }

    public override IEnumerable<Node> Children() { yield return Value; }
}

/// <summary><c>target := value</c>.</summary>
public sealed class NamedExpr : Expr
{
    public NamedExpr(Expr target, Expr value)
    {
        Target = target;
        Value = value;
    }

    public Expr Target { get; }
    public Expr Value { get; }

    public override IEnumerable<Node> Children()
    {
        yield return Target;
        yield return Value;
    }
}

/// <summary><c>lambda params: body</c>.</summary>
public sealed class LambdaExpr : Expr
{
    public LambdaExpr(IReadOnlyList<Parameter> parameters, Expr body)
    {
        Parameters = parameters;
        Body = body;
    }

    public IReadOnlyList<Parameter> Parameters { get; }
    public Expr Body { get; }

    public override IEnumerable<Node> Children()
    {
        foreach (var p in Parameters)
        {
            yield return p;
        }
        yield return Body;
    }
}

/// <summary><c>await x</c>, <c>yield x</c>, <c>yield from x</c>.</summary>
public sealed class KeywordExpr : Expr
{
    public KeywordExpr(string keyword, Expr? value)
    {
        Keyword = keyword;
        Value = value;
    }

    /// <summary><c>await</c>, <c>yield</c> or <c>yield from</c>.</summary>
    public string Keyword { get; }
    public Expr? Value { get; }

    public override IEnumerable<Node> Children()
    {
        if (Value != null)
        {
            yield return Value;
        }
    }
}

/// <summary>Placeholder for an expression that did not parse.</summary>
public sealed class ErrorExpr : Expr
{
    public override IEnumerable<Node> Children() => NodeLists.NoExprs;
}

/// <summary>A function or lambda parameter.</summary>
public sealed class Parameter : Node
{
    public Parameter(string name, ParameterKind kind, Expr? annotation, Expr? @default)
    {
        Name = name;
        Kind = kind;
        Annotation = annotation;
        Default = @default;
    }

    public string Name { get; }
    public ParameterKind Kind { get; }
    public Expr? Annotation { get; }
    public Expr? Default { get; }

    public override IEnumerable<Node> Children()
    {
        if (Annotation != null) { yield return Annotation; }
        if (Default != null) { yield return Default; }
    }
}

public enum ParameterKind
{
    Normal,
    PositionalOnlyMarker,
    KeywordOnlyMarker,
    VarArgs,
    KwArgs,
}
