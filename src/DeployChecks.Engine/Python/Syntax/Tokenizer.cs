using System.Collections.Generic;

namespace DeployChecks.Engine.Python.Syntax;

/// <summary>
/// Tokenizes Python 3.8–3.14 source: INDENT/DEDENT from leading whitespace (tabs to multiples of 8),
/// implicit line joining inside brackets, backslash continuations, all string prefixes (r, b, u, f, t and
/// their combinations), triple quotes and PEP 701 f-strings (replacement fields may nest quotes, strings
/// and f-strings), numbers with underscores, comments kept aside. Never throws: problems are recorded and
/// scanning resumes. One pass, no regex, no per-character allocation.
/// </summary>
public sealed class Tokenizer
{
    private readonly string _s;
    private readonly int _end;
    private readonly bool _expressionMode;
    private readonly List<Token> _tokens;
    private readonly List<Comment> _comments;
    private readonly List<SyntaxProblem> _problems;
    private readonly Stack<int> _indents = new();
    private int _pos;
    private int _line;
    private int _lineStart;
    private int _depth;
    private int _fieldDepth;
    private bool _atLineStart = true;
    private int _openLine;
    private int _openColumn;
    private readonly List<bool> _argumentBrackets = new();

    private Tokenizer(string source, int start, int end, int line, int lineStart, bool expressionMode,
        List<Comment> comments, List<SyntaxProblem> problems, List<Token>? buffer = null)
    {
        _s = source;
        _pos = start;
        _end = end;
        _line = line;
        _lineStart = lineStart;
        _expressionMode = expressionMode;
        _tokens = buffer ?? new List<Token>(expressionMode ? 16 : (end - start) / 5 + 16);
        _tokens.Clear();
        _comments = comments;
        _problems = problems;
        _indents.Push(0);
        if (expressionMode)
        {
            _depth = 1;
            _atLineStart = false;
        }
    }

    /// <summary>Tokenizes a whole module, into <paramref name="buffer"/> when given (it is cleared first), so a
    /// caller parsing many files can reuse one large token list instead of allocating one per file.</summary>
    public static List<Token> Tokenize(string source, List<Comment> comments, List<SyntaxProblem> problems, List<Token>? buffer = null)
    {
        var t = new Tokenizer(source, 0, source.Length, 1, 0, false, comments, problems, buffer);
        t.Run();
        return t._tokens;
    }

    /// <summary>Tokenizes the expression of an f-string replacement field at <paramref name="start"/>..<paramref name="end"/>
    /// (newlines are insignificant, as inside brackets).</summary>
    public static List<Token> TokenizeExpression(string source, int start, int end, int line, int lineStart,
        List<Comment> comments, List<SyntaxProblem> problems)
    {
        var t = new Tokenizer(source, start, end, line, lineStart, true, comments, problems);
        t.Run();
        return t._tokens;
    }

    private void Problem(int line, int column, string message) => _problems.Add(new SyntaxProblem(line, column, message));

    private void Add(TokenKind kind, int start, int end, int line, int column, string? text = null) =>
        _tokens.Add(new Token(kind, start, end, line, column, text));

