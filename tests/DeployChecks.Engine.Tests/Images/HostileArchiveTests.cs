using System;
using System.IO;
using System.Linq;
using System.Text;
using DeployChecks.Engine.Images;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Images;

/// <summary>Archives no honest tool makes: each is refused with a clear error naming the entry, within a bounded
/// time, and nothing is written anywhere (the temp directory holds only what the test put there).</summary>
public class HostileArchiveTests
{
    private static ImageScanException Refused(string path, ImageScanLimits? limits = null)
    {
        ImageScanException? caught = null;
        HangGuard.MustFinish(() => caught = Assert.Throws<ImageScanException>(() =>
            ImageScanner.Scan(new ImageScanRequest(path) { Limits = limits ?? new ImageScanLimits() })));
        return caught!;
    }

    /// <summary>An OCI layout whose one layer is <paramref name="layer"/> (gzip-compressed unless given raw).</summary>
    private static string Layout(TempDir dir, byte[] layer, bool compress = true)
    {
        string root = dir.Full("layout");
        OciLayoutBuilder.Write(root, new[] { compress ? TarBuilder.Gzip(layer) : layer }, OciLayoutBuilder.MinimalConfig);
        return root;
    }

    private static void NothingWritten(TempDir dir, int expectedFiles)
    {
        Assert.Equal(expectedFiles, Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Length);
    }

    [Theory]
    [InlineData("../evil.txt", "climbs out")]
    [InlineData("app/../../evil.txt", "climbs out")]
    [InlineData("/etc/passwd", "absolute path")]
    public void Layer_entry_names_outside_the_root_are_refused(string name, string why)
    {
        using var dir = new TempDir();
        var ex = Refused(Layout(dir, new TarBuilder().File("ok.txt", "x").File(name, "pwned").Build()));
        Assert.Equal(ImageErrors.Hostile, ex.ErrorId);
        Assert.Contains(why, ex.Message);
        Assert.Contains(name, ex.Message);
        NothingWritten(dir, 5);
    }

    [Fact]
    public void Symlink_escaping_the_root_is_refused_but_absolute_and_inner_links_are_fine()
    {
        using var dir = new TempDir();
        var ex = Refused(Layout(dir, new TarBuilder().Directory("app/").Symlink("app/link", "../../etc/shadow").Build()));
        Assert.Equal(ImageErrors.Hostile, ex.ErrorId);
        Assert.Contains("app/link", ex.Message);
        Assert.Contains("outside the image root", ex.Message);

        using var ok = new TempDir();
        var r = ImageScanner.Scan(new ImageScanRequest(Layout(ok, new TarBuilder()
            .Symlink("etc/os-release", "../usr/lib/os-release").Symlink("usr/bin/python", "/usr/bin/python3")
            .File("usr/lib/os-release", "ID=debian\nVERSION_ID=\"12\"\n").Build())));
        Assert.Equal("debian", r.OsId);
    }

    [Fact]
    public void Hard_link_to_outside_is_refused()
    {
        using var dir = new TempDir();
        var ex = Refused(Layout(dir, new TarBuilder().HardLink("app/x", "../outside").Build()));
        Assert.Equal(ImageErrors.Hostile, ex.ErrorId);
        Assert.Contains("hard link 'app/x'", ex.Message);
    }

    [Fact]
    public void Device_files_are_refused()
    {
        using var dir = new TempDir();
        var ex = Refused(Layout(dir, new TarBuilder().Device("dev/sda").Build()));
        Assert.Equal(ImageErrors.Hostile, ex.ErrorId);
        Assert.Contains("dev/sda", ex.Message);
        Assert.Contains("device", ex.Message);
    }

    [Fact]
    public void Absurd_declared_size_is_refused_without_reading_it()
    {
        using var dir = new TempDir();
        // 4 GiB declared (an 11-digit octal size) against a 1 GiB limit; only 10 bytes follow
        var ex = Refused(Layout(dir, new TarBuilder().File("big.bin", new byte[10], declaredSize: 4L << 30).Build()),
            new ImageScanLimits { MaxEntrySize = 1L << 30 });
        Assert.Equal(ImageErrors.Hostile, ex.ErrorId);
        Assert.Contains("big.bin", ex.Message);
        Assert.Contains("limit", ex.Message);
    }

    [Fact]
    public void Decompression_bomb_is_stopped_by_the_total_cap_and_by_the_ratio_cap()
    {
        using var dir = new TempDir();
        // 64 MB of zeros in one file: gzip squeezes it about 1000:1
        var zeros = new TarBuilder().File("zeros", new byte[64 * 1024 * 1024]).Build();
        var total = Refused(Layout(dir, zeros), new ImageScanLimits { MaxTotalExpanded = 16 * 1024 * 1024 });
        Assert.Equal(ImageErrors.TooLarge, total.ErrorId);
        Assert.Contains("decompression bomb", total.Message);

        using var dir2 = new TempDir();
        var ratio = Refused(Layout(dir2, zeros), new ImageScanLimits { MaxRatio = 50, RatioFloor = 1024 * 1024 });
        Assert.Equal(ImageErrors.TooLarge, ratio.ErrorId);
        Assert.Contains("ratio", ratio.Message);
    }

