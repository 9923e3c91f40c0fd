using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DeployChecks.Engine.Images.Archive;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DeployChecks.Engine.Images;

/// <summary>
/// Finds the image in an archive: an OCI layout's <c>index.json</c> (nested indexes followed, attestation manifests
/// skipped, one platform chosen) or a docker save's <c>manifest.json</c>. Blob paths come only from validated digests
/// (<c>sha256:</c> + 64 hex digits) or cleaned relative paths, so a manifest cannot point outside the archive.
/// </summary>
public static class ManifestResolver
{
    private const string RefName = "org.opencontainers.image.ref.name";
    private const string ContainerdName = "io.containerd.image.name";

    public static ResolvedImage Resolve(ImageSource source, string? reference, string platform, ImageScanLimits limits)
    {
        bool dockerSave = source.Exists("manifest.json");
        if (source.Exists("index.json"))
        {
            return FromIndex(source, reference, platform, limits, dockerSave ? "docker-archive" : "oci-layout");
        }
        if (dockerSave)
        {
            return FromDockerManifest(source, reference, limits);
        }
        throw new ImageScanException(ImageErrors.Unsupported,
            $"{source.Description}: neither an OCI image layout (index.json) nor a docker save archive (manifest.json).");
    }

    private sealed record Candidate(JObject Descriptor, string? Name, string? Platform);

    private static ResolvedImage FromIndex(ImageSource source, string? reference, string platform, ImageScanLimits limits, string format)
    {
        var index = ReadJson<JObject>(source, "index.json", limits);
        var candidates = new List<Candidate>();
        Collect(source, index, null, 0, candidates, limits, "index.json");
        if (candidates.Count == 0)
        {
            throw new ImageScanException(ImageErrors.Malformed, $"{source.Description}: index.json lists no image manifest.", "index.json");
        }
        var names = candidates.Select(c => c.Name).Where(n => n != null).Distinct(StringComparer.Ordinal).ToList();
        if (reference != null)
        {
            candidates = candidates.Where(c => c.Name != null && NameMatches(c.Name, reference)).ToList();
            if (candidates.Count == 0)
            {
                throw new ImageScanException(ImageErrors.NotFound, $"{source.Description}: no image named '{reference}'; it holds {List(names)}.");
            }
        }
        else if (names.Count > 1)
        {
            throw new ImageScanException(ImageErrors.Ambiguous, $"{source.Description}: holds several images ({List(names)}); name one with -Reference.");
        }
        string? note = null;
        Candidate chosen = candidates[0];
        if (candidates.Count > 1)
        {
            var platforms = candidates.Select(c => c.Platform ?? PlatformOfConfig(source, c.Descriptor, limits)).ToList();
            int at = platforms.FindIndex(p => PlatformMatches(p, platform));
            if (at < 0)
            {
                throw new ImageScanException(ImageErrors.PlatformNotFound,
                    $"{source.Description}: no {platform} image; the index offers {string.Join(", ", platforms.Distinct())}. Choose one with -Platform.");
            }
            chosen = candidates[at];
            note = $"{platform} chosen from a multi-platform index offering {string.Join(", ", platforms.Distinct())}.";
        }
        string manifestDigest = Str(chosen.Descriptor, "digest");
        var manifest = ReadJson<JObject>(source, BlobPath(manifestDigest, source), limits);
        var configDescriptor = manifest["config"] as JObject
            ?? throw new ImageScanException(ImageErrors.Malformed, $"{source.Description}: manifest {manifestDigest} has no config.", manifestDigest);
        string configDigest = Str(configDescriptor, "digest");
        var config = ReadJson<JObject>(source, BlobPath(configDigest, source), limits);
        var layerDescriptors = (manifest["layers"] as JArray)?.OfType<JObject>().ToList() ?? new List<JObject>();
        var layers = new List<LayerBlob>();
        var diffIds = DiffIds(config);
        var history = CreatedBy(config);
        for (int i = 0; i < layerDescriptors.Count; i++)
        {
            string digest = Str(layerDescriptors[i], "digest");
            string path = BlobPath(digest, source);
            long declared = layerDescriptors[i]["size"]?.Type == JTokenType.Integer ? (long)layerDescriptors[i]["size"]! : -1;
            long actual = source.Length(path);
            if (actual < 0)
            {
                throw new ImageScanException(ImageErrors.Malformed, $"{source.Description}: layer {digest} is listed but its blob is missing.", path);
            }
            if (declared >= 0 && declared != actual)
            {
                throw new ImageScanException(ImageErrors.Malformed, $"{source.Description}: layer {digest} declares {declared:N0} bytes but its blob has {actual:N0}; refused.", path);
            }
            layers.Add(new LayerBlob(path, digest, actual, i < diffIds.Count ? diffIds[i] : null, i < history.Count ? history[i] : null));
        }
        return new ResolvedImage
        {
            Format = format,
            Reference = reference ?? chosen.Name ?? source.Description,
            ManifestDigest = manifestDigest,
            ConfigDigest = configDigest,
            Config = config,
            Layers = layers,
            Platform = PlatformOf(config),
            PlatformNote = note,
        };
    }

