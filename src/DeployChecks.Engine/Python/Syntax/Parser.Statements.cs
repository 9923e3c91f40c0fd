using System.Collections.Generic;
using System.Text;

namespace DeployChecks.Engine.Python.Syntax;

public sealed partial class Parser
{
    private void ParseStatement(List<Stmt> body)
    {
        var t = Peek;
        if (t.Kind == TokenKind.At)
        {
            body.Add(ParseDecorated());
            return;
        }
        if (t.Kind == TokenKind.Name)
        {
            switch (t.Text)
            {
                case "if": body.Add(ParseIf()); return;
                case "while": body.Add(ParseWhile()); return;
                case "for": body.Add(ParseFor(false, t)); return;
                case "try": body.Add(ParseTry()); return;
                case "with": body.Add(ParseWith(false, t)); return;
                case "def": body.Add(ParseFunction(NodeLists.NoExprs, false, t)); return;
                case "class": body.Add(ParseClass(NodeLists.NoExprs, t)); return;
                case "async":
                    {
                        Next();
                        var n = Peek;
                        if (n.IsName("def")) { body.Add(ParseFunction(NodeLists.NoExprs, true, t)); return; }
                        if (n.IsName("for")) { body.Add(ParseFor(true, t)); return; }
                        if (n.IsName("with")) { body.Add(ParseWith(true, t)); return; }
                        throw Error("expected 'def', 'for' or 'with' after 'async'");
                    }
                case "match":
                    if (TryParseMatch(out var match))
                    {
                        body.Add(match!);
                        return;
                    }
                    break;
            }
        }
        ParseSimpleStatements(body);
    }

    /// <summary>Simple statements separated by <c>;</c> up to the end of the line.</summary>
    private void ParseSimpleStatements(List<Stmt> body)
    {
        while (true)
        {
            body.Add(ParseSimpleStatement());
            if (!Accept(TokenKind.Semicolon))
            {
                break;
            }
            if (Kind == TokenKind.Newline || Kind == TokenKind.EndOfFile)
            {
                break;
            }
        }
        if (Kind != TokenKind.EndOfFile && Kind != TokenKind.Dedent)
        {
            Expect(TokenKind.Newline, "end of line");
        }
    }

    private Stmt ParseSimpleStatement()
    {
        var t = Peek;
        if (t.Kind == TokenKind.Name)
        {
            switch (t.Text)
            {
                case "pass":
                case "break":
                case "continue":
                    Next();
                    return Finish(new KeywordStmt(t.Text!, NodeLists.NoExprs), t);
                case "return":
                    {
                        Next();
                        var ops = AtEndOfSimple() ? NodeLists.NoExprs : new[] { ParseStarExpressions() };
                        return Finish(new KeywordStmt("return", ops), t);
                    }
                case "raise":
                    {
                        Next();
                        var ops = new List<Expr>();
                        if (!AtEndOfSimple())
                        {
                            ops.Add(ParseTest());
                            if (AcceptName("from"))
                            {
                                ops.Add(ParseTest());
                            }
                        }
                        return Finish(new KeywordStmt("raise", ops), t);
                    }
                case "del":
                    {
                        Next();
                        var target = ParseStarExpressions();
                        return Finish(new KeywordStmt("del", new[] { target }), t);
                    }
                case "assert":
                    {
                        Next();
                        var ops = new List<Expr> { ParseTest() };
                        if (Accept(TokenKind.Comma))
                        {
                            ops.Add(ParseTest());
                        }
                        return Finish(new KeywordStmt("assert", ops), t);
                    }
                case "global":
                case "nonlocal":
                    {
                        Next();
                        var names = new List<string> { ExpectIdentifier() };
                        while (Accept(TokenKind.Comma))
                        {
                            names.Add(ExpectIdentifier());
                        }
                        return Finish(new KeywordStmt(t.Text!, NodeLists.NoExprs, names), t);
                    }
                case "import":
                    return ParseImport();
                case "from":
                    return ParseFromImport();
                case "type":
                    if (PeekAt(1).Kind == TokenKind.Name && (PeekAt(2).Kind == TokenKind.Equal || PeekAt(2).Kind == TokenKind.LBracket))
                    {
                        Next();
                        var nameTok = Peek;
                        var name = Finish(new NameExpr(ExpectIdentifier()), nameTok);
                        if (Kind == TokenKind.LBracket)
                        {
                            SkipBracketed();
                        }
                        Expect(TokenKind.Equal, "'='");
                        var value = ParseTest();
                        return Finish(new KeywordStmt("type", new Expr[] { name, value }), t);
                    }
                    break;
            }
        }
        return ParseExpressionStatement();
    }

