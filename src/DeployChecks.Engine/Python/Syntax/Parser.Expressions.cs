using System.Collections.Generic;

namespace DeployChecks.Engine.Python.Syntax;

public sealed partial class Parser
{
    /// <summary>Set while parsing a match pattern: <c>x if …</c> there is a guard, not a conditional expression.</summary>
    private bool _inPattern;

    /// <summary><c>a, *b, c</c> — a tuple when a comma is present.</summary>
    private Expr ParseStarExpressions()
    {
        var first = Peek;
        var e = ParseStarOrNamed();
        if (Kind != TokenKind.Comma)
        {
            return e;
        }
        var items = new List<Expr> { e };
        while (Accept(TokenKind.Comma))
        {
            if (!StartsExpression())
            {
                break;
            }
            items.Add(ParseStarOrNamed());
        }
        return Finish(new CollectionExpr(CollectionKind.Tuple, items), first);
    }

    private Expr ParseStarOrNamed()
    {
        if (Kind == TokenKind.Star)
        {
            var first = Next();
            var value = ParseBitOr();
            return Finish(new StarredExpr(value), first);
        }
        return PatternCapture(ParseNamedExpression());
    }

    /// <summary>Inside a match pattern, <c>p as name</c> captures; elsewhere returns <paramref name="e"/>.</summary>
    private Expr PatternCapture(Expr e)
    {
        if (_inPattern && Peek.IsName("as"))
        {
            Next();
            var nameTok = Peek;
            var name = Finish(new NameExpr(ExpectIdentifier()), nameTok);
            return FinishFrom(new NamedExpr(name, e), e);
        }
        return e;
    }

    /// <summary>A target list after <c>for</c>: stops before <c>in</c>.</summary>
    private Expr ParseTargetList()
    {
        var first = Peek;
        var e = ParseTarget();
        if (Kind != TokenKind.Comma)
        {
            return e;
        }
        var items = new List<Expr> { e };
        while (Accept(TokenKind.Comma))
        {
            if (Peek.IsName("in"))
            {
                break;
            }
            items.Add(ParseTarget());
        }
        return Finish(new CollectionExpr(CollectionKind.Tuple, items), first);
    }

    private Expr ParseTarget()
    {
        if (Kind == TokenKind.Star)
        {
            var first = Next();
            return Finish(new StarredExpr(ParseBitOr()), first);
        }
        return ParseBitOr();
    }

