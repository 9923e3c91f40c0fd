using System;
using System.IO;
using System.Management.Automation;
using DeployChecks.Hosting;

namespace DeployChecks.Commands;

/// <summary>Export-DependencySbom: a CycloneDX 1.5 JSON software bill of materials of the Python dependencies of
/// directories or files (with the lock files' dependency graph and the project from pyproject.toml), or of the
/// DependencyLockEntry objects piped in. Writes the JSON to -OutFile, or to the pipeline as one string.</summary>
[Cmdlet(VerbsData.Export, "DependencySbom", DefaultParameterSetName = PathParameterSet, SupportsShouldProcess = true)]
[OutputType(typeof(string))]
[OutputType(typeof(FileInfo))]
public sealed class ExportDependencySbomCommand : PSCmdlet
{
    private const string PathParameterSet = "Path";
    private const string LiteralPathParameterSet = "LiteralPath";
    private const string InputObjectParameterSet = "InputObject";
    private const string PackageParameterSet = "ImagePackage";

    private object? _input;
    private bool _anyPath;

    /// <summary>Directories or dependency files; wildcards allowed. Default: the current location.</summary>
    [Parameter(Position = 0, ParameterSetName = PathParameterSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>Directories or dependency files, taken literally (no wildcards).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathParameterSet, ValueFromPipelineByPropertyName = true)]
    [Alias("LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = new string[0];

    /// <summary>Dependency entries, as Get-DependencyLock writes them (no dependency graph then).</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectParameterSet, ValueFromPipeline = true)]
    public DependencyLockEntry? InputObject { get; set; }

    /// <summary>Packages installed in an image, as <c>Invoke-ImageScan -Inventory</c> writes them (Python packages as
    /// pkg:pypi components, OS packages with their pkg:deb / pkg:apk purls).</summary>
    [Parameter(Mandatory = true, ParameterSetName = PackageParameterSet, ValueFromPipeline = true)]
    public ImagePackage? Package { get; set; }

    /// <summary>The SBOM format. CycloneDx (CycloneDX 1.5 JSON) is the one supported.</summary>
    [Parameter]
    [ValidateSet("CycloneDx", IgnoreCase = true)]
    public string Format { get; set; } = "CycloneDx";

    /// <summary>The file to write. Without it the JSON goes to the pipeline as one string.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    /// <summary>An OSV database (directory or export zip): adds the advisories affecting the components as
    /// CycloneDX vulnerabilities.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DatabasePath { get; set; }

    /// <summary>The serialNumber UUID; default: one derived from the content, stable while the dependencies do not change.</summary>
    [Parameter]
    public Guid? SerialNumber { get; set; }

    /// <summary>metadata.timestamp; default: SOURCE_DATE_EPOCH when set, else now.</summary>
    [Parameter]
    public DateTimeOffset? Timestamp { get; set; }

    protected override void BeginProcessing() => _input = EngineBridge.NewSbomInput();

    protected override void ProcessRecord()
    {
        if (ParameterSetName == InputObjectParameterSet)
        {
            if (InputObject != null)
            {
                EngineBridge.AddSbomEntry(_input!, InputObject);
            }
            return;
        }
        if (ParameterSetName == PackageParameterSet)
        {
            if (Package != null)
            {
                EngineBridge.AddSbomImagePackage(_input!, Package);
            }
            return;
        }
        bool literal = ParameterSetName == LiteralPathParameterSet;
        foreach (string input in literal ? LiteralPath : Path ?? new[] { "." })
        {
            foreach (string path in ProviderPaths.ResolveExisting(this, input, literal))
            {
                WriteVerbose("Reading dependencies of " + path);
                EngineBridge.AddSbomPath(this, _input!, path);
                _anyPath = true;
            }
        }
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName != InputObjectParameterSet && ParameterSetName != PackageParameterSet && !_anyPath)
        {
            return;
        }
        object? matcher = null;
        if (DatabasePath != null)
        {
            matcher = EngineBridge.LoadVulnerabilityMatcher(this, SessionState.Path.GetUnresolvedProviderPathFromPSPath(DatabasePath));
        }
        string json = EngineBridge.WriteCycloneDx(_input!, matcher, SerialNumber, Timestamp);
        if (OutFile == null)
        {
            WriteObject(json);
            return;
        }
        string target = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile);
        if (ShouldProcess(target, "Write CycloneDX 1.5 SBOM") && EngineBridge.WriteTextFile(this, target, json, ErrorIds.SbomWriteFailed, "-OutFile"))
        {
            ProviderPaths.WriteItem(this, target);
        }
    }
}