    private bool AtEndOfSimple() => Kind is TokenKind.Newline or TokenKind.Semicolon or TokenKind.EndOfFile or TokenKind.Dedent;

    private Stmt ParseExpressionStatement()
    {
        var first = Peek;
        var expr = ParseStarExpressionsOrYield();
        if (Kind == TokenKind.Colon)
        {
            Next();
            var annotation = ParseTest();
            Expr? value = null;
            if (Accept(TokenKind.Equal))
            {
                value = ParseStarExpressionsOrYield();
            }
            return Finish(new AnnAssignStmt(expr, annotation, value), first);
        }
        var aug = AugmentedOperator(Kind);
        if (aug.HasValue)
        {
            Next();
            var value = ParseStarExpressionsOrYield();
            return Finish(new AugAssignStmt(expr, aug.Value, value), first);
        }
        if (Kind == TokenKind.Equal)
        {
            var targets = new List<Expr> { expr };
            Expr value = expr;
            while (Accept(TokenKind.Equal))
            {
                value = ParseStarExpressionsOrYield();
                targets.Add(value);
            }
            targets.RemoveAt(targets.Count - 1);
            return Finish(new AssignStmt(targets, value), first);
        }
        return Finish(new ExprStmt(expr), first);
    }

    private Expr ParseStarExpressionsOrYield() => Peek.IsName("yield") ? ParseYield() : ParseStarExpressions();

    private static BinaryOperator? AugmentedOperator(TokenKind k) => k switch
    {
        TokenKind.PlusEqual => BinaryOperator.Add,
        TokenKind.MinusEqual => BinaryOperator.Sub,
        TokenKind.StarEqual => BinaryOperator.Mult,
        TokenKind.SlashEqual => BinaryOperator.Div,
        TokenKind.DoubleSlashEqual => BinaryOperator.FloorDiv,
        TokenKind.PercentEqual => BinaryOperator.Mod,
        TokenKind.DoubleStarEqual => BinaryOperator.Pow,
        TokenKind.AtEqual => BinaryOperator.MatMult,
        TokenKind.VBarEqual => BinaryOperator.BitOr,
        TokenKind.AmpEqual => BinaryOperator.BitAnd,
        TokenKind.CircumflexEqual => BinaryOperator.BitXor,
        TokenKind.LeftShiftEqual => BinaryOperator.LShift,
        TokenKind.RightShiftEqual => BinaryOperator.RShift,
        _ => null,
    };

    private Stmt ParseImport()
    {
        var first = Next();
        var names = new List<ImportAlias>();
        do
        {
            var at = Peek;
            string name = ParseDottedName();
            string? asName = AcceptName("as") ? ExpectIdentifier() : null;
            names.Add(Finish(new ImportAlias(name, asName), at));
        }
        while (Accept(TokenKind.Comma));
        return Finish(new ImportStmt(names), first);
    }

    private Stmt ParseFromImport()
    {
        var first = Next();
        int level = 0;
        while (Kind == TokenKind.Dot || Kind == TokenKind.Ellipsis)
        {
            level += Kind == TokenKind.Dot ? 1 : 3;
            Next();
        }
        string? module = null;
        if (!Peek.IsName("import"))
        {
            module = ParseDottedName();
        }
        ExpectName("import");
        var names = new List<ImportAlias>();
        if (Kind == TokenKind.Star)
        {
            var star = Next();
            names.Add(Finish(new ImportAlias("*", null), star));
        }
        else
        {
            bool paren = Accept(TokenKind.LParen);
            do
            {
                if (paren && Kind == TokenKind.RParen)
                {
                    break;
                }
                var at = Peek;
                string name = ExpectIdentifier();
                string? asName = AcceptName("as") ? ExpectIdentifier() : null;
                names.Add(Finish(new ImportAlias(name, asName), at));
            }
            while (Accept(TokenKind.Comma));
            if (paren)
            {
                Expect(TokenKind.RParen, "')'");
            }
        }
        return Finish(new ImportFromStmt(module, level, names), first);
    }

