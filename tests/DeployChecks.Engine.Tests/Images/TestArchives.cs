using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace DeployChecks.Engine.Tests.Images;

/// <summary>Writes tar archives byte by byte (ustar headers, checksums), so tests can build the hostile archives no
/// well-behaved tool makes: traversal names, escaping links, device nodes, lying sizes.</summary>
internal sealed class TarBuilder
{
    private readonly MemoryStream _out = new();

    public TarBuilder File(string name, string content) => File(name, Encoding.UTF8.GetBytes(content));

    public TarBuilder File(string name, byte[] content, long? declaredSize = null)
    {
        Header(name, '0', declaredSize ?? content.Length, "");
        _out.Write(content, 0, content.Length);
        Pad(content.Length);
        return this;
    }

    public TarBuilder Directory(string name) => Entry(name, '5', "");

    public TarBuilder Symlink(string name, string target) => Entry(name, '2', target);

    public TarBuilder HardLink(string name, string target) => Entry(name, '1', target);

    public TarBuilder Device(string name) => Entry(name, '3', "");

    private TarBuilder Entry(string name, char type, string link)
    {
        Header(name, type, 0, link);
        return this;
    }

    private void Header(string name, char type, long size, string link)
    {
        var h = new byte[512];
        Put(h, 0, name, 100);
        Put(h, 100, "0000644", 8);
        Put(h, 108, "0000000", 8);
        Put(h, 116, "0000000", 8);
        Put(h, 124, Convert.ToString(size, 8).PadLeft(11, '0'), 12);
        Put(h, 136, "00000000000", 12);
        h[156] = (byte)type;
        Put(h, 157, link, 100);
        Put(h, 257, "ustar", 6);
        h[263] = (byte)'0';
        h[264] = (byte)'0';
        for (int i = 148; i < 156; i++)
        {
            h[i] = (byte)' ';
        }
        long sum = 0;
        foreach (byte b in h)
        {
            sum += b;
        }
        Put(h, 148, Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ", 8);
        _out.Write(h, 0, 512);
    }

    private static void Put(byte[] h, int offset, string s, int max)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        Array.Copy(bytes, 0, h, offset, Math.Min(bytes.Length, max));
    }

    private void Pad(long length)
    {
        long pad = (512 - length % 512) % 512;
        _out.Write(new byte[pad], 0, (int)pad);
    }

    /// <summary>The archive with its end-of-archive blocks.</summary>
    public byte[] Build(bool endMarker = true)
    {
        if (endMarker)
        {
            _out.Write(new byte[1024], 0, 1024);
        }
        return _out.ToArray();
    }

    public static byte[] Gzip(byte[] data)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(data, 0, data.Length);
        }
        return ms.ToArray();
    }

    public static string Sha256(byte[] data)
    {
        using var sha = SHA256.Create();
        return "sha256:" + BitConverter.ToString(sha.ComputeHash(data)).Replace("-", "").ToLowerInvariant();
    }
}

/// <summary>Assembles an OCI image layout (as a directory) from layer blobs and a config, as a registry client would.</summary>
internal static class OciLayoutBuilder
{
    public static string Write(string dir, IReadOnlyList<byte[]> layers, string configJson, string mediaType = "application/vnd.oci.image.layer.v1.tar+gzip",
        string refName = "test")
    {
        System.IO.Directory.CreateDirectory(Path.Combine(dir, "blobs", "sha256"));
        var layerDescriptors = new List<string>();
        foreach (var layer in layers)
        {
            string digest = Blob(dir, layer);
            layerDescriptors.Add($"{{\"mediaType\":\"{mediaType}\",\"digest\":\"{digest}\",\"size\":{layer.Length}}}");
        }
        var config = Encoding.UTF8.GetBytes(configJson);
        string configDigest = Blob(dir, config);
        var manifest = Encoding.UTF8.GetBytes(
            $"{{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"{configDigest}\",\"size\":{config.Length}}},\"layers\":[{string.Join(",", layerDescriptors)}]}}");
        string manifestDigest = Blob(dir, manifest);
        System.IO.File.WriteAllText(Path.Combine(dir, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        System.IO.File.WriteAllText(Path.Combine(dir, "index.json"),
            $"{{\"schemaVersion\":2,\"manifests\":[{{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"{manifestDigest}\",\"size\":{manifest.Length},\"annotations\":{{\"org.opencontainers.image.ref.name\":\"{refName}\"}}}}]}}");
        return manifestDigest;
    }

    public static string Blob(string dir, byte[] data)
    {
        string digest = TarBuilder.Sha256(data);
        System.IO.File.WriteAllBytes(Path.Combine(dir, "blobs", "sha256", digest.Substring(7)), data);
        return digest;
    }

    public const string MinimalConfig =
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"User\":\"app\"},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},\"history\":[]}";
}
