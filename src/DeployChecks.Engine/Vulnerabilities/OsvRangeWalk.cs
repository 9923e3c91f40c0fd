using System.Collections.Generic;

namespace DeployChecks.Engine.Vulnerabilities;

/// <summary>OSV's range evaluation, for any version ordering: walk the events in version order; introduced switches
/// "affected" on, fixed (at or below the version) and last_affected (below it) switch it off. A null version is
/// <c>"0"</c>, before every version.</summary>
internal static class OsvRangeWalk
{
    public static bool Affected<T>(List<(T? At, OsvEvent Event)> sorted, T v, IComparer<T> order) where T : class
    {
        bool affected = false;
        foreach (var (at, e) in sorted)
        {
            if (e.Introduced != null)
            {
                if (at == null || order.Compare(v, at) >= 0)
                {
                    affected = true;
                }
            }
            else if (e.Fixed != null)
            {
                if (at != null && order.Compare(v, at) >= 0)
                {
                    affected = false;
                }
            }
            else if (e.LastAffected != null && at != null && order.Compare(v, at) > 0)
            {
                affected = false;
            }
        }
        return affected;
    }

    /// <summary>The events with their versions (null for "0"), sorted by <paramref name="order"/>.</summary>
    public static List<(T? At, OsvEvent Event)> Sort<T>(IEnumerable<OsvEvent> events, System.Func<string, T?> parse, IComparer<T> order) where T : class
    {
        var list = new List<(T? At, OsvEvent Event)>();
        foreach (var e in events)
        {
            string? at = e.Introduced ?? e.Fixed ?? e.LastAffected;
            if (at == null)
            {
                continue;
            }
            if (at == "0")
            {
                list.Add((null, e));
            }
            else if (parse(at) is { } p)
            {
                list.Add((p, e));
            }
        }
        list.Sort((a, b) => a.At == null ? (b.At == null ? 0 : -1) : b.At == null ? 1 : order.Compare(a.At, b.At));
        return list;
    }
}
