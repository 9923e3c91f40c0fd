using System;
using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Images.Versions;

namespace DeployChecks.Engine.Vulnerabilities;

/// <summary>Matches Debian, Ubuntu and Alpine packages against OSV advisories of their distribution release: the
/// source package name and version (OSV's distribution advisories name source packages), ECOSYSTEM ranges ordered
/// by dpkg's or apk's rules, explicit <c>versions</c> lists, withdrawn advisories skipped.</summary>
public sealed class OsPackageMatcher
{
    private readonly OsvDatabase _db;

    public OsPackageMatcher(OsvDatabase db) => _db = db;

    /// <summary>The version order of an OSV ecosystem (<c>Debian:12</c> → dpkg, <c>Alpine:v3.20</c> → apk); null
    /// for one this matcher does not know.</summary>
    public static IComparer<string>? OrderOf(string ecosystem)
    {
        string family = ecosystem.Split(':')[0];
        return family.Equals("Debian", StringComparison.OrdinalIgnoreCase) || family.Equals("Ubuntu", StringComparison.OrdinalIgnoreCase)
            ? DpkgVersion.Instance
            : family.Equals("Alpine", StringComparison.OrdinalIgnoreCase) ? ApkVersion.Instance : null;
    }

    public IEnumerable<VulnerabilityMatch> Match(ImagePackage package)
    {
        var order = OrderOf(package.Ecosystem);
        if (order == null)
        {
            yield break;
        }
        string name = package.SourceName.Length > 0 ? package.SourceName : package.Name;
        string version = package.SourceVersion.Length > 0 ? package.SourceVersion : package.Version;
        foreach (var adv in _db.ForOsPackage(package.Ecosystem, name))
        {
            if (adv.Withdrawn.HasValue)
            {
                continue;
            }
            bool affected = false;
            var fixes = new List<string>();
            foreach (var aff in adv.Affected)
            {
                if (!aff.Ecosystem.Equals(package.Ecosystem, StringComparison.OrdinalIgnoreCase) || aff.Name != name)
                {
                    continue;
                }
                affected |= aff.Versions.Any(v => order.Compare(v, version) == 0);
                foreach (var range in aff.Ranges.Where(r => r.Type.Equals("ECOSYSTEM", StringComparison.OrdinalIgnoreCase)))
                {
                    var sorted = OsvRangeWalk.Sort(range.Events, at => at, order);
                    affected |= OsvRangeWalk.Affected(sorted, version, order);
                    fixes.AddRange(range.Events.Where(e => e.Fixed != null).Select(e => e.Fixed!));
                }
            }
            if (!affected)
            {
                continue;
            }
            fixes.Sort(order);
            var (severity, score, vector) = VulnerabilityMatcher.Rate(adv);
            yield return new VulnerabilityMatch
            {
                Package = package.Name,
                Version = package.Version,
                AdvisoryId = adv.Id,
                Aliases = adv.Aliases.ToArray(),
                Summary = adv.Summary ?? AdvisorySummary.FromDetails(adv.Details),
                Severity = severity,
                Score = score,
                Vector = vector,
                FixedVersions = fixes.Distinct().ToArray(),
                FixVersion = fixes.FirstOrDefault(f => order.Compare(f, version) > 0),
                References = adv.References.ToArray(),
                Source = package.Path,
            };
        }
    }
}
