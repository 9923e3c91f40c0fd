using System.Collections.Generic;
using DeployChecks.Engine.Python.Syntax;

namespace DeployChecks.Engine.Python.Semantics;

/// <summary>Evaluates configuration expressions "as production would see them with the variable unset":
/// every environment read is replaced by its default (or <c>None</c> for <c>os.getenv</c> without one).</summary>
public sealed class EnvSubstitution
{
    private readonly Dictionary<Node, EnvRead> _byNode = new();

    public EnvSubstitution(IEnumerable<EnvRead> reads)
    {
        foreach (var r in reads)
        {
            _byNode[r.Node] = r;
        }
    }

    /// <summary>The value of <paramref name="expr"/> with all variables unset; null when unknown (or when a required
    /// variable would make it fail).</summary>
    public object? EvaluateUnset(Expr expr, System.Func<string, Expr?>? lookup = null) =>
        ConstantValue.Evaluate(expr, Substitute, lookup);

    private object? Substitute(Expr e)
    {
        if (!_byNode.TryGetValue(e, out var read))
        {
            return null;
        }
        if (!read.HasDefault)
        {
            return read.Style == "os.getenv" || read.Style == "os.environ.get" ? ConstantValue.None : null;
        }
        var value = ConstantValue.Evaluate(read.Default);
        if (read.Cast == "bool" && value is string s)
        {
            return Artifacts.Env.EnvValues.IsTruthy(s);
        }
        return value;
    }

    /// <summary>The environment reads inside <paramref name="expr"/>.</summary>
    public List<EnvRead> ReadsIn(Expr expr)
    {
        var list = new List<EnvRead>();
        if (_byNode.TryGetValue(expr, out var self))
        {
            list.Add(self);
        }
        foreach (var n in SyntaxWalker.Descendants(new Node[] { expr }))
        {
            if (_byNode.TryGetValue(n, out var r) && !list.Contains(r))
            {
                list.Add(r);
            }
        }
        return list;
    }
}