    [Fact]
    public void Zstd_bomb_is_stopped_by_the_default_ratio_cap()
    {
        using var dir = new TempDir();
        var zeros = new TarBuilder().File("zeros", new byte[512 * 1024 * 1024]).Build();
        byte[] zstd = new ZstdSharp.Compressor(19).Wrap(zeros).ToArray();
        string root = dir.Full("layout");
        OciLayoutBuilder.Write(root, new[] { zstd }, OciLayoutBuilder.MinimalConfig, "application/vnd.oci.image.layer.v1.tar+zstd");
        var ex = Refused(root);
        Assert.Equal(ImageErrors.TooLarge, ex.ErrorId);
        Assert.Contains("ratio", ex.Message);
    }

    [Fact]
    public void Truncated_gzip_and_zstd_layers_are_refused()
    {
        var layer = new TarBuilder().File("app/a.txt", new string('a', 50_000) + "\n").File("app/b.txt", Guid.NewGuid().ToString()).Build();
        byte[] gz = TarBuilder.Gzip(layer);
        foreach (int cut in new[] { gz.Length / 2, gz.Length - 4 })
        {
            using var dir = new TempDir();
            string root = dir.Full("layout");
            OciLayoutBuilder.Write(root, new[] { gz.Take(cut).ToArray() }, OciLayoutBuilder.MinimalConfig);
            var ex = Refused(root);
            Assert.Equal(ImageErrors.Truncated, ex.ErrorId);
            Assert.Contains("truncated", ex.Message);
        }
        byte[] zstd = new ZstdSharp.Compressor(3).Wrap(layer).ToArray();
        using var zdir = new TempDir();
        string zroot = zdir.Full("layout");
        OciLayoutBuilder.Write(zroot, new[] { zstd.Take(zstd.Length / 2).ToArray() }, OciLayoutBuilder.MinimalConfig, "application/vnd.oci.image.layer.v1.tar+zstd");
        Assert.Equal(ImageErrors.Truncated, Refused(zroot).ErrorId);
    }

    [Fact]
    public void Plain_layer_cut_before_its_end_marker_is_refused()
    {
        using var dir = new TempDir();
        var ex = Refused(Layout(dir, new TarBuilder().File("a", "x").Build(endMarker: false), compress: false));
        Assert.Equal(ImageErrors.Truncated, ex.ErrorId);
    }

    [Fact]
    public void Duplicate_manifest_json_in_a_docker_archive_is_refused()
    {
        using var dir = new TempDir();
        string manifest = "[{\"Config\":\"c.json\",\"RepoTags\":[\"app:1\"],\"Layers\":[]}]";
        string evil = "[{\"Config\":\"c.json\",\"RepoTags\":[\"app:1\"],\"Layers\":[\"other.tar\"]}]";
        string path = dir.WriteBytes("save.tar", new TarBuilder().File("c.json", OciLayoutBuilder.MinimalConfig).File("manifest.json", manifest)
            .File("manifest.json", evil).Build());
        var ex = Refused(path);
        Assert.Equal(ImageErrors.Hostile, ex.ErrorId);
        Assert.Contains("'manifest.json' appears twice", ex.Message);
        NothingWritten(dir, 1);
    }

    [Fact]
    public void Same_tag_twice_in_manifest_json_is_refused()
    {
        using var dir = new TempDir();
        string manifest = "[{\"Config\":\"c.json\",\"RepoTags\":[\"app:1\"],\"Layers\":[]},{\"Config\":\"c.json\",\"RepoTags\":[\"app:1\"],\"Layers\":[]}]";
        string path = dir.WriteBytes("save.tar", new TarBuilder().File("c.json", OciLayoutBuilder.MinimalConfig).File("manifest.json", manifest).Build());
        var ex = Refused(path);
        Assert.Equal(ImageErrors.Hostile, ex.ErrorId);
        Assert.Contains("app:1", ex.Message);
    }

    [Fact]
    public void Digest_that_is_a_path_is_refused()
    {
        using var dir = new TempDir();
        string root = dir.Full("layout");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "index.json"),
            "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:../../../etc/passwd\",\"size\":1}]}");
        var ex = Refused(root);
        Assert.Equal(ImageErrors.Hostile, ex.ErrorId);
        Assert.Contains("not a valid digest", ex.Message);
    }

    [Fact]
    public void Truncated_outer_archive_and_garbage_are_clear_errors()
    {
        using var dir = new TempDir();
        var full = new TarBuilder().File("manifest.json", "[]").File("blob", new byte[5000]).Build();
        string cut = dir.WriteBytes("cut.tar", full.Take(1500).ToArray());
        Assert.Equal(ImageErrors.Truncated, Refused(cut).ErrorId);
        string garbage = dir.WriteBytes("garbage.tar", Encoding.ASCII.GetBytes(new string('z', 2048)));
        var ex = Refused(garbage);
        Assert.Equal(ImageErrors.Malformed, ex.ErrorId);
        Assert.Contains("checksum", ex.Message);
    }

    [Fact]
    public void Random_bytes_never_crash_or_hang()
    {
        var random = new Random(7);
        for (int i = 0; i < 40; i++)
        {
            using var dir = new TempDir();
            var layer = new TarBuilder().File("etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\n").File("lib/apk/db/installed", "P:musl\nV:1.2.4-r2\n\n").Build();
            byte[] gz = TarBuilder.Gzip(layer);
            gz[10 + random.Next(gz.Length - 10)] ^= (byte)(1 + random.Next(255));
            string root = dir.Full("layout");
            OciLayoutBuilder.Write(root, new[] { gz }, OciLayoutBuilder.MinimalConfig);
            HangGuard.MustFinish(() =>
            {
                try
                {
                    ImageScanner.Scan(new ImageScanRequest(root));
                }
                catch (ImageScanException)
                {
                }
            });
        }
    }
}
