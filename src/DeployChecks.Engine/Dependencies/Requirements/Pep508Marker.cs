using System;
using System.Collections.Generic;
using DeployChecks.Engine.Dependencies.Versioning;

namespace DeployChecks.Engine.Dependencies.Requirements;

/// <summary>
/// A PEP 508 environment marker (<c>python_version &lt; "3.11" and sys_platform == "linux"</c>), parsed and
/// evaluated as <c>packaging.markers</c> does: version operators go through <see cref="Pep440Specifier"/> (pre-releases
/// allowed) and fall back to string comparison when the right side is not a version; <c>in</c>/<c>not in</c>
/// are substring tests; <c>extra</c> compares normalised names.
/// </summary>
public sealed class Pep508Marker
{
    private static readonly string[] Operators = { "===", "==", "!=", "<=", ">=", "~=", "<", ">" };

    private readonly Node _root;

    private Pep508Marker(Node root, string text)
    {
        _root = root;
        Text = text;
    }

    public string Text { get; }

    /// <summary>The environment packaging builds for CPython <paramref name="pythonFullVersion"/> on x86-64 Linux.</summary>
    public static IReadOnlyDictionary<string, string> LinuxEnvironment(string pythonFullVersion = "3.12.0")
    {
        var parts = pythonFullVersion.Split('.');
        string minor = parts.Length >= 2 ? parts[0] + "." + parts[1] : pythonFullVersion;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["implementation_name"] = "cpython",
            ["implementation_version"] = pythonFullVersion,
            ["os_name"] = "posix",
            ["platform_machine"] = "x86_64",
            ["platform_release"] = "",
            ["platform_system"] = "Linux",
            ["platform_version"] = "",
            ["python_full_version"] = pythonFullVersion,
            ["platform_python_implementation"] = "CPython",
            ["python_version"] = minor,
            ["sys_platform"] = "linux",
        };
    }

    public static bool TryParse(string text, out Pep508Marker? marker, out string? error)
    {
        marker = null;
        var tokens = Tokenize(text, out error);
        if (tokens == null)
        {
            return false;
        }
        int pos = 0;
        var node = ParseOr(tokens, ref pos, ref error, 0);
        if (node == null)
        {
            return false;
        }
        if (pos != tokens.Count)
        {
            error = $"unexpected '{tokens[pos].Text}'";
            return false;
        }
        marker = new Pep508Marker(node, text);
        return true;
    }

    /// <summary>Evaluates against <paramref name="environment"/>; <c>extra</c> defaults to empty. A variable the
    /// environment lacks makes its comparison false.</summary>
    public bool Evaluate(IReadOnlyDictionary<string, string> environment, string extra = "") => _root.Eval(environment, extra);

    public override string ToString() => Text;

    private abstract class Node
    {
        public abstract bool Eval(IReadOnlyDictionary<string, string> env, string extra);
    }

    private sealed class BoolNode : Node
    {
        public BoolNode(Node left, Node right, bool isAnd)
        {
            Left = left;
            Right = right;
            IsAnd = isAnd;
        }

        private Node Left { get; }

        private Node Right { get; }

        private bool IsAnd { get; }

        public override bool Eval(IReadOnlyDictionary<string, string> env, string extra) =>
            IsAnd ? Left.Eval(env, extra) && Right.Eval(env, extra) : Left.Eval(env, extra) || Right.Eval(env, extra);
    }

    private sealed class Compare : Node
    {
        public Compare(Token left, string op, Token right)
        {
            Left = left;
            Op = op;
            Right = right;
        }

        private Token Left { get; }

        private string Op { get; }

        private Token Right { get; }

        public override bool Eval(IReadOnlyDictionary<string, string> env, string extra)
        {
            string? l = Value(Left, env, extra);
            string? r = Value(Right, env, extra);
            if (l == null || r == null)
            {
                return false;
            }
            if ((Left.Text == "extra" && !Left.IsString) || (Right.Text == "extra" && !Right.IsString))
            {
                l = PackageName.Normalize(l);
                r = PackageName.Normalize(r);
            }
            if (Op != "in" && Op != "not in" && Pep440Specifier.TryParse(Op + r, out var spec))
            {
                return spec!.Contains(l, prereleases: true);
            }
            int c = string.CompareOrdinal(l, r);
            return Op switch
            {
                "in" => r.IndexOf(l, StringComparison.Ordinal) >= 0,
                "not in" => r.IndexOf(l, StringComparison.Ordinal) < 0,
                "==" => c == 0,
                "!=" => c != 0,
                "<" => c < 0,
                "<=" => c <= 0,
                ">" => c > 0,
                ">=" => c >= 0,
                _ => false,
            };
        }

        private static string? Value(Token t, IReadOnlyDictionary<string, string> env, string extra)
        {
            if (t.IsString)
            {
                return t.Text;
            }
            if (t.Text == "extra")
            {
                return extra;
            }
            return env.TryGetValue(t.Text, out string? v) ? v : null;
        }
    }

    private sealed class Token
    {
        public Token(string text, bool isString)
        {
            Text = text;
            IsString = isString;
        }

        public string Text { get; }

        public bool IsString { get; }
    }

    private static readonly HashSet<string> Variables = new(StringComparer.Ordinal)
    {
        "implementation_name", "implementation_version", "os_name", "platform_machine", "platform_release", "platform_system",
        "platform_version", "python_full_version", "platform_python_implementation", "python_version", "sys_platform", "extra",
        "extras", "dependency_groups",
    };

    private const int MaxDepth = 64;

    private static Node? ParseOr(List<Token> tokens, ref int pos, ref string? error, int depth)
    {
        var left = ParseAnd(tokens, ref pos, ref error, depth);
        while (left != null && pos < tokens.Count && !tokens[pos].IsString && tokens[pos].Text == "or")
        {
            pos++;
            var right = ParseAnd(tokens, ref pos, ref error, depth);
            left = right == null ? null : new BoolNode(left, right, isAnd: false);
        }
        return left;
    }

    private static Node? ParseAnd(List<Token> tokens, ref int pos, ref string? error, int depth)
    {
        var left = ParseAtom(tokens, ref pos, ref error, depth);
        while (left != null && pos < tokens.Count && !tokens[pos].IsString && tokens[pos].Text == "and")
        {
            pos++;
            var right = ParseAtom(tokens, ref pos, ref error, depth);
            left = right == null ? null : new BoolNode(left, right, isAnd: true);
        }
        return left;
    }

    private static Node? ParseAtom(List<Token> tokens, ref int pos, ref string? error, int depth)
    {
        if (depth > MaxDepth)
        {
            error = "marker nested too deeply";
            return null;
        }
        if (pos < tokens.Count && !tokens[pos].IsString && tokens[pos].Text == "(")
        {
            pos++;
            var inner = ParseOr(tokens, ref pos, ref error, depth + 1);
            if (inner == null)
            {
                return null;
            }
            if (pos >= tokens.Count || tokens[pos].IsString || tokens[pos].Text != ")")
            {
                error = "expected ')'";
                return null;
            }
            pos++;
            return inner;
        }
        var left = Operand(tokens, ref pos, ref error);
        if (left == null)
        {
            return null;
        }
        if (pos >= tokens.Count || tokens[pos].IsString)
        {
            error = "expected a comparison operator";
            return null;
        }
        string op = tokens[pos].Text;
        if (op == "not" && pos + 1 < tokens.Count && tokens[pos + 1].Text == "in")
        {
            op = "not in";
            pos++;
        }
        else if (op != "in" && Array.IndexOf(Operators, op) < 0)
        {
            error = $"expected a comparison operator, found '{op}'";
            return null;
        }
        pos++;
        var right = Operand(tokens, ref pos, ref error);
        return right == null ? null : new Compare(left, op, right);
    }

    private static Token? Operand(List<Token> tokens, ref int pos, ref string? error)
    {
        if (pos >= tokens.Count)
        {
            error = "expected a marker variable or a quoted string";
            return null;
        }
        var t = tokens[pos];
        if (t.IsString)
        {
            pos++;
            return t;
        }
        string name = t.Text.Replace('.', '_');
        if (name == "python_implementation")
        {
            name = "platform_python_implementation";
        }
        if (!Variables.Contains(name))
        {
            error = $"'{t.Text}' is not a marker variable";
            return null;
        }
        pos++;
        return new Token(name, isString: false);
    }

    private static List<Token>? Tokenize(string s, out string? error)
    {
        error = null;
        var tokens = new List<Token>();
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c == '(' || c == ')')
            {
                tokens.Add(new Token(c.ToString(), false));
                i++;
                continue;
            }
            if (c == '\'' || c == '"')
            {
                int close = s.IndexOf(c, i + 1);
                if (close < 0)
                {
                    error = "unterminated string";
                    return null;
                }
                tokens.Add(new Token(s.Substring(i + 1, close - i - 1), true));
                i = close + 1;
                continue;
            }
            string? op = null;
            foreach (string candidate in Operators)
            {
                if (string.CompareOrdinal(s, i, candidate, 0, candidate.Length) == 0)
                {
                    op = candidate;
                    break;
                }
            }
            if (op != null)
            {
                tokens.Add(new Token(op, false));
                i += op.Length;
                continue;
            }
            int start = i;
            while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_' || s[i] == '.'))
            {
                i++;
            }
            if (i == start)
            {
                error = $"unexpected '{c}'";
                return null;
            }
            tokens.Add(new Token(s.Substring(start, i - start), false));
        }
        return tokens;
    }
}
