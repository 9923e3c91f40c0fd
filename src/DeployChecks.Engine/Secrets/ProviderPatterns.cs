using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace DeployChecks.Engine.Secrets;

/// <summary>One provider's credential format: cheap literals one of which must occur first (case-sensitive), then the
/// exact pattern.</summary>
public sealed record ProviderPattern(string Kind, string[] Keywords, Regex Pattern);

/// <summary>Credential formats issued by providers, recognisable without context (the gitleaks/Trivy kind of rule).
/// The list is meant to grow; each entry is matched only where its keyword occurs, with a bounded regex.</summary>
public static class ProviderPatterns
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    private static ProviderPattern P(string kind, string keywords, string regex) =>
        new(kind, keywords.Split(' '), new Regex(regex, RegexOptions.CultureInvariant, Timeout));

    public static IReadOnlyList<ProviderPattern> All { get; } = new[]
    {
        P("AWS access key ID", "AKIA ASIA", @"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
        P("private key", "PRIVATE KEY", @"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"),
        P("GitHub token", "ghp_ gho_ ghu_ ghs_ ghr_", @"\bgh[pousr]_[A-Za-z0-9]{36}\b"),
        P("GitHub fine-grained token", "github_pat_", @"\bgithub_pat_[A-Za-z0-9_]{82}\b"),
        P("GitLab token", "glpat-", @"\bglpat-[A-Za-z0-9_\-]{20}\b"),
        P("Slack token", "xox", @"\bxox[abprs]-[A-Za-z0-9-]{10,72}\b"),
        P("Stripe secret key", "k_live_", @"\b[rs]k_live_[A-Za-z0-9]{20,99}\b"),
        P("Google API key", "AIza", @"\bAIza[0-9A-Za-z_\-]{35}\b"),
        P("SendGrid API key", "SG.", @"\bSG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}\b"),
        P("PyPI upload token", "pypi-", @"\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,200}"),
    };

    /// <summary>True for well-known documentation values (AKIAIOSFODNN7EXAMPLE) and obvious fakes.</summary>
    public static bool IsDocumentationValue(string value) =>
        value.IndexOf("EXAMPLE", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("XXXXXXXX", StringComparison.OrdinalIgnoreCase) >= 0;
}
