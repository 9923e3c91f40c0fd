using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Vulnerabilities;

/// <summary>
/// CVSS v4.0 score from a vector string, computed as FIRST's reference calculator does (cvss40.js in
/// github.com/RedHatProductSecurity/cvss-v4-calculator, the code behind first.org/cvss/calculator/4.0, and
/// RedHatProductSecurity/cvss <c>cvss4.py</c>, a rewrite of it): the vector's MacroVector (equivalence classes
/// EQ1–EQ6) gives the score of its highest-severity vectors from the lookup table; the score is then lowered by the
/// mean, over the EQs that have a lower MacroVector, of (score gap to that lower MacroVector × the vector's severity
/// distance from the MacroVector's highest-severity vector ÷ the MacroVector's depth), and rounded half up to one
/// decimal. Threat (<c>E</c>) and environmental metrics are honoured when present (CVSS-BT/BE/BTE); supplemental
/// metrics are parsed and do not change the score. The arithmetic mirrors the reference, float steps included, so the
/// results agree to the last decimal.
/// </summary>
public static class Cvss4
{
    private const double Step = 0.1;
    private const double Epsilon = 1e-6;

    // Allowed values per metric (CVSS v4.0 specification §7, the reference calculator's Vector.METRICS).
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["AV"] = new[] { "N", "A", "L", "P" }, ["AC"] = new[] { "L", "H" }, ["AT"] = new[] { "N", "P" },
        ["PR"] = new[] { "N", "L", "H" }, ["UI"] = new[] { "N", "P", "A" },
        ["VC"] = new[] { "N", "L", "H" }, ["VI"] = new[] { "N", "L", "H" }, ["VA"] = new[] { "N", "L", "H" },
        ["SC"] = new[] { "N", "L", "H" }, ["SI"] = new[] { "N", "L", "H" }, ["SA"] = new[] { "N", "L", "H" },
        ["E"] = new[] { "X", "A", "P", "U" },
        ["CR"] = new[] { "X", "H", "M", "L" }, ["IR"] = new[] { "X", "H", "M", "L" }, ["AR"] = new[] { "X", "H", "M", "L" },
        ["MAV"] = new[] { "X", "N", "A", "L", "P" }, ["MAC"] = new[] { "X", "L", "H" }, ["MAT"] = new[] { "X", "N", "P" },
        ["MPR"] = new[] { "X", "N", "L", "H" }, ["MUI"] = new[] { "X", "N", "P", "A" },
        ["MVC"] = new[] { "X", "H", "L", "N" }, ["MVI"] = new[] { "X", "H", "L", "N" }, ["MVA"] = new[] { "X", "H", "L", "N" },
        ["MSC"] = new[] { "X", "H", "L", "N" }, ["MSI"] = new[] { "X", "S", "H", "L", "N" }, ["MSA"] = new[] { "X", "S", "H", "L", "N" },
        ["S"] = new[] { "X", "N", "P" }, ["AU"] = new[] { "X", "N", "Y" }, ["R"] = new[] { "X", "A", "U", "I" },
        ["V"] = new[] { "X", "D", "C" }, ["RE"] = new[] { "X", "L", "M", "H" }, ["U"] = new[] { "X", "Clear", "Green", "Amber", "Red" },
    };

    private static readonly string[] Mandatory = { "AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA" };

    // Severity levels used for distances (the reference's METRIC_LEVELS), in its iteration order.
    private static readonly (string Metric, Dictionary<string, double> Levels)[] Levels =
    {
        ("AV", L(("N", 0.0), ("A", 0.1), ("L", 0.2), ("P", 0.3))),
        ("PR", L(("N", 0.0), ("L", 0.1), ("H", 0.2))),
        ("UI", L(("N", 0.0), ("P", 0.1), ("A", 0.2))),
        ("AC", L(("L", 0.0), ("H", 0.1))),
        ("AT", L(("N", 0.0), ("P", 0.1))),
        ("VC", L(("H", 0.0), ("L", 0.1), ("N", 0.2))),
        ("VI", L(("H", 0.0), ("L", 0.1), ("N", 0.2))),
        ("VA", L(("H", 0.0), ("L", 0.1), ("N", 0.2))),
        ("SC", L(("H", 0.1), ("L", 0.2), ("N", 0.3))),
        ("SI", L(("S", 0.0), ("H", 0.1), ("L", 0.2), ("N", 0.3))),
        ("SA", L(("S", 0.0), ("H", 0.1), ("L", 0.2), ("N", 0.3))),
        ("CR", L(("H", 0.0), ("M", 0.1), ("L", 0.2))),
        ("IR", L(("H", 0.0), ("M", 0.1), ("L", 0.2))),
        ("AR", L(("H", 0.0), ("M", 0.1), ("L", 0.2))),
        ("E", L(("U", 0.2), ("P", 0.1), ("A", 0.0))),
    };

    // Highest-severity vectors of each EQ level (the reference's MAX_COMPOSED); EQ3 is keyed by EQ3 then EQ6.
    private static readonly string[][] MaxEq1 =
    {
        new[] { "AV:N/PR:N/UI:N" },
        new[] { "AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P" },
        new[] { "AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P" },
    };

    private static readonly string[][] MaxEq2 = { new[] { "AC:L/AT:N" }, new[] { "AC:H/AT:N", "AC:L/AT:P" } };

    private static readonly string[][][] MaxEq3Eq6 =
    {
        new[] { new[] { "VC:H/VI:H/VA:H/CR:H/IR:H/AR:H" }, new[] { "VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M" } },
        new[]
        {
            new[] { "VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H" },
            new[]
            {
                "VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
                "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M",
            },
        },
        new[] { Array.Empty<string>(), new[] { "VC:L/VI:L/VA:L/CR:H/IR:H/AR:H" } },
    };

    private static readonly string[][] MaxEq4 = { new[] { "SC:H/SI:S/SA:S" }, new[] { "SC:H/SI:H/SA:H" }, new[] { "SC:L/SI:L/SA:L" } };

    private static readonly string[] MaxEq5 = { "E:A", "E:P", "E:U" };

    // Maximal severity distances within each EQ level, plus one (the reference's MAX_SEVERITY).
    private static readonly int[] DepthEq1 = { 1, 4, 5 };
    private static readonly int[] DepthEq2 = { 1, 2 };
    private static readonly int[][] DepthEq3Eq6 = { new[] { 7, 6 }, new[] { 8, 8 }, new[] { 0, 10 } };
    private static readonly int[] DepthEq4 = { 6, 5, 4 };

    // Score of each MacroVector "eq1 eq2 eq3 eq4 eq5 eq6" (the reference's LOOKUP_TABLE, cvss_lookup.js).
    private static readonly Dictionary<string, double> Lookup = new(StringComparer.Ordinal)
    {
        ["000000"] = 10.0, ["000001"] = 9.9, ["000010"] = 9.8, ["000011"] = 9.5, ["000020"] = 9.5, ["000021"] = 9.2,
        ["000100"] = 10.0, ["000101"] = 9.6, ["000110"] = 9.3, ["000111"] = 8.7, ["000120"] = 9.1, ["000121"] = 8.1,
        ["000200"] = 9.3, ["000201"] = 9.0, ["000210"] = 8.9, ["000211"] = 8.0, ["000220"] = 8.1, ["000221"] = 6.8,
        ["001000"] = 9.8, ["001001"] = 9.5, ["001010"] = 9.5, ["001011"] = 9.2, ["001020"] = 9.0, ["001021"] = 8.4,
        ["001100"] = 9.3, ["001101"] = 9.2, ["001110"] = 8.9, ["001111"] = 8.1, ["001120"] = 8.1, ["001121"] = 6.5,
        ["001200"] = 8.8, ["001201"] = 8.0, ["001210"] = 7.8, ["001211"] = 7.0, ["001220"] = 6.9, ["001221"] = 4.8,
        ["002001"] = 9.2, ["002011"] = 8.2, ["002021"] = 7.2, ["002101"] = 7.9, ["002111"] = 6.9, ["002121"] = 5.0,
        ["002201"] = 6.9, ["002211"] = 5.5, ["002221"] = 2.7, ["010000"] = 9.9, ["010001"] = 9.7, ["010010"] = 9.5,
        ["010011"] = 9.2, ["010020"] = 9.2, ["010021"] = 8.5, ["010100"] = 9.5, ["010101"] = 9.1, ["010110"] = 9.0,
        ["010111"] = 8.3, ["010120"] = 8.4, ["010121"] = 7.1, ["010200"] = 9.2, ["010201"] = 8.1, ["010210"] = 8.2,
        ["010211"] = 7.1, ["010220"] = 7.2, ["010221"] = 5.3, ["011000"] = 9.5, ["011001"] = 9.3, ["011010"] = 9.2,
        ["011011"] = 8.5, ["011020"] = 8.5, ["011021"] = 7.3, ["011100"] = 9.2, ["011101"] = 8.2, ["011110"] = 8.0,
        ["011111"] = 7.2, ["011120"] = 7.0, ["011121"] = 5.9, ["011200"] = 8.4, ["011201"] = 7.0, ["011210"] = 7.1,
        ["011211"] = 5.2, ["011220"] = 5.0, ["011221"] = 3.0, ["012001"] = 8.6, ["012011"] = 7.5, ["012021"] = 5.2,
        ["012101"] = 7.1, ["012111"] = 5.2, ["012121"] = 2.9, ["012201"] = 6.3, ["012211"] = 2.9, ["012221"] = 1.7,
        ["100000"] = 9.8, ["100001"] = 9.5, ["100010"] = 9.4, ["100011"] = 8.7, ["100020"] = 9.1, ["100021"] = 8.1,
        ["100100"] = 9.4, ["100101"] = 8.9, ["100110"] = 8.6, ["100111"] = 7.4, ["100120"] = 7.7, ["100121"] = 6.4,
        ["100200"] = 8.7, ["100201"] = 7.5, ["100210"] = 7.4, ["100211"] = 6.3, ["100220"] = 6.3, ["100221"] = 4.9,
        ["101000"] = 9.4, ["101001"] = 8.9, ["101010"] = 8.8, ["101011"] = 7.7, ["101020"] = 7.6, ["101021"] = 6.7,
        ["101100"] = 8.6, ["101101"] = 7.6, ["101110"] = 7.4, ["101111"] = 5.8, ["101120"] = 5.9, ["101121"] = 5.0,
        ["101200"] = 7.2, ["101201"] = 5.7, ["101210"] = 5.7, ["101211"] = 5.2, ["101220"] = 5.2, ["101221"] = 2.5,
        ["102001"] = 8.3, ["102011"] = 7.0, ["102021"] = 5.4, ["102101"] = 6.5, ["102111"] = 5.8, ["102121"] = 2.6,
        ["102201"] = 5.3, ["102211"] = 2.1, ["102221"] = 1.3, ["110000"] = 9.5, ["110001"] = 9.0, ["110010"] = 8.8,
        ["110011"] = 7.6, ["110020"] = 7.6, ["110021"] = 7.0, ["110100"] = 9.0, ["110101"] = 7.7, ["110110"] = 7.5,
        ["110111"] = 6.2, ["110120"] = 6.1, ["110121"] = 5.3, ["110200"] = 7.7, ["110201"] = 6.6, ["110210"] = 6.8,
        ["110211"] = 5.9, ["110220"] = 5.2, ["110221"] = 3.0, ["111000"] = 8.9, ["111001"] = 7.8, ["111010"] = 7.6,
        ["111011"] = 6.7, ["111020"] = 6.2, ["111021"] = 5.8, ["111100"] = 7.4, ["111101"] = 5.9, ["111110"] = 5.7,
        ["111111"] = 5.7, ["111120"] = 4.7, ["111121"] = 2.3, ["111200"] = 6.1, ["111201"] = 5.2, ["111210"] = 5.7,
        ["111211"] = 2.9, ["111220"] = 2.4, ["111221"] = 1.6, ["112001"] = 7.1, ["112011"] = 5.9, ["112021"] = 3.0,
        ["112101"] = 5.8, ["112111"] = 2.6, ["112121"] = 1.5, ["112201"] = 2.3, ["112211"] = 1.3, ["112221"] = 0.6,
        ["200000"] = 9.3, ["200001"] = 8.7, ["200010"] = 8.6, ["200011"] = 7.2, ["200020"] = 7.5, ["200021"] = 5.8,
        ["200100"] = 8.6, ["200101"] = 7.4, ["200110"] = 7.4, ["200111"] = 6.1, ["200120"] = 5.6, ["200121"] = 3.4,
        ["200200"] = 7.0, ["200201"] = 5.4, ["200210"] = 5.2, ["200211"] = 4.0, ["200220"] = 4.0, ["200221"] = 2.2,
        ["201000"] = 8.5, ["201001"] = 7.5, ["201010"] = 7.4, ["201011"] = 5.5, ["201020"] = 6.2, ["201021"] = 5.1,
        ["201100"] = 7.2, ["201101"] = 5.7, ["201110"] = 5.5, ["201111"] = 4.1, ["201120"] = 4.6, ["201121"] = 1.9,
        ["201200"] = 5.3, ["201201"] = 3.6, ["201210"] = 3.4, ["201211"] = 1.9, ["201220"] = 1.9, ["201221"] = 0.8,
        ["202001"] = 6.4, ["202011"] = 5.1, ["202021"] = 2.0, ["202101"] = 4.7, ["202111"] = 2.1, ["202121"] = 1.1,
        ["202201"] = 2.4, ["202211"] = 0.9, ["202221"] = 0.4, ["210000"] = 8.8, ["210001"] = 7.5, ["210010"] = 7.3,
        ["210011"] = 5.3, ["210020"] = 6.0, ["210021"] = 5.0, ["210100"] = 7.3, ["210101"] = 5.5, ["210110"] = 5.9,
        ["210111"] = 4.0, ["210120"] = 4.1, ["210121"] = 2.0, ["210200"] = 5.4, ["210201"] = 4.3, ["210210"] = 4.5,
        ["210211"] = 2.2, ["210220"] = 2.0, ["210221"] = 1.1, ["211000"] = 7.5, ["211001"] = 5.5, ["211010"] = 5.8,
        ["211011"] = 4.5, ["211020"] = 4.0, ["211021"] = 2.1, ["211100"] = 6.1, ["211101"] = 5.1, ["211110"] = 4.8,
        ["211111"] = 1.8, ["211120"] = 2.0, ["211121"] = 0.9, ["211200"] = 4.6, ["211201"] = 1.8, ["211210"] = 1.7,
        ["211211"] = 0.7, ["211220"] = 0.8, ["211221"] = 0.2, ["212001"] = 5.3, ["212011"] = 2.4, ["212021"] = 1.4,
        ["212101"] = 2.4, ["212111"] = 1.2, ["212121"] = 0.5, ["212201"] = 1.0, ["212211"] = 0.3, ["212221"] = 0.1,
    };

    private static readonly Dictionary<string, Dictionary<string, string>> ParsedMaxima = new(StringComparer.Ordinal);

    /// <summary>Parses a <c>CVSS:4.0/…</c> vector: metric keys and values as the specification allows them, no
    /// duplicates, the eleven base metrics present (in any order). False, with a reason, otherwise.</summary>
    public static bool TryParse(string? vector, out Dictionary<string, string> metrics, out string? error)
    {
        metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        error = null;
        if (string.IsNullOrEmpty(vector) || !vector!.StartsWith("CVSS:4.0/", StringComparison.Ordinal))
        {
            error = "not a CVSS:4.0 vector";
            return false;
        }
        var parts = vector.Split('/');
        for (int i = 1; i < parts.Length; i++)
        {
            int colon = parts[i].IndexOf(':');
            if (colon <= 0 || colon != parts[i].LastIndexOf(':'))
            {
                error = $"malformed metric '{parts[i]}'";
                return false;
            }
            string key = parts[i].Substring(0, colon), value = parts[i].Substring(colon + 1);
            if (!Allowed.TryGetValue(key, out var values))
            {
                error = $"unknown metric '{key}'";
                return false;
            }
            if (Array.IndexOf(values, value) < 0)
            {
                error = $"invalid value '{value}' for {key}";
                return false;
            }
            if (metrics.ContainsKey(key))
            {
                error = $"duplicate metric '{key}'";
                return false;
            }
            metrics[key] = value;
        }
        foreach (string m in Mandatory)
        {
            if (!metrics.ContainsKey(m))
            {
                error = $"missing base metric '{m}'";
                return false;
            }
        }
        return true;
    }

    /// <summary>The score of a CVSS v4.0 vector (CVSS-B, or -BT/-BE/-BTE when threat or environmental metrics are
    /// given); false when the vector does not parse.</summary>
    public static bool TryBaseScore(string? vector, out double score)
    {
        score = 0;
        if (!TryParse(vector, out var metrics, out _))
        {
            return false;
        }
        score = Score(metrics);
        return true;
    }

    /// <summary>The MacroVector (six digits, EQ1..EQ6) of a parsed vector.</summary>
    public static string MacroVector(IReadOnlyDictionary<string, string> metrics)
    {
        string av = Effective(metrics, "AV"), pr = Effective(metrics, "PR"), ui = Effective(metrics, "UI");
        char eq1 = av == "N" && pr == "N" && ui == "N" ? '0'
            : (av == "N" || pr == "N" || ui == "N") && av != "P" ? '1'
            : '2';
        char eq2 = Effective(metrics, "AC") == "L" && Effective(metrics, "AT") == "N" ? '0' : '1';
        string vc = Effective(metrics, "VC"), vi = Effective(metrics, "VI"), va = Effective(metrics, "VA");
        char eq3 = vc == "H" && vi == "H" ? '0' : vc == "H" || vi == "H" || va == "H" ? '1' : '2';
        char eq4 = Effective(metrics, "MSI") == "S" || Effective(metrics, "MSA") == "S" ? '0'
            : Effective(metrics, "SC") == "H" || Effective(metrics, "SI") == "H" || Effective(metrics, "SA") == "H" ? '1'
            : '2';
        string e = Effective(metrics, "E");
        char eq5 = e == "A" ? '0' : e == "P" ? '1' : '2';
        char eq6 = (Effective(metrics, "CR") == "H" && vc == "H") || (Effective(metrics, "IR") == "H" && vi == "H") ||
                   (Effective(metrics, "AR") == "H" && va == "H")
            ? '0'
            : '1';
        return new string(new[] { eq1, eq2, eq3, eq4, eq5, eq6 });
    }

    private static double Score(Dictionary<string, string> metrics)
    {
        if (Effective(metrics, "VC") == "N" && Effective(metrics, "VI") == "N" && Effective(metrics, "VA") == "N" &&
            Effective(metrics, "SC") == "N" && Effective(metrics, "SI") == "N" && Effective(metrics, "SA") == "N")
        {
            return 0.0;
        }
        string macro = MacroVector(metrics);
        double value = Lookup[macro];
        int eq1 = macro[0] - '0', eq2 = macro[1] - '0', eq3 = macro[2] - '0', eq4 = macro[3] - '0', eq5 = macro[4] - '0', eq6 = macro[5] - '0';

        double lowerEq1 = At(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
        double lowerEq2 = At(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
        double lowerEq3Eq6 = (eq3, eq6) switch
        {
            (1, 1) or (0, 1) => At(eq1, eq2, eq3 + 1, eq4, eq5, eq6),
            (1, 0) => At(eq1, eq2, eq3, eq4, eq5, eq6 + 1),
            // Two paths down; the reference takes the higher (Math.max: NaN if either is missing).
            (0, 0) => JsMax(At(eq1, eq2, eq3, eq4, eq5, eq6 + 1), At(eq1, eq2, eq3 + 1, eq4, eq5, eq6)),
            _ => At(eq1, eq2, eq3 + 1, eq4, eq5, eq6 + 1),
        };
        double lowerEq4 = At(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
        double lowerEq5 = At(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

        var distances = Distances(metrics, eq1, eq2, eq3, eq4, eq5, eq6);
        // Index order of Levels: AV PR UI AC AT VC VI VA SC SI SA CR IR AR E.
        double distanceEq1 = distances[0] + distances[1] + distances[2];
        double distanceEq2 = distances[3] + distances[4];
        double distanceEq3Eq6 = distances[5] + distances[6] + distances[7] + distances[11] + distances[12] + distances[13];
        double distanceEq4 = distances[8] + distances[9] + distances[10];

        double availableEq1 = value - lowerEq1, availableEq2 = value - lowerEq2, availableEq3Eq6 = value - lowerEq3Eq6;
        double availableEq4 = value - lowerEq4, availableEq5 = value - lowerEq5;

        double maxSeverityEq1 = DepthEq1[eq1] * Step;
        double maxSeverityEq2 = DepthEq2[eq2] * Step;
        double maxSeverityEq3Eq6 = DepthEq3Eq6[eq3][eq6] * Step;
        double maxSeverityEq4 = DepthEq4[eq4] * Step;

        int existingLower = 0;
        double normalizedEq1 = 0, normalizedEq2 = 0, normalizedEq3Eq6 = 0, normalizedEq4 = 0, normalizedEq5 = 0;
        if (!double.IsNaN(availableEq1))
        {
            existingLower++;
            normalizedEq1 = availableEq1 * (distanceEq1 / maxSeverityEq1);
        }
        if (!double.IsNaN(availableEq2))
        {
            existingLower++;
            normalizedEq2 = availableEq2 * (distanceEq2 / maxSeverityEq2);
        }
        if (!double.IsNaN(availableEq3Eq6))
        {
            existingLower++;
            normalizedEq3Eq6 = availableEq3Eq6 * (distanceEq3Eq6 / maxSeverityEq3Eq6);
        }
        if (!double.IsNaN(availableEq4))
        {
            existingLower++;
            normalizedEq4 = availableEq4 * (distanceEq4 / maxSeverityEq4);
        }
        if (!double.IsNaN(availableEq5))
        {
            // EQ5 has one dimension: its proportion is always 0.
            existingLower++;
            normalizedEq5 = availableEq5 * 0;
        }
        double mean = existingLower == 0 ? 0 : (normalizedEq1 + normalizedEq2 + normalizedEq3Eq6 + normalizedEq4 + normalizedEq5) / existingLower;
        return RoundHalfUp(Math.Max(0, Math.Min(10, value - mean)));
    }

    /// <summary>Severity distances (in <see cref="Levels"/> order) from the first highest-severity vector of the
    /// MacroVector that the vector does not exceed on any metric; like the reference, the last candidate's distances
    /// when none qualifies.</summary>
    private static double[] Distances(Dictionary<string, string> metrics, int eq1, int eq2, int eq3, int eq4, int eq5, int eq6)
    {
        var distances = new double[Levels.Length];
        foreach (string m1 in MaxEq1[eq1])
        {
            foreach (string m2 in MaxEq2[eq2])
            {
                foreach (string m3 in MaxEq3Eq6[eq3][eq6])
                {
                    foreach (string m4 in MaxEq4[eq4])
                    {
                        var max = Maximum(m1 + "/" + m2 + "/" + m3 + "/" + m4 + "/" + MaxEq5[eq5]);
                        bool allNonNegative = true;
                        for (int i = 0; i < Levels.Length; i++)
                        {
                            var (metric, levels) = Levels[i];
                            distances[i] = levels[Effective(metrics, metric)] - levels[max[metric]];
                            allNonNegative &= distances[i] >= 0;
                        }
                        if (allNonNegative)
                        {
                            return distances;
                        }
                    }
                }
            }
        }
        return distances;
    }

    /// <summary>The reference's final rounding: half up to one decimal (JavaScript <c>Math.round(value * 10) / 10</c>)
    /// after lifting the value by 10⁻⁶, so that a tie the float arithmetic left one ULP below <c>x.x5</c>
    /// (8.549999999999999 for 8.6 − 7.15 …) rounds up as the exact value does. The lift is the one the reference
    /// adopted in 2024 (RedHatProductSecurity/cvss-v4-calculator#67, RedHatProductSecurity/cvss#65, after issues
    /// cvss-v4-calculator#66 and cvss#63); without it 0.5 % of the base vectors score a tenth lower.</summary>
    public static double RoundHalfUp(double value) => Math.Floor((value + Epsilon) * 10 + 0.5) / 10;

    /// <summary>Qualitative rating (the same bands as v3): None → Info, Low, Medium, High, Critical.</summary>
    public static Severity ToSeverity(double score) => Cvss3.ToSeverity(score);

    /// <summary>The metric's value for scoring: the modified (<c>M…</c>) value when set, and the worst case for
    /// unset E (Attacked) and CR/IR/AR (High).</summary>
    private static string Effective(IReadOnlyDictionary<string, string> metrics, string metric)
    {
        metrics.TryGetValue(metric, out var selected);
        selected ??= "X";
        if (selected == "X")
        {
            switch (metric)
            {
                case "E": return "A";
                case "CR":
                case "IR":
                case "AR": return "H";
            }
        }
        if (metrics.TryGetValue("M" + metric, out var modified) && modified != "X")
        {
            return modified;
        }
        return selected;
    }

    private static double At(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) =>
        Lookup.TryGetValue(new string(new[] { (char)('0' + eq1), (char)('0' + eq2), (char)('0' + eq3), (char)('0' + eq4), (char)('0' + eq5), (char)('0' + eq6) }), out var s)
            ? s
            : double.NaN;

    private static double JsMax(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Max(a, b);

    private static Dictionary<string, string> Maximum(string vector)
    {
        lock (ParsedMaxima)
        {
            if (!ParsedMaxima.TryGetValue(vector, out var parsed))
            {
                parsed = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (string part in vector.Split('/'))
                {
                    int colon = part.IndexOf(':');
                    parsed[part.Substring(0, colon)] = part.Substring(colon + 1);
                }
                ParsedMaxima[vector] = parsed;
            }
            return parsed;
        }
    }

    private static Dictionary<string, double> L(params (string Value, double Level)[] levels)
    {
        var d = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (value, level) in levels)
        {
            d[value] = level;
        }
        return d;
    }
}
