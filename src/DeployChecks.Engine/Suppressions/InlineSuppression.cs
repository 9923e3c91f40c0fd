using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace DeployChecks.Engine.Suppressions;

/// <summary>
/// Inline suppressions in comments of any file type: <c>deploychecks: ignore[DC1001] reason</c> (several
/// IDs or names separated by commas) applies to findings on the same line or on the next line;
/// <c>deploychecks: ignore-file[DC1001] reason</c> anywhere applies to the whole file. A reason is required:
/// a directive without one is ignored and reported.
/// </summary>
public static class InlineSuppression
{
    private static readonly Regex Directive = new(
        @"deploychecks:\s*(?<kind>ignore-file|ignore)\[(?<rules>[A-Za-z0-9_,\s\-]+)\](?<reason>[^\r\n]*)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(250));

    /// <summary>One directive found in a line.</summary>
    public sealed record Match(int Line, bool WholeFile, IReadOnlyList<string> Rules, string Reason);

    /// <summary>Finds the directive on <paramref name="lineText"/>, if any.</summary>
    public static Match? Parse(string lineText, int line)
    {
        if (lineText.IndexOf("deploychecks:", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }
        System.Text.RegularExpressions.Match m;
        try
        {
            m = Directive.Match(lineText);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
        if (!m.Success)
        {
            return null;
        }
        var rules = new List<string>();
        foreach (var r in m.Groups["rules"].Value.Split(','))
        {
            if (r.Trim().Length > 0)
            {
                rules.Add(r.Trim());
            }
        }
        string reason = m.Groups["reason"].Value.Trim().TrimEnd('-', '>', '*', '/').Trim();
        return new Match(line, m.Groups["kind"].Value.Equals("ignore-file", StringComparison.OrdinalIgnoreCase), rules, reason);
    }

    /// <summary>True when <paramref name="match"/> names this rule by ID or name.</summary>
    public static bool Names(Match match, string ruleId, string ruleName)
    {
        foreach (var r in match.Rules)
        {
            if (r.Equals(ruleId, StringComparison.OrdinalIgnoreCase) || r.Equals(ruleName, StringComparison.OrdinalIgnoreCase) ||
                r.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
