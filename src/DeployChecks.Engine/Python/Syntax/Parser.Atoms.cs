using System.Collections.Generic;
using System.Text;

namespace DeployChecks.Engine.Python.Syntax;

public sealed partial class Parser
{
    private Expr ParseAtom()
    {
        var t = Peek;
        switch (t.Kind)
        {
            case TokenKind.Name:
                switch (t.Text)
                {
                    case "None": Next(); return Finish(new ConstantExpr(ConstantKind.None, null), t);
                    case "True": Next(); return Finish(new ConstantExpr(ConstantKind.True, null), t);
                    case "False": Next(); return Finish(new ConstantExpr(ConstantKind.False, null), t);
                }
                if (t.IsKeyword)
                {
                    throw Error("unexpected keyword");
                }
                Next();
                return Finish(new NameExpr(t.Text!), t);
            case TokenKind.Number:
                {
                    Next();
                    string text = _source.Substring(t.Start, t.End - t.Start);
                    char last = text[text.Length - 1];
                    var kind = last is 'j' or 'J' ? ConstantKind.Complex
                        : !text.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase) && (text.IndexOf('.') >= 0 || text.IndexOfAny(new[] { 'e', 'E' }) >= 0) ? ConstantKind.Float
                        : ConstantKind.Int;
                    return Finish(new ConstantExpr(kind, text), t);
                }
            case TokenKind.String:
                return ParseStrings();
            case TokenKind.Ellipsis:
                Next();
                return Finish(new ConstantExpr(ConstantKind.Ellipsis, null), t);
            case TokenKind.LParen:
                return ParseParenthesised();
            case TokenKind.LBracket:
                return ParseListDisplay();
            case TokenKind.LBrace:
                return ParseBraceDisplay();
            default:
                throw Error("expected an expression");
        }
    }

    private Expr ParseParenthesised()
    {
        var first = Next();
        Enter();
        try
        {
            if (Accept(TokenKind.RParen))
            {
                return Finish(new CollectionExpr(CollectionKind.Tuple, NodeLists.NoExprs), first);
            }
            if (Peek.IsName("yield"))
            {
                var y = ParseYield();
                Expect(TokenKind.RParen, "')'");
                return y;
            }
            var e = ParseStarOrNamed();
            if (IsComprehensionStart())
            {
                var clauses = ParseComprehensionClauses();
                Expect(TokenKind.RParen, "')'");
                return Finish(new ComprehensionExpr(ComprehensionKind.Generator, null, e, clauses), first);
            }
            if (Accept(TokenKind.RParen))
            {
                return e; // parentheses only group
            }
            var items = new List<Expr> { e };
            while (Accept(TokenKind.Comma))
            {
                if (Kind == TokenKind.RParen)
                {
                    break;
                }
                items.Add(ParseStarOrNamed());
            }
            Expect(TokenKind.RParen, "')'");
            return Finish(new CollectionExpr(CollectionKind.Tuple, items), first);
        }
        finally
        {
            Leave();
        }
    }

    private Expr ParseListDisplay()
    {
        var first = Next();
        Enter();
        try
        {
            var items = new List<Expr>();
            if (Accept(TokenKind.RBracket))
            {
                return Finish(new CollectionExpr(CollectionKind.List, items), first);
            }
            var e = ParseStarOrNamed();
            if (IsComprehensionStart())
            {
                var clauses = ParseComprehensionClauses();
                Expect(TokenKind.RBracket, "']'");
                return Finish(new ComprehensionExpr(ComprehensionKind.List, null, e, clauses), first);
            }
            items.Add(e);
            while (Accept(TokenKind.Comma))
            {
                if (Kind == TokenKind.RBracket)
                {
                    break;
                }
                items.Add(ParseStarOrNamed());
            }
            Expect(TokenKind.RBracket, "']'");
            return Finish(new CollectionExpr(CollectionKind.List, items), first);
        }
        finally
        {
            Leave();
        }
    }

    private Expr ParseBraceDisplay()
    {
        var first = Next();
        Enter();
        try
        {
            if (Accept(TokenKind.RBrace))
            {
                return Finish(new DictExpr(new Expr?[0], NodeLists.NoExprs), first);
            }
            if (Kind == TokenKind.DoubleStar || PeekIsDictEntry())
            {
                var keys = new List<Expr?>();
                var values = new List<Expr>();
                while (Kind != TokenKind.RBrace)
                {
                    if (Accept(TokenKind.DoubleStar))
                    {
                        keys.Add(null);
                        values.Add(ParseBitOr());
                    }
                    else
                    {
                        var key = ParseTest();
                        Expect(TokenKind.Colon, "':'");
                        var value = PatternCapture(ParseTest());
                        if (keys.Count == 0 && IsComprehensionStart())
                        {
                            var clauses = ParseComprehensionClauses();
                            Expect(TokenKind.RBrace, "'}'");
                            return Finish(new ComprehensionExpr(ComprehensionKind.Dict, key, value, clauses), first);
                        }
                        keys.Add(key);
                        values.Add(value);
                    }
                    if (!Accept(TokenKind.Comma))
                    {
                        break;
                    }
                }
                Expect(TokenKind.RBrace, "'}'");
                return Finish(new DictExpr(keys, values), first);
            }
            var e = ParseStarOrNamed();
            if (IsComprehensionStart())
            {
                var clauses = ParseComprehensionClauses();
                Expect(TokenKind.RBrace, "'}'");
                return Finish(new ComprehensionExpr(ComprehensionKind.Set, null, e, clauses), first);
            }
            var items = new List<Expr> { e };
            while (Accept(TokenKind.Comma))
            {
                if (Kind == TokenKind.RBrace)
                {
                    break;
                }
                items.Add(ParseStarOrNamed());
            }
            Expect(TokenKind.RBrace, "'}'");
            return Finish(new CollectionExpr(CollectionKind.Set, items), first);
        }
        finally
        {
            Leave();
        }
    }

    /// <summary>Looks ahead (bracket-aware) for a <c>:</c> before the first top-level <c>,</c> or <c>}</c>.</summary>
    private bool PeekIsDictEntry()
    {
        int depth = 0;
        for (int j = _i; j < _tokens.Count; j++)
        {
            switch (_tokens[j].Kind)
            {
                case TokenKind.LParen:
                case TokenKind.LBracket:
                case TokenKind.LBrace:
                    depth++;
                    break;
                case TokenKind.RParen:
                case TokenKind.RBracket:
                    depth--;
                    break;
                case TokenKind.RBrace:
                    if (depth == 0)
                    {
                        return false;
                    }
                    depth--;
                    break;
                case TokenKind.Colon:
                    if (depth == 0)
                    {
                        return true;
                    }
                    break;
                case TokenKind.Comma:
                    if (depth == 0)
                    {
                        return false;
                    }
                    break;
                case TokenKind.Name:
                    if (depth == 0 && _tokens[j].Text == "lambda")
                    {
                        return false;
                    }
                    break;
                case TokenKind.EndOfFile:
                    return false;
            }
        }
        return false;
    }

    /// <summary>One or more adjacent string tokens (implicit concatenation).</summary>
    private Expr ParseStrings()
    {
        var first = Peek;
        var sb = new StringBuilder();
        List<Expr>? values = null;
        bool bytes = false, formatted = false, template = false;
        while (Kind == TokenKind.String)
        {
            var t = Next();
            var parts = StringLiterals.Analyse(_source, t.Start, t.End);
            bytes |= parts.Bytes;
            if (parts.Formatted || parts.Template)
            {
                formatted = true;
                template |= parts.Template;
                values ??= new List<Expr>();
                FormattedStrings.Parse(this, t, parts, sb, values);
            }
            else
            {
                sb.Append(StringLiterals.Decode(_source, t.Start, t.End));
            }
        }
        if (formatted)
        {
            return Finish(new FormattedStringExpr(values!, sb.ToString(), template), first);
        }
        return Finish(new ConstantExpr(bytes ? ConstantKind.Bytes : ConstantKind.String, sb.ToString()), first);
    }

    /// <summary>Parses one replacement-field expression of an f-string with a sub-tokenizer.</summary>
    internal Expr ParseFieldExpression(int start, int end, int line, int lineStart)
    {
        var tokens = Tokenizer.TokenizeExpression(_source, start, end, line, lineStart, _comments, _problems);
        var sub = new Parser(_source, tokens, _comments, _problems) { _depth = _depth + 1 };
        try
        {
            var e = sub.ParseStarExpressionsOrYield();
            // A trailing '=' (self-documenting field) is allowed; anything else left over is an error.
            sub.Accept(TokenKind.Equal);
            if (sub.Kind != TokenKind.EndOfFile)
            {
                throw sub.Error("unexpected text in f-string replacement field");
            }
            return e;
        }
        catch (ParseException ex)
        {
            _problems.Add(new SyntaxProblem(ex.At.Line, ex.At.Column, "f-string: " + ex.Message));
            return new ErrorExpr { Line = line, Column = start - lineStart + 1, Start = start, End = end, EndLine = line };
        }
    }
}
