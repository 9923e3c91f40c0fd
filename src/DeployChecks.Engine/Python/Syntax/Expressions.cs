using System.Collections.Generic;

namespace DeployChecks.Engine.Python.Syntax;

/// <summary><c>name</c>.</summary>
public sealed class NameExpr : Expr
{
    public NameExpr(string id) => Id = id;

    public string Id { get; }

    public override IEnumerable<Node> Children() => NodeLists.NoExprs;

    public override string ToString() => Id;
}

/// <summary>The kind of a literal.</summary>
public enum ConstantKind
{
    String,
    Bytes,
    Int,
    Float,
    Complex,
    True,
    False,
    None,
    Ellipsis,
}

/// <summary>A literal: string (implicit concatenation already joined), bytes, number, True/False/None, <c>...</c>.</summary>
public sealed class ConstantExpr : Expr
{
    public ConstantExpr(ConstantKind kind, string? text)
    {
        Kind = kind;
        Text = text;
    }

    public ConstantKind Kind { get; }

    /// <summary>The decoded string value, or the number's source text; null for True/False/None/Ellipsis.</summary>
    public string? Text { get; }

    public bool IsString => Kind == ConstantKind.String;

    public override IEnumerable<Node> Children() => NodeLists.NoExprs;

    public override string ToString() => Kind == ConstantKind.String ? "'" + Text + "'" : Text ?? Kind.ToString();
}

/// <summary>An f-string or t-string (possibly implicitly concatenated with plain strings): literal parts
/// and replacement-field expressions.</summary>
public sealed class FormattedStringExpr : Expr
{
    public FormattedStringExpr(IReadOnlyList<Expr> values, string literalText, bool isTemplate)
    {
        Values = values;
        LiteralText = literalText;
        IsTemplate = isTemplate;
    }

    /// <summary>The replacement-field expressions, in order.</summary>
    public IReadOnlyList<Expr> Values { get; }

    /// <summary>The literal parts joined (fields left out), useful for message text.</summary>
    public string LiteralText { get; }

    /// <summary>True for PEP 750 t-strings.</summary>
    public bool IsTemplate { get; }

    public override IEnumerable<Node> Children() => Values;
}

/// <summary><c>value.attr</c>.</summary>
public sealed class AttributeExpr : Expr
{
    public AttributeExpr(Expr value, string attr)
    {
        Value = value;
        Attr = attr;
    }

    public Expr Value { get; }

    public string Attr { get; }

    public override IEnumerable<Node> Children() { yield return Value; }

    public override string ToString() => Value + "." + Attr;
}

/// <summary><c>value[index]</c>.</summary>
public sealed class SubscriptExpr : Expr
{
    public SubscriptExpr(Expr value, Expr index)
    {
        Value = value;
        Index = index;
    }

    public Expr Value { get; }

    public Expr Index { get; }

    public override IEnumerable<Node> Children()
    {
        yield return Value;
        yield return Index;
    }
}

/// <summary><c>lower:upper:step</c> inside a subscript.</summary>
public sealed class SliceExpr : Expr
{
    public SliceExpr(Expr? lower, Expr? upper, Expr? step)
    {
        Lower = lower;
        Upper = upper;
        Step = step;
    }

    public Expr? Lower { get; }
    public Expr? Upper { get; }
    public Expr? Step { get; }

    public override IEnumerable<Node> Children()
    {
        if (Lower != null) { yield return Lower; }
        if (Upper != null) { yield return Upper; }
        if (Step != null) { yield return Step; }
    }
}

/// <summary>How an argument is passed.</summary>
public enum ArgumentKind
{
    Positional,
    Keyword,
    Star,
    DoubleStar,
}

/// <summary>One call argument.</summary>
public sealed class Argument : Node
{
    public Argument(ArgumentKind kind, string? name, Expr value)
    {
        Kind = kind;
        Name = name;
        Value = value;
    }

    public ArgumentKind Kind { get; }

    /// <summary>Keyword name for <see cref="ArgumentKind.Keyword"/>.</summary>
    public string? Name { get; }

    public Expr Value { get; }

    public override IEnumerable<Node> Children() { yield return Value; }
}

/// <summary><c>func(args)</c>.</summary>
public sealed class CallExpr : Expr
{
    public CallExpr(Expr func, IReadOnlyList<Argument> arguments)
    {
        Func = func;
        Arguments = arguments;
    }

    public Expr Func { get; }

    public IReadOnlyList<Argument> Arguments { get; }

    /// <summary>The n-th positional argument, or null.</summary>
    public Expr? Positional(int n)
    {
        int i = 0;
        foreach (var a in Arguments)
        {
            if (a.Kind == ArgumentKind.Positional)
            {
                if (i++ == n)
                {
                    return a.Value;
                }
            }
        }
        return null;
    }

    /// <summary>The keyword argument <paramref name="name"/>, or null.</summary>
    public Expr? Keyword(string name)
    {
        foreach (var a in Arguments)
        {
            if (a.Kind == ArgumentKind.Keyword && a.Name == name)
            {
                return a.Value;
            }
        }
        return null;
    }

    public override IEnumerable<Node> Children()
    {
        yield return Func;
        foreach (var a in Arguments)
        {
            yield return a;
        }
    }
}

/// <summary>Binary operators, comparison operators included.</summary>
public enum BinaryOperator
{
    Add, Sub, Mult, MatMult, Div, FloorDiv, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd,
    And, Or,
    Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn,
}

/// <summary><c>left op right</c>; chained comparisons become nested nodes joined by <c>and</c>
/// semantics but keep each operator (a &lt; b &lt; c is Compare(Compare(a,b),c)).</summary>
public sealed class BinaryExpr : Expr
{
    public BinaryExpr(BinaryOperator op, Expr left, Expr right)
    {
        Operator = op;
        Left = left;
        Right = right;
    }

    public BinaryOperator Operator { get; }
    public Expr Left { get; }
    public Expr Right { get; }

    public override IEnumerable<Node> Children()
    {
        yield return Left;
        yield return Right;
    }
}

public enum UnaryOperator
{
    Not,
    Minus,
    Plus,
    Invert,
}

public sealed class UnaryExpr : Expr
{
    public UnaryExpr(UnaryOperator op, Expr operand)
    {
        Operator = op;
        Operand = operand;
    }

    public UnaryOperator Operator { get; }
    public Expr Operand { get; }

    public override IEnumerable<Node> Children() { yield return Operand; }
}

/// <summary><c>body if test else orelse</c>.</summary>
public sealed class ConditionalExpr : Expr
{
    public ConditionalExpr(Expr test, Expr body, Expr orElse)
    {
        Test = test;
        Body = body;
        OrElse = orElse;
    }

    public Expr Test { get; }
    public Expr Body { get; }
    public Expr OrElse { get; }

    public override IEnumerable<Node> Children()
    {
        yield return Body;
        yield return Test;
        yield return OrElse;
    }
}

/// <summary>A class pattern in a <c>case</c> clause (<c>Point(x=0)</c>): looks like a call, but nothing is called.</summary>
public sealed class ClassPatternExpr : Expr
{
    public ClassPatternExpr(Expr cls, IReadOnlyList<Argument> arguments)
    {
        Class = cls;
        Arguments = arguments;
    }

    public Expr Class { get; }

    public IReadOnlyList<Argument> Arguments { get; }

    public override IEnumerable<Node> Children()
    {
        yield return Class;
        foreach (var a in Arguments)
        {
            yield return a;
        }
    }
}
