using System.Collections.Generic;
using System.Text;

namespace DeployChecks.Engine.Python.Syntax;

/// <summary>Splits an f-string or t-string token into literal text and replacement-field expressions (PEP 701:
/// fields may nest quotes, strings, f-strings, and format specs with fields of their own).</summary>
internal static class FormattedStrings
{
    public static void Parse(Parser parser, Token token, StringLiterals.Parts parts, StringBuilder literal, List<Expr> values)
    {
        string s = parser.Source;
        int bodyStart = token.Start + parts.PrefixLength + parts.QuoteLength;
        int bodyEnd = token.End - parts.QuoteLength;
        if (bodyEnd < bodyStart)
        {
            bodyEnd = token.End;
        }
        var state = new State(s, token.Line, token.Start - token.Column + 1);
        int i = bodyStart;
        int chunk = i;
        while (i < bodyEnd)
        {
            char c = s[i];
            if (c == '\\' && !parts.Raw && i + 1 < bodyEnd)
            {
                char n = s[i + 1];
                if (n == 'N' && i + 2 < bodyEnd && s[i + 2] == '{')
                {
                    int close = s.IndexOf('}', i + 2, bodyEnd - i - 2);
                    i = close < 0 ? bodyEnd : close + 1;
                }
                else
                {
                    i += n is '{' or '}' ? 1 : 2;
                }
                continue;
            }
            if ((c == '{' || c == '}') && i + 1 < bodyEnd && s[i + 1] == c)
            {
                AppendLiteral(s, chunk, i + 1, parts.Raw, literal);
                i += 2;
                chunk = i;
                continue;
            }
            if (c == '{')
            {
                AppendLiteral(s, chunk, i, parts.Raw, literal);
                i = ParseField(parser, i + 1, bodyEnd, state, values);
                chunk = i;
                continue;
            }
            i++;
        }
        AppendLiteral(s, chunk, bodyEnd, parts.Raw, literal);
    }

    private sealed class State
    {
        private readonly string _s;
        private int _scanned;

        public State(string s, int line, int lineStart)
        {
            _s = s;
            Line = line;
            LineStart = lineStart;
            _scanned = lineStart;
        }

        public int Line { get; private set; }

        public int LineStart { get; private set; }

        /// <summary>Counts the line breaks before <paramref name="upTo"/> not counted yet.</summary>
        public void Advance(int upTo)
        {
            for (int k = _scanned; k < upTo && k < _s.Length; k++)
            {
                if (_s[k] == '\n')
                {
                    Line++;
                    LineStart = k + 1;
                }
            }
            _scanned = System.Math.Max(_scanned, upTo);
        }
    }

    private static void AppendLiteral(string s, int start, int end, bool raw, StringBuilder sb)
    {
        if (end > start)
        {
            sb.Append(raw ? s.Substring(start, end - start) : StringLiterals.Unescape(s, start, end));
        }
    }

    /// <summary>Parses the field starting after its <c>{</c>; returns the index after its <c>}</c>.</summary>
    private static int ParseField(Parser parser, int start, int end, State state, List<Expr> values)
    {
        string s = parser.Source;
        state.Advance(start);
        int exprLine = state.Line;
        int exprLineStart = state.LineStart;
        int i = start;
        int depth = 0;
        int exprEnd = -1;
        while (i < end)
        {
            char c = s[i];
            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                depth--;
            }
            else if (c == '}')
            {
                if (depth == 0)
                {
                    exprEnd = i;
                    break;
                }
                depth--;
            }
            else if (c is '\'' or '"')
            {
                i = SkipString(s, i, end);
                continue;
            }
            else if (depth == 0 && (c == ':' || c == '!' && i + 1 < end && s[i + 1] != '='))
            {
                exprEnd = i;
                break;
            }
            i++;
        }
        if (exprEnd < 0)
        {
            values.Add(parser.ParseFieldExpression(start, end, exprLine, exprLineStart));
            return end;
        }
        values.Add(parser.ParseFieldExpression(start, exprEnd, exprLine, exprLineStart));
        i = exprEnd;
        if (i < end && s[i] == '!')
        {
            i += 2; // conversion character
        }
        if (i < end && s[i] == ':')
        {
            i++;
            while (i < end && s[i] != '}')
            {
                if (s[i] == '{')
                {
                    i = ParseField(parser, i + 1, end, state, values);
                    continue;
                }
                i++;
            }
        }
        return i < end ? i + 1 : end;
    }

    /// <summary>Skips a (possibly prefixed, possibly triple-quoted) string inside a field; returns the index after it.</summary>
    private static int SkipString(string s, int i, int end)
    {
        char q = s[i];
        bool triple = i + 2 < end && s[i + 1] == q && s[i + 2] == q;
        i += triple ? 3 : 1;
        while (i < end)
        {
            char c = s[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }
            if (c == q && (!triple || i + 2 < end && s[i + 1] == q && s[i + 2] == q))
            {
                return i + (triple ? 3 : 1);
            }
            i++;
        }
        return end;
    }
}
