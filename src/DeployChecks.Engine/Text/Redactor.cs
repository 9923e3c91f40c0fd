using System;
using System.Text.RegularExpressions;

namespace DeployChecks.Engine.Text;

/// <summary>Turns secrets into evidence that proves the finding without disclosing the value: at most the first
/// two characters survive, and the length is not revealed.</summary>
public static class Redactor
{
    public const string Mask = "****";

    private static readonly Regex UrlCredentials = new(
        @"(?<scheme>[a-zA-Z][a-zA-Z0-9+.\-]*://)(?<user>[^:/@\s]*):(?<pass>[^@/\s]+)@",
        RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    /// <summary><c>s3cr3t-value</c> becomes <c>s3****</c>; values of under 8 characters become <c>****</c>.</summary>
    public static string RedactValue(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (TryRedactUrl(value!, out var url))
        {
            return url;
        }
        return value!.Length < 8 ? Mask : value.Substring(0, 2) + Mask;
    }

    /// <summary>Masks the password of any <c>scheme://user:password@</c> in <paramref name="text"/>.</summary>
    public static bool TryRedactUrl(string text, out string redacted)
    {
        try
        {
            bool hit = false;
            redacted = UrlCredentials.Replace(text, m =>
            {
                hit = true;
                return m.Groups["scheme"].Value + m.Groups["user"].Value + ":" + Mask + "@";
            });
            return hit;
        }
        catch (RegexMatchTimeoutException)
        {
            redacted = Mask;
            return true;
        }
    }

    /// <summary>True when <paramref name="value"/> holds a <c>user:password@</c> URL credential.</summary>
    public static bool HasUrlCredentials(string value)
    {
        try
        {
            return UrlCredentials.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