    private string ParseDottedName()
    {
        string first = ExpectIdentifier();
        if (Kind != TokenKind.Dot)
        {
            return first;
        }
        var sb = new StringBuilder(first);
        while (Accept(TokenKind.Dot))
        {
            sb.Append('.').Append(ExpectIdentifier());
        }
        return sb.ToString();
    }

    private Stmt ParseDecorated()
    {
        var decorators = new List<Expr>();
        while (Accept(TokenKind.At))
        {
            decorators.Add(ParseNamedExpression());
            Expect(TokenKind.Newline, "end of line after decorator");
        }
        // As in CPython's ast, a decorated definition starts at its def/class line.
        var t = Peek;
        if (t.IsName("def"))
        {
            return ParseFunction(decorators, false, t);
        }
        if (t.IsName("class"))
        {
            return ParseClass(decorators, t);
        }
        if (t.IsName("async") && PeekAt(1).IsName("def"))
        {
            Next();
            return ParseFunction(decorators, true, t);
        }
        throw Error("expected 'def' or 'class' after decorators");
    }

    private Stmt ParseFunction(IReadOnlyList<Expr> decorators, bool isAsync, Token first)
    {
        ExpectName("def");
        string name = ExpectIdentifier();
        if (Kind == TokenKind.LBracket)
        {
            SkipBracketed(); // PEP 695 type parameters
        }
        Expect(TokenKind.LParen, "'('");
        var parameters = ParseParameters(TokenKind.RParen, allowAnnotations: true);
        Expect(TokenKind.RParen, "')'");
        Expr? returns = null;
        if (Accept(TokenKind.RArrow))
        {
            returns = ParseTest();
        }
        var body = ParseBlock();
        return Finish(new FunctionDefStmt(name, parameters, returns, decorators, body, isAsync), first);
    }

    private Stmt ParseClass(IReadOnlyList<Expr> decorators, Token first)
    {
        ExpectName("class");
        string name = ExpectIdentifier();
        if (Kind == TokenKind.LBracket)
        {
            SkipBracketed();
        }
        IReadOnlyList<Argument> bases = System.Array.Empty<Argument>();
        if (Accept(TokenKind.LParen))
        {
            bases = ParseArguments();
            Expect(TokenKind.RParen, "')'");
        }
        var body = ParseBlock();
        return Finish(new ClassDefStmt(name, bases, decorators, body), first);
    }

    private Stmt ParseIf()
    {
        var first = Next();
        var test = ParseNamedExpression();
        var body = ParseBlock();
        IReadOnlyList<Stmt> orElse = NodeLists.NoStmts;
        var t = Peek;
        if (t.IsName("elif"))
        {
            orElse = new[] { ParseIf() };
        }
        else if (t.IsName("else"))
        {
            Next();
            orElse = ParseBlock();
        }
        return Finish(new IfStmt(test, body, orElse), first);
    }

    private Stmt ParseWhile()
    {
        var first = Next();
        var test = ParseNamedExpression();
        var body = ParseBlock();
        var orElse = AcceptName("else") ? ParseBlock() : NodeLists.NoStmts;
        return Finish(new LoopStmt(false, null, test, body, orElse, false), first);
    }

    private Stmt ParseFor(bool isAsync, Token first)
    {
        ExpectName("for");
        var target = ParseTargetList();
        ExpectName("in");
        var iterable = ParseStarExpressions();
        var body = ParseBlock();
        var orElse = AcceptName("else") ? ParseBlock() : NodeLists.NoStmts;
        return Finish(new LoopStmt(true, target, iterable, body, orElse, isAsync), first);
    }

    private Stmt ParseWith(bool isAsync, Token first)
    {
        ExpectName("with");
        var items = new List<WithItem>();
        // Parenthesised with-items (3.9+) look like a tuple; parse them item by item when an 'as' follows.
        bool parenthesised = Kind == TokenKind.LParen && LooksLikeParenthesisedWithItems();
        if (parenthesised)
        {
            Next();
        }
        do
        {
            if (parenthesised && Kind == TokenKind.RParen)
            {
                break;
            }
            var at = Peek;
            var context = ParseTest();
            Expr? target = AcceptName("as") ? ParseTarget() : null;
            items.Add(Finish(new WithItem(context, target), at));
        }
        while (Accept(TokenKind.Comma));
        if (parenthesised)
        {
            Expect(TokenKind.RParen, "')'");
        }
        var body = ParseBlock();
        return Finish(new WithStmt(items, body, isAsync), first);
    }

