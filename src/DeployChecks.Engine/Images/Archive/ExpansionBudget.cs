using System.Threading;

namespace DeployChecks.Engine.Images.Archive;

/// <summary>The bytes all layers of one scan may still expand to; shared by layers read in parallel.</summary>
public sealed class ExpansionBudget
{
    private long _used;

    public ExpansionBudget(long total) => Total = total;

    public long Total { get; }

    public long Used => Interlocked.Read(ref _used);

    /// <summary>Adds <paramref name="bytes"/>; false once the total is exceeded.</summary>
    public bool Take(long bytes) => Interlocked.Add(ref _used, bytes) <= Total;
}
