using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Threading.Tasks;

namespace DeployChecks.Engine.Images.Archive;

/// <summary>
/// A tar archive holding a docker save or an OCI layout. A plain tar is indexed once (headers only, bodies skipped by
/// seeking) and blobs are then read in place, several at a time. A gzip-compressed tar cannot seek: the index pass
/// keeps the small files (manifests, configs) in memory and each <see cref="ReadBlobs"/> streams the archive again.
/// Entries whose names repeat are refused (two <c>manifest.json</c> would make the image whatever the last one says),
/// as are names that climb out, device files and links that leave the archive.
/// </summary>
internal sealed class TarSource : ImageSource
{
    private const int SmallFile = 1024 * 1024;
    private const long SmallTotal = 64L * 1024 * 1024;
    private readonly string _path;
    private readonly bool _gzip;
    private readonly ImageScanLimits _limits;
    private readonly Dictionary<string, TarEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _small = new(StringComparer.Ordinal);

    private TarSource(string path, bool gzip, ImageScanLimits limits) : base(path)
    {
        _path = path;
        _gzip = gzip;
        _limits = limits;
    }

    public static new TarSource Open(string path, ImageScanLimits limits)
    {
        bool gzip;
        using (var probe = File.OpenRead(path))
        {
            gzip = probe.ReadByte() == 0x1F && probe.ReadByte() == 0x8B;
        }
        var source = new TarSource(path, gzip, limits);
        source.Index();
        return source;
    }

    public override bool Exists(string path) => TryResolve(path, out _);

    public override long Length(string path) => TryResolve(path, out var e) ? e.Size : -1;

    public override byte[] ReadSmall(string path, int cap)
    {
        if (!TryResolve(path, out var entry))
        {
            throw Missing(path);
        }
        if (entry.Size > cap)
        {
            throw new ImageScanException(ImageErrors.TooLarge, $"{Description}: '{path}' is {entry.Size:N0} bytes, more than the {cap:N0} a manifest or config may have; refused.", path);
        }
        if (_small.TryGetValue(entry.Name, out var cached))
        {
            return cached;
        }
        if (_gzip)
        {
            byte[]? found = null;
            ReadBlobs(new[] { path }, (_, s) =>
            {
                var ms = new MemoryStream();
                s.CopyTo(ms);
                found = ms.ToArray();
            }, 1);
            return found!;
        }
        using var file = OpenFile();
        file.Seek(entry.DataOffset, SeekOrigin.Begin);
        var data = new byte[entry.Size];
        if (ReadOnlyStream.ReadFully(file, data, 0, data.Length) < data.Length)
        {
            throw new ImageScanException(ImageErrors.Truncated, $"{Description}: '{path}' ends early; the archive is truncated.", path);
        }
        return data;
    }

    public override void ReadBlobs(IReadOnlyList<string> paths, Action<int, Stream> read, int parallelism)
    {
        var targets = new TarEntry[paths.Count];
        for (int i = 0; i < paths.Count; i++)
        {
            if (!TryResolve(paths[i], out targets[i]))
            {
                throw Missing(paths[i]);
            }
        }
        if (!_gzip)
        {
            Parallel.For(0, targets.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i =>
            {
                using var file = OpenFile();
                file.Seek(targets[i].DataOffset, SeekOrigin.Begin);
                using var slice = new SliceStream(file, targets[i].Size, Description, paths[i]);
                read(i, slice);
            });
            return;
        }
        // One streaming pass serves each entry once; a blob asked for twice (a layer repeated in the image) takes
        // another pass.
        var pending = new List<int>();
        for (int i = 0; i < targets.Length; i++)
        {
            pending.Add(i);
        }
        while (pending.Count > 0)
        {
            var wanted = new Dictionary<string, int>(StringComparer.Ordinal);
            var later = new List<int>();
            foreach (int i in pending)
            {
                if (wanted.ContainsKey(targets[i].Name))
                {
                    later.Add(i);
                }
                else
                {
                    wanted[targets[i].Name] = i;
                }
            }
            Stream(reader =>
            {
                while (wanted.Count > 0 && reader.TryNext(out var e))
                {
                    string name = TarPaths.Clean(e.Name, Description);
                    if (e.Type == TarEntryType.File && wanted.TryGetValue(name, out int i))
                    {
                        wanted.Remove(name);
                        read(i, reader.OpenData());
                    }
                }
            });
            pending = later;
        }
    }

