namespace DeployChecks.Engine.Python.Syntax;

/// <summary>Python token kinds. Operators get their own kinds so the parser compares bytes, not strings.</summary>
public enum TokenKind : byte
{
    EndOfFile,
    Newline,
    Indent,
    Dedent,
    Name,
    Number,
    String,
    Error,

    // Brackets and punctuation
    LParen, RParen, LBracket, RBracket, LBrace, RBrace,
    Colon, Comma, Semicolon, Dot, Ellipsis, RArrow, ColonEqual, At, Exclamation,

    // Operators
    Plus, Minus, Star, Slash, DoubleSlash, Percent, DoubleStar,
    VBar, Amp, Circumflex, Tilde, LeftShift, RightShift,
    Less, Greater, EqEqual, NotEqual, LessEqual, GreaterEqual, Equal,

    // Augmented assignment
    PlusEqual, MinusEqual, StarEqual, SlashEqual, DoubleSlashEqual, PercentEqual, DoubleStarEqual,
    AtEqual, VBarEqual, AmpEqual, CircumflexEqual, LeftShiftEqual, RightShiftEqual,
}
