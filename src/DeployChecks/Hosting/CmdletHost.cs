using System;
using System.IO;
using System.Management.Automation;
using DeployChecks.Engine.Hosting;

namespace DeployChecks.Hosting;

/// <summary>
/// The engine's <see cref="ICheckHost"/> seam, backed by a cmdlet: log lines become verbose/debug/warning/
/// information records, problems with single inputs become non-terminating error records, progress becomes
/// one progress bar, and ShouldProcess is the cmdlet's. The engine calls it only on the pipeline thread.
/// </summary>
internal sealed class CmdletHost : ICheckHost
{
    /// <summary>The one progress activity of a checklist run.</summary>
    public const int ProgressActivityId = 7001;

    private static readonly string[] InformationTags = { "DeployChecks" };

    private readonly Cmdlet _cmdlet;
    private readonly string _targetRoot;
    private ProgressRecord? _progress;

    public CmdletHost(Cmdlet cmdlet, string targetRoot)
    {
        _cmdlet = cmdlet;
        _targetRoot = targetRoot;
    }

    public void Log(LogLevel level, string message)
    {
        // Messages name files of the repository: one inert line each (no terminal escapes, no forged log lines).
        message = DisplayText.Escape(message);
        switch (level)
        {
            case LogLevel.Debug: _cmdlet.WriteDebug(message); break;
            case LogLevel.Verbose: _cmdlet.WriteVerbose(message); break;
            case LogLevel.Information: _cmdlet.WriteInformation(message, InformationTags); break;
            case LogLevel.Warning: _cmdlet.WriteWarning(message); break;
            default: _cmdlet.WriteVerbose(message); break;
        }
    }

    public void Error(ReportMessage error, Exception? exception)
    {
        if (!error.IsError)
        {
            // Notices (an expired suppression, a suppression without a reason) are about the run, not failures.
            _cmdlet.WriteWarning(DisplayText.Escape(error.ToString()));
            return;
        }
        string target = error.Path == null ? _targetRoot : Path.Combine(_targetRoot, error.Path.Replace('/', Path.DirectorySeparatorChar));
        Exception ex = exception ?? new InvalidDataException(error.Message);
        var record = new ErrorRecord(ex, error.ErrorId, CategoryOf(error.ErrorId), target)
        {
            ErrorDetails = new ErrorDetails(DisplayText.Escape(error.Message)),
        };
        _cmdlet.WriteError(record);
    }

    public void Progress(string activity, string status, int percent)
    {
        _progress ??= new ProgressRecord(ProgressActivityId, activity, string.IsNullOrEmpty(status) ? activity : status);
        _progress.StatusDescription = string.IsNullOrEmpty(status) ? activity : status;
        if (percent < 0)
        {
            _progress.PercentComplete = 100;
            _progress.RecordType = ProgressRecordType.Completed;
        }
        else
        {
            _progress.PercentComplete = Math.Min(100, percent);
            _progress.RecordType = ProgressRecordType.Processing;
        }
        _cmdlet.WriteProgress(_progress);
    }

    public bool ShouldProcess(string target, string action) => _cmdlet.ShouldProcess(target, action);

    /// <summary>Maps an engine error ID to a category: unreadable input is ReadError, unparsable input InvalidData.</summary>
    internal static ErrorCategory CategoryOf(string errorId)
    {
        if (errorId.EndsWith("Unreadable", StringComparison.Ordinal) || errorId == "FileTooLarge" || errorId == "FileIsBinary")
        {
            return ErrorCategory.ReadError;
        }
        if (errorId == ErrorIds.RuleFailed)
        {
            return ErrorCategory.InvalidOperation;
        }
        return ErrorCategory.InvalidData;
    }
}
