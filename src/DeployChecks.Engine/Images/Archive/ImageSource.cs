using System;
using System.Collections.Generic;
using System.IO;

namespace DeployChecks.Engine.Images.Archive;

/// <summary>Read access to the files of an image archive or OCI layout directory, by their path inside it
/// (<c>manifest.json</c>, <c>blobs/sha256/…</c>). Implementations never write and never follow a path out of the
/// archive.</summary>
public abstract class ImageSource : IDisposable
{
    protected ImageSource(string description) => Description = description;

    /// <summary>The archive or directory, for messages.</summary>
    public string Description { get; }

    public abstract bool Exists(string path);

    /// <summary>Size of the file at <paramref name="path"/>, or -1 when there is none.</summary>
    public abstract long Length(string path);

    /// <summary>A small file's bytes (manifests, configs), refused past <paramref name="cap"/>.</summary>
    public abstract byte[] ReadSmall(string path, int cap);

    /// <summary>Calls <paramref name="read"/> once for each path with a stream of its content, in any order,
    /// possibly on several threads at once (at most <paramref name="parallelism"/>).</summary>
    public abstract void ReadBlobs(IReadOnlyList<string> paths, Action<int, Stream> read, int parallelism);

    /// <summary>Opens <paramref name="path"/> as a directory OCI layout, or a tar (plain or gzip) holding a docker
    /// save or an OCI layout.</summary>
    public static ImageSource Open(string path, ImageScanLimits limits)
    {
        if (Directory.Exists(path))
        {
            return new DirectorySource(path);
        }
        if (!File.Exists(path))
        {
            throw new ImageScanException(ImageErrors.NotFound, $"No image archive or OCI layout at '{path}'.", path);
        }
        return TarSource.Open(path, limits);
    }

    protected ImageScanException Missing(string path) =>
        new(ImageErrors.Malformed, $"{Description}: '{path}' is referenced but not in the archive.", path);

    public virtual void Dispose()
    {
    }
}
