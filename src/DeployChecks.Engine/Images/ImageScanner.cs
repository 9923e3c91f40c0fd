using System;
using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Images.Archive;
using DeployChecks.Engine.Images.Inventory;
using DeployChecks.Engine.Sbom;

namespace DeployChecks.Engine.Images;

/// <summary>
/// Scans an image without a daemon: resolves the manifest, reads every layer once (in parallel, each a stream:
/// nothing is extracted, the merged file system only exists as the inventory), applies the layers in order with
/// whiteouts and opaque directories, and judges the result (<see cref="ImageFindings"/>).
/// </summary>
public static class ImageScanner
{
    public static ImageScanResult Scan(ImageScanRequest request)
    {
        using var source = ImageSource.Open(request.Path, request.Limits);
        var image = ManifestResolver.Resolve(source, request.Reference, request.Platform, request.Limits);
        var budget = new ExpansionBudget(request.Limits.MaxTotalExpanded);
        var scans = new LayerScan[image.Layers.Count];
        try
        {
            source.ReadBlobs(image.Layers.Select(l => l.Path).ToList(),
                (i, stream) => scans[i] = LayerScanner.Scan(stream, i, source.Description + "!" + image.Layers[i].Digest, request.Limits, budget, request.Secrets),
                request.Parallelism);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.OfType<ImageScanException>().FirstOrDefault() is { } first)
        {
            throw first;
        }
        string display = request.DisplayName ?? image.Reference;
        var merged = Merge(scans);
        var os = OsOf(merged);
        var packages = Packages(merged, os, image, display);
        var layers = image.Layers.Select((l, i) => new ImageLayer
        {
            Index = i,
            Digest = l.Digest,
            DiffId = l.DiffId,
            Size = l.Size,
            UncompressedSize = scans[i].Uncompressed,
            Compression = scans[i].Compression,
            Entries = scans[i].Entries,
            Deletions = scans[i].Deletions,
            CreatedBy = l.CreatedBy,
        }).ToList();
        var config = image.Config["config"] as Newtonsoft.Json.Linq.JObject ?? new Newtonsoft.Json.Linq.JObject();
        var result = new ImageScanResult
        {
            Image = display,
            Source = request.Path,
            Format = image.Format,
            ManifestDigest = image.ManifestDigest,
            ConfigDigest = image.ConfigDigest,
            Platform = image.Platform,
            PlatformNote = image.PlatformNote,
            OsId = Get(os, "ID"),
            OsVersion = Get(os, "VERSION_ID"),
            OsName = Get(os, "PRETTY_NAME") ?? Get(os, "NAME"),
            User = config["User"]?.ToString() ?? "",
            Entrypoint = Strings(config["Entrypoint"]),
            Cmd = Strings(config["Cmd"]),
            ExposedPorts = (config["ExposedPorts"] as Newtonsoft.Json.Linq.JObject)?.Properties().Select(p => p.Name).ToList() ?? new List<string>(),
            EnvNames = Strings(config["Env"]).Select(e => e.Split('=')[0]).ToList(),
            HasHealthcheck = ImageFindings.HasHealthcheck(config),
            Layers = layers,
            Packages = packages,
            CompressedSize = image.Layers.Sum(l => l.Size),
            UncompressedSize = scans.Sum(s => s.Uncompressed),
        };
        result.Findings = ImageFindings.Judge(result, config, scans, merged, request);
        return result;
    }

    /// <summary>The inventory files of the merged file system: each path's fact and the layer that wrote it, plus for
    /// dpkg/apk packages the first layer of the run of layers that had them installed.</summary>
    internal sealed class MergedView
    {
        public Dictionary<string, (LayerFact Fact, int Layer)> Files { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> OsPackageLayer { get; } = new(StringComparer.Ordinal);
        public HashSet<string> DeletedLater { get; } = new(StringComparer.Ordinal);
    }

    internal static MergedView Merge(IReadOnlyList<LayerScan> scans)
    {
        var view = new MergedView();
        var files = view.Files;
        for (int i = 0; i < scans.Count; i++)
        {
            var scan = scans[i];
            // A layer's deletions hide what lower layers wrote, never its own entries.
            foreach (string gone in scan.Whiteouts)
            {
                RemoveTree(files, gone, view.DeletedLater);
            }
            foreach (string dir in scan.OpaqueDirectories)
            {
                RemoveChildren(files, dir, view.DeletedLater);
            }
            bool osTouched = scan.Whiteouts.Count + scan.OpaqueDirectories.Count > 0;
            foreach (var kv in scan.Facts)
            {
                if (kv.Value.Kind == FactKind.Removed)
                {
                    files.Remove(kv.Key);
                }
                else
                {
                    files[kv.Key] = (kv.Value, i);
                }
                osTouched |= kv.Value.Kind is FactKind.DpkgStatus or FactKind.DpkgStatusD or FactKind.Apk or FactKind.Removed;
            }
            if (osTouched)
            {
                var now = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var p in OsPackagesOf(files))
                {
                    string key = p.Package.Name + "@" + p.Package.Version;
                    now[key] = view.OsPackageLayer.TryGetValue(key, out int first) ? first : i;
                }
                view.OsPackageLayer.Clear();
                foreach (var kv in now)
                {
                    view.OsPackageLayer[kv.Key] = kv.Value;
                }
            }
        }
        return view;
    }

