using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using DeployChecks.Hosting;

namespace DeployChecks.Commands;

/// <summary>
/// What Invoke-DeployChecklist and the Test-* area cmdlets share: -Path (wildcards, pipeline; the current location
/// when omitted) / -LiteralPath resolved through the provider, -OptionPath, -FailOn with -IgnoreErrors, -AllowEmpty,
/// one run per directory, and the checks at the end of input: a target that could not be found or had nothing to
/// check, and the -FailOn gate, each end the command with one terminating error after every report was written.
/// </summary>
public abstract class DeployChecksPathCommandBase : PSCmdlet
{
    protected const string PathParameterSet = "Path";
    protected const string LiteralPathParameterSet = "LiteralPath";

    private readonly List<ChecklistReport> _tripped = new();
    private readonly List<string> _notChecked = new();
    private readonly List<(string Directory, RunSettings Settings)> _queued = new();

    /// <summary>Directories to check; wildcards allowed. Default: the current location.</summary>
    [Parameter(Position = 0, ParameterSetName = PathParameterSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>Directories to check, taken literally (no wildcards).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathParameterSet, ValueFromPipelineByPropertyName = true)]
    [Alias("LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = new string[0];

    /// <summary>Lowest severity that makes the run end with a terminating error; errors trip it too unless -IgnoreErrors.</summary>
    [Parameter]
    public Severity? FailOn { get; set; }

    /// <summary>With -FailOn: errors (unreadable inputs, checks that errored) do not fail the gate, only findings do.</summary>
    [Parameter]
    public SwitchParameter IgnoreErrors { get; set; }

    /// <summary>A target where no selected rule finds anything to read is not an error.</summary>
    [Parameter]
    public SwitchParameter AllowEmpty { get; set; }

    /// <summary>Option file to read instead of deploychecks.yml in each target.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OptionPath { get; set; }

    /// <summary>How many directories run at the same time (1: one after the other, as they arrive).</summary>
    private protected virtual int Throttle => 1;

    protected override void ProcessRecord()
    {
        var settings = CreateSettings();
        foreach (string directory in ResolveDirectories())
        {
            if (Throttle > 1)
            {
                _queued.Add((directory, settings));
                continue;
            }
            WriteVerbose("Checking " + directory);
            Complete(EngineBridge.Run(this, directory, settings));
        }
    }

    protected override void EndProcessing()
    {
        if (_queued.Count > 0)
        {
            EngineBridge.RunParallel(this, _queued, Throttle, Complete);
        }
        if (_notChecked.Count > 0)
        {
            string message = $"Nothing was checked in {_notChecked.Count} target(s): {string.Join("; ", _notChecked)}." +
                (_tripped.Count > 0 ? " " + GateMessage() : "");
            ThrowTerminatingError(new ErrorRecord(new InvalidDataException(message), ErrorIds.NothingToCheck, ErrorCategory.InvalidData,
                _notChecked.Count == 1 ? _notChecked[0] : _notChecked));
        }
        if (_tripped.Count == 0)
        {
            return;
        }
        // One terminating error for the whole run, after every report was written (PSRule's Assert-PSRule).
        var targets = _tripped.Select(r => r.Target).ToList();
        int count = _tripped.Sum(r => r.CountAtOrAbove(r.FailOn!.Value));
        int errors = _tripped.Where(r => r.GateCountsErrors).Sum(r => r.ErrorCount + r.ErroredCheckCount);
        ThrowTerminatingError(new ErrorRecord(new FailOnThresholdException(GateMessage(), _tripped[0].FailOn!.Value, count, targets) { ErrorCount = errors },
            ErrorIds.FailOnThresholdReached, ErrorCategory.InvalidResult, targets.Count == 1 ? targets[0] : targets));
    }

    private string GateMessage()
    {
        Severity threshold = _tripped[0].FailOn!.Value;
        int count = _tripped.Sum(r => r.CountAtOrAbove(r.FailOn!.Value));
        int errors = _tripped.Where(r => r.GateCountsErrors).Sum(r => r.ErrorCount + r.ErroredCheckCount);
        var parts = new List<string>();
        if (count > 0)
        {
            parts.Add($"{count} finding(s) at or above {threshold}");
        }
        if (errors > 0)
        {
            parts.Add($"{errors} error(s): not everything could be checked (-IgnoreErrors gates on findings only)");
        }
        return $"-FailOn {threshold} failed in {_tripped.Count} target(s) ({string.Join("; ", parts)}): " +
            string.Join(", ", _tripped.Select(r => DisplayText.Escape(r.Target))) + ".";
    }

    /// <summary>Takes one finished run: a target with nothing to check is remembered (and not written) unless
    /// -AllowEmpty; the rest is written and weighed against the gate.</summary>
    private void Complete(ChecklistReport? report)
    {
        if (report == null)
        {
            return;
        }
        if (report.NothingToCheck && !AllowEmpty)
        {
            _notChecked.Add($"{DisplayText.Escape(report.Target)} (none of the {report.Checks.Count} selected checks found a file it reads; " +
                "is this the application's directory? -AllowEmpty accepts it)");
            return;
        }
        if (report.FailOnTripped)
        {
            _tripped.Add(report);
        }
        WriteReport(report);
    }

    /// <summary>Writes what a finished run yields: the report, or its findings.</summary>
    private protected abstract void WriteReport(ChecklistReport report);

    /// <summary>The parameters as engine overrides; paths resolved against the current PowerShell location.</summary>
    private protected virtual RunSettings CreateSettings() => new()
    {
        OptionPath = OptionPath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(OptionPath),
        FailOn = FailOn,
        IgnoreErrors = IgnoreErrors.IsPresent ? true : null,
    };

    private IEnumerable<string> ResolveDirectories()
    {
        bool literal = ParameterSetName == LiteralPathParameterSet;
        // No -Path and nothing piped in: the current location, as the CLI checks "." by default.
        var inputs = literal ? LiteralPath : Path is { Length: > 0 } ? Path : new[] { SessionState.Path.CurrentFileSystemLocation.ProviderPath };
        foreach (string input in inputs)
        {
            var failed = new List<string>();
            foreach (string path in ProviderPaths.ResolveExisting(this, input, literal || Path is not { Length: > 0 }, failed))
            {
                if (Directory.Exists(path))
                {
                    yield return path;
                }
                else
                {
                    WriteError(new ErrorRecord(new IOException($"'{path}' is a file; the checklist runs on the directory of an application."),
                        ErrorIds.PathIsNotDirectory, ErrorCategory.InvalidArgument, path));
                    _notChecked.Add($"{DisplayText.Escape(path)} (a file, not a directory)");
                }
            }
            _notChecked.AddRange(failed.Select(f => $"{DisplayText.Escape(f)} (not found)"));
        }
    }
}
