namespace DeployChecks.Engine.Python.Syntax;

/// <summary>One token: kind, source span, 1-based line and column of its start, and for names the
/// identifier text.</summary>
public readonly struct Token
{
    public Token(TokenKind kind, int start, int end, int line, int column, string? text = null, bool isKeyword = false)
    {
        Kind = kind;
        IsKeyword = isKeyword;
        Start = start;
        End = end;
        Line = line;
        Column = column;
        Text = text;
    }

    public TokenKind Kind { get; }

    /// <summary>True for names that are hard keywords (<c>if</c>, <c>def</c>, <c>None</c>…).</summary>
    public bool IsKeyword { get; }

    /// <summary>Offset of the first character in the source.</summary>
    public int Start { get; }

    /// <summary>Offset just past the last character.</summary>
    public int End { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>Identifier text for <see cref="TokenKind.Name"/> tokens; null otherwise.</summary>
    public string? Text { get; }

    public bool IsName(string name) => Kind == TokenKind.Name && Text == name;

    public override string ToString() => Kind == TokenKind.Name ? "Name(" + Text + ")" : Kind.ToString();
}

/// <summary>A comment (without its <c>#</c>), kept for suppressions and pragmas.</summary>
public sealed class Comment
{
    public Comment(int line, int column, string text)
    {
        Line = line;
        Column = column;
        Text = text;
    }

    public int Line { get; }

    public int Column { get; }

    public string Text { get; }

    public override string ToString() => Line + ": #" + Text;
}

/// <summary>A syntax problem with its position. A file keeps every problem; the first one is its
/// "per-file error".</summary>
public sealed class SyntaxProblem
{
    public SyntaxProblem(int line, int column, string message)
    {
        Line = line;
        Column = column;
        Message = message;
    }

    public int Line { get; }

    public int Column { get; }

    public string Message { get; }

    public override string ToString() => $"line {Line}:{Column}: {Message}";
}