    private static void Collect(ImageSource source, JObject index, string? name, int depth, List<Candidate> into, ImageScanLimits limits, string where)
    {
        if (depth > limits.MaxIndexDepth)
        {
            throw new ImageScanException(ImageErrors.Hostile, $"{source.Description}: indexes nested more than {limits.MaxIndexDepth} deep at {where}; refused.", where);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in (index["manifests"] as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>())
        {
            string mediaType = d["mediaType"]?.ToString() ?? "";
            string digest = Str(d, "digest");
            string? ann = d["annotations"]?[ContainerdName]?.ToString() ?? d["annotations"]?[RefName]?.ToString();
            string? refName = ann ?? name;
            if (!seen.Add(digest + "\n" + refName))
            {
                throw new ImageScanException(ImageErrors.Hostile, $"{source.Description}: {where} lists manifest {digest} twice; refused as ambiguous.", digest);
            }
            if (mediaType.EndsWith("image.index.v1+json", StringComparison.Ordinal) || mediaType.EndsWith("manifest.list.v2+json", StringComparison.Ordinal))
            {
                Collect(source, ReadJson<JObject>(source, BlobPath(digest, source), limits), refName, depth + 1, into, limits, digest);
                continue;
            }
            if (d["annotations"]?["vnd.docker.reference.type"] != null)
            {
                continue; // buildkit attestation manifests (SBOM, provenance)
            }
            string? platform = null;
            if (d["platform"] is JObject p)
            {
                platform = p["os"] + "/" + p["architecture"] + (p["variant"] is { } v ? "/" + v : "");
                if (platform == "unknown/unknown")
                {
                    continue;
                }
            }
            into.Add(new Candidate(d, refName, platform));
        }
    }

    private static ResolvedImage FromDockerManifest(ImageSource source, string? reference, ImageScanLimits limits)
    {
        var entries = ReadJson<JArray>(source, "manifest.json", limits).OfType<JObject>().ToList();
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            foreach (var t in (e["RepoTags"] as JArray)?.Select(x => x.ToString()) ?? Enumerable.Empty<string>())
            {
                if (!tags.Add(t))
                {
                    throw new ImageScanException(ImageErrors.Hostile, $"{source.Description}: manifest.json names '{t}' twice; refused as ambiguous.", "manifest.json");
                }
            }
        }
        if (reference != null)
        {
            entries = entries.Where(e => ((e["RepoTags"] as JArray)?.Select(x => x.ToString()) ?? Enumerable.Empty<string>()).Any(t => NameMatches(t, reference))).ToList();
            if (entries.Count == 0)
            {
                throw new ImageScanException(ImageErrors.NotFound, $"{source.Description}: no image tagged '{reference}'; it holds {List(tags.ToList())}.");
            }
        }
        if (entries.Count == 0)
        {
            throw new ImageScanException(ImageErrors.Malformed, $"{source.Description}: manifest.json lists no image.", "manifest.json");
        }
        if (entries.Count > 1)
        {
            throw new ImageScanException(ImageErrors.Ambiguous, $"{source.Description}: holds {entries.Count} images ({List(tags.ToList())}); name one with -Reference.");
        }
        var entry = entries[0];
        string configPath = TarPaths.Clean(Str(entry, "Config"), source.Description);
        var config = ReadJson<JObject>(source, configPath, limits);
        var diffIds = DiffIds(config);
        var history = CreatedBy(config);
        var layers = new List<LayerBlob>();
        var paths = (entry["Layers"] as JArray)?.Select(x => x.ToString()).ToList() ?? new List<string>();
        for (int i = 0; i < paths.Count; i++)
        {
            string path = TarPaths.Clean(paths[i], source.Description);
            long size = source.Length(path);
            if (size < 0)
            {
                throw new ImageScanException(ImageErrors.Malformed, $"{source.Description}: layer '{path}' is listed but not in the archive.", path);
            }
            string? diffId = i < diffIds.Count ? diffIds[i] : null;
            layers.Add(new LayerBlob(path, DigestOfPath(path) ?? diffId ?? path, size, diffId, i < history.Count ? history[i] : null));
        }
        string? tag = (entry["RepoTags"] as JArray)?.FirstOrDefault()?.ToString();
        return new ResolvedImage
        {
            Format = "docker-archive",
            Reference = reference ?? tag ?? source.Description,
            ConfigDigest = DigestOfPath(configPath) ?? configPath,
            Config = config,
            Layers = layers,
            Platform = PlatformOf(config),
        };
    }

    /// <summary><c>blobs/sha256/HEX</c>, <c>HEX.json</c>, <c>HEX/layer.tar</c>, <c>HEX.tar</c> → <c>sha256:HEX</c>.</summary>
    private static string? DigestOfPath(string path)
    {
        foreach (string part in path.Split('/', '.'))
        {
            if (part.Length == 64 && part.All(IsLowerHex))
            {
                return "sha256:" + part;
            }
        }
        return null;
    }

