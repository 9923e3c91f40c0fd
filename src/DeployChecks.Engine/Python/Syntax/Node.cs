using System.Collections.Generic;

namespace DeployChecks.Engine.Python.Syntax;

/// <summary>A syntax tree node with its source span and 1-based start line/column.</summary>
public abstract class Node
{
    public int Line { get; internal set; }

    public int Column { get; internal set; }

    /// <summary>Offset of the first character.</summary>
    public int Start { get; internal set; }

    /// <summary>Offset just past the last character.</summary>
    public int End { get; internal set; }

    /// <summary>Line of the last character.</summary>
    public int EndLine { get; internal set; }

    /// <summary>The direct children, in source order.</summary>
    public abstract IEnumerable<Node> Children();
}

/// <summary>An expression.</summary>
public abstract class Expr : Node
{
}

/// <summary>A statement.</summary>
public abstract class Stmt : Node
{
}

internal static class NodeLists
{
    public static readonly Expr[] NoExprs = new Expr[0];
    public static readonly Stmt[] NoStmts = new Stmt[0];
}
