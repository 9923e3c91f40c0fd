using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Vulnerabilities;

/// <summary>CVSS v3.0/v3.1 base score from a vector string, as the FIRST specification computes it (with the
/// v3.1 Roundup).</summary>
public static class Cvss3
{
    /// <summary>Computes the base score; false when the vector is not a complete v3 base vector.</summary>
    public static bool TryBaseScore(string vector, out double score)
    {
        score = 0;
        if (string.IsNullOrEmpty(vector) || !vector.StartsWith("CVSS:3.", StringComparison.Ordinal))
        {
            return false;
        }
        var m = new Dictionary<string, string>(StringComparer.Ordinal);
        var parts = vector.Split('/');
        for (int i = 1; i < parts.Length; i++)
        {
            int colon = parts[i].IndexOf(':');
            if (colon <= 0)
            {
                return false;
            }
            m[parts[i].Substring(0, colon)] = parts[i].Substring(colon + 1);
        }
        if (!m.TryGetValue("AV", out var av) || !m.TryGetValue("AC", out var ac) || !m.TryGetValue("PR", out var pr) ||
            !m.TryGetValue("UI", out var ui) || !m.TryGetValue("S", out var s) || !m.TryGetValue("C", out var c) ||
            !m.TryGetValue("I", out var ii) || !m.TryGetValue("A", out var a))
        {
            return false;
        }
        bool changed = s == "C";
        if (s != "C" && s != "U")
        {
            return false;
        }
        double? vAv = av switch { "N" => 0.85, "A" => 0.62, "L" => 0.55, "P" => 0.2, _ => null };
        double? vAc = ac switch { "L" => 0.77, "H" => 0.44, _ => null };
        double? vPr = pr switch { "N" => 0.85, "L" => changed ? 0.68 : 0.62, "H" => changed ? 0.5 : 0.27, _ => null };
        double? vUi = ui switch { "N" => 0.85, "R" => 0.62, _ => null };
        double? vC = Cia(c), vI = Cia(ii), vA = Cia(a);
        if (vAv == null || vAc == null || vPr == null || vUi == null || vC == null || vI == null || vA == null)
        {
            return false;
        }
        double iss = 1 - (1 - vC.Value) * (1 - vI.Value) * (1 - vA.Value);
        double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.Pow(iss - 0.02, 15) : 6.42 * iss;
        double exploitability = 8.22 * vAv.Value * vAc.Value * vPr.Value * vUi.Value;
        if (impact <= 0)
        {
            score = 0;
            return true;
        }
        score = changed ? Roundup(Math.Min(1.08 * (impact + exploitability), 10)) : Roundup(Math.Min(impact + exploitability, 10));
        return true;
    }

    private static double? Cia(string v) => v switch { "H" => 0.56, "L" => 0.22, "N" => 0.0, _ => null };

    /// <summary>CVSS v3.1 Roundup: the smallest number with one decimal that is ≥ the input, free of float error.</summary>
    public static double Roundup(double value)
    {
        long intInput = (long)Math.Round(value * 100000);
        return intInput % 10000 == 0 ? intInput / 100000.0 : (Math.Floor(intInput / 10000.0) + 1) / 10.0;
    }

    /// <summary>Qualitative rating: None → Info, Low, Medium, High, Critical.</summary>
    public static Severity ToSeverity(double score) =>
        score >= 9.0 ? Severity.Critical : score >= 7.0 ? Severity.High : score >= 4.0 ? Severity.Medium : score > 0 ? Severity.Low : Severity.Info;
}
