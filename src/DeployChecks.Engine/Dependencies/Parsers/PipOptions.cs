using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>The options pip accepts in requirements files, in optparse's forms.</summary>
internal static class PipOptions
{
    private static readonly Dictionary<string, (string Canonical, bool TakesValue)> KnownOptions = new(StringComparer.Ordinal)
    {
        ["-r"] = ("-r", true),
        ["--requirement"] = ("-r", true),
        ["-c"] = ("-c", true),
        ["--constraint"] = ("-c", true),
        ["-e"] = ("-e", true),
        ["--editable"] = ("-e", true),
        ["-i"] = ("-i", true),
        ["--index-url"] = ("-i", true),
        ["--extra-index-url"] = ("--extra-index-url", true),
        ["-f"] = ("-f", true),
        ["--find-links"] = ("-f", true),
        ["--trusted-host"] = ("--trusted-host", true),
        ["--no-index"] = ("--no-index", false),
        ["--require-hashes"] = ("--require-hashes", false),
        ["--pre"] = ("--pre", false),
        ["--prefer-binary"] = ("--prefer-binary", false),
        ["--only-binary"] = ("--only-binary", true),
        ["--no-binary"] = ("--no-binary", true),
        ["--use-feature"] = ("--use-feature", true),
        ["--hash"] = ("--hash", true),
        ["--global-option"] = ("--global-option", true),
        ["--install-option"] = ("--install-option", true),
        ["--config-settings"] = ("--config-settings", true),
    };

    // optparse forms: --long=value, --long value, -xvalue, -x value.
    internal static bool TryOption(List<string> tokens, ref int i, out string name, out string? value, out bool needsValue)
    {
        string t = tokens[i];
        value = null;
        name = t;
        needsValue = false;
        string key = t;
        string? inline = null;
        if (t.StartsWith("--", StringComparison.Ordinal))
        {
            int eq = t.IndexOf('=');
            if (eq > 0)
            {
                key = t.Substring(0, eq);
                inline = t.Substring(eq + 1);
            }
        }
        else if (t.StartsWith("-", StringComparison.Ordinal) && t.Length > 2)
        {
            key = t.Substring(0, 2);
            inline = t.Substring(2);
        }
        else if (!t.StartsWith("-", StringComparison.Ordinal))
        {
            return false;
        }
        if (!KnownOptions.TryGetValue(key, out var known))
        {
            name = key;
            return false;
        }
        name = known.Canonical;
        needsValue = known.TakesValue;
        if (!known.TakesValue)
        {
            return inline == null;
        }
        if (inline != null)
        {
            value = inline;
        }
        else if (i + 1 < tokens.Count)
        {
            value = tokens[++i];
        }
        return true;
    }
}
