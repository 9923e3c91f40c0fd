using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace DeployChecks.Engine.Hosting;

/// <summary>
/// Rules run on worker threads, but PowerShell only accepts Write* calls on the pipeline thread. The
/// dispatcher queues host calls made on other threads and replays them on the thread that created it,
/// while it waits for the parallel work to finish — so no host implementation needs to be thread-safe.
/// </summary>
internal sealed class HostDispatcher : ICheckHost
{
    private readonly ICheckHost _host;
    private readonly int _ownerThread;
    private readonly ConcurrentQueue<Action<ICheckHost>> _queue = new();
    private readonly object _progressGate = new();
    private DateTime _lastProgress = DateTime.MinValue;

    public HostDispatcher(ICheckHost host)
    {
        _host = host;
        _ownerThread = Environment.CurrentManagedThreadId;
    }

    public void Log(LogLevel level, string message) => Dispatch(h => h.Log(level, message));

    public void Error(ReportMessage error, Exception? exception) => Dispatch(h => h.Error(error, exception));

    public void Progress(string activity, string status, int percent)
    {
        if (percent >= 0)
        {
            // Throttled: at most about 4 updates a second reach the host.
            lock (_progressGate)
            {
                var now = DateTime.UtcNow;
                if ((now - _lastProgress).TotalMilliseconds < 250)
                {
                    return;
                }
                _lastProgress = now;
            }
        }
        Dispatch(h => h.Progress(activity, status, percent));
    }

    public bool ShouldProcess(string target, string action) =>
        Environment.CurrentManagedThreadId == _ownerThread
            ? _host.ShouldProcess(target, action)
            : throw new InvalidOperationException("ShouldProcess must be asked on the host's thread");

    /// <summary>Runs <paramref name="work"/> on the thread pool and pumps queued host calls here until it ends.</summary>
    public void RunAndPump(Action work)
    {
        var task = Task.Run(work);
        while (!task.Wait(50))
        {
            Drain();
        }
        Drain();
        task.GetAwaiter().GetResult();
    }

    public void Drain()
    {
        while (_queue.TryDequeue(out var call))
        {
            call(_host);
        }
    }

    private void Dispatch(Action<ICheckHost> call)
    {
        if (Environment.CurrentManagedThreadId == _ownerThread)
        {
            Drain();
            call(_host);
        }
        else
        {
            _queue.Enqueue(call);
        }
    }
}
