using System.IO;
using System.Management.Automation;
using DeployChecks.Hosting;

namespace DeployChecks.Commands;

/// <summary>Export-DeployChecklistReport: writes a report as JSON, SARIF, JUnit, Markdown, HTML, text or a
/// baseline. One file holds one report: the first piped report is written and every further one gets a
/// non-terminating <c>ReportAlreadyWritten</c> error (export each to its own path with ForEach-Object).</summary>
[Cmdlet(VerbsData.Export, "DeployChecklistReport", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportDeployChecklistReportCommand : PSCmdlet
{
    private string? _writtenTarget;

    /// <summary>The report, usually piped from Invoke-DeployChecklist.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public ChecklistReport InputObject { get; set; } = null!;

    /// <summary>Output format.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet("Json", "Sarif", "JUnit", "Markdown", "Html", "Text", "Baseline", "GitHub", "Azure", IgnoreCase = true)]
    public string Format { get; set; } = "";

    /// <summary>File to write; its directory is created when missing.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Write the file's FileInfo to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        string path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (_writtenTarget != null)
        {
            WriteError(new ErrorRecord(
                new PSInvalidOperationException($"'{path}' already holds the report of {_writtenTarget}; the report of {InputObject.Target} was not written. Export each report to its own file."),
                ErrorIds.ReportAlreadyWritten, ErrorCategory.InvalidOperation, InputObject));
            return;
        }
        _writtenTarget = InputObject.Target;
        if (!ShouldProcess(path, $"Write {Format} report of {InputObject.Target}"))
        {
            return;
        }
        if (EngineBridge.WriteReport(this, InputObject, Format, path) && PassThru)
        {
            ProviderPaths.WriteItem(this, path);
        }
    }
}
