using System.Collections.Generic;

namespace DeployChecks.Engine.Python.Syntax;

/// <summary>An expression used as a statement (calls, docstrings).</summary>
public sealed class ExprStmt : Stmt
{
    public ExprStmt(Expr value) => Value = value;

    public Expr Value { get; }

    public override IEnumerable<Node> Children() { yield return Value; }
}

/// <summary><c>a = b = value</c> (several targets for chained assignment).</summary>
public sealed class AssignStmt : Stmt
{
    public AssignStmt(IReadOnlyList<Expr> targets, Expr value)
    {
        Targets = targets;
        Value = value;
    }

    public IReadOnlyList<Expr> Targets { get; }
    public Expr Value { get; }

    public override IEnumerable<Node> Children()
    {
        foreach (var t in Targets)
        {
            yield return t;
        }
        yield return Value;
    }
}

/// <summary><c>target: annotation [= value]</c>.</summary>
public sealed class AnnAssignStmt : Stmt
{
    public AnnAssignStmt(Expr target, Expr annotation, Expr? value)
    {
        Target = target;
        Annotation = annotation;
        Value = value;
    }

    public Expr Target { get; }
    public Expr Annotation { get; }
    public Expr? Value { get; }

    public override IEnumerable<Node> Children()
    {
        yield return Target;
        yield return Annotation;
        if (Value != null)
        {
            yield return Value;
        }
    }
}

/// <summary><c>target op= value</c>.</summary>
public sealed class AugAssignStmt : Stmt
{
    public AugAssignStmt(Expr target, BinaryOperator op, Expr value)
    {
        Target = target;
        Operator = op;
        Value = value;
    }

    public Expr Target { get; }
    public BinaryOperator Operator { get; }
    public Expr Value { get; }

    public override IEnumerable<Node> Children()
    {
        yield return Target;
        yield return Value;
    }
}

/// <summary>One <c>name as alias</c> of an import.</summary>
public sealed class ImportAlias : Node
{
    public ImportAlias(string name, string? asName)
    {
        Name = name;
        AsName = asName;
    }

    /// <summary>Dotted name (<c>os.path</c>) or, in <c>from</c> imports, the imported name (<c>*</c> for star).</summary>
    public string Name { get; }
    public string? AsName { get; }

    public override IEnumerable<Node> Children() => NodeLists.NoExprs;
}

/// <summary><c>import a.b as c, d</c>.</summary>
public sealed class ImportStmt : Stmt
{
    public ImportStmt(IReadOnlyList<ImportAlias> names) => Names = names;

    public IReadOnlyList<ImportAlias> Names { get; }

    public override IEnumerable<Node> Children() => Names;
}

/// <summary><c>from ..module import a as b</c>; <see cref="Level"/> counts the leading dots.</summary>
public sealed class ImportFromStmt : Stmt
{
    public ImportFromStmt(string? module, int level, IReadOnlyList<ImportAlias> names)
    {
        Module = module;
        Level = level;
        Names = names;
    }

    public string? Module { get; }
    public int Level { get; }
    public IReadOnlyList<ImportAlias> Names { get; }

    public bool IsStar => Names.Count == 1 && Names[0].Name == "*";

    public override IEnumerable<Node> Children() => Names;
}

/// <summary><c>def</c> / <c>async def</c>.</summary>
public sealed class FunctionDefStmt : Stmt
{
    public FunctionDefStmt(string name, IReadOnlyList<Parameter> parameters, Expr? returns, IReadOnlyList<Expr> decorators,
        IReadOnlyList<Stmt> body, bool isAsync)
    {
        Name = name;
        Parameters = parameters;
        Returns = returns;
        Decorators = decorators;
        Body = body;
        IsAsync = isAsync;
    }

    public string Name { get; }
    public IReadOnlyList<Parameter> Parameters { get; }
    public Expr? Returns { get; }
    public IReadOnlyList<Expr> Decorators { get; }
    public IReadOnlyList<Stmt> Body { get; }
    public bool IsAsync { get; }

    public override IEnumerable<Node> Children()
    {
        foreach (var d in Decorators) { yield return d; }
        foreach (var p in Parameters) { yield return p; }
        if (Returns != null) { yield return Returns; }
        foreach (var s in Body) { yield return s; }
    }
}

/// <summary><c>class Name(bases, keywords):</c>.</summary>
public sealed class ClassDefStmt : Stmt
{
    public ClassDefStmt(string name, IReadOnlyList<Argument> bases, IReadOnlyList<Expr> decorators, IReadOnlyList<Stmt> body)
    {
        Name = name;
        Bases = bases;
        Decorators = decorators;
        Body = body;
    }

    public string Name { get; }

    /// <summary>Base classes and keywords (<c>metaclass=…</c>), as call arguments.</summary>
    public IReadOnlyList<Argument> Bases { get; }
    public IReadOnlyList<Expr> Decorators { get; }
    public IReadOnlyList<Stmt> Body { get; }

    public override IEnumerable<Node> Children()
    {
        foreach (var d in Decorators) { yield return d; }
        foreach (var b in Bases) { yield return b; }
        foreach (var s in Body) { yield return s; }
    }
}
