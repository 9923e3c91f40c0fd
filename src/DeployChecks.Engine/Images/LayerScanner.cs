using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using DeployChecks.Engine.Images.Archive;
using DeployChecks.Engine.Images.Inventory;
using DeployChecks.Engine.Secrets;

namespace DeployChecks.Engine.Images;

/// <summary>What one file of a layer tells the inventory.</summary>
public enum FactKind
{
    OsRelease,
    DpkgStatus,
    DpkgStatusD,
    Apk,
    Python,
    /// <summary>An entry (link, directory) that replaces an inventory file of a lower layer without being one.</summary>
    Removed,
}

public sealed record LayerFact(FactKind Kind, object? Value);

/// <summary>A secret in a layer's file (kept even when a later layer deletes the file: it is still in the image).</summary>
public sealed record LayerSecret(int Layer, string Path, SecretHit Hit);

/// <summary>One layer read once, start to end: its deletions (whiteouts, opaque directories), the inventory files it
/// writes (parsed at once, so memory holds one file at a time), and the secrets in its files.</summary>
public sealed class LayerScan
{
    public int Entries { get; internal set; }
    public int Deletions { get; internal set; }
    public long Uncompressed { get; internal set; }
    public string Compression { get; internal set; } = "";
    public List<string> Whiteouts { get; } = new();
    public List<string> OpaqueDirectories { get; } = new();
    public Dictionary<string, LayerFact> Facts { get; } = new(StringComparer.Ordinal);
    public List<LayerSecret> Secrets { get; } = new();
}

public static class LayerScanner
{
    private const string Whiteout = ".wh.";
    private const string Opaque = ".wh..wh..opq";

    private static readonly string[] SkippedPrefixes =
    {
        "usr/share/", "usr/lib/", "usr/lib64/", "usr/libexec/", "lib/", "lib64/", "usr/include/", "usr/local/include/", "var/lib/dpkg/",
        "var/lib/apt/", "var/lib/apk/", "var/cache/", "var/log/", "usr/bin/", "usr/sbin/", "bin/", "sbin/", "etc/ssl/", "etc/alternatives/",
        "usr/local/lib/", "proc/", "sys/", "dev/", "opt/conda/pkgs/", "root/.cache/", "tmp/",
    };

    private static readonly string[] BinaryExtensions =
    {
        ".so", ".a", ".o", ".pyc", ".pyo", ".png", ".jpg", ".jpeg", ".gif", ".ico", ".webp", ".woff", ".woff2", ".ttf", ".otf", ".eot",
        ".gz", ".tgz", ".zip", ".tar", ".bz2", ".xz", ".zst", ".whl", ".jar", ".mo", ".db", ".sqlite", ".sqlite3", ".pdf", ".svg",
        ".map", ".min.js", ".wasm", ".exe", ".dll", ".pem.pub", ".crt", ".pub",
    };

    public static LayerScan Scan(Stream blob, int layer, string name, ImageScanLimits limits, ExpansionBudget budget, ISecretDetector? secrets)
    {
        var scan = new LayerScan();
        using var stream = LayerStreams.Open(blob, name, limits, budget);
        scan.Compression = stream.Compression;
        var reader = new TarReader(stream, name, limits) { RequireEndMarker = true };
        byte[]? buffer = null;
        while (reader.TryNext(out var entry))
        {
            scan.Entries++;
            string path = TarPaths.Clean(entry.Name, name);
            if (path.Length == 0)
            {
                continue;
            }
            switch (entry.Type)
            {
                case TarEntryType.CharDevice:
                case TarEntryType.BlockDevice:
                    throw new ImageScanException(ImageErrors.Hostile, $"{name}: entry '{TarReader.Shorten(path)}' is a device file; refused.", path);
                case TarEntryType.Symlink:
                    TarPaths.CheckSymlink(path, entry.LinkName, name);
                    break;
                case TarEntryType.HardLink:
                    TarPaths.CheckHardLink(path, entry.LinkName, name);
                    break;
            }
            int slash = path.LastIndexOf('/');
            string baseName = path.Substring(slash + 1);
            if (baseName.StartsWith(Whiteout, StringComparison.Ordinal))
            {
                string dir = slash > 0 ? path.Substring(0, slash) : "";
                if (baseName == Opaque)
                {
                    scan.OpaqueDirectories.Add(dir);
                    scan.Deletions++;
                }
                else if (!baseName.StartsWith(".wh..wh.", StringComparison.Ordinal))
                {
                    scan.Whiteouts.Add((dir.Length > 0 ? dir + "/" : "") + baseName.Substring(Whiteout.Length));
                    scan.Deletions++;
                }
                continue;
            }
            var kind = Classify(path);
            if (entry.Type != TarEntryType.File)
            {
                if (kind != null)
                {
                    scan.Facts[path] = new LayerFact(FactKind.Removed, null);
                }
                continue;
            }
            if (kind != null)
            {
                if (entry.Size > limits.MaxMetadataSize)
                {
                    throw new ImageScanException(ImageErrors.TooLarge, $"{name}: '{path}' is {entry.Size:N0} bytes, more than a package database may be; refused.", path);
                }
                string text = ReadText(reader, entry.Size, ref buffer);
                scan.Facts[path] = Parse(kind.Value, text);
                continue;
            }
            if (secrets != null && entry.Size > 0 && entry.Size <= limits.MaxSecretScanSize && IsSecretCandidate(path))
            {
                string? text = ReadTextIfText(reader, entry.Size, ref buffer);
                if (text != null)
                {
                    foreach (var hit in secrets.Scan(path, text))
                    {
                        scan.Secrets.Add(new LayerSecret(layer, path, hit));
                    }
                }
            }
        }
        // Drain: the gzip trailer is checked when the stream reports its end.
        var sink = new byte[8192];
        while (stream.Read(sink, 0, sink.Length) > 0)
        {
        }
        scan.Uncompressed = stream.Produced;
        return scan;
    }

