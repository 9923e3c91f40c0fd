namespace DeployChecks.Engine.Images;

/// <summary>Bounds of one image scan: what an archive may declare and expand to before it is refused as hostile.
/// The defaults fit real images (a 10 GB ML image passes) and stop bombs within seconds.</summary>
public sealed class ImageScanLimits
{
    /// <summary>Largest size a single tar entry may declare (outer archive or layer).</summary>
    public long MaxEntrySize { get; set; } = 16L * 1024 * 1024 * 1024;

    /// <summary>Total bytes all layers may expand to after decompression.</summary>
    public long MaxTotalExpanded { get; set; } = 32L * 1024 * 1024 * 1024;

    /// <summary>Largest expansion ratio of a compressed layer, enforced once it has produced
    /// <see cref="RatioFloor"/> bytes. gzip cannot exceed about 1,032:1, so this catches zstd bombs; sparse files
    /// of zeros (a 1 GB <c>lastlog</c>) stay below it.</summary>
    public double MaxRatio { get; set; } = 1100;

    public long RatioFloor { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest JSON document (manifest, index, config) read into memory.</summary>
    public int MaxJsonSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>Largest package database or metadata file read (dpkg status, apk installed, METADATA).</summary>
    public int MaxMetadataSize { get; set; } = 64 * 1024 * 1024;

    /// <summary>Largest file searched for secrets; bigger files are skipped.</summary>
    public int MaxSecretScanSize { get; set; } = 512 * 1024;

    /// <summary>Most entries one tar (outer archive or layer) may hold.</summary>
    public int MaxEntries { get; set; } = 2_000_000;

    /// <summary>Longest entry name (PAX/GNU long names included).</summary>
    public int MaxNameLength { get; set; } = 8192;

    /// <summary>Most nested indexes followed from <c>index.json</c>.</summary>
    public int MaxIndexDepth { get; set; } = 4;
}
