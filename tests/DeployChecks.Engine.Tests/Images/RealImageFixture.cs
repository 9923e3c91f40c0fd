using System;
using System.Diagnostics;
using System.IO;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Images;

/// <summary>Builds the test image once per test class with Debian's umoci and skopeo (build-test-image.sh): an OCI
/// layout directory, the same image as a docker save archive, an OCI layout tar and a gzip-compressed docker save.
/// Everything lives in a temp directory removed on dispose.</summary>
public sealed class RealImageFixture : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly Lazy<string?> _built;

    public RealImageFixture() => _built = new Lazy<string?>(Build);

    public string OciDirectory => Require(Path.Combine(_dir.Path, "img", "oci"));
    public string DockerArchive => Require(Path.Combine(_dir.Path, "img", "app.tar"));
    public string OciTar => Require(Path.Combine(_dir.Path, "img", "oci.tar"));
    public string DockerArchiveGzip => Require(Path.Combine(_dir.Path, "img", "app.tar.gz"));

    private string Require(string path)
    {
        if (_built.Value is { } error)
        {
            throw new InvalidOperationException("building the test image failed: " + error);
        }
        return path;
    }

    private string? Build()
    {
        string script = Path.Combine(Paths.RepoRoot, "tests", "DeployChecks.Engine.Tests", "Images", "build-test-image.sh");
        string outDir = Path.Combine(_dir.Path, "img");
        string? error = Run("bash", $"\"{script}\" \"{outDir}\"", _dir.Path);
        error ??= Run("tar", "-C oci -cf oci.tar .", outDir);
        error ??= Run("bash", "-c \"gzip -c app.tar > app.tar.gz\"", outDir);
        return error;
    }

    private static string? Run(string file, string args, string cwd)
    {
        var psi = new ProcessStartInfo(file, args) { WorkingDirectory = cwd, RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        string stderr = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(300_000))
        {
            p.Kill();
            return file + " did not finish";
        }
        return p.ExitCode == 0 ? null : $"{file} {args}: exit {p.ExitCode}: {stderr}";
    }

    public void Dispose() => _dir.Dispose();
}
