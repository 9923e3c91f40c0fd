using System;

namespace DeployChecks.Engine.Hosting;

/// <summary>Verbosity of a log line sent to the host.</summary>
public enum LogLevel
{
    Debug,
    Verbose,
    Information,
    Warning,
}

/// <summary>What the engine needs from whoever drives it (cmdlet, CLI, test, bench). The engine calls a host
/// only on the thread that started the run (worker-thread calls are queued and replayed there), so
/// implementations need not be thread-safe and a cmdlet may call its Write* methods directly.</summary>
public interface ICheckHost
{
    void Log(LogLevel level, string message);

    /// <summary>A problem with one input; the run goes on. The message also lands in the report.</summary>
    void Error(ReportMessage error, Exception? exception);

    /// <summary>Progress of a long scan; <paramref name="percent"/> is 0–100, or -1 when finished.</summary>
    void Progress(string activity, string status, int percent);

    /// <summary>Asks before writing a file (PowerShell's ShouldProcess / -WhatIf).</summary>
    bool ShouldProcess(string target, string action);
}

/// <summary>A host that discards everything and always proceeds.</summary>
public sealed class NullHost : ICheckHost
{
    public static NullHost Instance { get; } = new();

    public void Log(LogLevel level, string message)
    {
    }

    public void Error(ReportMessage error, Exception? exception)
    {
    }

    public void Progress(string activity, string status, int percent)
    {
    }

    public bool ShouldProcess(string target, string action) => true;
}