    /// <summary>True when the <c>(</c> after <c>with</c> closes right before the block's <c>:</c>.</summary>
    private bool LooksLikeParenthesisedWithItems()
    {
        int depth = 0;
        for (int j = _i; j < _tokens.Count; j++)
        {
            var k = _tokens[j].Kind;
            if (k is TokenKind.LParen or TokenKind.LBracket or TokenKind.LBrace)
            {
                depth++;
            }
            else if (k is TokenKind.RParen or TokenKind.RBracket or TokenKind.RBrace)
            {
                if (--depth == 0)
                {
                    return _tokens[j + 1].Kind == TokenKind.Colon;
                }
            }
            else if (k is TokenKind.Newline or TokenKind.EndOfFile)
            {
                return false;
            }
        }
        return false;
    }

    private Stmt ParseTry()
    {
        var first = Next();
        var body = ParseBlock();
        var handlers = new List<ExceptHandler>();
        while (Peek.IsName("except"))
        {
            var at = Next();
            bool star = Accept(TokenKind.Star);
            Expr? type = null;
            string? name = null;
            if (Kind != TokenKind.Colon)
            {
                type = ParseStarExpressions();
                if (AcceptName("as"))
                {
                    name = ExpectIdentifier();
                }
            }
            var hbody = ParseBlock();
            handlers.Add(Finish(new ExceptHandler(type, name, hbody, star), at));
        }
        var orElse = AcceptName("else") ? ParseBlock() : NodeLists.NoStmts;
        var fin = AcceptName("finally") ? ParseBlock() : NodeLists.NoStmts;
        if (handlers.Count == 0 && fin.Count == 0)
        {
            throw Error("expected 'except' or 'finally' block");
        }
        return Finish(new TryStmt(body, handlers, orElse, fin), first);
    }

    /// <summary><c>match</c> is a soft keyword: try the statement form and fall back to an expression.</summary>
    private bool TryParseMatch(out Stmt? match)
    {
        match = null;
        int save = _i;
        int problems = _problems.Count;
        var first = Next();
        var next = Peek;
        if (next.Kind is TokenKind.Equal or TokenKind.Dot or TokenKind.Newline or TokenKind.Colon or TokenKind.Comma ||
            AugmentedOperator(next.Kind).HasValue || next.Kind == TokenKind.RParen)
        {
            _i = save;
            return false;
        }
        Expr subject;
        try
        {
            subject = ParseStarExpressions();
            if (Kind != TokenKind.Colon || PeekAt(1).Kind != TokenKind.Newline || PeekAt(2).Kind != TokenKind.Indent ||
                !PeekAt(3).IsName("case"))
            {
                _i = save;
                _problems.RemoveRange(problems, _problems.Count - problems);
                return false;
            }
        }
        catch (ParseException)
        {
            _i = save;
            _problems.RemoveRange(problems, _problems.Count - problems);
            return false;
        }
        Next();
        Next();
        Next();
        var cases = new List<MatchCase>();
        while (Peek.IsName("case"))
        {
            var at = Next();
            var pattern = ParsePattern();
            Expr? guard = AcceptName("if") ? ParseNamedExpression() : null;
            var body = ParseBlock();
            cases.Add(Finish(new MatchCase(pattern, guard, body), at));
            while (Accept(TokenKind.Newline))
            {
            }
        }
        Expect(TokenKind.Dedent, "end of match block");
        match = Finish(new MatchStmt(subject, cases), first);
        return true;
    }

    private Expr ParsePattern()
    {
        var first = Peek;
        bool saved = _inPattern;
        _inPattern = true;
        Expr pattern;
        try
        {
            pattern = ParseStarExpressions();
        }
        finally
        {
            _inPattern = saved;
        }
        if (AcceptName("as"))
        {
            var nameTok = Peek;
            var name = Finish(new NameExpr(ExpectIdentifier()), nameTok);
            return Finish(new NamedExpr(name, pattern), first);
        }
        return pattern;
    }

    private void SkipBracketed()
    {
        int depth = 0;
        do
        {
            var k = Next().Kind;
            if (k is TokenKind.LParen or TokenKind.LBracket or TokenKind.LBrace)
            {
                depth++;
            }
            else if (k is TokenKind.RParen or TokenKind.RBracket or TokenKind.RBrace)
            {
                depth--;
            }
            else if (k is TokenKind.EndOfFile or TokenKind.Newline)
            {
                throw Error("unclosed bracket");
            }
        }
        while (depth > 0);
    }
}
