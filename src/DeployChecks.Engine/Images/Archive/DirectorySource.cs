using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace DeployChecks.Engine.Images.Archive;

/// <summary>An OCI image layout directory. Only regular files inside the directory are read: a path that is a
/// symbolic link or resolves outside it is refused.</summary>
internal sealed class DirectorySource : ImageSource
{
    private readonly string _root;

    public DirectorySource(string root) : base(root) =>
        _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

    public override bool Exists(string path) => File.Exists(Resolve(path, false));

    public override long Length(string path)
    {
        string full = Resolve(path, false);
        return File.Exists(full) ? new FileInfo(full).Length : -1;
    }

    public override byte[] ReadSmall(string path, int cap)
    {
        string full = Resolve(path, true);
        using var s = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (s.Length > cap)
        {
            throw new ImageScanException(ImageErrors.TooLarge, $"{Description}: '{path}' is {s.Length:N0} bytes, more than the {cap:N0} a manifest or config may have; refused.", path);
        }
        var data = new byte[s.Length];
        ReadOnlyStream.ReadFully(s, data, 0, data.Length);
        return data;
    }

    public override void ReadBlobs(IReadOnlyList<string> paths, Action<int, Stream> read, int parallelism)
    {
        var full = new string[paths.Count];
        for (int i = 0; i < paths.Count; i++)
        {
            full[i] = Resolve(paths[i], true);
        }
        Parallel.For(0, paths.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i =>
        {
            using var s = new FileStream(full[i], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            read(i, s);
        });
    }

    private string Resolve(string path, bool mustExist)
    {
        string clean = TarPaths.Clean(path, Description);
        string full = Path.GetFullPath(Path.Combine(_root, clean.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(_root, StringComparison.Ordinal))
        {
            throw new ImageScanException(ImageErrors.Hostile, $"{Description}: '{path}' resolves outside the layout; refused.", path);
        }
        for (string? dir = Path.GetDirectoryName(full); dir != null && dir.Length >= _root.Length; dir = Path.GetDirectoryName(dir))
        {
            if (Directory.Exists(dir) && (new DirectoryInfo(dir).Attributes & FileAttributes.ReparsePoint) != 0)
            {
                throw new ImageScanException(ImageErrors.Hostile, $"{Description}: '{path}' goes through a symbolic link; only regular files are read.", path);
            }
        }
        if (File.Exists(full))
        {
            var info = new FileInfo(full);
            if ((info.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                throw new ImageScanException(ImageErrors.Hostile, $"{Description}: '{path}' is a symbolic link; only regular files are read.", path);
            }
        }
        else if (mustExist)
        {
            throw Missing(path);
        }
        return full;
    }
}