    private bool StartsExpression()
    {
        var t = Peek;
        switch (t.Kind)
        {
            case TokenKind.Name:
                return !t.IsKeyword || t.Text is "None" or "True" or "False" or "not" or "lambda" or "await" or "yield";
            case TokenKind.Number:
            case TokenKind.String:
            case TokenKind.LParen:
            case TokenKind.LBracket:
            case TokenKind.LBrace:
            case TokenKind.Minus:
            case TokenKind.Plus:
            case TokenKind.Tilde:
            case TokenKind.Star:
            case TokenKind.DoubleStar:
            case TokenKind.Ellipsis:
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>name := value</c> or a plain test.</summary>
    private Expr ParseNamedExpression()
    {
        if (Kind == TokenKind.Name && PeekAt(1).Kind == TokenKind.ColonEqual && AtIdentifier)
        {
            var first = Peek;
            var target = Finish(new NameExpr(Next().Text!), first);
            Next();
            var value = ParseTest();
            return Finish(new NamedExpr(target, value), first);
        }
        return ParseTest();
    }

    /// <summary>Conditional expressions and lambdas (the grammar's "test").</summary>
    private Expr ParseTest()
    {
        if (Peek.IsName("lambda"))
        {
            return ParseLambda();
        }
        Enter();
        try
        {
            var first = Peek;
            var body = ParseOr();
            if (!_inPattern && Peek.IsName("if"))
            {
                Next();
                var test = ParseOr();
                ExpectName("else");
                var orElse = ParseTest();
                return Finish(new ConditionalExpr(test, body, orElse), first);
            }
            return body;
        }
        finally
        {
            Leave();
        }
    }

    private Expr ParseLambda()
    {
        var first = Next();
        var parameters = ParseParameters(TokenKind.Colon, allowAnnotations: false);
        Expect(TokenKind.Colon, "':'");
        var body = ParseTest();
        return Finish(new LambdaExpr(parameters, body), first);
    }

    private Expr ParseYield()
    {
        var first = Next();
        if (AcceptName("from"))
        {
            return Finish(new KeywordExpr("yield from", ParseTest()), first);
        }
        Expr? value = StartsExpression() ? ParseStarExpressions() : null;
        return Finish(new KeywordExpr("yield", value), first);
    }

    private Expr ParseOr()
    {
        var first = Peek;
        var left = ParseAnd();
        while (Peek.IsName("or"))
        {
            Next();
            left = Finish(new BinaryExpr(BinaryOperator.Or, left, ParseAnd()), first);
        }
        return left;
    }

    private Expr ParseAnd()
    {
        var first = Peek;
        var left = ParseNot();
        while (Peek.IsName("and"))
        {
            Next();
            left = Finish(new BinaryExpr(BinaryOperator.And, left, ParseNot()), first);
        }
        return left;
    }

    private Expr ParseNot()
    {
        if (Peek.IsName("not"))
        {
            var first = Next();
            Enter();
            try
            {
                return Finish(new UnaryExpr(UnaryOperator.Not, ParseNot()), first);
            }
            finally
            {
                Leave();
            }
        }
        return ParseComparison();
    }

    private Expr ParseComparison()
    {
        var first = Peek;
        var left = ParseBitOr();
        while (true)
        {
            BinaryOperator op;
            var t = Peek;
            switch (t.Kind)
            {
                case TokenKind.Less: op = BinaryOperator.Lt; break;
                case TokenKind.Greater: op = BinaryOperator.Gt; break;
                case TokenKind.EqEqual: op = BinaryOperator.Eq; break;
                case TokenKind.NotEqual: op = BinaryOperator.NotEq; break;
                case TokenKind.LessEqual: op = BinaryOperator.LtE; break;
                case TokenKind.GreaterEqual: op = BinaryOperator.GtE; break;
                case TokenKind.Name when t.Text == "in": op = BinaryOperator.In; break;
                case TokenKind.Name when t.Text == "is":
                    op = PeekAt(1).IsName("not") ? BinaryOperator.IsNot : BinaryOperator.Is;
                    break;
                case TokenKind.Name when t.Text == "not" && PeekAt(1).IsName("in"):
                    op = BinaryOperator.NotIn;
                    break;
                default:
                    return left;
            }
            Next();
            if (op is BinaryOperator.IsNot or BinaryOperator.NotIn)
            {
                Next();
            }
            left = Finish(new BinaryExpr(op, left, ParseBitOr()), first);
        }
    }

    private Expr ParseBitOr() => ParseBinary(1);

    /// <summary>Binding power of binary operators (0 = not a binary operator); higher binds tighter.</summary>
    private static readonly byte[] Precedence = BuildPrecedence();

    private static byte[] BuildPrecedence()
    {
        var p = new byte[256];
        p[(int)TokenKind.VBar] = 1;
        p[(int)TokenKind.Circumflex] = 2;
        p[(int)TokenKind.Amp] = 3;
        p[(int)TokenKind.LeftShift] = p[(int)TokenKind.RightShift] = 4;
        p[(int)TokenKind.Plus] = p[(int)TokenKind.Minus] = 5;
        p[(int)TokenKind.Star] = p[(int)TokenKind.Slash] = p[(int)TokenKind.DoubleSlash] = p[(int)TokenKind.Percent] = p[(int)TokenKind.At] = 6;
        return p;
    }

    /// <summary>Precedence climbing over the left-associative binary operators.</summary>
    private Expr ParseBinary(int minPrecedence)
    {
        var first = Peek;
        var left = ParseUnary();
        while (true)
        {
            var k = Kind;
            int prec = Precedence[(int)k];
            if (prec == 0 || prec < minPrecedence)
            {
                return left;
            }
            Next();
            var op = k switch
            {
                TokenKind.VBar => BinaryOperator.BitOr,
                TokenKind.Circumflex => BinaryOperator.BitXor,
                TokenKind.Amp => BinaryOperator.BitAnd,
                TokenKind.LeftShift => BinaryOperator.LShift,
                TokenKind.RightShift => BinaryOperator.RShift,
                TokenKind.Plus => BinaryOperator.Add,
                TokenKind.Minus => BinaryOperator.Sub,
                TokenKind.Star => BinaryOperator.Mult,
                TokenKind.Slash => BinaryOperator.Div,
                TokenKind.DoubleSlash => BinaryOperator.FloorDiv,
                TokenKind.Percent => BinaryOperator.Mod,
                _ => BinaryOperator.MatMult,
            };
            Enter();
            var right = ParseBinary(prec + 1);
            Leave();
            left = Finish(new BinaryExpr(op, left, right), first);
        }
    }

    private Expr ParseUnary()
    {
        var k = Kind;
        if (k is TokenKind.Minus or TokenKind.Plus or TokenKind.Tilde)
        {
            var first = Next();
            Enter();
            try
            {
                var operand = ParseUnary();
                var op = k == TokenKind.Minus ? UnaryOperator.Minus : k == TokenKind.Plus ? UnaryOperator.Plus : UnaryOperator.Invert;
                return Finish(new UnaryExpr(op, operand), first);
            }
            finally
            {
                Leave();
            }
        }
        return ParsePower();
    }

    private Expr ParsePower()
    {
        var first = Peek;
        Expr value;
        if (Peek.IsName("await"))
        {
            Next();
            value = Finish(new KeywordExpr("await", ParsePrimary()), first);
        }
        else
        {
            value = ParsePrimary();
        }
        if (Accept(TokenKind.DoubleStar))
        {
            Enter();
            try
            {
                return Finish(new BinaryExpr(BinaryOperator.Pow, value, ParseUnary()), first);
            }
            finally
            {
                Leave();
            }
        }
        return value;
    }

    /// <summary>An atom and its trailers: calls, subscripts, attributes.</summary>
    private Expr ParsePrimary()
    {
        var first = Peek;
        var e = ParseAtom();
        while (true)
        {
            switch (Kind)
            {
                case TokenKind.LParen:
                    {
                        Next();
                        Enter();
                        var args = ParseArguments();
                        Leave();
                        Expect(TokenKind.RParen, "')'");
                        e = _inPattern ? Finish(new ClassPatternExpr(e, args), first) : Finish(new CallExpr(e, args), first);
                        continue;
                    }
                case TokenKind.LBracket:
                    {
                        Next();
                        Enter();
                        var index = ParseSubscript();
                        Leave();
                        Expect(TokenKind.RBracket, "']'");
                        e = Finish(new SubscriptExpr(e, index), first);
                        continue;
                    }
                case TokenKind.Dot:
                    {
                        Next();
                        var t = Peek;
                        if (t.Kind != TokenKind.Name)
                        {
                            throw Error("expected an attribute name");
                        }
                        Next();
                        e = Finish(new AttributeExpr(e, t.Text!), first);
                        continue;
                    }
                default:
                    return e;
            }
        }
    }

    private Expr ParseSubscript()
    {
        var first = Peek;
        var item = ParseSliceItem();
        if (Kind != TokenKind.Comma)
        {
            return item;
        }
        var items = new List<Expr> { item };
        while (Accept(TokenKind.Comma))
        {
            if (Kind == TokenKind.RBracket)
            {
                break;
            }
            items.Add(ParseSliceItem());
        }
        return Finish(new CollectionExpr(CollectionKind.Tuple, items), first);
    }

    private Expr ParseSliceItem()
    {
        var first = Peek;
        Expr? lower = null;
        if (Kind != TokenKind.Colon)
        {
            lower = ParseStarOrNamed();
            if (Kind != TokenKind.Colon)
            {
                return lower;
            }
        }
        Next();
        Expr? upper = Kind is TokenKind.Colon or TokenKind.RBracket or TokenKind.Comma ? null : ParseTest();
        Expr? step = null;
        if (Accept(TokenKind.Colon) && Kind is not (TokenKind.RBracket or TokenKind.Comma))
        {
            step = ParseTest();
        }
        return Finish(new SliceExpr(lower, upper, step), first);
    }

    /// <summary>Call arguments up to (not including) the closing parenthesis.</summary>
    private IReadOnlyList<Argument> ParseArguments()
    {
        var args = new List<Argument>();
        while (Kind != TokenKind.RParen)
        {
            var first = Peek;
            if (Accept(TokenKind.Star))
            {
                args.Add(Finish(new Argument(ArgumentKind.Star, null, ParseTest()), first));
            }
            else if (Accept(TokenKind.DoubleStar))
            {
                args.Add(Finish(new Argument(ArgumentKind.DoubleStar, null, ParseTest()), first));
            }
            else if (Kind == TokenKind.Name && PeekAt(1).Kind == TokenKind.Equal)
            {
                string name = Next().Text!;
                Next();
                args.Add(Finish(new Argument(ArgumentKind.Keyword, name, ParseTest()), first));
            }
            else
            {
                var value = ParseNamedExpression();
                if (IsComprehensionStart())
                {
                    var clauses = ParseComprehensionClauses();
                    value = FinishFrom(new ComprehensionExpr(ComprehensionKind.Generator, null, value, clauses), value);
                }
                args.Add(Finish(new Argument(ArgumentKind.Positional, null, value), first));
            }
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }
        return args;
    }

    private bool IsComprehensionStart() => Peek.IsName("for") || Peek.IsName("async") && PeekAt(1).IsName("for");

    private IReadOnlyList<ComprehensionClause> ParseComprehensionClauses()
    {
        var clauses = new List<ComprehensionClause>();
        while (IsComprehensionStart())
        {
            var first = Peek;
            bool isAsync = AcceptName("async");
            ExpectName("for");
            var target = ParseTargetList();
            ExpectName("in");
            var iterable = ParseOr();
            var conditions = new List<Expr>();
            while (Peek.IsName("if"))
            {
                Next();
                conditions.Add(ParseOrNoConditional());
            }
            clauses.Add(Finish(new ComprehensionClause(target, iterable, conditions, isAsync), first));
        }
        return clauses;
    }

    private Expr ParseOrNoConditional()
    {
        if (Peek.IsName("lambda"))
        {
            return ParseLambda();
        }
        return ParseOr();
    }

    private IReadOnlyList<Parameter> ParseParameters(TokenKind end, bool allowAnnotations)
    {
        var list = new List<Parameter>();
        while (Kind != end)
        {
            var first = Peek;
            if (Accept(TokenKind.Slash))
            {
                list.Add(Finish(new Parameter("/", ParameterKind.PositionalOnlyMarker, null, null), first));
            }
            else if (Accept(TokenKind.DoubleStar))
            {
                string name = ExpectIdentifier();
                Expr? ann = allowAnnotations && Accept(TokenKind.Colon) ? ParseTest() : null;
                list.Add(Finish(new Parameter(name, ParameterKind.KwArgs, ann, null), first));
            }
            else if (Accept(TokenKind.Star))
            {
                if (Kind == TokenKind.Comma || Kind == end)
                {
                    list.Add(Finish(new Parameter("*", ParameterKind.KeywordOnlyMarker, null, null), first));
                }
                else
                {
                    string name = ExpectIdentifier();
                    Expr? ann = null;
                    if (allowAnnotations && Accept(TokenKind.Colon))
                    {
                        ann = Kind == TokenKind.Star ? ParseStarOrNamed() : ParseTest();
                    }
                    list.Add(Finish(new Parameter(name, ParameterKind.VarArgs, ann, null), first));
                }
            }
            else
            {
                string name = ExpectIdentifier();
                Expr? ann = allowAnnotations && Accept(TokenKind.Colon) ? ParseTest() : null;
                Expr? def = Accept(TokenKind.Equal) ? ParseTest() : null;
                list.Add(Finish(new Parameter(name, ParameterKind.Normal, ann, def), first));
            }
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }
        return list;
    }
}
