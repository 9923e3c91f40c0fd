using System.Text;

namespace DeployChecks.Engine.Dependencies.Requirements;

/// <summary>Python package names: PEP 503 normalisation and PEP 508 validity.</summary>
public static class PackageName
{
    /// <summary>PEP 503: lower-case, runs of <c>-</c>, <c>_</c>, <c>.</c> become one <c>-</c>.</summary>
    public static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool pendingDash = false;
        foreach (char c in name)
        {
            if (c == '-' || c == '_' || c == '.')
            {
                pendingDash = true;
                continue;
            }
            if (pendingDash)
            {
                sb.Append('-');
            }
            pendingDash = false;
            sb.Append(c >= 'A' && c <= 'Z' ? (char)(c + 32) : char.ToLowerInvariant(c));
        }
        if (pendingDash)
        {
            sb.Append('-');
        }
        return sb.ToString();
    }

    /// <summary>The PEP 503 form of a valid name; anything else (a path standing in for a name) lower-cased.</summary>
    public static string NormalizeOrKeep(string name) => IsValid(name) ? Normalize(name) : name.ToLowerInvariant();

    /// <summary>PEP 508 name: ASCII letters/digits, with <c>-_.</c> inside only.</summary>
    public static bool IsValid(string name)
    {
        if (name.Length == 0 || !IsAlnum(name[0]) || !IsAlnum(name[name.Length - 1]))
        {
            return false;
        }
        foreach (char c in name)
        {
            if (!IsAlnum(c) && c != '-' && c != '_' && c != '.')
            {
                return false;
            }
        }
        return true;
    }

    internal static bool IsAlnum(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

    internal static bool IsNameChar(char c) => IsAlnum(c) || c == '-' || c == '_' || c == '.';
}
