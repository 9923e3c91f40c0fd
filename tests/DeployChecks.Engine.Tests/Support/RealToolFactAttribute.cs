using System;
using System.IO;
using System.Linq;
using Xunit;

namespace DeployChecks.Engine.Tests.Support;

/// <summary>Where the real tools a test drives (nginx, gunicorn, pg_ctl, umoci, skopeo, pwsh, ...) are found.
/// Locally a test whose tool is missing is skipped with the reason; under <c>.ci/run</c>
/// (<c>DEPLOYCHECKS_CI=1</c>), which installs every such tool, a missing tool is not a skip: the test runs
/// and fails, so CI can never go green by silently skipping the real-tool tests.</summary>
public static class RealTools
{
    /// <summary>True under .ci/run.</summary>
    public static bool InCi => Environment.GetEnvironmentVariable("DEPLOYCHECKS_CI") == "1";

    /// <summary>The full path of <paramref name="tool"/> on PATH (or an absolute path that exists), else null.</summary>
    public static string? Find(string tool)
    {
        if (Path.IsPathRooted(tool))
        {
            return File.Exists(tool) ? tool : null;
        }
        string path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator)
            .Where(dir => dir.Length > 0)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The skip reason for a test needing <paramref name="tools"/>: null when all are present or when
    /// running under CI (where absence must fail the test, not skip it).</summary>
    public static string? SkipReason(params string[] tools)
    {
        if (InCi)
        {
            return null;
        }
        var missing = tools.Where(t => Find(t) == null).ToList();
        return missing.Count == 0 ? null : $"not installed here: {string.Join(", ", missing)} (.ci/run installs it; under DEPLOYCHECKS_CI=1 this test fails instead of skipping)";
    }
}

/// <summary>A fact that drives real tools; see <see cref="RealTools"/>.</summary>
public sealed class RealToolFactAttribute : FactAttribute
{
    public RealToolFactAttribute(params string[] tools)
    {
        string? reason = RealTools.SkipReason(tools);
        if (reason != null)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that drives real tools; see <see cref="RealTools"/>.</summary>
public sealed class RealToolTheoryAttribute : TheoryAttribute
{
    public RealToolTheoryAttribute(params string[] tools)
    {
        string? reason = RealTools.SkipReason(tools);
        if (reason != null)
        {
            Skip = reason;
        }
    }
}
