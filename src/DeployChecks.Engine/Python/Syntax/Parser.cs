using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Python.Syntax;

/// <summary>
/// Error-tolerant recursive-descent parser for Python 3.8–3.14. A statement that does not parse becomes an
/// <see cref="ErrorStmt"/> (its problem recorded), the parser resumes at the next logical line, and
/// everything else in the file stays usable. Nesting is bounded, so no input can exhaust the stack.
/// </summary>
public sealed partial class Parser
{
    private const int MaxDepth = 200;

    private readonly string _source;

    internal string Source => _source;
    private readonly List<Token> _tokens;
    private readonly List<Comment> _comments;
    private readonly List<SyntaxProblem> _problems;
    private int _i;
    private int _depth;

    private Parser(string source, List<Token> tokens, List<Comment> comments, List<SyntaxProblem> problems)
    {
        _source = source;
        _tokens = tokens;
        _comments = comments;
        _problems = problems;
    }

    /// <summary>One token buffer per thread: tokens only live while a file is parsed, and big files would otherwise
    /// put a large token array on the large-object heap every time.</summary>
    [ThreadStatic]
    private static List<Token>? t_tokenBuffer;

    /// <summary>Parses a whole module.</summary>
    public static PythonModule ParseModule(string source)
    {
        var comments = new List<Comment>();
        var problems = new List<SyntaxProblem>();
        var buffer = t_tokenBuffer ?? new List<Token>(4096);
        t_tokenBuffer = null; // re-entrancy: a nested parse on this thread gets its own list
        var tokens = Tokenizer.Tokenize(source, comments, problems, buffer);
        var parser = new Parser(source, tokens, comments, problems);
        var body = parser.ParseStatementsUntil(TokenKind.EndOfFile);
        int count = tokens.Count;
        if (tokens.Capacity <= 1 << 20)
        {
            tokens.Clear();
            t_tokenBuffer = tokens;
        }
        problems.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        return new PythonModule(body, comments, problems, count);
    }

    private sealed class ParseException : Exception
    {
        public ParseException(Token at, string message) : base(message) => At = at;

        public Token At { get; }
    }

    // ---- token navigation -------------------------------------------------------------------------

    private Token Peek => _tokens[_i];

    private Token PeekAt(int offset) => _tokens[Math.Min(_i + offset, _tokens.Count - 1)];

    private TokenKind Kind => _tokens[_i].Kind;

    private Token Next()
    {
        var t = _tokens[_i];
        if (_i < _tokens.Count - 1)
        {
            _i++;
        }
        return t;
    }

    private bool Accept(TokenKind kind)
    {
        if (Kind == kind)
        {
            Next();
            return true;
        }
        return false;
    }

    private bool AcceptName(string name)
    {
        if (Peek.IsName(name))
        {
            Next();
            return true;
        }
        return false;
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (Kind != kind)
        {
            throw Error("expected " + what);
        }
        return Next();
    }

    private void ExpectName(string name)
    {
        if (!Peek.IsName(name))
        {
            throw Error("expected '" + name + "'");
        }
        Next();
    }

    private string ExpectIdentifier()
    {
        var t = Peek;
        if (t.Kind != TokenKind.Name || t.IsKeyword)
        {
            throw Error("expected a name");
        }
        Next();
        return t.Text!;
    }

    private bool AtIdentifier => Kind == TokenKind.Name && !Peek.IsKeyword;

    private ParseException Error(string message)
    {
        var t = Peek;
        string found = t.Kind switch
        {
            TokenKind.Name => "'" + t.Text + "'",
            TokenKind.Newline => "end of line",
            TokenKind.EndOfFile => "end of file",
            TokenKind.Indent => "indent",
            TokenKind.Dedent => "dedent",
            _ => "'" + _source.Substring(t.Start, Math.Min(t.End - t.Start, 20)) + "'",
        };
        return new ParseException(t, message + ", found " + found);
    }

    /// <summary>Gives <paramref name="node"/> the span from <paramref name="first"/> to the last consumed token.</summary>
    private T Finish<T>(T node, Token first) where T : Node => Span(node, first.Line, first.Column, first.Start, first.End, first.Line);

    /// <summary>Gives <paramref name="node"/> the span from an earlier node to the last consumed token.</summary>
    private T FinishFrom<T>(T node, Node first) where T : Node => Span(node, first.Line, first.Column, first.Start, first.End, first.EndLine);

    private T Span<T>(T node, int line, int column, int start, int firstEnd, int firstEndLine) where T : Node
    {
        node.Line = line;
        node.Column = column;
        node.Start = start;
        var last = _tokens[Math.Max(0, _i - 1)];
        node.End = Math.Max(firstEnd, last.End);
        node.EndLine = Math.Max(firstEndLine, last.Line);
        return node;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            _depth = 0;
            throw Error("too deeply nested");
        }
    }

    private void Leave() => _depth--;

    // ---- blocks and error recovery -----------------------------------------------------------------

    private List<Stmt> ParseStatementsUntil(TokenKind end)
    {
        var body = new List<Stmt>();
        while (Kind != end && Kind != TokenKind.EndOfFile)
        {
            if (Kind == TokenKind.Newline)
            {
                Next();
                continue;
            }
            if (Kind == TokenKind.Indent)
            {
                // An indented block nobody asked for: parse it, keep it, report it once.
                var first = Next();
                _problems.Add(new SyntaxProblem(first.Line, first.Column, "unexpected indent"));
                var nested = ParseStatementsUntil(TokenKind.Dedent);
                Accept(TokenKind.Dedent);
                body.Add(Finish(new ErrorStmt("unexpected indent", nested), first));
                continue;
            }
            if (Kind == TokenKind.Dedent && end != TokenKind.Dedent)
            {
                Next();
                continue;
            }
            ParseStatementInto(body);
        }
        return body;
    }

    private void ParseStatementInto(List<Stmt> body)
    {
        int start = _i;
        int savedDepth = _depth;
        try
        {
            ParseStatement(body);
        }
        catch (ParseException ex)
        {
            _depth = savedDepth;
            _problems.Add(new SyntaxProblem(ex.At.Line, ex.At.Column, ex.Message));
            var first = _tokens[start];
            // Resume after the end of the logical line; keep a block that belongs to the broken line.
            while (Kind != TokenKind.Newline && Kind != TokenKind.EndOfFile)
            {
                if (Kind == TokenKind.Indent || Kind == TokenKind.Dedent)
                {
                    break;
                }
                Next();
            }
            Accept(TokenKind.Newline);
            IReadOnlyList<Stmt> nested = NodeLists.NoStmts;
            if (Kind == TokenKind.Indent)
            {
                Next();
                nested = ParseStatementsUntil(TokenKind.Dedent);
                Accept(TokenKind.Dedent);
            }
            body.Add(Finish(new ErrorStmt(ex.Message, nested), first));
            if (_i == start)
            {
                Next(); // always make progress
            }
        }
    }

    /// <summary>The body after a compound statement's <c>:</c> — an indented block or simple statements on the same line.</summary>
    private IReadOnlyList<Stmt> ParseBlock()
    {
        Expect(TokenKind.Colon, "':'");
        if (Accept(TokenKind.Newline))
        {
            if (Kind != TokenKind.Indent)
            {
                throw Error("expected an indented block");
            }
            Next();
            var body = ParseStatementsUntil(TokenKind.Dedent);
            Accept(TokenKind.Dedent);
            return body;
        }
        var simple = new List<Stmt>();
        ParseSimpleStatements(simple);
        return simple;
    }
}
