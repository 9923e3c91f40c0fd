using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace DeployChecks.Module.Tests;

/// <summary>Invoke-ImageScan in the hosted engine: results, pipelines into the dependency cmdlets, error records.</summary>
public class ImageScanCmdletTests
{
    /// <summary>An OCI layout with one gzip layer: Alpine 3.19, musl from apk, Django 4.2.1 in site-packages, an .env
    /// with a fake secret; the config runs manage.py runserver as root.</summary>
    private static string Layout(TestApp app)
    {
        var files = new List<(string Name, string Text)>
        {
            ("etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME=\"Alpine Linux v3.19\"\n"),
            ("lib/apk/db/installed", "P:musl\nV:1.2.4_git20230717-r4\nA:x86_64\no:musl\n\n"),
            ("usr/local/lib/python3.12/site-packages/Django-4.2.1.dist-info/METADATA", "Metadata-Version: 2.1\nName: Django\nVersion: 4.2.1\n\n"),
            ("app/.env", "SECRET_KEY=fake-not-real-0123456789abcdef\n"),
        };
        var tar = new MemoryStream();
        foreach (var (name, text) in files)
        {
            var data = Encoding.UTF8.GetBytes(text);
            var h = new byte[512];
            Encoding.ASCII.GetBytes(name).CopyTo(h, 0);
            Encoding.ASCII.GetBytes("0000644").CopyTo(h, 100);
            Encoding.ASCII.GetBytes(Convert.ToString(data.Length, 8).PadLeft(11, '0')).CopyTo(h, 124);
            Encoding.ASCII.GetBytes("00000000000").CopyTo(h, 136);
            h[156] = (byte)'0';
            Encoding.ASCII.GetBytes("ustar\u000000").CopyTo(h, 257);
            for (int i = 148; i < 156; i++)
            {
                h[i] = (byte)' ';
            }
            Encoding.ASCII.GetBytes(Convert.ToString(h.Sum(b => (long)b), 8).PadLeft(6, '0') + "\0 ").CopyTo(h, 148);
            tar.Write(h);
            tar.Write(data);
            tar.Write(new byte[(512 - data.Length % 512) % 512]);
        }
        tar.Write(new byte[1024]);
        var gz = new MemoryStream();
        using (var z = new GZipStream(gz, CompressionLevel.Fastest, true))
        {
            z.Write(tar.ToArray());
        }
        string root = Path.Combine(app.Root, "layout");
        Directory.CreateDirectory(Path.Combine(root, "blobs", "sha256"));
        string Blob(byte[] b)
        {
            string hex = Convert.ToHexString(SHA256.HashData(b)).ToLowerInvariant();
            File.WriteAllBytes(Path.Combine(root, "blobs", "sha256", hex), b);
            return "sha256:" + hex;
        }
        var layer = gz.ToArray();
        string layerDigest = Blob(layer);
        var config = Encoding.UTF8.GetBytes("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"python\",\"manage.py\",\"runserver\"],\"Env\":[\"PATH=/usr/bin\"]}," +
                                            "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},\"history\":[{\"created_by\":\"COPY . /\"}]}");
        string configDigest = Blob(config);
        var manifest = Encoding.UTF8.GetBytes($"{{\"schemaVersion\":2,\"config\":{{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"{configDigest}\",\"size\":{config.Length}}}," +
                                              $"\"layers\":[{{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"{layerDigest}\",\"size\":{layer.Length}}}]}}");
        string manifestDigest = Blob(manifest);
        File.WriteAllText(Path.Combine(root, "index.json"),
            $"{{\"schemaVersion\":2,\"manifests\":[{{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"{manifestDigest}\",\"size\":{manifest.Length},\"annotations\":{{\"org.opencontainers.image.ref.name\":\"app:1.0\"}}}}]}}");
        return root;
    }

