using System.Collections.Generic;

namespace DeployChecks;

/// <summary>What <c>Invoke-ImageScan</c> learned about one image: where it came from, its platform and OS, its layers,
/// the packages installed in its merged file system, and the findings.</summary>
public sealed class ImageScanResult
{
    /// <summary>The reference scanned: <c>-Image</c>'s name, the archive's tag, or the archive path.</summary>
    public string Image { get; set; } = "";

    /// <summary>The file or directory read (the temporary archive for <c>-Image</c>, already removed).</summary>
    public string Source { get; set; } = "";

    /// <summary><c>docker-archive</c> or <c>oci-layout</c> (directory or tar).</summary>
    public string Format { get; set; } = "";

    /// <summary>Digest of the image manifest, when the archive has one (OCI layouts, Docker 25+ saves).</summary>
    public string? ManifestDigest { get; set; }

    /// <summary>Digest of the image configuration (the image ID).</summary>
    public string ConfigDigest { get; set; } = "";

    /// <summary><c>linux/amd64</c>, <c>linux/arm64/v8</c>: from the configuration.</summary>
    public string Platform { get; set; } = "";

    /// <summary>How the platform was chosen when the archive holds several (an index): which was asked for and
    /// which exist. Null for single-platform images.</summary>
    public string? PlatformNote { get; set; }

    /// <summary><c>ID</c> from <c>/etc/os-release</c> (<c>debian</c>, <c>alpine</c>, <c>ubuntu</c>); null for scratch images.</summary>
    public string? OsId { get; set; }

    public string? OsVersion { get; set; }

    public string? OsName { get; set; }

    /// <summary>The user the container runs as (<c>config.User</c>); empty means root.</summary>
    public string? User { get; set; }

    public IReadOnlyList<string> Entrypoint { get; set; } = new string[0];

    public IReadOnlyList<string> Cmd { get; set; } = new string[0];

    public IReadOnlyList<string> ExposedPorts { get; set; } = new string[0];

    /// <summary>Environment names (values are not kept: they may be secrets).</summary>
    public IReadOnlyList<string> EnvNames { get; set; } = new string[0];

    public bool HasHealthcheck { get; set; }

    public IReadOnlyList<ImageLayer> Layers { get; set; } = new ImageLayer[0];

    public IReadOnlyList<ImagePackage> Packages { get; set; } = new ImagePackage[0];

    public IReadOnlyList<Finding> Findings { get; set; } = new Finding[0];

    /// <summary>Bytes read from the archive (compressed) and of layer tar streams after decompression.</summary>
    public long CompressedSize { get; set; }

    public long UncompressedSize { get; set; }

    public override string ToString() => $"{Image} {Platform} {OsName}: {Packages.Count} packages, {Findings.Count} findings";
}
