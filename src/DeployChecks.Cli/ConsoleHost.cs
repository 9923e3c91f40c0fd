using System;
using System.IO;
using DeployChecks.Engine.Hosting;

namespace DeployChecks.Cli;

/// <summary>The CLI's host: diagnostics to stderr (the report owns stdout; the writer given escapes control characters
/// and defuses CI log commands), no progress, always proceeds.</summary>
internal sealed class ConsoleHost : ICheckHost
{
    private readonly TextWriter _stderr;
    private readonly bool _verbose;
    private readonly bool _quiet;

    public ConsoleHost(TextWriter stderr, bool verbose, bool quiet)
    {
        _stderr = stderr;
        _verbose = verbose;
        _quiet = quiet;
    }

    public int ErrorCount { get; private set; }

    public void Log(LogLevel level, string message)
    {
        if (level == LogLevel.Warning && !_quiet)
        {
            _stderr.WriteLine("warning: " + message);
        }
        else if (_verbose && level != LogLevel.Debug)
        {
            _stderr.WriteLine("verbose: " + message);
        }
    }

    public void Error(ReportMessage error, Exception? exception)
    {
        if (error.IsError)
        {
            ErrorCount++;
        }
        if (!_quiet)
        {
            _stderr.WriteLine((error.IsError ? "error: " : "notice: ") + error);
        }
    }

    public void Progress(string activity, string status, int percent)
    {
    }

    public bool ShouldProcess(string target, string action) => true;
}
