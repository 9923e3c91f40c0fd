using System;
using System.Linq;
using DeployChecks.Engine.Images;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Images;

/// <summary>Invoke-ImageScan's engine on an image built by real tools (umoci, skopeo, dpkg-deb, apt-get download):
/// the same inventory from every archive format, whiteouts and opaque directories applied, the deleted secret still
/// reported, every finding redacted.</summary>
public class RealImageScanTests : IClassFixture<RealImageFixture>
{
    private static readonly DateTime Day = new(2026, 12, 1);
    private readonly RealImageFixture _image;

    public RealImageScanTests(RealImageFixture image) => _image = image;

    private static ImageScanResult Scan(string path) => ImageScanner.Scan(new ImageScanRequest(path) { Today = Day });

    private static string[] Inventory(ImageScanResult r) =>
        r.Packages.Select(p => $"{p.Type} {p.Name} {p.Version} {p.Ecosystem} {p.Path} layer{p.LayerIndex}").OrderBy(s => s, StringComparer.Ordinal).ToArray();

    [RealToolFact("umoci", "skopeo", "dpkg-deb", "apt-get")]
    public void Oci_layout_inventory_has_the_real_dpkg_and_python_packages_with_their_layers()
    {
        var r = Scan(_image.OciDirectory);
        Assert.Equal("oci-layout", r.Format);
        Assert.Equal("linux/amd64", r.Platform);
        Assert.Equal("debian", r.OsId);
        Assert.Equal(4, r.Layers.Count);
        Assert.All(r.Layers, l => Assert.Equal("gzip", l.Compression));
        Assert.Equal("RUN rm /app/.env", r.Layers[2].CreatedBy);
        Assert.Equal(1, r.Layers[2].Deletions);
        Assert.Equal(1, r.Layers[3].Deletions);
        var deb = r.Packages.Where(p => p.Type == "deb").ToList();
        Assert.Contains(deb, p => p.Name == "libc6" && p.Ecosystem.StartsWith("Debian:", StringComparison.Ordinal) && p.Purl.StartsWith("pkg:deb/debian/libc6@", StringComparison.Ordinal));
        Assert.Contains(deb, p => p.Name == "python3-six" && p.SourceName == "six" && p.LayerIndex == 0);
        var py = r.Packages.Where(p => p.Type == "python").ToList();
        Assert.Contains(py, p => p.Name == "six" && p.Path.EndsWith(".egg-info/PKG-INFO", StringComparison.Ordinal) && p.Purl.StartsWith("pkg:pypi/six@", StringComparison.Ordinal));
        Assert.Contains(py, p => p.Name == "packaging" && p.Path.StartsWith("/usr/lib/python3/dist-packages/packaging-", StringComparison.Ordinal) && p.Path.EndsWith(".dist-info/METADATA", StringComparison.Ordinal));
        Assert.Contains(py, p => p.Name == "blinker");
        // the virtualenv's copy of packaging was hidden by layer 3's opaque directory
        Assert.DoesNotContain(py, p => p.Path.StartsWith("/opt/venv/", StringComparison.Ordinal));
    }

    [RealToolFact("umoci", "skopeo", "dpkg-deb", "apt-get")]
    public void Docker_archive_oci_tar_and_gzip_archive_give_the_same_inventory_as_the_layout()
    {
        var expected = Inventory(Scan(_image.OciDirectory));
        Assert.NotEmpty(expected);
        var docker = Scan(_image.DockerArchive);
        Assert.Equal("docker-archive", docker.Format);
        Assert.Equal("docker.io/library/app:test", docker.Image);
        Assert.Equal(expected, Inventory(docker));
        Assert.Equal(expected, Inventory(Scan(_image.OciTar)));
        Assert.Equal(expected, Inventory(Scan(_image.DockerArchiveGzip)));
    }

    [RealToolFact("umoci", "skopeo", "dpkg-deb", "apt-get")]
    public void Secret_deleted_by_a_later_layer_is_reported_with_its_layer_and_redacted()
    {
        foreach (string path in new[] { _image.OciDirectory, _image.DockerArchive })
        {
            var r = Scan(path);
            var secret = Assert.Single(r.Findings, f => f.RuleId == "DC3108");
            Assert.Contains("/app/.env", secret.Path);
            Assert.Contains("deleted by a later layer", secret.Message);
            Assert.Contains(r.Layers[1].Digest, secret.Evidence);
            Assert.DoesNotContain("fake-not-real-0123456789abcdef", secret.Evidence + secret.Message);
            Assert.StartsWith("SECRET_KEY=fa****", secret.Evidence);
            // settings.py reads the environment: not a secret
            Assert.DoesNotContain(r.Findings, f => f.Path.Contains("settings.py"));
        }
    }

    [RealToolFact("umoci", "skopeo", "dpkg-deb", "apt-get")]
    public void Configuration_findings_eol_python_root_no_healthcheck_runserver_and_ssh_port()
    {
        var r = Scan(_image.OciDirectory);
        var ids = r.Findings.Select(f => f.RuleId).ToList();
        Assert.Contains("DC3102", ids); // PYTHON_VERSION=3.9.18, EOL 2025-10-31
        Assert.Contains("DC3103", ids);
        Assert.Contains("DC3104", ids);
        Assert.Contains("DC3106", ids);
        var port = Assert.Single(r.Findings, f => f.RuleId == "DC3107");
        Assert.Contains("22/tcp", port.Message);
        Assert.DoesNotContain(r.Findings, f => f.RuleId == "DC3107" && f.Message.Contains("8000"));
        Assert.Equal(new[] { "8000/tcp", "22/tcp" }.OrderBy(x => x), r.ExposedPorts.OrderBy(x => x));
        // Debian 12 ends 2028-06-30: not reported on this day
        Assert.DoesNotContain("DC3101", ids);
        Assert.All(r.Findings, f => Assert.False(string.IsNullOrEmpty(f.Fingerprint)));
    }

    [RealToolFact("umoci", "skopeo", "dpkg-deb", "apt-get")]
    public void Nothing_is_written_next_to_the_archive()
    {
        string dir = System.IO.Path.GetDirectoryName(_image.DockerArchive)!;
        var before = System.IO.Directory.GetFileSystemEntries(dir, "*", System.IO.SearchOption.AllDirectories).OrderBy(x => x).ToArray();
        Scan(_image.DockerArchive);
        Scan(_image.OciDirectory);
        var after = System.IO.Directory.GetFileSystemEntries(dir, "*", System.IO.SearchOption.AllDirectories).OrderBy(x => x).ToArray();
        Assert.Equal(before, after);
    }
}