    private void Run()
    {
        while (true)
        {
            if (_atLineStart && _depth == 0)
            {
                if (!HandleIndentation())
                {
                    break;
                }
            }
            if (_pos >= _end)
            {
                break;
            }
            char c = _s[_pos];
            int startCol = _pos - _lineStart + 1;
            switch (c)
            {
                case ' ':
                case '\t':
                case '\f':
                    _pos++;
                    continue;
                case '\r':
                case '\n':
                    {
                        int start = _pos;
                        int line = _line;
                        ConsumeNewline();
                        if (_depth == 0)
                        {
                            Add(TokenKind.Newline, start, start + 1, line, startCol);
                            _atLineStart = true;
                        }
                        continue;
                    }
                case '#':
                    ScanComment();
                    continue;
                case '\\':
                    if (_pos + 1 < _end && (_s[_pos + 1] == '\n' || _s[_pos + 1] == '\r'))
                    {
                        _pos++;
                        ConsumeNewline();
                        continue;
                    }
                    Problem(_line, startCol, "unexpected character after line continuation character");
                    Add(TokenKind.Error, _pos, _pos + 1, _line, startCol);
                    _pos++;
                    continue;
                case '"':
                case '\'':
                    ScanString(_pos, 0, startCol);
                    continue;
            }
            if (c >= '0' && c <= '9' || c == '.' && _pos + 1 < _end && _s[_pos + 1] >= '0' && _s[_pos + 1] <= '9')
            {
                ScanNumber(startCol);
                continue;
            }
            if (IsIdentifierStart(c))
            {
                int prefixLen = StringPrefixLength(_pos);
                if (prefixLen > 0)
                {
                    ScanString(_pos, prefixLen, startCol);
                    continue;
                }
                if (startCol == 1 && _depth > 0 && !_expressionMode && StartsStatementKeyword())
                {
                    // 'def', 'class' or 'import' at the start of a line can never continue an expression:
                    // the bracket before it was never closed. Report it and resume as a new statement.
                    Problem(_openLine, _openColumn, "bracket opened here was never closed");
                    _depth = 0;
                    _argumentBrackets.Clear();
                    Add(TokenKind.Newline, _pos, _pos, _line, 1);
                    _atLineStart = true;
                    continue;
                }
                int start = _pos;
                _pos++;
                while (_pos < _end && IsIdentifierPart(_s[_pos]))
                {
                    _pos++;
                }
                var entry = Intern(start, _pos - start);
                if (entry.NeedsNormalization)
                {
                    // Python compares identifiers after NFKC normalisation (PEP 3131).
                    string normalized = entry.Text.Normalize(System.Text.NormalizationForm.FormKC);
                    _tokens.Add(new Token(TokenKind.Name, start, _pos, _line, startCol, normalized, HardKeywords.Contains(normalized)));
                    continue;
                }
                _tokens.Add(new Token(TokenKind.Name, start, _pos, _line, startCol, entry.Text, entry.IsKeyword));
                continue;
            }
            ScanOperator(c, startCol);
        }
        if (!_expressionMode)
        {
            int col = _pos - _lineStart + 1;
            if (_tokens.Count > 0 && _tokens[_tokens.Count - 1].Kind != TokenKind.Newline &&
                _tokens[_tokens.Count - 1].Kind != TokenKind.Dedent)
            {
                Add(TokenKind.Newline, _pos, _pos, _line, col);
            }
            if (_depth > 0)
            {
                Problem(_line, col, "unexpected end of file: unclosed bracket");
            }
            while (_indents.Count > 1)
            {
                _indents.Pop();
                Add(TokenKind.Dedent, _pos, _pos, _line, col);
            }
        }
        Add(TokenKind.EndOfFile, _pos, _pos, _line, _pos - _lineStart + 1);
    }

    /// <summary>Measures the indentation of a new logical line and emits INDENT/DEDENT; skips blank and
    /// comment-only lines. Returns false at end of input.</summary>
    private bool HandleIndentation()
    {
        while (true)
        {
            int col = 0;
            int p = _pos;
            while (p < _end)
            {
                char c = _s[p];
                if (c == ' ')
                {
                    col++;
                }
                else if (c == '\t')
                {
                    col = (col / 8 + 1) * 8;
                }
                else if (c == '\f')
                {
                    col = 0;
                }
                else
                {
                    break;
                }
                p++;
            }
            _pos = p;
            if (p >= _end)
            {
                return false;
            }
            char ch = _s[p];
            if (ch == '#')
            {
                ScanComment();
                if (_pos < _end)
                {
                    ConsumeNewline();
                }
                continue;
            }
            if (ch == '\n' || ch == '\r')
            {
                ConsumeNewline();
                continue;
            }
            if (ch == '\\' && p + 1 < _end && (_s[p + 1] == '\n' || _s[p + 1] == '\r'))
            {
                // A continuation at the start of a line: the indentation is the one measured so far.
                _pos++;
                ConsumeNewline();
            }
            _atLineStart = false;
            int current = _indents.Peek();
            int column = _pos - _lineStart + 1;
            if (col > current)
            {
                _indents.Push(col);
                Add(TokenKind.Indent, _pos, _pos, _line, column);
            }
            else if (col < current)
            {
                while (_indents.Count > 1 && col < _indents.Peek())
                {
                    _indents.Pop();
                    Add(TokenKind.Dedent, _pos, _pos, _line, column);
                }
                if (col != _indents.Peek())
                {
                    Problem(_line, column, "unindent does not match any outer indentation level");
                    _indents.Push(col);
                    Add(TokenKind.Indent, _pos, _pos, _line, column);
                }
            }
            return true;
        }
    }

