using System.Globalization;
using System.Text;

namespace DeployChecks.Engine.Python.Syntax;

/// <summary>Decodes the source text of one string literal token: prefix, quotes, escapes.</summary>
internal static class StringLiterals
{
    public readonly struct Parts
    {
        public Parts(int prefixLength, int quoteLength, bool raw, bool bytes, bool formatted, bool template)
        {
            PrefixLength = prefixLength;
            QuoteLength = quoteLength;
            Raw = raw;
            Bytes = bytes;
            Formatted = formatted;
            Template = template;
        }

        public int PrefixLength { get; }
        public int QuoteLength { get; }
        public bool Raw { get; }
        public bool Bytes { get; }
        public bool Formatted { get; }
        public bool Template { get; }
    }

    public static Parts Analyse(string s, int start, int end)
    {
        int p = start;
        bool raw = false, bytes = false, formatted = false, template = false;
        while (p < end && s[p] != '\'' && s[p] != '"')
        {
            switch (char.ToLowerInvariant(s[p]))
            {
                case 'r': raw = true; break;
                case 'b': bytes = true; break;
                case 'f': formatted = true; break;
                case 't': template = true; break;
            }
            p++;
        }
        int prefix = p - start;
        int quote = 1;
        if (p + 2 < end && s[p + 1] == s[p] && s[p + 2] == s[p] && end - p >= 6)
        {
            quote = 3;
        }
        return new Parts(prefix, quote, raw, bytes, formatted, template);
    }

    /// <summary>The decoded value of a plain (non-f) string literal.</summary>
    public static string Decode(string s, int start, int end)
    {
        var parts = Analyse(s, start, end);
        int bodyStart = start + parts.PrefixLength + parts.QuoteLength;
        int bodyEnd = end - parts.QuoteLength;
        if (bodyEnd < bodyStart)
        {
            // Unterminated: take what is there.
            bodyEnd = end;
        }
        return parts.Raw ? s.Substring(bodyStart, bodyEnd - bodyStart) : Unescape(s, bodyStart, bodyEnd);
    }

    public static string Unescape(string s, int start, int end)
    {
        int bs = s.IndexOf('\\', start, end - start);
        if (bs < 0)
        {
            return s.Substring(start, end - start);
        }
        var sb = new StringBuilder(end - start);
        sb.Append(s, start, bs - start);
        int i = bs;
        while (i < end)
        {
            char c = s[i];
            if (c != '\\' || i + 1 >= end)
            {
                sb.Append(c);
                i++;
                continue;
            }
            char n = s[i + 1];
            i += 2;
            switch (n)
            {
                case '\n': break;
                case '\r': if (i < end && s[i] == '\n') { i++; } break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case 'x': i = AppendCode(sb, s, i, end, 2, "\\x"); break;
                case 'u': i = AppendCode(sb, s, i, end, 4, "\\u"); break;
                case 'U': i = AppendCode(sb, s, i, end, 8, "\\U"); break;
                case 'N':
                    {
                        int close = i < end && s[i] == '{' ? s.IndexOf('}', i, end - i) : -1;
                        if (close < 0)
                        {
                            sb.Append("\\N");
                        }
                        else
                        {
                            sb.Append("\\N").Append(s, i, close - i + 1);
                            i = close + 1;
                        }
                        break;
                    }
                default:
                    if (n >= '0' && n <= '7')
                    {
                        int v = n - '0';
                        int k = 0;
                        while (k < 2 && i < end && s[i] >= '0' && s[i] <= '7')
                        {
                            v = v * 8 + (s[i] - '0');
                            i++;
                            k++;
                        }
                        sb.Append((char)v);
                    }
                    else
                    {
                        sb.Append('\\').Append(n);
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    private static int AppendCode(StringBuilder sb, string s, int i, int end, int digits, string escape)
    {
        if (i + digits <= end && int.TryParse(s.Substring(i, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code) &&
            code >= 0 && code <= 0x10FFFF)
        {
            if (code > 0xFFFF)
            {
                sb.Append(char.ConvertFromUtf32(code));
            }
            else
            {
                sb.Append((char)code);
            }
            return i + digits;
        }
        sb.Append(escape);
        return i;
    }
}
