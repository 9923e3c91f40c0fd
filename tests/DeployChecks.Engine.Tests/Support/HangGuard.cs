using System;
using System.Threading.Tasks;

namespace DeployChecks.Engine.Tests.Support;

/// <summary>Proves "no hang" without timing assertions: the work must finish at all within a bound far above any
/// normal duration (a regression to exponential or endless behaviour never finishes; a slow machine still does).</summary>
public static class HangGuard
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static void MustFinish(Action work)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(Bound), $"did not finish within {Bound.TotalSeconds} s: it hangs or backtracks");
        task.GetAwaiter().GetResult();
    }
}
