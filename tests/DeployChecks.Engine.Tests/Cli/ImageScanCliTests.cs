using System.IO;
using DeployChecks.Cli;
using DeployChecks.Engine.Tests.Images;
using DeployChecks.Engine.Tests.Support;
using Newtonsoft.Json.Linq;

namespace DeployChecks.Engine.Tests.Cli;

/// <summary><c>deploychecks image-scan</c>: text and JSON output, the --fail-on gate, hostile archives as exit 2.</summary>
public class ImageScanCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApplication.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Layout(TempDir dir)
    {
        var layer = new TarBuilder()
            .File("etc/os-release", "ID=debian\nVERSION_ID=\"10\"\nPRETTY_NAME=\"Debian GNU/Linux 10 (buster)\"\n")
            .File("var/lib/dpkg/status", "Package: libssl1.1\nStatus: install ok installed\nSource: openssl\nVersion: 1.1.1n-0+deb10u3\n")
            .Build();
        string root = dir.Full("layout");
        OciLayoutBuilder.Write(root, new[] { TarBuilder.Gzip(layer) }, OciLayoutBuilder.MinimalConfig);
        return root;
    }

    [Fact]
    public void Text_output_and_the_fail_on_gate()
    {
        using var dir = new TempDir();
        string layout = Layout(dir);
        var (code, output, _) = Run("image-scan", layout, "--as-of", "2026-12-01");
        Assert.Equal(CliApplication.ExitOk, code);
        Assert.Contains("Debian GNU/Linux 10 (buster)", output);
        Assert.Contains("DC3101 High", output); // Debian 10 LTS ended 2024-06-30
        Assert.Equal(CliApplication.ExitGateFailed, Run("image-scan", layout, "--fail-on", "high", "--as-of", "2026-12-01").Code);
        Assert.Equal(CliApplication.ExitOk, Run("image-scan", layout, "--fail-on", "critical", "--as-of", "2026-12-01").Code);
    }

    [Fact]
    public void Json_output_is_the_whole_result()
    {
        using var dir = new TempDir();
        var (code, output, _) = Run("image-scan", Layout(dir), "--format", "json");
        Assert.Equal(0, code);
        var json = JObject.Parse(output);
        Assert.Equal("debian", (string?)json["OsId"]);
        Assert.Equal("openssl", (string?)json["Packages"]![0]!["SourceName"]);
        Assert.Equal("Debian:10", (string?)json["Packages"]![0]!["Ecosystem"]);
    }

    [Fact]
    public void An_unsafe_archive_exits_2_naming_the_entry()
    {
        using var dir = new TempDir();
        string path = dir.WriteBytes("evil.tar", new TarBuilder().File("../escape", "x").Build());
        var (code, _, err) = Run("image-scan", path);
        Assert.Equal(CliApplication.ExitUsage, code);
        Assert.Contains("ImageArchiveUnsafe", err);
        Assert.Contains("../escape", err);
    }
}