    private void ConsumeNewline()
    {
        if (_s[_pos] == '\r' && _pos + 1 < _end && _s[_pos + 1] == '\n')
        {
            _pos++;
        }
        _pos++;
        _line++;
        _lineStart = _pos;
    }

    /// <summary>At column 1 inside brackets: a line that can only start a statement — <c>def</c>, <c>class</c>,
    /// <c>import</c>, <c>from … import</c>, or <c>NAME = …</c> written with spaces (keyword arguments are written
    /// without them).</summary>
    private bool StartsStatementKeyword()
    {
        foreach (var kw in StatementStarts)
        {
            if (string.CompareOrdinal(_s, _pos, kw, 0, kw.Length) == 0)
            {
                return true;
            }
        }
        if (_argumentBrackets.Count > 0 && _argumentBrackets[_argumentBrackets.Count - 1])
        {
            return false;
        }
        int p = _pos;
        while (p < _end && IsIdentifierPart(_s[p]))
        {
            p++;
        }
        return p + 3 <= _end && _s[p] == ' ' && _s[p + 1] == '=' && _s[p + 2] == ' ';
    }

    private static readonly string[] StatementStarts = { "def ", "class ", "import ", "from ", "async def " };

    private void ScanComment()
    {
        int start = _pos;
        int col = _pos - _lineStart + 1;
        while (_pos < _end && _s[_pos] != '\n' && _s[_pos] != '\r')
        {
            _pos++;
        }
        _comments.Add(new Comment(_line, col, _s.Substring(start + 1, _pos - start - 1)));
    }

    private void ScanNumber(int startCol)
    {
        int start = _pos;
        char c = _s[_pos];
        if (c == '0' && _pos + 1 < _end && "xXoObB".IndexOf(_s[_pos + 1]) >= 0)
        {
            _pos += 2;
            while (_pos < _end && (IsHexDigit(_s[_pos]) || _s[_pos] == '_'))
            {
                _pos++;
            }
        }
        else
        {
            ScanDigits();
            if (_pos < _end && _s[_pos] == '.')
            {
                _pos++;
                ScanDigits();
            }
            if (_pos < _end && (_s[_pos] == 'e' || _s[_pos] == 'E'))
            {
                int save = _pos;
                _pos++;
                if (_pos < _end && (_s[_pos] == '+' || _s[_pos] == '-'))
                {
                    _pos++;
                }
                if (_pos < _end && _s[_pos] >= '0' && _s[_pos] <= '9')
                {
                    ScanDigits();
                }
                else
                {
                    _pos = save;
                }
            }
            if (_pos < _end && (_s[_pos] == 'j' || _s[_pos] == 'J'))
            {
                _pos++;
            }
        }
        Add(TokenKind.Number, start, _pos, _line, startCol);
    }

    private void ScanDigits()
    {
        while (_pos < _end && (_s[_pos] >= '0' && _s[_pos] <= '9' || _s[_pos] == '_'))
        {
            _pos++;
        }
    }

    private static bool IsHexDigit(char c) => c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';

    /// <summary>Length of a string prefix (r, b, u, f, t, rb, br, fr, rf, tr, rt in any case) at
    /// <paramref name="p"/> that is followed by a quote; 0 when there is none.</summary>
    private int StringPrefixLength(int p)
    {
        int n = 0;
        bool r = false, b = false, u = false, f = false, t = false;
        while (p + n < _end && n < 3)
        {
            char c = _s[p + n];
            switch (c)
            {
                case 'r': case 'R': if (r) { return 0; } r = true; break;
                case 'b': case 'B': if (b) { return 0; } b = true; break;
                case 'u': case 'U': if (u) { return 0; } u = true; break;
                case 'f': case 'F': if (f) { return 0; } f = true; break;
                case 't': case 'T': if (t) { return 0; } t = true; break;
                case '\'':
                case '"':
                    if (n == 0 || u && n > 1 || (b ? 1 : 0) + (f ? 1 : 0) + (t ? 1 : 0) + (u ? 1 : 0) > 1)
                    {
                        return 0;
                    }
                    return n;
                default:
                    return 0;
            }
            n++;
        }
        return 0;
    }

