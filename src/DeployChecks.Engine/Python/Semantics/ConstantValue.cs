using System.Collections.Generic;
using System.Globalization;
using DeployChecks.Engine.Python.Syntax;

namespace DeployChecks.Engine.Python.Semantics;

/// <summary>Evaluates simple constant expressions: literals, unary minus, <c>not</c>, string concatenation and
/// repetition, int arithmetic, tuples/lists of constants, and names through a caller-supplied lookup.
/// Anything else is "unknown" (null), never a guess.</summary>
public static class ConstantValue
{
    /// <summary>The Python <c>None</c> value (distinct from "unknown", which is null).</summary>
    public static readonly object None = new NoneValue();

    private sealed class NoneValue
    {
        public override string ToString() => "None";
    }

    /// <returns>string, long, double, bool, <see cref="None"/>, or a List&lt;object?&gt;; null when unknown.</returns>
    public static object? Evaluate(Expr? expr, System.Func<string, Expr?>? lookup = null) => Eval(expr, lookup, null, 0);

    /// <summary>Evaluates with <paramref name="substitute"/> replacing sub-expressions first (e.g. an environment
    /// read by its default): return a value to use it, or null to evaluate the node normally.</summary>
    public static object? Evaluate(Expr? expr, System.Func<Expr, object?> substitute, System.Func<string, Expr?>? lookup = null) =>
        Eval(expr, lookup, substitute, 0);

    private static object? Eval(Expr? expr, System.Func<string, Expr?>? lookup, System.Func<Expr, object?>? substitute, int depth)
    {
        if (expr == null || depth > 20)
        {
            return null;
        }
        if (substitute != null && substitute(expr) is { } replaced)
        {
            return replaced;
        }
        switch (expr)
        {
            case ConstantExpr c:
                return c.Kind switch
                {
                    ConstantKind.String or ConstantKind.Bytes => c.Text,
                    ConstantKind.True => true,
                    ConstantKind.False => false,
                    ConstantKind.None => None,
                    ConstantKind.Int => ParseInt(c.Text!),
                    ConstantKind.Float => double.TryParse(c.Text!.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
                    _ => null,
                };
            case UnaryExpr u:
                var operand = Eval(u.Operand, lookup, substitute, depth + 1);
                return u.Operator switch
                {
                    UnaryOperator.Minus when operand is long l => -l,
                    UnaryOperator.Minus when operand is double d => -d,
                    UnaryOperator.Plus when operand is long or double => operand,
                    UnaryOperator.Not when operand != null => !Truthy(operand),
                    _ => null,
                };
            case BinaryExpr b:
                var left = Eval(b.Left, lookup, substitute, depth + 1);
                var right = Eval(b.Right, lookup, substitute, depth + 1);
                if (left == null || right == null)
                {
                    return null;
                }
                return b.Operator switch
                {
                    BinaryOperator.Add when left is string ls && right is string rs => ls + rs,
                    BinaryOperator.Add when left is long la && right is long ra => la + ra,
                    BinaryOperator.Sub when left is long la && right is long ra => la - ra,
                    BinaryOperator.Mult when left is long la && right is long ra => la * ra,
                    BinaryOperator.Mult when left is string ls && right is long n && n >= 0 && n * ls.Length < 100_000 => Repeat(ls, n),
                    BinaryOperator.Eq => Equals(left, right),
                    BinaryOperator.NotEq => !Equals(left, right),
                    BinaryOperator.In when right is List<object?> list => Contains(list, left),
                    BinaryOperator.In when left is string ls && right is string rs => rs.Contains(ls),
                    BinaryOperator.NotIn when right is List<object?> list => !Contains(list, left),
                    BinaryOperator.And => Truthy(left) ? right : left,
                    BinaryOperator.Or => Truthy(left) ? left : right,
                    _ => null,
                };
            case CollectionExpr coll when coll.Kind != CollectionKind.Set:
                var items = new List<object?>();
                foreach (var e in coll.Elements)
                {
                    var v = Eval(e, lookup, substitute, depth + 1);
                    if (v == null)
                    {
                        return null;
                    }
                    items.Add(v);
                }
                return items;
            case NameExpr n when lookup != null:
                return Eval(lookup(n.Id), lookup, substitute, depth + 1);
            case CallExpr call:
                return EvalCall(call, lookup, substitute, depth);
            default:
                return null;
        }
    }