    /// <summary>The blob path of a digest, refusing anything but <c>sha256:</c>/<c>sha512:</c> and lower-case hex.</summary>
    public static string BlobPath(string digest, ImageSource source)
    {
        int colon = digest.IndexOf(':');
        string alg = colon > 0 ? digest.Substring(0, colon) : "";
        string hex = colon > 0 ? digest.Substring(colon + 1) : "";
        int want = alg == "sha256" ? 64 : alg == "sha512" ? 128 : 0;
        if (want == 0 || hex.Length != want || !hex.All(IsLowerHex))
        {
            throw new ImageScanException(ImageErrors.Hostile, $"{source.Description}: '{TarReader.Shorten(digest)}' is not a valid digest; refused.", digest);
        }
        return "blobs/" + alg + "/" + hex;
    }

    private static bool IsLowerHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f';

    private static T ReadJson<T>(ImageSource source, string path, ImageScanLimits limits) where T : JToken
    {
        byte[] data = source.ReadSmall(path, limits.MaxJsonSize);
        try
        {
            using var reader = new JsonTextReader(new System.IO.StringReader(Encoding.UTF8.GetString(data))) { MaxDepth = 64, DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader);
            return token as T ?? throw new ImageScanException(ImageErrors.Malformed, $"{source.Description}: '{path}' is not the JSON {(typeof(T) == typeof(JArray) ? "array" : "object")} expected.", path);
        }
        catch (JsonException ex)
        {
            throw new ImageScanException(ImageErrors.Malformed, $"{source.Description}: '{path}' is not valid JSON ({ex.Message}).", path, ex);
        }
    }

    private static string Str(JObject o, string key) =>
        o[key]?.Type == JTokenType.String ? o[key]!.ToString()
            : throw new ImageScanException(ImageErrors.Malformed, $"a descriptor lacks '{key}'.");

    private static List<string> DiffIds(JObject config) =>
        (config["rootfs"]?["diff_ids"] as JArray)?.Select(x => x.ToString()).ToList() ?? new List<string>();

    /// <summary>created_by of the history entries that made a layer (empty_layer entries are metadata only).</summary>
    private static List<string> CreatedBy(JObject config) =>
        (config["history"] as JArray)?.OfType<JObject>()
            .Where(h => h["empty_layer"]?.Type != JTokenType.Boolean || !(bool)h["empty_layer"]!)
            .Select(h => h["created_by"]?.ToString() ?? "")
            .ToList() ?? new List<string>();

    public static string PlatformOf(JObject config)
    {
        string os = config["os"]?.ToString() ?? "";
        string arch = config["architecture"]?.ToString() ?? "";
        string? variant = config["variant"]?.ToString();
        return os.Length == 0 && arch.Length == 0 ? "" : os + "/" + arch + (string.IsNullOrEmpty(variant) ? "" : "/" + variant);
    }

    private static string PlatformOfConfig(ImageSource source, JObject descriptor, ImageScanLimits limits)
    {
        var manifest = ReadJson<JObject>(source, BlobPath(Str(descriptor, "digest"), source), limits);
        string configDigest = manifest["config"]?["digest"]?.ToString() ?? "";
        return PlatformOf(ReadJson<JObject>(source, BlobPath(configDigest, source), limits));
    }

    /// <summary><c>linux/arm64</c> matches <c>linux/arm64/v8</c>; a variant asked for must match.</summary>
    public static bool PlatformMatches(string offered, string wanted)
    {
        var o = offered.Split('/');
        var w = wanted.Split('/');
        if (o.Length < 2 || w.Length < 2 || !o[0].Equals(w[0], StringComparison.OrdinalIgnoreCase) || !o[1].Equals(w[1], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return w.Length < 3 || o.Length >= 3 && o[2].Equals(w[2], StringComparison.OrdinalIgnoreCase) || o.Length < 3 && w[1] == "arm64" && w[2] == "v8";
    }

    /// <summary><c>docker.io/library/app:1.0</c>, <c>app:1.0</c>, and a bare <c>1.0</c> ref.name all name <c>app:1.0</c>.</summary>
    private static bool NameMatches(string name, string wanted)
    {
        if (name.Equals(wanted, StringComparison.Ordinal))
        {
            return true;
        }
        string n = Short(name);
        string w = Short(wanted);
        if (n == w)
        {
            return true;
        }
        // An OCI ref.name is often only the tag.
        int colon = w.LastIndexOf(':');
        return !name.Contains(":") && colon >= 0 && w.Substring(colon + 1) == name;
    }

    private static string Short(string name)
    {
        string s = name;
        foreach (string prefix in new[] { "docker.io/library/", "docker.io/", "index.docker.io/library/", "localhost/" })
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal))
            {
                s = s.Substring(prefix.Length);
                break;
            }
        }
        int slash = s.LastIndexOf('/');
        return s.IndexOf(':', slash + 1) < 0 && !s.Contains("@") ? s + ":latest" : s;
    }

    private static string List(IReadOnlyCollection<string?> names) =>
        names.Count == 0 ? "no named image" : string.Join(", ", names.Where(n => n != null).Take(10));
}