    /// <summary>Scans a string literal (prefix at <paramref name="start"/>, quote after
    /// <paramref name="prefixLength"/> characters) and emits one String token.</summary>
    private void ScanString(int start, int prefixLength, int startCol)
    {
        int line = _line;
        bool raw = false, formatted = false;
        for (int i = 0; i < prefixLength; i++)
        {
            char c = char.ToLowerInvariant(_s[start + i]);
            raw |= c == 'r';
            formatted |= c == 'f' || c == 't';
        }
        _pos = start + prefixLength;
        if (!ScanStringBody(raw, formatted))
        {
            Problem(line, startCol, "unterminated string literal");
        }
        Add(TokenKind.String, start, _pos, line, startCol);
    }

    /// <summary>Scans from the opening quote at <see cref="_pos"/> to just past the closing quote; false when
    /// the string is not terminated (then <see cref="_pos"/> is left at the end of the line or input).</summary>
    private bool ScanStringBody(bool raw, bool formatted)
    {
        char q = _s[_pos];
        bool triple = _pos + 2 < _end && _s[_pos + 1] == q && _s[_pos + 2] == q;
        _pos += triple ? 3 : 1;
        while (_pos < _end)
        {
            char c = _s[_pos];
            if (c == '\\')
            {
                _pos++;
                if (_pos < _end)
                {
                    char n = _s[_pos];
                    if (n == '\n' || n == '\r')
                    {
                        ConsumeNewline();
                    }
                    else if (formatted && !raw && n == 'N' && _pos + 1 < _end && _s[_pos + 1] == '{')
                    {
                        // \N{NAME} is an escape, not a replacement field.
                        while (_pos < _end && _s[_pos] != '}' && _s[_pos] != '\n')
                        {
                            _pos++;
                        }
                        if (_pos < _end && _s[_pos] == '}')
                        {
                            _pos++;
                        }
                    }
                    else if (!formatted || n != '{' && n != '}')
                    {
                        _pos++;
                    }
                }
                continue;
            }
            if (c == q)
            {
                if (!triple)
                {
                    _pos++;
                    return true;
                }
                if (_pos + 2 < _end && _s[_pos + 1] == q && _s[_pos + 2] == q)
                {
                    _pos += 3;
                    return true;
                }
                _pos++;
                continue;
            }
            if (c == '\n' || c == '\r')
            {
                if (!triple)
                {
                    return false;
                }
                ConsumeNewline();
                continue;
            }
            if (formatted && c == '{')
            {
                if (_pos + 1 < _end && _s[_pos + 1] == '{')
                {
                    _pos += 2;
                    continue;
                }
                _pos++;
                if (++_fieldDepth > 100)
                {
                    _fieldDepth = 0;
                    return false; // absurdly deep nesting: report the string as unterminated
                }
                bool closed = ScanReplacementField(raw);
                _fieldDepth = System.Math.Max(0, _fieldDepth - 1);
                if (!closed)
                {
                    return false;
                }
                continue;
            }
            _pos++;
        }
        return false;
    }

    /// <summary>Scans a replacement field after its <c>{</c> up to and including the matching <c>}</c>:
    /// nested brackets, nested strings of any kind (PEP 701 lets them reuse the enclosing quote), comments,
    /// newlines, and a format spec that may itself hold replacement fields.</summary>
    private bool ScanReplacementField(bool raw)
    {
        int depth = 0;
        while (_pos < _end)
        {
            char c = _s[_pos];
            switch (c)
            {
                case '(':
                case '[':
                case '{':
                    depth++;
                    _pos++;
                    continue;
                case ')':
                case ']':
                    depth--;
                    _pos++;
                    continue;
                case '}':
                    if (depth == 0)
                    {
                        _pos++;
                        return true;
                    }
                    depth--;
                    _pos++;
                    continue;
                case '\'':
                case '"':
                    if (!ScanStringBody(false, false))
                    {
                        return false;
                    }
                    continue;
                case '#':
                    while (_pos < _end && _s[_pos] != '\n' && _s[_pos] != '\r')
                    {
                        _pos++;
                    }
                    continue;
                case '\n':
                case '\r':
                    ConsumeNewline();
                    continue;
                case ':':
                    if (depth == 0)
                    {
                        _pos++;
                        return ScanFormatSpec(raw);
                    }
                    _pos++;
                    continue;
            }
            if (IsIdentifierStart(c))
            {
                int prefixLen = StringPrefixLength(_pos);
                if (prefixLen > 0)
                {
                    bool nestedRaw = false, nestedFormatted = false;
                    for (int i = 0; i < prefixLen; i++)
                    {
                        char p = char.ToLowerInvariant(_s[_pos + i]);
                        nestedRaw |= p == 'r';
                        nestedFormatted |= p == 'f' || p == 't';
                    }
                    _pos += prefixLen;
                    if (!ScanStringBody(nestedRaw, nestedFormatted))
                    {
                        return false;
                    }
                    continue;
                }
                while (_pos < _end && IsIdentifierPart(_s[_pos]))
                {
                    _pos++;
                }
                continue;
            }
            _pos++;
        }
        return false;
    }

