using System.IO;
using System.Text;
using DeployChecks.Engine.Images;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Images;

/// <summary>A multi-platform image: index.json → image index → one manifest per platform (plus a buildkit attestation
/// manifest), as `docker buildx --platform linux/amd64,linux/arm64 --output type=oci` writes it.</summary>
public class MultiPlatformTests
{
    private static string Build(TempDir dir)
    {
        string root = dir.Full("layout");
        Directory.CreateDirectory(Path.Combine(root, "blobs", "sha256"));
        string Manifest(string arch, string os, string osVersion)
        {
            var layer = TarBuilder.Gzip(new TarBuilder().File("etc/os-release", $"ID={os}\nVERSION_ID={osVersion}\n").Build());
            string l = OciLayoutBuilder.Blob(root, layer);
            var config = Encoding.UTF8.GetBytes($"{{\"architecture\":\"{arch}\",\"os\":\"linux\",\"config\":{{\"User\":\"1000\"}},\"rootfs\":{{\"type\":\"layers\",\"diff_ids\":[]}}}}");
            string c = OciLayoutBuilder.Blob(root, config);
            var m = Encoding.UTF8.GetBytes($"{{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"{c}\",\"size\":{config.Length}}},\"layers\":[{{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"{l}\",\"size\":{layer.Length}}}]}}");
            return OciLayoutBuilder.Blob(root, m) + "\"," + "\"size\":" + m.Length;
        }
        string amd = Manifest("amd64", "debian", "12");
        string arm = Manifest("arm64", "alpine", "3.20.1");
        string att = Manifest("unknown", "debian", "12");
        var index = Encoding.UTF8.GetBytes("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[" +
            $"{{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"{amd},\"platform\":{{\"architecture\":\"amd64\",\"os\":\"linux\"}}}}," +
            $"{{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"{arm},\"platform\":{{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\"}}}}," +
            $"{{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"{att},\"platform\":{{\"architecture\":\"unknown\",\"os\":\"unknown\"}},\"annotations\":{{\"vnd.docker.reference.type\":\"attestation-manifest\"}}}}]}}");
        string indexDigest = OciLayoutBuilder.Blob(root, index);
        File.WriteAllText(Path.Combine(root, "index.json"),
            $"{{\"schemaVersion\":2,\"manifests\":[{{\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"digest\":\"{indexDigest}\",\"size\":{index.Length},\"annotations\":{{\"org.opencontainers.image.ref.name\":\"app:1.0\"}}}}]}}");
        return root;
    }

    [Fact]
    public void Default_platform_is_linux_amd64_and_the_result_says_which_were_offered()
    {
        using var dir = new TempDir();
        var r = ImageScanner.Scan(new ImageScanRequest(Build(dir)));
        Assert.Equal("linux/amd64", r.Platform);
        Assert.Equal("debian", r.OsId);
        Assert.Contains("linux/amd64 chosen", r.PlatformNote);
        Assert.Contains("linux/arm64/v8", r.PlatformNote);
        Assert.DoesNotContain("unknown", r.PlatformNote);
        Assert.Equal("app:1.0", r.Image);
    }

    [Theory]
    [InlineData("linux/arm64")]
    [InlineData("linux/arm64/v8")]
    public void Platform_picks_the_arm64_image(string platform)
    {
        using var dir = new TempDir();
        var r = ImageScanner.Scan(new ImageScanRequest(Build(dir)) { Platform = platform });
        Assert.Equal("linux/arm64", r.Platform);
        Assert.Equal("alpine", r.OsId);
    }

    [Fact]
    public void A_platform_the_index_lacks_is_a_clear_error()
    {
        using var dir = new TempDir();
        var ex = Assert.Throws<ImageScanException>(() => ImageScanner.Scan(new ImageScanRequest(Build(dir)) { Platform = "linux/s390x" }));
        Assert.Equal(ImageErrors.PlatformNotFound, ex.ErrorId);
        Assert.Contains("linux/amd64, linux/arm64/v8", ex.Message);
    }

    [Fact]
    public void Reference_selects_by_name_and_an_unknown_one_lists_what_exists()
    {
        using var dir = new TempDir();
        string root = Build(dir);
        Assert.Equal("debian", ImageScanner.Scan(new ImageScanRequest(root) { Reference = "docker.io/library/app:1.0" }).OsId);
        var ex = Assert.Throws<ImageScanException>(() => ImageScanner.Scan(new ImageScanRequest(root) { Reference = "other:2" }));
        Assert.Equal(ImageErrors.NotFound, ex.ErrorId);
        Assert.Contains("app:1.0", ex.Message);
    }
}
