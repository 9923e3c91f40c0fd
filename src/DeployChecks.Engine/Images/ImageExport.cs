using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace DeployChecks.Engine.Images;

/// <summary>Saves an image from the local docker or podman store to a temporary <c>docker save</c> archive, for
/// <c>Invoke-ImageScan -Image</c>. The archive is the caller's to delete (<see cref="SavedImage.Dispose"/> does).</summary>
public static class ImageExport
{
    /// <summary>The container CLIs tried, in order.</summary>
    public static readonly string[] Clients = { "docker", "podman" };

    /// <summary>The first of <see cref="Clients"/> on PATH, or null.</summary>
    public static string? FindClient(string? path = null)
    {
        string search = path ?? Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (string client in Clients)
        {
            foreach (string dir in search.Split(Path.PathSeparator).Where(d => d.Length > 0))
            {
                string full = Path.Combine(dir, client);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }
        return null;
    }

    /// <summary>Runs <c>CLIENT save -o TEMP IMAGE</c> (podman: <c>--format docker-archive</c>). On failure the temporary
    /// file is already gone and the exception carries the client's own message.</summary>
    public static SavedImage Save(string image, string client, TimeSpan timeout)
    {
        if (image.Length == 0 || image.StartsWith("-", StringComparison.Ordinal) || image.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ImageScanException(ImageErrors.NotFound, $"'{image}' is not an image reference.");
        }
        string temp = Path.Combine(Path.GetTempPath(), "deploychecks-image-" + Guid.NewGuid().ToString("N") + ".tar");
        bool podman = Path.GetFileName(client).StartsWith("podman", StringComparison.Ordinal);
        var psi = new ProcessStartInfo(client)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        psi.Arguments = (podman ? "save --format docker-archive" : "save") + " -o \"" + temp + "\" \"" + image + "\"";
        try
        {
            using var p = Process.Start(psi) ?? throw new ImageScanException(ImageErrors.NotFound, $"Could not start {client}.");
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEndAsync();
            if (!p.WaitForExit((int)timeout.TotalMilliseconds))
            {
                try
                {
                    p.Kill();
                }
                catch (InvalidOperationException)
                {
                }
                throw new ImageScanException(ImageErrors.NotFound, $"{Path.GetFileName(client)} save {image} did not finish within {timeout.TotalSeconds:N0} s.");
            }
            p.WaitForExit();
            if (p.ExitCode != 0 || !File.Exists(temp))
            {
                string message = (stderr.Result + stdout.Result).Trim();
                throw new ImageScanException(ImageErrors.NotFound,
                    $"{Path.GetFileName(client)} save {image} failed (exit {p.ExitCode}): {(message.Length > 400 ? message.Substring(0, 400) + "…" : message)}");
            }
            return new SavedImage(temp);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>A temporary archive written by <see cref="ImageExport.Save"/>; deleted on dispose.</summary>
public sealed class SavedImage : IDisposable
{
    internal SavedImage(string path) => Path = path;

    public string Path { get; }

    public void Dispose() => ImageExport.TryDelete(Path);
}
