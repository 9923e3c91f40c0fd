using System;
using System.IO;
using System.IO.Compression;

namespace DeployChecks.Engine.Images.Archive;

/// <summary>Opens a layer blob as its tar stream: gzip, zstd or plain, detected from the first bytes (media types
/// lie more often than magic numbers). The returned stream refuses to expand past the scan's total budget or the
/// ratio cap, reports a cut gzip/zstd stream as truncated, and counts what it read.</summary>
public static class LayerStreams
{
    public static LayerStream Open(Stream blob, string name, ImageScanLimits limits, ExpansionBudget budget)
    {
        var counting = new CountingStream(blob);
        var head = new byte[6];
        int n = ReadOnlyStream.ReadFully(counting, head, 0, head.Length);
        var rewound = new PrefixStream(head, n, counting);
        string compression;
        Stream inner;
        if (n >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            compression = "gzip";
            inner = new GZipStream(rewound, CompressionMode.Decompress);
        }
        else if (n >= 4 && head[0] == 0x28 && head[1] == 0xB5 && head[2] == 0x2F && head[3] == 0xFD)
        {
            compression = "zstd";
            inner = new ZstdSharp.DecompressionStream(rewound);
        }
        else if (n >= 3 && head[0] == (byte)'B' && head[1] == (byte)'Z' && head[2] == (byte)'h' ||
                 n >= 6 && head[0] == 0xFD && head[1] == (byte)'7' && head[2] == (byte)'z' && head[3] == (byte)'X' && head[4] == (byte)'Z')
        {
            throw new ImageScanException(ImageErrors.Unsupported, $"{name}: bzip2/xz-compressed layers are not supported (OCI layers are gzip, zstd or plain tar).", name);
        }
        else
        {
            compression = "none";
            inner = rewound;
        }
        return new LayerStream(inner, counting, compression, name, limits, budget);
    }
}

/// <summary>A layer's decompressed tar stream with its guards (see <see cref="LayerStreams"/>).</summary>
public sealed class LayerStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly CountingStream _raw;
    private readonly string _name;
    private readonly ImageScanLimits _limits;
    private readonly ExpansionBudget _budget;
    private bool _ended;

    internal LayerStream(Stream inner, CountingStream raw, string compression, string name, ImageScanLimits limits, ExpansionBudget budget)
    {
        _inner = inner;
        _raw = raw;
        Compression = compression;
        _name = name;
        _limits = limits;
        _budget = budget;
    }

    public string Compression { get; }

    /// <summary>Bytes produced (the tar stream's size once it has been read to the end).</summary>
    public long Produced { get; private set; }

    /// <summary>Bytes of the blob read so far.</summary>
    public long Consumed => _raw.Count;

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n;
        try
        {
            n = _inner.Read(buffer, offset, count);
        }
        catch (Exception ex) when (ex is InvalidDataException || ex is EndOfStreamException || ex is ZstdSharp.ZstdException)
        {
            throw new ImageScanException(ex is EndOfStreamException ? ImageErrors.Truncated : ImageErrors.Malformed,
                $"{_name}: the {Compression} stream is {(ex is EndOfStreamException ? "truncated" : "corrupt")} ({ex.Message}).", _name, ex);
        }
        if (n <= 0)
        {
            if (!_ended)
            {
                _ended = true;
                VerifyEnd();
            }
            return 0;
        }
        Produced += n;
        if (!_budget.Take(n))
        {
            throw new ImageScanException(ImageErrors.TooLarge,
                $"{_name}: the image expands past {_budget.Total:N0} bytes, the limit for one scan; refused as a decompression bomb.", _name);
        }
        if (Compression != "none" && Produced > _limits.RatioFloor && Produced > _limits.MaxRatio * Math.Max(1, _raw.Count))
        {
            throw new ImageScanException(ImageErrors.TooLarge,
                $"{_name}: {_raw.Count:N0} compressed bytes expand to more than {Produced:N0} (ratio above {_limits.MaxRatio:N0}:1); refused as a decompression bomb.", _name);
        }
        return n;
    }

    /// <summary>gzip decompression in .NET ends silently on a cut stream: compare the output with the size the gzip
    /// trailer records (ISIZE, modulo 2^32), after draining what the decompressor left unread.</summary>
    private void VerifyEnd()
    {
        if (Compression != "gzip")
        {
            return;
        }
        var sink = new byte[8192];
        while (_raw.Read(sink, 0, sink.Length) > 0)
        {
        }
        if (_raw.Count < 18 || _raw.LastUInt32() != (uint)(Produced & 0xFFFFFFFF))
        {
            throw new ImageScanException(ImageErrors.Truncated,
                $"{_name}: the gzip stream is truncated or corrupt (its trailer does not match the {Produced:N0} bytes it decompressed to).", _name);
        }
    }


    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>Counts the bytes read through it and keeps the last four (a gzip trailer's ISIZE).</summary>
internal sealed class CountingStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private uint _last;

    public CountingStream(Stream inner) => _inner = inner;

    public long Count { get; private set; }

    public uint LastUInt32() => _last;

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = _inner.Read(buffer, offset, count);
        if (n > 0)
        {
            Count += n;
            int start = Math.Max(offset, offset + n - 4);
            for (int i = start; i < offset + n; i++)
            {
                // little-endian: the newest byte is the most significant
                _last = (_last >> 8) | ((uint)buffer[i] << 24);
            }
        }
        return n;
    }


    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>Replays bytes already read (magic sniffing) before the rest of a stream.</summary>
internal sealed class PrefixStream : ReadOnlyStream
{
    private readonly byte[] _prefix;
    private readonly int _length;
    private readonly Stream _rest;
    private int _pos;

    public PrefixStream(byte[] prefix, int length, Stream rest)
    {
        _prefix = prefix;
        _length = length;
        _rest = rest;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_pos < _length)
        {
            int n = Math.Min(count, _length - _pos);
            Array.Copy(_prefix, _pos, buffer, offset, n);
            _pos += n;
            return n;
        }
        return _rest.Read(buffer, offset, count);
    }


    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rest.Dispose();
        }
        base.Dispose(disposing);
    }
}