    /// <summary>Which inventory file a path is, if any.</summary>
    public static FactKind? Classify(string path)
    {
        switch (path)
        {
            case "etc/os-release":
            case "usr/lib/os-release":
                return FactKind.OsRelease;
            case "var/lib/dpkg/status":
                return FactKind.DpkgStatus;
            case "lib/apk/db/installed":
            case "usr/lib/apk/db/installed":
                return FactKind.Apk;
        }
        if (path.StartsWith("var/lib/dpkg/status.d/", StringComparison.Ordinal) && path.IndexOf('/', 22) < 0 &&
            !path.EndsWith(".md5sums", StringComparison.Ordinal))
        {
            return FactKind.DpkgStatusD;
        }
        if (path.EndsWith(".dist-info/METADATA", StringComparison.Ordinal) || path.EndsWith(".egg-info/PKG-INFO", StringComparison.Ordinal))
        {
            // …/site-packages/NAME-VERSION.dist-info/METADATA
            int meta = path.LastIndexOf('/');
            int info = path.LastIndexOf('/', meta - 1);
            return info > 0 && IsPackagesDir(path, info) ? FactKind.Python : null;
        }
        if (path.EndsWith(".egg-info", StringComparison.Ordinal))
        {
            // distutils' single-file form: site-packages/NAME-VERSION.egg-info
            int info = path.LastIndexOf('/');
            return info > 0 && IsPackagesDir(path, info) ? FactKind.Python : null;
        }
        return null;
    }

    private static bool IsPackagesDir(string path, int end)
    {
        int start = path.LastIndexOf('/', end - 1) + 1;
        string dir = path.Substring(start, end - start);
        return dir == "site-packages" || dir == "dist-packages";
    }

    private static LayerFact Parse(FactKind kind, string text) => kind switch
    {
        FactKind.OsRelease => new LayerFact(kind, PackageDatabases.OsRelease(text)),
        FactKind.DpkgStatus or FactKind.DpkgStatusD => new LayerFact(kind, PackageDatabases.Dpkg(text)),
        FactKind.Apk => new LayerFact(kind, PackageDatabases.Apk(text)),
        _ => new LayerFact(kind, PackageDatabases.PythonMetadata(text)),
    };

    private static bool IsSecretCandidate(string path)
    {
        foreach (string prefix in SkippedPrefixes)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return false;
            }
        }
        if (path.IndexOf("/site-packages/", StringComparison.Ordinal) >= 0 || path.IndexOf("/dist-packages/", StringComparison.Ordinal) >= 0 ||
            path.IndexOf("/node_modules/", StringComparison.Ordinal) >= 0 || path.IndexOf("/.git/", StringComparison.Ordinal) >= 0 ||
            path.IndexOf("/__pycache__/", StringComparison.Ordinal) >= 0)
        {
            return false;
        }
        foreach (string ext in BinaryExtensions)
        {
            if (path.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return true;
    }

    private static string ReadText(TarReader reader, long size, ref byte[]? buffer)
    {
        int n = Fill(reader, size, ref buffer);
        return Encoding.UTF8.GetString(buffer!, 0, n);
    }

    /// <summary>The file's text, or null when it holds a NUL byte (binary).</summary>
    private static string? ReadTextIfText(TarReader reader, long size, ref byte[]? buffer)
    {
        int n = Fill(reader, size, ref buffer);
        return Array.IndexOf(buffer!, (byte)0, 0, n) >= 0 ? null : Encoding.UTF8.GetString(buffer!, 0, n);
    }

    private static int Fill(TarReader reader, long size, ref byte[]? buffer)
    {
        if (buffer == null || buffer.Length < size)
        {
            buffer = new byte[Math.Max(size, 64 * 1024)];
        }
        using var data = reader.OpenData();
        return ReadOnlyStream.ReadFully(data, buffer, 0, (int)size);
    }
}