    private bool ScanFormatSpec(bool raw)
    {
        while (_pos < _end)
        {
            char c = _s[_pos];
            if (c == '}')
            {
                _pos++;
                return true;
            }
            if (c == '{')
            {
                _pos++;
                if (!ScanReplacementField(raw))
                {
                    return false;
                }
                continue;
            }
            if (c == '\n' || c == '\r')
            {
                ConsumeNewline();
                continue;
            }
            if (c == '\\' && !raw)
            {
                _pos = System.Math.Min(_pos + 2, _end);
                continue;
            }
            _pos++;
        }
        return false;
    }

    private void ScanOperator(char c, int col)
    {
        int start = _pos;
        char n1 = _pos + 1 < _end ? _s[_pos + 1] : '\0';
        char n2 = _pos + 2 < _end ? _s[_pos + 2] : '\0';
        TokenKind kind;
        int len = 1;
        switch (c)
        {
            case '(': kind = TokenKind.LParen; Open(col); break;
            case '[': kind = TokenKind.LBracket; Open(col); break;
            case '{': kind = TokenKind.LBrace; Open(col); break;
            case ')': kind = TokenKind.RParen; CloseBracket(col); break;
            case ']': kind = TokenKind.RBracket; CloseBracket(col); break;
            case '}': kind = TokenKind.RBrace; CloseBracket(col); break;
            case ',': kind = TokenKind.Comma; break;
            case ';': kind = TokenKind.Semicolon; break;
            case '~': kind = TokenKind.Tilde; break;
            case ':': if (n1 == '=') { kind = TokenKind.ColonEqual; len = 2; } else { kind = TokenKind.Colon; } break;
            case '.': if (n1 == '.' && n2 == '.') { kind = TokenKind.Ellipsis; len = 3; } else { kind = TokenKind.Dot; } break;
            case '+': kind = n1 == '=' ? TokenKind.PlusEqual : TokenKind.Plus; len = n1 == '=' ? 2 : 1; break;
            case '-':
                if (n1 == '>') { kind = TokenKind.RArrow; len = 2; }
                else if (n1 == '=') { kind = TokenKind.MinusEqual; len = 2; }
                else { kind = TokenKind.Minus; }
                break;
            case '*':
                if (n1 == '*') { kind = n2 == '=' ? TokenKind.DoubleStarEqual : TokenKind.DoubleStar; len = n2 == '=' ? 3 : 2; }
                else if (n1 == '=') { kind = TokenKind.StarEqual; len = 2; }
                else { kind = TokenKind.Star; }
                break;
            case '/':
                if (n1 == '/') { kind = n2 == '=' ? TokenKind.DoubleSlashEqual : TokenKind.DoubleSlash; len = n2 == '=' ? 3 : 2; }
                else if (n1 == '=') { kind = TokenKind.SlashEqual; len = 2; }
                else { kind = TokenKind.Slash; }
                break;
            case '%': kind = n1 == '=' ? TokenKind.PercentEqual : TokenKind.Percent; len = n1 == '=' ? 2 : 1; break;
            case '@': kind = n1 == '=' ? TokenKind.AtEqual : TokenKind.At; len = n1 == '=' ? 2 : 1; break;
            case '|': kind = n1 == '=' ? TokenKind.VBarEqual : TokenKind.VBar; len = n1 == '=' ? 2 : 1; break;
            case '&': kind = n1 == '=' ? TokenKind.AmpEqual : TokenKind.Amp; len = n1 == '=' ? 2 : 1; break;
            case '^': kind = n1 == '=' ? TokenKind.CircumflexEqual : TokenKind.Circumflex; len = n1 == '=' ? 2 : 1; break;
            case '=': kind = n1 == '=' ? TokenKind.EqEqual : TokenKind.Equal; len = n1 == '=' ? 2 : 1; break;
            case '!': kind = n1 == '=' ? TokenKind.NotEqual : TokenKind.Exclamation; len = n1 == '=' ? 2 : 1; break;
            case '<':
                if (n1 == '<') { kind = n2 == '=' ? TokenKind.LeftShiftEqual : TokenKind.LeftShift; len = n2 == '=' ? 3 : 2; }
                else if (n1 == '=') { kind = TokenKind.LessEqual; len = 2; }
                else if (n1 == '>') { kind = TokenKind.NotEqual; len = 2; }
                else { kind = TokenKind.Less; }
                break;
            case '>':
                if (n1 == '>') { kind = n2 == '=' ? TokenKind.RightShiftEqual : TokenKind.RightShift; len = n2 == '=' ? 3 : 2; }
                else if (n1 == '=') { kind = TokenKind.GreaterEqual; len = 2; }
                else { kind = TokenKind.Greater; }
                break;
            default:
                Problem(_line, col, $"invalid character '{c}' (U+{(int)c:X4})");
                kind = TokenKind.Error;
                break;
        }
        _pos += len;
        Add(kind, start, _pos, _line, col);
    }

