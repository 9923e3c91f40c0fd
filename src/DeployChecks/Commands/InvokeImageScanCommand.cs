using System;
using System.Management.Automation;
using DeployChecks.Hosting;

namespace DeployChecks.Commands;

/// <summary>Invoke-ImageScan: scans a container image without a daemon — a <c>docker save</c> archive (tar or
/// tar.gz), an OCI image layout (directory or tar), or with -Image an image from the local docker/podman store — and
/// writes one ImageScanResult per image: platform, OS, layers with the instruction that made each, the installed
/// packages (dpkg, apk, Python) with the layer that added them, and DC31xx findings.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "ImageScan", DefaultParameterSetName = PathParameterSet)]
[OutputType(typeof(ImageScanResult))]
[OutputType(typeof(ImagePackage))]
public sealed class InvokeImageScanCommand : PSCmdlet
{
    private const string PathParameterSet = "Path";
    private const string LiteralPathParameterSet = "LiteralPath";
    private const string ImageParameterSet = "Image";

    private ImageScanSettings? _settings;

    /// <summary>Image archives or OCI layout directories; wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathParameterSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = new string[0];

    /// <summary>Image archives or OCI layout directories, taken literally.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathParameterSet, ValueFromPipelineByPropertyName = true)]
    [Alias("LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = new string[0];

    /// <summary>Images in the local docker or podman store (<c>app:1.0</c>); each is saved to a temporary archive
    /// that is removed after the scan.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ImageParameterSet, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    public string[] Image { get; set; } = new string[0];

    /// <summary>Which image of an archive holding several (<c>app:1.0</c>, or an OCI ref name).</summary>
    [Parameter(ParameterSetName = PathParameterSet)]
    [Parameter(ParameterSetName = LiteralPathParameterSet)]
    [ValidateNotNullOrEmpty]
    public string? Reference { get; set; }

    /// <summary>The platform to take from a multi-platform image (<c>os/arch[/variant]</c>). Default: linux/amd64.</summary>
    [Parameter]
    [ValidatePattern("^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$")]
    public string Platform { get; set; } = "linux/amd64";

    /// <summary>An OSV database (directory or export zip, PyPI and optionally Debian/Alpine advisories): adds
    /// vulnerability findings for the installed packages. Default: $env:DEPLOYCHECKS_VULN_DB when set; else none.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DatabasePath { get; set; }

    /// <summary>Do not search layer files for secrets.</summary>
    [Parameter]
    public SwitchParameter NoSecretScan { get; set; }

    /// <summary>Write the installed packages (ImagePackage) instead of the result, for
    /// <c>| Find-DependencyVulnerability</c> or <c>| Export-DependencySbom</c>.</summary>
    [Parameter]
    public SwitchParameter Inventory { get; set; }

    /// <summary>The date end-of-life findings are judged on. Default: today.</summary>
    [Parameter]
    public DateTime? AsOf { get; set; }

    protected override void BeginProcessing()
    {
        _settings = new ImageScanSettings { Reference = Reference, Platform = Platform, NoSecretScan = NoSecretScan, Today = AsOf?.Date };
        string? db = DatabasePath ?? Environment.GetEnvironmentVariable(FindDependencyVulnerabilityCommand.DatabaseVariable);
        if (!string.IsNullOrEmpty(db))
        {
            _settings.Matcher = EngineBridge.LoadVulnerabilityMatcher(this, SessionState.Path.GetUnresolvedProviderPathFromPSPath(db));
        }
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ImageParameterSet)
        {
            foreach (string image in Image)
            {
                Emit(ImageBridge.ScanFromStore(this, image, _settings!));
            }
            return;
        }
        bool literal = ParameterSetName == LiteralPathParameterSet;
        foreach (string input in literal ? LiteralPath : Path)
        {
            foreach (string path in ProviderPaths.ResolveExisting(this, input, literal))
            {
                WriteVerbose("Scanning image " + path);
                Emit(ImageBridge.Scan(this, path, _settings!));
            }
        }
    }

    private void Emit(ImageScanResult? result)
    {
        if (result == null)
        {
            return;
        }
        if (Inventory)
        {
            foreach (var p in result.Packages)
            {
                WriteObject(p);
            }
            return;
        }
        WriteObject(result);
    }
}
