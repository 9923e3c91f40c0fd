using System.Collections.Generic;
using DeployChecks.Engine.Python.Syntax;

namespace DeployChecks.Engine.Python;

/// <summary>A parsed Python file: its statements, comments and syntax problems. When the file has problems,
/// everything that parsed is still here; <see cref="FirstProblem"/> is the per-file error.</summary>
public sealed class PythonModule
{
    public PythonModule(IReadOnlyList<Stmt> body, IReadOnlyList<Comment> comments, IReadOnlyList<SyntaxProblem> problems, int tokenCount)
    {
        Body = body;
        Comments = comments;
        Problems = problems;
        TokenCount = tokenCount;
    }

    public IReadOnlyList<Stmt> Body { get; }

    public IReadOnlyList<Comment> Comments { get; }

    public IReadOnlyList<SyntaxProblem> Problems { get; }

    public int TokenCount { get; }

    public SyntaxProblem? FirstProblem => Problems.Count > 0 ? Problems[0] : null;

    private Node[]? _nodes;

    /// <summary>Every node of the module, depth-first in source order. Computed once (rules walk the same tree
    /// many times), then shared; safe to call from several threads.</summary>
    public IReadOnlyList<Node> Walk() => _nodes ??= new List<Node>(SyntaxWalker.Descendants(Body)).ToArray();
}
