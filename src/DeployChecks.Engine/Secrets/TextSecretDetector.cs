using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using DeployChecks.Engine.Text;

namespace DeployChecks.Engine.Secrets;

/// <summary>
/// The engine's default <see cref="ISecretDetector"/>: provider credential formats anywhere (<see cref="ProviderPatterns"/>),
/// passwords in <c>scheme://user:password@</c> URLs, and sensitive-name assignments (<c>SECRET_KEY=…</c>,
/// <c>"password": "…"</c>, judged by <see cref="SensitiveNames"/>) in configuration-shaped files. Placeholders and
/// documentation values are not secrets. Evidence keeps at most two characters of a value.
/// </summary>
public sealed class TextSecretDetector : ISecretDetector
{
    public static readonly TextSecretDetector Instance = new();

    private static readonly Regex Assignment = new(
        @"^\s*(?:export\s+)?[""']?(?<name>[A-Za-z_][A-Za-z0-9_.\-]{1,80})[""']?\s*[:=]\s*(?<value>""[^""\r\n]{1,300}""|'[^'\r\n]{1,300}'|[^\s#""',;{}\[\]]{1,300})\s*,?\s*(?:#.*)?$",
        RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    private static readonly string[] ConfigExtensions =
    {
        ".env", ".ini", ".cfg", ".conf", ".properties", ".toml", ".yaml", ".yml", ".json", ".py", ".sh", ".pypirc", ".netrc", ".npmrc",
    };

    public IReadOnlyList<SecretHit> Scan(string path, string text)
    {
        var hits = new List<SecretHit>();
        foreach (var p in ProviderPatterns.All)
        {
            if (!ContainsAny(text, p.Keywords))
            {
                continue;
            }
            try
            {
                for (var m = p.Pattern.Match(text); m.Success; m = m.NextMatch())
                {
                    if (!ProviderPatterns.IsDocumentationValue(m.Value))
                    {
                        hits.Add(new SecretHit(LineOf(text, m.Index), p.Kind, Redactor.RedactValue(m.Value)));
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
            }
        }
        bool config = IsConfigShaped(path);
        bool urls = text.IndexOf("://", StringComparison.Ordinal) >= 0;
        if (!urls && (!config || !ContainsAnyIgnoreCase(text, NameHints)))
        {
            return hits;
        }
        int line = 0;
        for (int start = 0; start <= text.Length; )
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }
            line++;
            int length = end - start;
            int from = start;
            start = end + 1;
            if (length > 400 || length < 3)
            {
                continue;
            }
            string raw = text.Substring(from, length);
            if (urls && raw.IndexOf("://", StringComparison.Ordinal) > 0 && Redactor.HasUrlCredentials(raw) && Redactor.TryRedactUrl(raw.Trim(), out var redactedUrl) &&
                !UrlPasswordIsPlaceholder(raw))
            {
                hits.Add(new SecretHit(line, "password in URL", Shorten(redactedUrl)));
                continue;
            }
            if (!config || raw.IndexOf('=') < 0 && raw.IndexOf(':') < 0 || !ContainsAnyIgnoreCase(raw, NameHints))
            {
                continue;
            }
            Match m;
            try
            {
                m = Assignment.Match(raw);
            }
            catch (RegexMatchTimeoutException)
            {
                continue;
            }
            if (!m.Success)
            {
                continue;
            }
            string name = m.Groups["name"].Value;
            string value = m.Groups["value"].Value.Trim('"', '\'');
            if (!SensitiveNames.IsSensitive(name) || value.Length < 8 || SensitiveNames.IsPlaceholder(value) || LooksLikeCode(value) ||
                ProviderPatterns.IsDocumentationValue(value))
            {
                continue;
            }
            hits.Add(new SecretHit(line, "credential assignment", name + "=" + Redactor.RedactValue(value)));
        }
        return hits;
    }

    /// <summary>Substrings every name <see cref="SensitiveNames.IsSensitive"/> accepts contains one of: a line without
    /// any is not worth the assignment regex.</summary>
    private static readonly string[] NameHints = { "SECRET", "PASS", "TOKEN", "KEY", "CREDENTIAL", "DSN", "PWD", "AUTH" };

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (string w in words)
        {
            if (text.IndexOf(w, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    private static bool ContainsAnyIgnoreCase(string text, string[] words)
    {
        foreach (string w in words)
        {
            if (text.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsConfigShaped(string path)
    {
        string name = Path.GetFileName(path);
        if (name.StartsWith(".env", StringComparison.Ordinal) || name == "credentials" || name == ".git-credentials")
        {
            return true;
        }
        foreach (string ext in ConfigExtensions)
        {
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Values that read another value rather than hold one: <c>os.environ[…]</c>, <c>${VAR}</c>,
    /// <c>env("X")</c>, <c>{{ secret }}</c>, function calls, booleans and numbers.</summary>
    private static bool LooksLikeCode(string v) =>
        v.IndexOf('(') >= 0 || v.IndexOf("{{", StringComparison.Ordinal) >= 0 || v.IndexOf('$') >= 0 || v.StartsWith("os.", StringComparison.Ordinal) ||
        v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("false", StringComparison.OrdinalIgnoreCase) ||
        v.Equals("None", StringComparison.Ordinal) || v.Equals("null", StringComparison.Ordinal) || long.TryParse(v, out _) ||
        v.StartsWith("/", StringComparison.Ordinal) || v.IndexOf(' ') >= 0 && v.Length > 40;

    private static bool UrlPasswordIsPlaceholder(string line)
    {
        int scheme = line.IndexOf("://", StringComparison.Ordinal);
        int at = line.IndexOf('@', scheme);
        int colon = line.IndexOf(':', scheme + 3);
        if (at < 0 || colon < 0 || colon > at)
        {
            return true;
        }
        return SensitiveNames.IsPlaceholder(line.Substring(colon + 1, at - colon - 1));
    }

    private static int LineOf(string text, int index)
    {
        int line = 1;
        for (int i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }
        return line;
    }

    private static string Shorten(string s) => s.Length <= 160 ? s : s.Substring(0, 160) + "…";
}