    private static bool Contains(List<object?> list, object value)
    {
        foreach (var item in list)
        {
            if (Equals(item, value))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>String methods (<c>lower</c>, <c>upper</c>, <c>strip</c>, <c>split</c>) and the builtins <c>bool</c>,
    /// <c>int</c>, <c>str</c> over constants.</summary>
    private static object? EvalCall(CallExpr call, System.Func<string, Expr?>? lookup, System.Func<Expr, object?>? substitute, int depth)
    {
        if (call.Func is AttributeExpr attr)
        {
            if (Eval(attr.Value, lookup, substitute, depth + 1) is not string receiver)
            {
                return null;
            }
            switch (attr.Attr)
            {
                case "lower" when call.Arguments.Count == 0: return receiver.ToLowerInvariant();
                case "upper" when call.Arguments.Count == 0: return receiver.ToUpperInvariant();
                case "strip" when call.Arguments.Count == 0: return receiver.Trim();
                case "split":
                    {
                        var sep = call.Arguments.Count == 0 ? null : Eval(call.Positional(0), lookup, substitute, depth + 1) as string;
                        var parts = sep == null
                            ? receiver.Split(new[] { ' ', '\t', '\n' }, System.StringSplitOptions.RemoveEmptyEntries)
                            : receiver.Split(new[] { sep }, System.StringSplitOptions.None);
                        var list = new List<object?>();
                        foreach (var p in parts)
                        {
                            list.Add(p);
                        }
                        return list;
                    }
                default: return null;
            }
        }
        if (call.Func is NameExpr fn && call.Arguments.Count == 1 && call.Arguments[0].Kind == ArgumentKind.Positional)
        {
            var arg = Eval(call.Arguments[0].Value, lookup, substitute, depth + 1);
            if (arg == null)
            {
                return null;
            }
            switch (fn.Id)
            {
                case "bool": return Truthy(arg);
                case "str": return arg is string ? arg : arg is bool b ? (b ? "True" : "False") : arg is long l ? l.ToString(CultureInfo.InvariantCulture) : null;
                case "int": return arg is long ? arg : arg is bool bb ? (bb ? 1L : 0L) : arg is string si ? ParseInt(si.Trim()) : null;
            }
        }
        return null;
    }

    public static bool Truthy(object value) => value switch
    {
        bool b => b,
        string s => s.Length > 0,
        long l => l != 0,
        double d => d != 0,
        List<object?> list => list.Count > 0,
        _ => !ReferenceEquals(value, None),
    };

    private static object? ParseInt(string text)
    {
        string t = text.Replace("_", "");
        try
        {
            if (t.Length > 2 && t[0] == '0' && (t[1] is 'x' or 'X'))
            {
                return System.Convert.ToInt64(t.Substring(2), 16);
            }
            if (t.Length > 2 && t[0] == '0' && (t[1] is 'o' or 'O'))
            {
                return System.Convert.ToInt64(t.Substring(2), 8);
            }
            if (t.Length > 2 && t[0] == '0' && (t[1] is 'b' or 'B'))
            {
                return System.Convert.ToInt64(t.Substring(2), 2);
            }
        }
        catch (System.Exception ex) when (ex is System.FormatException || ex is System.OverflowException)
        {
            return null;
        }
        return long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static string Repeat(string s, long n)
    {
        var sb = new System.Text.StringBuilder();
        for (long i = 0; i < n; i++)
        {
            sb.Append(s);
        }
        return sb.ToString();
    }
}