    private void Index()
    {
        long small = 0;
        Stream(reader =>
        {
            while (reader.TryNext(out var e))
            {
                string name = TarPaths.Clean(e.Name, Description);
                if (name.Length == 0 || e.Type == TarEntryType.Directory)
                {
                    continue;
                }
                if (e.Type is TarEntryType.CharDevice or TarEntryType.BlockDevice)
                {
                    throw new ImageScanException(ImageErrors.Hostile, $"{Description}: entry '{TarReader.Shorten(name)}' is a device file; refused.", name);
                }
                if (e.Type == TarEntryType.Symlink)
                {
                    TarPaths.CheckSymlink(name, e.LinkName, Description);
                    if (e.LinkName.StartsWith("/", StringComparison.Ordinal))
                    {
                        throw new ImageScanException(ImageErrors.Hostile, $"{Description}: entry '{TarReader.Shorten(name)}' links to the absolute path '{TarReader.Shorten(e.LinkName)}'; refused.", name);
                    }
                }
                else if (e.Type == TarEntryType.HardLink)
                {
                    e.LinkName = TarPaths.CheckHardLink(name, e.LinkName, Description);
                }
                if (_entries.ContainsKey(name))
                {
                    throw new ImageScanException(ImageErrors.Hostile,
                        $"{Description}: '{TarReader.Shorten(name)}' appears twice in the archive; which one is the image is ambiguous, so it is refused.", name);
                }
                e.Name = name;
                _entries[name] = e;
                if (_gzip && e.Type == TarEntryType.File && e.Size <= SmallFile && small + e.Size <= SmallTotal)
                {
                    var data = new byte[e.Size];
                    using (var s = reader.OpenData())
                    {
                        ReadOnlyStream.ReadFully(s, data, 0, data.Length);
                    }
                    _small[name] = data;
                    small += e.Size;
                }
            }
        });
    }

    private void Stream(Action<TarReader> body)
    {
        using var file = OpenFile();
        if (!_gzip)
        {
            body(new TarReader(file, Description, _limits));
            return;
        }
        var budget = new ExpansionBudget(_limits.MaxTotalExpanded);
        using var layer = LayerStreams.Open(file, Description, _limits, budget);
        body(new TarReader(layer, Description, _limits));
    }

    private bool TryResolve(string path, out TarEntry entry)
    {
        string name = TarPaths.Clean(path, Description);
        for (int hops = 0; hops < 16; hops++)
        {
            if (!_entries.TryGetValue(name, out entry!))
            {
                return false;
            }
            switch (entry.Type)
            {
                case TarEntryType.File:
                    return true;
                case TarEntryType.HardLink:
                    name = entry.LinkName;
                    break;
                case TarEntryType.Symlink:
                    name = TarPaths.Resolve(name, entry.LinkName)
                           ?? throw new ImageScanException(ImageErrors.Hostile, $"{Description}: '{path}' links outside the archive; refused.", path);
                    break;
                default:
                    return false;
            }
        }
        throw new ImageScanException(ImageErrors.Hostile, $"{Description}: '{path}' is a chain of more than 16 links; refused.", path);
    }

    private FileStream OpenFile() => new(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    /// <summary>A window of a seekable stream: one blob of the archive.</summary>
    private sealed class SliceStream : ReadOnlyStream
    {
        private readonly Stream _inner;
        private readonly string _archive;
        private readonly string _entry;
        private long _remaining;

        public SliceStream(Stream inner, long length, string archive, string entry)
        {
            _inner = inner;
            _remaining = length;
            _archive = archive;
            _entry = entry;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_remaining <= 0)
            {
                return 0;
            }
            int n = _inner.Read(buffer, offset, (int)Math.Min(count, _remaining));
            if (n <= 0)
            {
                throw new ImageScanException(ImageErrors.Truncated, $"{_archive}: '{_entry}' ends early; the archive is truncated.", _entry);
            }
            _remaining -= n;
            return n;
        }

    }
}
