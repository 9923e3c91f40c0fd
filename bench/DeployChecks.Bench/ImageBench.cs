using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using DeployChecks.Engine.Images;

namespace DeployChecks.Bench;

/// <summary>
/// <c>image [--mb 500] [--runs 5] [--gzip] [--keep DIR]</c>: generates a docker save archive of about --mb MB (eight
/// layers of a Debian-shaped Python image: a dpkg status of 400 packages, 300 site-packages distributions, Python
/// sources, binary libraries, configuration files, whiteouts), then scans it --runs times, each in a child process,
/// and prints wall time, CPU time and peak RSS of each. With --gzip the layers are gzip-compressed in an OCI layout tar.
/// <c>image-once PATH</c>: one scan in this process (what the child runs).
/// </summary>
internal static class ImageBench
{
    public static int Run(string[] args)
    {
        int mb = 500, runs = 5;
        bool gzip = false;
        string? keep = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--mb": mb = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--gzip": gzip = true; break;
                case "--keep": keep = args[++i]; break;
                default: Console.Error.WriteLine("unknown argument " + args[i]); return 2;
            }
        }
        string dir = keep ?? Path.Combine(Path.GetTempPath(), "dc-image-bench-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(dir);
        string archive = Path.Combine(dir, gzip ? "oci-gzip.tar" : "docker-save.tar");
        try
        {
            if (!File.Exists(archive))
            {
                var sw = Stopwatch.StartNew();
                Generate(archive, mb * 1024L * 1024, gzip);
                Console.WriteLine($"Generated {new FileInfo(archive).Length / 1e6:F0} MB {(gzip ? "OCI layout tar, gzip layers" : "docker save tar, plain layers")} in {sw.ElapsedMilliseconds} ms: {archive}");
            }
            Console.WriteLine($"Processors: {Environment.ProcessorCount}, runtime {Environment.Version}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            string self = Environment.ProcessPath!;
            // under `dotnet Bench.dll` the process is dotnet: the child needs the assembly too
            string prefix = Path.GetFileNameWithoutExtension(self) == "dotnet" ? "\"" + typeof(ImageBench).Assembly.Location + "\" " : "";
            for (int r = 0; r < runs; r++)
            {
                var psi = new ProcessStartInfo(self, $"{prefix}image-once \"{archive}\"") { RedirectStandardOutput = true };
                using var p = Process.Start(psi)!;
                Console.WriteLine("  " + p.StandardOutput.ReadToEnd().Trim());
                p.WaitForExit();
            }
        }
        finally
        {
            if (keep == null)
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        return 0;
    }

    public static int Once(string path, bool secrets = true)
    {
        var sw = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = ImageScanner.Scan(new ImageScanRequest(path) { Secrets = secrets ? DeployChecks.Engine.Secrets.TextSecretDetector.Instance : null });
        sw.Stop();
        var me = Process.GetCurrentProcess();
        me.Refresh();
        double cpuMs = (me.TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine($"scan {sw.ElapsedMilliseconds} ms wall, {cpuMs:F0} ms CPU, peak RSS {me.PeakWorkingSet64 / 1e6:F0} MB; " +
                          $"{result.Layers.Count} layers, {result.UncompressedSize / 1e6:F0} MB of layer tar, {result.Packages.Count} packages, {result.Findings.Count} findings");
        return 0;
    }

    private static void Generate(string archive, long target, bool gzip)
    {
        const int layers = 8;
        long perLayer = target / layers;
        var rng = new Random(42);
        var layerFiles = new List<(string Name, string TempPath)>();
        string tmp = archive + ".parts";
        Directory.CreateDirectory(tmp);
        for (int l = 0; l < layers; l++)
        {
            string path = Path.Combine(tmp, "layer" + l);
            using (var fs = File.Create(path))
            using (Stream s = gzip ? new GZipStream(fs, CompressionLevel.Fastest) : fs)
            {
                var w = new TarStreamWriter(s);
                // gzip: about 15 % of the bytes are text that compresses ~5:1, so a bit more content lands near the target
                WriteLayer(w, l, gzip ? perLayer * 113 / 100 : perLayer, rng);
                w.Finish();
            }
            layerFiles.Add(("layer" + l, path));
        }
        using var outFs = File.Create(archive);
        var tar = new TarStreamWriter(outFs);
        var digests = new List<string>();
        foreach (var (_, path) in layerFiles)
        {
            string hex;
            using (var f = File.OpenRead(path))
            {
                hex = Convert.ToHexString(SHA256.HashData(f)).ToLowerInvariant();
            }
            digests.Add(hex);
            using var src = File.OpenRead(path);
            tar.AddFile((gzip ? "blobs/sha256/" : "") + hex + (gzip ? "" : ".tar"), src, src.Length);
        }
        string config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"User\":\"app\",\"Cmd\":[\"gunicorn\",\"app.wsgi\"],\"Env\":[\"PYTHON_VERSION=3.12.4\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},\"history\":[]}";
        var cfg = Encoding.UTF8.GetBytes(config);
        string cfgHex = Convert.ToHexString(SHA256.HashData(cfg)).ToLowerInvariant();
        if (gzip)
        {
            tar.AddBytes("blobs/sha256/" + cfgHex, cfg);
            string layersJson = string.Join(",", digests.Select((d, i) => $"{{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:{d}\",\"size\":{new FileInfo(layerFiles[i].TempPath).Length}}}"));
            var manifest = Encoding.UTF8.GetBytes($"{{\"schemaVersion\":2,\"config\":{{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:{cfgHex}\",\"size\":{cfg.Length}}},\"layers\":[{layersJson}]}}");
            string mHex = Convert.ToHexString(SHA256.HashData(manifest)).ToLowerInvariant();
            tar.AddBytes("blobs/sha256/" + mHex, manifest);
            tar.AddBytes("index.json", Encoding.UTF8.GetBytes($"{{\"schemaVersion\":2,\"manifests\":[{{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:{mHex}\",\"size\":{manifest.Length}}}]}}"));
        }
        else
        {
            tar.AddBytes(cfgHex + ".json", cfg);
            tar.AddBytes("manifest.json", Encoding.UTF8.GetBytes($"[{{\"Config\":\"{cfgHex}.json\",\"RepoTags\":[\"bench:latest\"],\"Layers\":[{string.Join(",", digests.Select(d => "\"" + d + ".tar\""))}]}}]"));
        }
        tar.Finish();
        Directory.Delete(tmp, recursive: true);
    }

    /// <summary>One layer: layer 0 the OS (os-release, a dpkg status of 400 packages, shared libraries), layer 1 the
    /// Python packages (300 dist-info + sources), later layers application code, configs and some deletions.</summary>
    private static void WriteLayer(TarStreamWriter w, int layer, long budget, Random rng)
    {
        long written = 0;
        var text = new StringBuilder();
        if (layer == 0)
        {
            w.AddBytes("etc/os-release", Encoding.UTF8.GetBytes("ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"));
            for (int i = 0; i < 400; i++)
            {
                text.Append($"Package: lib{i}\nStatus: install ok installed\nArchitecture: amd64\nSource: src{i / 3}\nVersion: {i % 9}.{i % 7}.{i % 5}-{i % 4}+deb12u{i % 3}\nDescription: generated package {i}\n {new string('d', 600)}\n\n");
            }
            w.AddBytes("var/lib/dpkg/status", Encoding.UTF8.GetBytes(text.ToString()));
        }
        if (layer == 1)
        {
            for (int i = 0; i < 300; i++)
            {
                w.AddBytes($"usr/local/lib/python3.12/site-packages/pkg{i}-1.{i}.0.dist-info/METADATA",
                    Encoding.UTF8.GetBytes($"Metadata-Version: 2.1\nName: pkg{i}\nVersion: 1.{i}.0\nSummary: generated\n\n{new string('r', 3000)}\n"));
            }
        }
        if (layer == 5)
        {
            w.AddBytes("usr/local/lib/python3.12/site-packages/.wh.pkg7-1.7.0.dist-info", Array.Empty<byte>());
        }
        int n = 0;
        var binary = new byte[4 * 1024 * 1024];
        while (written < budget)
        {
            n++;
            if (n % 50 == 0)
            {
                // a binary library (4 MB, incompressible)
                rng.NextBytes(binary);
                w.AddBytes($"usr/lib/x86_64-linux-gnu/libgen{layer}_{n}.so", binary);
                written += binary.Length;
            }
            else if (n % 10 == 0)
            {
                var cfg = Encoding.UTF8.GetBytes($"[app]\nDEBUG = 0\nLOG_LEVEL = info\nWORKERS = {n % 9}\nDATABASE_URL = ${{DATABASE_URL}}\n" + new string('#', 2000) + "\n");
                w.AddBytes($"app/conf/service{layer}_{n}.ini", cfg);
                written += cfg.Length;
            }
            else
            {
                text.Clear();
                for (int k = 0; k < 150; k++)
                {
                    text.Append("def handler_").Append(k).Append("(request):\n    return render(request, \"page_").Append(k).Append(".html\", {\"value\": ").Append(rng.Next()).Append("})\n\n");
                }
                var src = Encoding.UTF8.GetBytes(text.ToString());
                w.AddBytes($"app/src/module{layer}_{n}.py", src);
                written += src.Length;
            }
        }
    }

    /// <summary>Streams ustar entries to a stream (the bench's own writer; the engine never writes archives).</summary>
    private sealed class TarStreamWriter
    {
        private readonly Stream _out;

        public TarStreamWriter(Stream output) => _out = output;

        public void AddBytes(string name, byte[] data) => AddFile(name, new MemoryStream(data), data.Length);

        public void AddFile(string name, Stream data, long size)
        {
            var h = new byte[512];
            Encoding.ASCII.GetBytes(name).CopyTo(h, 0);
            Encoding.ASCII.GetBytes("0000644").CopyTo(h, 100);
            Encoding.ASCII.GetBytes(Convert.ToString(size, 8).PadLeft(11, '0')).CopyTo(h, 124);
            Encoding.ASCII.GetBytes("00000000000").CopyTo(h, 136);
            h[156] = (byte)'0';
            Encoding.ASCII.GetBytes("ustar\u000000").CopyTo(h, 257);
            for (int i = 148; i < 156; i++)
            {
                h[i] = (byte)' ';
            }
            Encoding.ASCII.GetBytes(Convert.ToString(h.Sum(b => (long)b), 8).PadLeft(6, '0') + "\0 ").CopyTo(h, 148);
            _out.Write(h);
            data.CopyTo(_out);
            _out.Write(new byte[(512 - size % 512) % 512]);
        }

        public void Finish() => _out.Write(new byte[1024]);
    }
}
