using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace DeployChecks.Engine.Images;

/// <summary>One layer blob as the manifest lists it.</summary>
public sealed record LayerBlob(string Path, string Digest, long Size, string? DiffId, string? CreatedBy);

/// <summary>The image an archive's manifests lead to: its configuration and layers in application order.</summary>
public sealed class ResolvedImage
{
    public string Format { get; init; } = "";
    public string Reference { get; init; } = "";
    public string? ManifestDigest { get; init; }
    public string ConfigDigest { get; init; } = "";
    public JObject Config { get; init; } = new();
    public IReadOnlyList<LayerBlob> Layers { get; init; } = new LayerBlob[0];
    public string Platform { get; init; } = "";
    public string? PlatformNote { get; init; }
}
