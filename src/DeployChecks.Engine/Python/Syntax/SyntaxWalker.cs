using System.Collections.Generic;

namespace DeployChecks.Engine.Python.Syntax;

/// <summary>Depth-first, source-order enumeration of nodes without recursion (deep trees cannot overflow the stack).</summary>
public static class SyntaxWalker
{
    public static IEnumerable<Node> Descendants(IEnumerable<Node> roots)
    {
        var stack = new Stack<IEnumerator<Node>>();
        stack.Push(roots.GetEnumerator());
        while (stack.Count > 0)
        {
            var e = stack.Peek();
            if (!e.MoveNext())
            {
                stack.Pop();
                continue;
            }
            var node = e.Current;
            yield return node;
            stack.Push(node.Children().GetEnumerator());
        }
    }
}
