using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using DeployChecks.Engine.Images;
using DeployChecks.Engine.Vulnerabilities;

namespace DeployChecks.Hosting;

/// <summary>Invoke-ImageScan's engine calls (engine types inside method bodies only, like <see cref="EngineBridge"/>).</summary>
internal static class ImageBridge
{
    /// <summary>Scans one archive or layout. An image that cannot be scanned is a non-terminating error naming it;
    /// returns null then.</summary>
    public static ImageScanResult? Scan(PSCmdlet cmdlet, string path, ImageScanSettings settings, string? displayName = null)
    {
        var request = new ImageScanRequest(path)
        {
            Reference = settings.Reference,
            Platform = settings.Platform ?? ImageScanRequest.DefaultPlatform,
            DisplayName = displayName,
            Secrets = settings.NoSecretScan ? null : Engine.Secrets.TextSecretDetector.Instance,
            Vulnerabilities = (settings.Matcher as VulnerabilityMatcher)?.Database,
        };
        if (settings.Today is { } today)
        {
            request.Today = today;
        }
        try
        {
            var result = ImageScanner.Scan(request);
            cmdlet.WriteVerbose($"{result.Image}: {result.Format}, {result.Platform}, {result.Layers.Count} layers, " +
                                $"{result.CompressedSize:N0} bytes read, {result.Packages.Count} packages, {result.Findings.Count} findings.");
            if (result.PlatformNote != null)
            {
                cmdlet.WriteVerbose(result.PlatformNote);
            }
            return result;
        }
        catch (ImageScanException ex)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ex.ErrorId, Category(ex.ErrorId), displayName ?? path));
            return null;
        }
        catch (IOException ex)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ImageErrors.Malformed, ErrorCategory.ReadError, displayName ?? path));
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ImageErrors.Malformed, ErrorCategory.PermissionDenied, displayName ?? path));
            return null;
        }
    }

    /// <summary>-Image: saves the image with docker or podman to a temporary archive (always removed) and scans it.
    /// Neither client on PATH is a terminating error.</summary>
    public static ImageScanResult? ScanFromStore(PSCmdlet cmdlet, string image, ImageScanSettings settings)
    {
        string? client = ImageExport.FindClient();
        if (client == null)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException("-Image needs the docker or podman CLI on PATH to save the image; neither was found. Scan a saved archive instead: docker save -o app.tar " + image + "; Invoke-ImageScan app.tar"),
                ErrorIds.ContainerCliNotFound, ErrorCategory.ObjectNotFound, image));
            return null;
        }
        cmdlet.WriteVerbose($"Saving {image} with {client}.");
        SavedImage saved;
        try
        {
            saved = ImageExport.Save(image, client, TimeSpan.FromMinutes(30));
        }
        catch (ImageScanException ex)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.ImageSaveFailed, ErrorCategory.ObjectNotFound, image));
            return null;
        }
        using (saved)
        {
            var result = Scan(cmdlet, saved.Path, settings, image);
            if (result != null)
            {
                result.Source = client + " save " + image;
            }
            return result;
        }
    }

    /// <summary>Vulnerability matches of an image package: PyPI through the PEP 440 matcher, Debian/Ubuntu/Alpine
    /// through dpkg/apk ordering.</summary>
    public static System.Collections.Generic.IReadOnlyList<VulnerabilityMatch> MatchPackage(object matcher, ImagePackage package)
    {
        var m = (VulnerabilityMatcher)matcher;
        return (package.Type == "python"
            ? m.Match(package.Name, package.Version, package.Image + "!" + package.Path)
            : new OsPackageMatcher(m.Database).Match(package)).ToList();
    }

    private static ErrorCategory Category(string id) => id switch
    {
        ImageErrors.NotFound or ImageErrors.PlatformNotFound => ErrorCategory.ObjectNotFound,
        ImageErrors.Hostile => ErrorCategory.SecurityError,
        ImageErrors.TooLarge => ErrorCategory.LimitsExceeded,
        ImageErrors.Unsupported => ErrorCategory.NotImplemented,
        ImageErrors.Ambiguous => ErrorCategory.InvalidArgument,
        _ => ErrorCategory.InvalidData,
    };
}

/// <summary>Invoke-ImageScan's options, as the cmdlet binds them.</summary>
internal sealed class ImageScanSettings
{
    public string? Reference { get; set; }
    public string? Platform { get; set; }
    public bool NoSecretScan { get; set; }
    /// <summary>The loaded vulnerability matcher (EngineBridge.LoadVulnerabilityMatcher), or null.</summary>
    public object? Matcher { get; set; }
    public DateTime? Today { get; set; }
}