    private void Open(int col)
    {
        // A '(' right after a name, a closing bracket or a string opens call arguments (or parameters),
        // where `name = value` is legal.
        var prev = _tokens.Count > 0 ? _tokens[_tokens.Count - 1] : default;
        bool arguments = _s[_pos] == '(' && _tokens.Count > 0 &&
            (prev.Kind == TokenKind.Name && !prev.IsKeyword || prev.Kind is TokenKind.RParen or TokenKind.RBracket or TokenKind.String);
        if (arguments && _tokens.Count > 1 && _tokens[_tokens.Count - 2].IsName("def"))
        {
            // A def header's parameter list: `name = value` at column 1 there is a new statement, not a parameter.
            arguments = false;
        }
        _argumentBrackets.Add(arguments);
        if (_depth == (_expressionMode ? 1 : 0))
        {
            _openLine = _line;
            _openColumn = col;
        }
        _depth++;
    }

    private void CloseBracket(int col)
    {
        if (_depth == (_expressionMode ? 1 : 0))
        {
            Problem(_line, col, "unmatched closing bracket");
            return;
        }
        _depth--;
        if (_argumentBrackets.Count > 0)
        {
            _argumentBrackets.RemoveAt(_argumentBrackets.Count - 1);
        }
    }

    private static bool IsIdentifierStart(char c) =>
        c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c > 127 && (char.IsLetter(c) || char.IsSurrogate(c));

    private static bool IsIdentifierPart(char c) =>
        c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9' ||
        c > 127 && (char.IsLetterOrDigit(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.ConnectorPunctuation);

    private static readonly HashSet<string> HardKeywords = new(System.StringComparer.Ordinal)
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    };

    private readonly Dictionary<int, NameEntry[]> _internBuckets = new();

    private sealed class NameEntry
    {
        public NameEntry(string text)
        {
            Text = text;
            IsKeyword = HardKeywords.Contains(text);
            foreach (char c in text)
            {
                if (c > 127)
                {
                    NeedsNormalization = true;
                    break;
                }
            }
        }

        public bool NeedsNormalization { get; }

        public string Text { get; }

        public bool IsKeyword { get; }
    }

    /// <summary>Identifiers repeat a lot: one string (and one keyword test) per distinct name per file.</summary>
    private NameEntry Intern(int start, int length)
    {
        int h = length;
        for (int i = 0; i < length; i++)
        {
            h = h * 31 + _s[start + i];
        }
        if (_internBuckets.TryGetValue(h, out var bucket))
        {
            foreach (var candidate in bucket)
            {
                if (candidate.Text.Length == length && string.CompareOrdinal(candidate.Text, 0, _s, start, length) == 0)
                {
                    return candidate;
                }
            }
            var added = new NameEntry(_s.Substring(start, length));
            var grown = new NameEntry[bucket.Length + 1];
            bucket.CopyTo(grown, 0);
            grown[bucket.Length] = added;
            _internBuckets[h] = grown;
            return added;
        }
        var entry = new NameEntry(_s.Substring(start, length));
        _internBuckets[h] = new[] { entry };
        return entry;
    }
}
