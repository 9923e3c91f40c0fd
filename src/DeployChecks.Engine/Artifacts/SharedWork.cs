using System;
using System.Diagnostics;

namespace DeployChecks.Engine.Artifacts;

/// <summary>Keeps work done for everyone out of a rule's own time: reading and parsing a file through the
/// <see cref="ArtifactCache"/>, or building a run-wide model, is done once by whichever rule asks first (others wait
/// for it), and a check's <c>Duration</c> should not depend on which rule that was. Per thread: a rule's time is the
/// wall time of its call minus the shared work done (or waited for) on that thread meanwhile.</summary>
public static class SharedWork
{
    [ThreadStatic]
    private static long t_sharedTimestampTicks;

    [ThreadStatic]
    private static int t_depth;

    /// <summary>Runs <paramref name="work"/> (a cache lookup that may build or wait) as shared work.</summary>
    public static T Measure<T>(Func<T> work)
    {
        if (t_depth > 0)
        {
            return work(); // nested shared work is counted once, by the outermost call
        }
        t_depth++;
        long start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            t_depth--;
            t_sharedTimestampTicks += Stopwatch.GetTimestamp() - start;
        }
    }

    /// <summary>Starts timing a rule call on this thread; <see cref="OwnTime.Elapsed"/> leaves shared work out.</summary>
    public static OwnTime StartOwnTime() => new(Stopwatch.GetTimestamp(), t_sharedTimestampTicks);

    /// <summary>A running measurement of a rule's own time.</summary>
    public readonly struct OwnTime : IDisposable
    {
        private readonly long _start;
        private readonly long _sharedAtStart;

        internal OwnTime(long start, long sharedAtStart)
        {
            _start = start;
            _sharedAtStart = sharedAtStart;
        }

        /// <summary>Wall time since the start, minus the shared work this thread did or waited for since.</summary>
        public TimeSpan Elapsed
        {
            get
            {
                long own = Stopwatch.GetTimestamp() - _start - (t_sharedTimestampTicks - _sharedAtStart);
                return TimeSpan.FromTicks((long)(Math.Max(0, own) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
            }
        }

        public void Dispose()
        {
        }
    }
}
