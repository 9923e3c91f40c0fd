using System;
using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Rules.Configuration;
using DeployChecks.Engine.Rules.Dependencies;

namespace DeployChecks.Engine.Rules;

/// <summary>Every rule of this release, listed explicitly (a test checks that reflection finds no rule
/// missing from this list).</summary>
public static class RuleRegistry
{
    private static readonly Lazy<IReadOnlyList<Rule>> Rules = new(() => new Rule[]
    {
        new EnvFileNotIgnoredRule(),
        new EnvFileCommittedRule(),
        new EnvFileDebugEnabledRule(),
        new EnvFileMalformedRule(),
        new HardcodedSecretSettingRule(),
        new DebugEnabledRule(),
        new InsecureEnvFallbackRule(),
        new EnvVarUndocumentedRule(),
        new EnvVarUnusedRule(),
        new AllowedHostsWildcardRule(),
        new CredentialsLoggedRule(),
        new DependenciesNotLockedRule(),
        new RequirementNotPinnedRule(),
        new LockWithoutHashesRule(),
        new PipfileLockStaleRule(),
        new PoetryLockStaleRule(),
        new UvLockStaleRule(),
        new ConflictingPinsRule(),
        new DevToolInProductionRule(),
        new ServerNotInDependenciesRule(),
        new IndexUrlCredentialsRule(),
        new InsecurePackageIndexRule(),
        new VcsDependencyUnpinnedRule(),
        new PythonEolRule(),
        new DependencyFileMalformedRule(),
        new KnownVulnerabilityRule(),
    });

    /// <summary>All rules, ordered by ID.</summary>
    public static IReadOnlyList<Rule> All => Rules.Value;

    public static IEnumerable<RuleDescriptor> Descriptors => All.Select(r => r.Descriptor);

    /// <summary>Areas that have at least one rule in this release.</summary>
    public static ISet<CheckArea> CoveredAreas => new HashSet<CheckArea>(All.Select(r => r.Descriptor.Area));

    /// <summary>True when <paramref name="selector"/> (ID, name, area, or <c>tag:NAME</c>) selects the rule.</summary>
    public static bool Matches(RuleDescriptor d, string selector)
    {
        string s = selector.Trim();
        if (s.StartsWith("tag:", StringComparison.OrdinalIgnoreCase))
        {
            string tag = s.Substring(4);
            return d.Tags.Any(t => t.Equals(tag, StringComparison.OrdinalIgnoreCase));
        }
        if (s.Equals(d.Id, StringComparison.OrdinalIgnoreCase) || s.Equals(d.Name, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (s.Length == 6 && s.StartsWith("DC", StringComparison.OrdinalIgnoreCase) && s.EndsWith("xxx", StringComparison.OrdinalIgnoreCase))
        {
            return s[2] == d.Id[2];
        }
        return CheckAreas.TryParse(s, out var area) && s.Length > 1 && area == d.Area;
    }

    /// <summary>True when the selector names any rule, area or tag (to catch typos in options).</summary>
    public static bool IsKnownSelector(string selector) => All.Any(r => Matches(r.Descriptor, selector));
}