    [Fact]
    public void Scans_a_layout_and_findings_filter_on_severity()
    {
        using var app = new TestApp();
        string layout = Layout(app);
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Invoke-ImageScan $args[0] -AsOf 2026-12-01 | ForEach-Object Findings | Where-Object Severity -ge High | ForEach-Object RuleId", layout);
        Assert.Empty(r.Errors);
        var ids = r.Output.Select(o => o.ToString()).ToList();
        Assert.Contains("DC3106", ids); // runserver
        Assert.Contains("DC3108", ids); // the .env secret
        Assert.Contains("DC3101", ids); // Alpine 3.19 ended 2025-11-01
        var result = Assert.Single(ps.Run("Invoke-ImageScan -LiteralPath $args[0]", layout).Output);
        Assert.Equal("app:1.0", result.Str("Image"));
        Assert.Equal("linux/amd64", result.Str("Platform"));
        Assert.Contains("ImageScanResult", result.TypeNames[0]);
    }

    [Fact]
    public void Inventory_pipes_into_Find_DependencyVulnerability_and_Export_DependencySbom()
    {
        using var app = new TestApp();
        string layout = Layout(app);
        app.Write("osv/PYSEC-X.json", "{\"id\":\"PYSEC-2099-1\",\"affected\":[{\"package\":{\"ecosystem\":\"PyPI\",\"name\":\"django\"},\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"4.2.7\"}]}]}]}");
        app.Write("osv/ALPINE-X.json", "{\"id\":\"ALPINE-2099-1\",\"affected\":[{\"package\":{\"ecosystem\":\"Alpine:v3.19\",\"name\":\"musl\"},\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"1.2.4_git20230717-r5\"}]}]}]}");
        using var ps = PowerShellSession.WithModule();
        var matches = ps.Run("Invoke-ImageScan $args[0] -Inventory | Find-DependencyVulnerability -DatabasePath $args[1]", layout, Path.Combine(app.Root, "osv"));
        Assert.Empty(matches.Errors);
        Assert.Equal(new[] { "ALPINE-2099-1", "PYSEC-2099-1" }, matches.Output.Select(m => m.Str("AdvisoryId")).OrderBy(x => x));

        var sbom = ps.Run("Invoke-ImageScan $args[0] -Inventory | Export-DependencySbom -DatabasePath $args[1]", layout, Path.Combine(app.Root, "osv"));
        Assert.Empty(sbom.Errors);
        var bom = JObject.Parse(Assert.Single(sbom.Output).ToString());
        var purls = bom["components"]!.Select(c => (string)c["purl"]!).ToList();
        Assert.Contains("pkg:pypi/django@4.2.1", purls);
        Assert.Contains(purls, p => p.StartsWith("pkg:apk/alpine/musl@1.2.4_git20230717-r4", StringComparison.Ordinal));
        Assert.Equal(2, bom["vulnerabilities"]!.Count());
    }

    [Fact]
    public void A_hostile_archive_is_a_non_terminating_error_and_the_next_path_is_scanned()
    {
        using var app = new TestApp();
        string layout = Layout(app);
        string bad = app.Write("bad.tar", "not a tar archive, just text that is long enough to fill one header block " + new string('x', 600));
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Invoke-ImageScan $args[0], $args[1]", bad, layout);
        var error = Assert.Single(r.Errors);
        Assert.StartsWith("ImageMalformed,", error.FullyQualifiedErrorId);
        Assert.Equal(bad, error.TargetObject);
        Assert.Single(r.Output);
    }

    [Fact]
    public void Image_without_a_working_container_cli_is_a_clear_error_and_leaves_no_temporary_archive()
    {
        using var ps = PowerShellSession.WithModule();
        var before = Directory.GetFiles(Path.GetTempPath(), "deploychecks-image-*").Length;
        var r = ps.Run("Invoke-ImageScan -Image 'deploychecks-test/none:0'");
        var error = Assert.Single(r.Errors);
        bool hasCli = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(d => File.Exists(Path.Combine(d, "docker")) || File.Exists(Path.Combine(d, "podman")));
        Assert.StartsWith(hasCli ? "ImageSaveFailed," : "ContainerCliNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(before, Directory.GetFiles(Path.GetTempPath(), "deploychecks-image-*").Length);
        Assert.Contains(hasCli ? "save deploychecks-test/none:0 failed" : "docker save -o app.tar deploychecks-test/none:0", error.Exception.Message);
    }
}
