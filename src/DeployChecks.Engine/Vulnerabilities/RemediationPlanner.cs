using System;
using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Dependencies.Requirements;
using DeployChecks.Engine.Dependencies.Versioning;

namespace DeployChecks.Engine.Vulnerabilities;

/// <summary>
/// The minimal upgrade of a package that clears its advisories: start from the largest of the per-advisory smallest
/// fixes above the installed version, then check that version against every advisory of the package (an upgrade can
/// walk into a range the installed version was not in) and move up to the largest smallest-fix of whatever still
/// affects it, until nothing does or what remains has no fix above the candidate. Versions only ever increase, so it
/// ends; the cap on rounds is a guard against pathological data.
/// </summary>
public sealed class RemediationPlanner
{
    /// <summary>Upper bound on verification rounds (real advisories settle in one or two).</summary>
    public const int MaxRounds = 64;

    private readonly VulnerabilityMatcher _matcher;

    public RemediationPlanner(VulnerabilityMatcher matcher) => _matcher = matcher;

    /// <summary>The plan for one entry, or null when its version is not valid PEP 440 or no advisory affects it.</summary>
    public RemediationPlan? Plan(string package, string version, string? source = null, int line = 0)
    {
        if (!Pep440Version.TryParse(version, out var installed) || installed == null)
        {
            return null;
        }
        var matches = _matcher.Match(package, version, source, line).ToList();
        if (matches.Count == 0)
        {
            return null;
        }
        Pep440Version? target = MaxFix(matches, installed);
        List<VulnerabilityMatch> remaining = matches.Where(m => m.FixVersion == null).ToList();
        if (target != null)
        {
            for (int round = 0; round < MaxRounds; round++)
            {
                remaining = _matcher.Match(package, target.ToString()).ToList();
                var next = MaxFix(remaining, target);
                if (remaining.Count == 0 || next == null)
                {
                    break;
                }
                target = next;
            }
        }
        var unresolved = new HashSet<string>(remaining.Select(m => m.AdvisoryId), StringComparer.Ordinal);
        return new RemediationPlan
        {
            Package = package,
            NormalizedName = PackageName.NormalizeOrKeep(package),
            Version = version,
            TargetVersion = target?.ToString(),
            CrossesMajorVersion = target != null && CrossesMajor(installed, target),
            Clears = target == null ? new string[0] : matches.Select(m => m.AdvisoryId).Where(id => !unresolved.Contains(id)).Distinct().ToArray(),
            Unresolved = unresolved.OrderBy(id => id, StringComparer.Ordinal).ToArray(),
            Severity = matches.Max(m => m.Severity),
            Matches = matches,
            Source = source,
            Line = line,
        };
    }

    /// <summary>True when the epoch or the first release number goes up.</summary>
    public static bool CrossesMajor(Pep440Version from, Pep440Version to) =>
        to.Epoch > from.Epoch || (to.Epoch == from.Epoch && Major(to) > Major(from));

    private static System.Numerics.BigInteger Major(Pep440Version v) => v.Release.Count > 0 ? v.Release[0] : 0;

    /// <summary>The largest of the advisories' smallest fixes above <paramref name="above"/>; null when none has one.</summary>
    private static Pep440Version? MaxFix(IEnumerable<VulnerabilityMatch> matches, Pep440Version above)
    {
        Pep440Version? best = null;
        foreach (var m in matches)
        {
            Pep440Version? smallest = null;
            foreach (string f in m.FixedVersions)
            {
                if (Pep440Version.TryParse(f, out var fv) && fv != null && fv > above && (smallest == null || fv < smallest))
                {
                    smallest = fv;
                }
            }
            if (smallest != null && (best == null || smallest > best))
            {
                best = smallest;
            }
        }
        return best;
    }
}
