using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DeployChecks.Engine.Artifacts.Toml;

namespace DeployChecks.Engine.Dependencies;

/// <summary>
/// Python's <c>json.dumps(value, sort_keys=True)</c> over parsed TOML, byte for byte, so lock-file content hashes
/// can be recomputed exactly as pipenv (plette <c>Pipfile.get_hash</c>: compact separators <c>(",", ":")</c>) and
/// Poetry (<c>Locker._get_content_hash</c>: default separators <c>", "</c> / <c>": "</c>) compute them. Defaults
/// that matter: <c>ensure_ascii=True</c> (every character outside space..'~' becomes <c>\uXXXX</c>, UTF-16 units,
/// lower-case hex; <c>\" \\ \n \r \t \b \f</c> keep their short escapes), keys sorted by code point, <c>true</c> /
/// <c>false</c> / <c>null</c>, ints as decimal, floats as Python's <c>repr</c>. A TOML date has no JSON form (Python
/// raises <c>TypeError</c>), so <see cref="TryDumps"/> fails on one.
/// </summary>
internal static class PythonJson
{
    /// <summary>A JSON <c>null</c> (Poetry hashes missing legacy keys as null).</summary>
    public static readonly object Null = new();

    /// <summary>Dumps a value built from <see cref="TomlNode"/>s, <see cref="Null"/>, and
    /// <c>SortedDictionary&lt;string, object&gt;</c> / <c>List&lt;object&gt;</c> wrappers.</summary>
    public static bool TryDumps(object value, bool compact, out string json)
    {
        var sb = new StringBuilder();
        bool ok = Write(sb, value, compact ? "," : ", ", compact ? ":" : ": ");
        json = ok ? sb.ToString() : "";
        return ok;
    }

    public static string Sha256Hex(string text)
    {
        using var sha = SHA256.Create();
        byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var sb = new StringBuilder(64);
        foreach (byte b in hash)
        {
            sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static bool Write(StringBuilder sb, object? value, string itemSep, string keySep)
    {
        switch (value)
        {
            case null:
                return false;
            case TomlTable table:
                {
                    var map = new Dictionary<string, object>(StringComparer.Ordinal);
                    foreach (var kv in table.Entries)
                    {
                        map[kv.Key] = kv.Value;
                    }
                    return WriteObject(sb, map, itemSep, keySep);
                }
            case IDictionary<string, object> dict:
                return WriteObject(sb, dict, itemSep, keySep);
            case TomlArray array:
                return WriteArray(sb, array.Items, itemSep, keySep);
            case IList<object> list:
                return WriteArray(sb, list, itemSep, keySep);
            case TomlScalar scalar:
                return !scalar.IsDateTime && Write(sb, scalar.Value, itemSep, keySep);
            case string s:
                WriteString(sb, s);
                return true;
            case bool b:
                sb.Append(b ? "true" : "false");
                return true;
            case long l:
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                return true;
            case double d:
                sb.Append(FloatRepr(d));
                return true;
            default:
                if (ReferenceEquals(value, Null))
                {
                    sb.Append("null");
                    return true;
                }
                return false;
        }
    }

    private static bool WriteObject(StringBuilder sb, IDictionary<string, object> map, string itemSep, string keySep)
    {
        var keys = new List<string>(map.Keys);
        keys.Sort(CompareCodePoints);
        sb.Append('{');
        for (int i = 0; i < keys.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(itemSep);
            }
            WriteString(sb, keys[i]);
            sb.Append(keySep);
            if (!Write(sb, map[keys[i]], itemSep, keySep))
            {
                return false;
            }
        }
        sb.Append('}');
        return true;
    }

    private static bool WriteArray<T>(StringBuilder sb, IList<T> items, string itemSep, string keySep)
    {
        sb.Append('[');
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(itemSep);
            }
            if (!Write(sb, items[i], itemSep, keySep))
            {
                return false;
            }
        }
        sb.Append(']');
        return true;
    }

    // Python sorts str keys by code point; ordinal UTF-16 order differs only when a surrogate pair meets a
    // character in U+E000..U+FFFF.
    private static int CompareCodePoints(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            char x = a[i], y = b[i];
            if (x == y)
            {
                continue;
            }
            if (char.IsSurrogate(x) != char.IsSurrogate(y) && (x >= 0xE000 || y >= 0xE000))
            {
                return char.IsSurrogate(x) ? 1 : -1;
            }
            return x.CompareTo(y);
        }
        return a.Length.CompareTo(b.Length);
    }

    // json.encoder.py_encode_basestring_ascii.
    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>Python's <c>float.__repr__</c>: shortest round-trip digits; scientific when the decimal exponent
    /// is below -4 or at least 16; integral values keep <c>.0</c>; json writes <c>NaN</c> / <c>Infinity</c>.</summary>
    internal static string FloatRepr(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }
        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0)
        {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        string r = d.ToString("E16", CultureInfo.InvariantCulture);
        // Shortest round-trip digits: try increasing precision.
        for (int p = 1; p <= 17; p++)
        {
            string candidate = d.ToString("E" + (p - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (double.Parse(candidate, CultureInfo.InvariantCulture) == d)
            {
                r = candidate;
                break;
            }
        }
        bool negative = r[0] == '-';
        if (negative)
        {
            r = r.Substring(1);
        }
        int e = r.IndexOf('E');
        string digits = r.Substring(0, e).Replace(".", "").TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }
        int exp = int.Parse(r.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string body;
        if (exp < -4 || exp >= 16)
        {
            body = digits.Substring(0, 1) + (digits.Length > 1 ? "." + digits.Substring(1) : "") +
                "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (exp < 0)
        {
            body = "0." + new string('0', -exp - 1) + digits;
        }
        else if (digits.Length <= exp + 1)
        {
            body = digits + new string('0', exp + 1 - digits.Length) + ".0";
        }
        else
        {
            body = digits.Substring(0, exp + 1) + "." + digits.Substring(exp + 1);
        }
        return negative ? "-" + body : body;
    }
}
