using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using DeployChecks.Hosting;

namespace DeployChecks.Commands;

/// <summary>
/// What Invoke-DeployChecklist and Test-PyDeployConfig share: -Path (wildcards, pipeline) / -LiteralPath resolved
/// through the provider, -OptionPath, -FailOn, one run per directory, and the -FailOn gate at the end of input.
/// </summary>
public abstract class DeployChecksPathCommandBase : PSCmdlet
{
    protected const string PathParameterSet = "Path";
    protected const string LiteralPathParameterSet = "LiteralPath";

    private readonly List<ChecklistReport> _tripped = new();

    /// <summary>Directories to check; wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathParameterSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = new string[0];

    /// <summary>Directories to check, taken literally (no wildcards).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathParameterSet, ValueFromPipelineByPropertyName = true)]
    [Alias("LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = new string[0];

    /// <summary>Lowest severity that makes the run end with a terminating error.</summary>
    [Parameter]
    public Severity? FailOn { get; set; }

    /// <summary>Option file to read instead of deploychecks.yml in each target.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OptionPath { get; set; }

    protected override void ProcessRecord()
    {
        var settings = CreateSettings();
        foreach (string directory in ResolveDirectories())
        {
            WriteVerbose("Checking " + directory);
            ChecklistReport? report = EngineBridge.Run(this, directory, settings);
            if (report == null)
            {
                continue;
            }
            if (report.FailOnTripped)
            {
                _tripped.Add(report);
            }
            WriteReport(report);
        }
    }

    protected override void EndProcessing()
    {
        if (_tripped.Count == 0)
        {
            return;
        }
        // One terminating error for the whole run, after every report was written (PSRule's Assert-PSRule).
        Severity threshold = _tripped[0].FailOn!.Value;
        int count = _tripped.Sum(r => r.CountAtOrAbove(r.FailOn!.Value));
        var targets = _tripped.Select(r => r.Target).ToList();
        string message = $"{count} finding(s) at or above {threshold} in {targets.Count} target(s): {string.Join(", ", targets)}.";
        ThrowTerminatingError(new ErrorRecord(new FailOnThresholdException(message, threshold, count, targets),
            ErrorIds.FailOnThresholdReached, ErrorCategory.InvalidResult, targets.Count == 1 ? targets[0] : targets));
    }

    /// <summary>Writes what a finished run yields: the report, or its findings.</summary>
    private protected abstract void WriteReport(ChecklistReport report);

    /// <summary>The parameters as engine overrides; paths resolved against the current PowerShell location.</summary>
    private protected virtual RunSettings CreateSettings() => new()
    {
        OptionPath = OptionPath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(OptionPath),
        FailOn = FailOn,
    };

    private IEnumerable<string> ResolveDirectories()
    {
        bool literal = ParameterSetName == LiteralPathParameterSet;
        foreach (string input in literal ? LiteralPath : Path)
        {
            foreach (string path in ProviderPaths.ResolveExisting(this, input, literal))
            {
                if (Directory.Exists(path))
                {
                    yield return path;
                }
                else
                {
                    WriteError(new ErrorRecord(new IOException($"'{path}' is a file; the checklist runs on the directory of an application."),
                        ErrorIds.PathIsNotDirectory, ErrorCategory.InvalidArgument, path));
                }
            }
        }
    }
}