    private static void RemoveTree(Dictionary<string, (LayerFact, int)> files, string path, HashSet<string> deleted)
    {
        foreach (string key in files.Keys.Where(k => k == path || k.StartsWith(path + "/", StringComparison.Ordinal)).ToList())
        {
            files.Remove(key);
        }
        deleted.Add(path);
    }

    private static void RemoveChildren(Dictionary<string, (LayerFact, int)> files, string dir, HashSet<string> deleted)
    {
        string prefix = dir.Length == 0 ? "" : dir + "/";
        foreach (string key in files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            files.Remove(key);
        }
        deleted.Add(prefix);
    }

    internal static IEnumerable<(OsPackage Package, string Path, string Type)> OsPackagesOf(Dictionary<string, (LayerFact Fact, int Layer)> files)
    {
        foreach (var kv in files.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (kv.Value.Fact.Value is List<OsPackage> list)
            {
                string type = kv.Value.Fact.Kind == FactKind.Apk ? "apk" : "deb";
                foreach (var p in list)
                {
                    yield return (p, kv.Key, type);
                }
            }
        }
    }

    private static IReadOnlyDictionary<string, string> OsOf(MergedView view)
    {
        foreach (string path in new[] { "etc/os-release", "usr/lib/os-release" })
        {
            if (view.Files.TryGetValue(path, out var f) && f.Fact.Value is IReadOnlyDictionary<string, string> os)
            {
                return os;
            }
        }
        return new Dictionary<string, string>();
    }

    /// <summary>The OSV ecosystem of the image's distribution: <c>Debian:12</c>, <c>Ubuntu:22.04</c>, <c>Alpine:v3.20</c>.</summary>
    internal static string? EcosystemOf(IReadOnlyDictionary<string, string> os)
    {
        string id = Get(os, "ID") ?? "";
        string version = Get(os, "VERSION_ID") ?? "";
        switch (id)
        {
            case "debian":
                return "Debian:" + (version.Length > 0 ? version.Split('.')[0] : "unstable");
            case "ubuntu":
                return "Ubuntu:" + version;
            case "alpine":
                var parts = version.Split('.');
                return parts.Length >= 2 ? "Alpine:v" + parts[0] + "." + parts[1] : "Alpine:" + version;
            default:
                return null;
        }
    }

    private static List<ImagePackage> Packages(MergedView view, IReadOnlyDictionary<string, string> os, ResolvedImage image, string display)
    {
        string? ecosystem = EcosystemOf(os);
        string distro = (Get(os, "ID") ?? "") + "-" + (Get(os, "VERSION_ID") ?? "");
        var result = new List<ImagePackage>();
        foreach (var (p, path, type) in OsPackagesOf(view.Files))
        {
            int layer = view.OsPackageLayer.TryGetValue(p.Name + "@" + p.Version, out int l) ? l : view.Files[path].Layer;
            string ns = type == "apk" ? "alpine" : Get(os, "ID") ?? "debian";
            result.Add(new ImagePackage
            {
                Name = p.Name,
                Version = p.Version,
                Ecosystem = ecosystem ?? (type == "apk" ? "Alpine" : "Debian"),
                Type = type,
                SourceName = p.SourceName,
                SourceVersion = p.SourceVersion,
                Architecture = p.Architecture,
                Purl = OsPurl(type, ns, p, distro),
                Path = "/" + path,
                LayerDigest = image.Layers[layer].Digest,
                LayerIndex = layer,
                Image = display,
            });
        }
        foreach (var kv in view.Files.Where(f => f.Value.Fact.Kind == FactKind.Python).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (kv.Value.Fact.Value is ValueTuple<string, string> meta)
            {
                result.Add(new ImagePackage
                {
                    Name = meta.Item1,
                    Version = meta.Item2,
                    Ecosystem = "PyPI",
                    Type = "python",
                    SourceName = meta.Item1,
                    SourceVersion = meta.Item2,
                    Purl = CycloneDxWriter.Purl(meta.Item1, meta.Item2),
                    Path = "/" + kv.Key,
                    LayerDigest = image.Layers[kv.Value.Layer].Digest,
                    LayerIndex = kv.Value.Layer,
                    Image = display,
                });
            }
        }
        return result;
    }

    private static string OsPurl(string type, string ns, OsPackage p, string distro)
    {
        string q = "";
        if (!string.IsNullOrEmpty(p.Architecture))
        {
            q += "arch=" + Uri.EscapeDataString(p.Architecture!);
        }
        if (distro != "-")
        {
            q += (q.Length > 0 ? "&" : "") + "distro=" + Uri.EscapeDataString(distro);
        }
        return "pkg:" + type + "/" + ns + "/" + Uri.EscapeDataString(p.Name) + "@" + Uri.EscapeDataString(p.Version) + (q.Length > 0 ? "?" + q : "");
    }

    internal static string? Get(IReadOnlyDictionary<string, string> map, string key) => map.TryGetValue(key, out var v) ? v : null;

    private static List<string> Strings(Newtonsoft.Json.Linq.JToken? token) =>
        token is Newtonsoft.Json.Linq.JArray a ? a.Select(x => x.ToString()).ToList() : new List<string>();
}
