using System.Security.Cryptography;
using System.Text;

namespace DeployChecks.Engine.Suppressions;

/// <summary>Finding fingerprints: a hash of rule, path and a rule-chosen key (never the line number), plus
/// the occurrence index among equal keys, so they survive edits that move lines.</summary>
public static class Fingerprints
{
    public static string Compute(string ruleId, string path, string key, int occurrence)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(ruleId + "\n" + path + "\n" + key + "\n" + occurrence));
        var sb = new StringBuilder(32);
        for (int i = 0; i < 16; i++)
        {
            sb.Append(bytes[i].ToString("x2"));
        }
        return sb.ToString();
    }
}
