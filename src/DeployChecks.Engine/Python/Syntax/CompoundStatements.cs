using System.Collections.Generic;

namespace DeployChecks.Engine.Python.Syntax;

/// <summary><c>if test: body elif …: … else: …</c> (elif chains nest in <see cref="OrElse"/>).</summary>
public sealed class IfStmt : Stmt
{
    public IfStmt(Expr test, IReadOnlyList<Stmt> body, IReadOnlyList<Stmt> orElse)
    {
        Test = test;
        Body = body;
        OrElse = orElse;
    }

    public Expr Test { get; }
    public IReadOnlyList<Stmt> Body { get; }
    public IReadOnlyList<Stmt> OrElse { get; }

    public override IEnumerable<Node> Children()
    {
        yield return Test;
        foreach (var s in Body) { yield return s; }
        foreach (var s in OrElse) { yield return s; }
    }
}

/// <summary><c>while</c> and <c>for</c>/<c>async for</c> loops (Target/Iterable set for <c>for</c>).</summary>
public sealed class LoopStmt : Stmt
{
    public LoopStmt(bool isFor, Expr? target, Expr testOrIterable, IReadOnlyList<Stmt> body, IReadOnlyList<Stmt> orElse, bool isAsync)
    {
        IsFor = isFor;
        Target = target;
        TestOrIterable = testOrIterable;
        Body = body;
        OrElse = orElse;
        IsAsync = isAsync;
    }

    public bool IsFor { get; }
    public Expr? Target { get; }
    public Expr TestOrIterable { get; }
    public IReadOnlyList<Stmt> Body { get; }
    public IReadOnlyList<Stmt> OrElse { get; }
    public bool IsAsync { get; }

    public override IEnumerable<Node> Children()
    {
        if (Target != null) { yield return Target; }
        yield return TestOrIterable;
        foreach (var s in Body) { yield return s; }
        foreach (var s in OrElse) { yield return s; }
    }
}

/// <summary>One <c>expr as target</c> of a <c>with</c>.</summary>
public sealed class WithItem : Node
{
    public WithItem(Expr context, Expr? target)
    {
        Context = context;
        Target = target;
    }

    public Expr Context { get; }
    public Expr? Target { get; }

    public override IEnumerable<Node> Children()
    {
        yield return Context;
        if (Target != null) { yield return Target; }
    }
}

public sealed class WithStmt : Stmt
{
    public WithStmt(IReadOnlyList<WithItem> items, IReadOnlyList<Stmt> body, bool isAsync)
    {
        Items = items;
        Body = body;
        IsAsync = isAsync;
    }

    public IReadOnlyList<WithItem> Items { get; }
    public IReadOnlyList<Stmt> Body { get; }
    public bool IsAsync { get; }

    public override IEnumerable<Node> Children()
    {
        foreach (var i in Items) { yield return i; }
        foreach (var s in Body) { yield return s; }
    }
}

/// <summary><c>except [*] Type as name:</c>.</summary>
public sealed class ExceptHandler : Node
{
    public ExceptHandler(Expr? type, string? name, IReadOnlyList<Stmt> body, bool isStar)
    {
        Type = type;
        Name = name;
        Body = body;
        IsStar = isStar;
    }

    public Expr? Type { get; }
    public string? Name { get; }
    public IReadOnlyList<Stmt> Body { get; }
    public bool IsStar { get; }

    public override IEnumerable<Node> Children()
    {
        if (Type != null) { yield return Type; }
        foreach (var s in Body) { yield return s; }
    }
}

public sealed class TryStmt : Stmt
{
    public TryStmt(IReadOnlyList<Stmt> body, IReadOnlyList<ExceptHandler> handlers, IReadOnlyList<Stmt> orElse, IReadOnlyList<Stmt> finallyBody)
    {
        Body = body;
        Handlers = handlers;
        OrElse = orElse;
        Finally = finallyBody;
    }

    public IReadOnlyList<Stmt> Body { get; }
    public IReadOnlyList<ExceptHandler> Handlers { get; }
    public IReadOnlyList<Stmt> OrElse { get; }
    public IReadOnlyList<Stmt> Finally { get; }

    public override IEnumerable<Node> Children()
    {
        foreach (var s in Body) { yield return s; }
        foreach (var h in Handlers) { yield return h; }
        foreach (var s in OrElse) { yield return s; }
        foreach (var s in Finally) { yield return s; }
    }
}

/// <summary>One <c>case pattern [if guard]:</c>. Patterns are kept as expressions (<c>Point(x=0)</c> is a call,
/// <c>[a, *rest]</c> a list, <c>1 | 2</c> a bit-or, <c>p as name</c> a named expression).</summary>
public sealed class MatchCase : Node
{
    public MatchCase(Expr pattern, Expr? guard, IReadOnlyList<Stmt> body)
    {
        Pattern = pattern;
        Guard = guard;
        Body = body;
    }

    public Expr Pattern { get; }
    public Expr? Guard { get; }
    public IReadOnlyList<Stmt> Body { get; }

    public override IEnumerable<Node> Children()
    {
        yield return Pattern;
        if (Guard != null) { yield return Guard; }
        foreach (var s in Body) { yield return s; }
    }
}

public sealed class MatchStmt : Stmt
{
    public MatchStmt(Expr subject, IReadOnlyList<MatchCase> cases)
    {
        Subject = subject;
        Cases = cases;
    }

    public Expr Subject { get; }
    public IReadOnlyList<MatchCase> Cases { get; }

    public override IEnumerable<Node> Children()
    {
        yield return Subject;
        foreach (var c in Cases) { yield return c; }
    }
}

/// <summary><c>return</c>, <c>raise</c>, <c>del</c>, <c>assert</c>, <c>pass</c>, <c>break</c>, <c>continue</c>,
/// <c>global</c>, <c>nonlocal</c>, <c>type X = …</c>: a keyword and its operands.</summary>
public sealed class KeywordStmt : Stmt
{
    public KeywordStmt(string keyword, IReadOnlyList<Expr> operands, IReadOnlyList<string>? names = null)
    {
        Keyword = keyword;
        Operands = operands;
        Names = names ?? System.Array.Empty<string>();
    }

    public string Keyword { get; }

    /// <summary>Expressions: return value, raise exception and cause, del targets, assert test and message,
    /// type alias name and value.</summary>
    public IReadOnlyList<Expr> Operands { get; }

    /// <summary>Names of <c>global</c>/<c>nonlocal</c>.</summary>
    public IReadOnlyList<string> Names { get; }

    public override IEnumerable<Node> Children() => Operands;
}

/// <summary>A statement that did not parse; the parser skipped to the next line.</summary>
public sealed class ErrorStmt : Stmt
{
    public ErrorStmt(string message, IReadOnlyList<Stmt> body)
    {
        Message = message;
        Body = body;
    }

    public string Message { get; }

    /// <summary>An indented block that followed the broken line, parsed on its own.</summary>
    public IReadOnlyList<Stmt> Body { get; }

    public override IEnumerable<Node> Children() => Body;
}
