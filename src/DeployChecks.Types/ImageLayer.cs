namespace DeployChecks;

/// <summary>One layer of a scanned image, in application order.</summary>
public sealed class ImageLayer
{
    public int Index { get; set; }

    /// <summary>The blob digest the manifest names (compressed content), <c>sha256:…</c>.</summary>
    public string Digest { get; set; } = "";

    /// <summary>The uncompressed layer digest from the config's <c>rootfs.diff_ids</c>, when given.</summary>
    public string? DiffId { get; set; }

    /// <summary>Bytes of the blob as stored (compressed when the layer is compressed).</summary>
    public long Size { get; set; }

    /// <summary>Bytes of the layer's tar stream after decompression.</summary>
    public long UncompressedSize { get; set; }

    /// <summary><c>gzip</c>, <c>zstd</c> or <c>none</c>.</summary>
    public string Compression { get; set; } = "";

    /// <summary>Entries in the layer (files, directories, links).</summary>
    public int Entries { get; set; }

    /// <summary>Whiteouts (<c>.wh.name</c>) and opaque-directory markers (<c>.wh..wh..opq</c>) in the layer.</summary>
    public int Deletions { get; set; }

    /// <summary>The instruction that created the layer, from the config history (<c>RUN /bin/sh -c pip install …</c>).</summary>
    public string? CreatedBy { get; set; }

    public override string ToString() => $"{Index}: {Digest} {CreatedBy}";
}
