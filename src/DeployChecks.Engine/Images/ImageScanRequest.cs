using System;
using DeployChecks.Engine.Secrets;
using DeployChecks.Engine.Vulnerabilities;

namespace DeployChecks.Engine.Images;

/// <summary>What to scan and how.</summary>
public sealed class ImageScanRequest
{
    public ImageScanRequest(string path) => Path = path;

    /// <summary>A docker save tar (optionally gzip), an OCI layout directory, or an OCI layout tar.</summary>
    public string Path { get; }

    /// <summary>The image to pick when the archive holds several (<c>app:1.0</c>); null when it holds one.</summary>
    public string? Reference { get; set; }

    /// <summary>Shown as the image instead of the archive path (the <c>-Image</c> name).</summary>
    public string? DisplayName { get; set; }

    /// <summary>The platform to take from a multi-platform index.</summary>
    public string Platform { get; set; } = DefaultPlatform;

    public const string DefaultPlatform = "linux/amd64";

    public ImageScanLimits Limits { get; set; } = new();

    /// <summary>Secret detection in layer files; null to skip it.</summary>
    public ISecretDetector? Secrets { get; set; } = TextSecretDetector.Instance;

    /// <summary>Advisories to match the inventory against; null to skip vulnerability findings.</summary>
    public OsvDatabase? Vulnerabilities { get; set; }

    /// <summary>The date end-of-life findings are judged on.</summary>
    public DateTime Today { get; set; } = DateTime.UtcNow.Date;

    public int Parallelism { get; set; } = Math.Max(1, Environment.ProcessorCount);
}
