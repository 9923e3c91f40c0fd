using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace DeployChecks.Engine.Images.Archive;

/// <summary>
/// A forward-only tar reader (POSIX ustar, PAX extended headers, GNU long names and base-256 sizes) that never writes
/// anything and refuses what a scanner must not trust: bad header checksums, declared sizes past the limit, names
/// past the length limit, too many entries, and data that ends before an entry does. Entry data is read through
/// <see cref="OpenData"/> or skipped (seeking when the stream can).
/// </summary>
public sealed class TarReader
{
    private const int Block = 512;
    private readonly Stream _stream;
    private readonly string _archive;
    private readonly ImageScanLimits _limits;
    private readonly byte[] _header = new byte[Block];
    private long _position;
    private long _remaining;
    private long _padding;
    private int _count;

    public TarReader(Stream stream, string archive, ImageScanLimits limits)
    {
        _stream = stream;
        _archive = archive;
        _limits = limits;
    }

    /// <summary>Bytes consumed from the underlying stream so far.</summary>
    public long Position => _position;

    /// <summary>When true, an archive must end with the zero block tar writers put at its end; a stream that stops on a
    /// block boundary without it is truncated (a gzip stream cut short decompresses silently to a shorter tar).</summary>
    public bool RequireEndMarker { get; set; }

    /// <summary>Reads the next entry's header, skipping what is left of the current entry's data; false at the end
    /// of the archive (a zero block, or the stream's end on a block boundary unless <see cref="RequireEndMarker"/>).</summary>
    public bool TryNext(out TarEntry entry)
    {
        entry = null!;
        Skip(_remaining + _padding);
        _remaining = _padding = 0;
        string? longName = null, longLink = null;
        Dictionary<string, string>? pax = null;
        while (true)
        {
            int n = ReadFully(_header, 0, Block);
            if (n == 0)
            {
                if (RequireEndMarker)
                {
                    throw Truncated("the archive, before its end-of-archive marker");
                }
                return false;
            }
            if (n < Block)
            {
                throw Truncated("a header");
            }
            _position += Block;
            if (IsZero(_header))
            {
                return false;
            }
            if (++_count > _limits.MaxEntries)
            {
                throw new ImageScanException(ImageErrors.TooLarge, $"{_archive}: more than {_limits.MaxEntries:N0} entries; refused.");
            }
            VerifyChecksum();
            char flag = (char)_header[156];
            long size = ParseNumber(_header, 124, 12);
            string name = HeaderName();
            if (size < 0 || size > _limits.MaxEntrySize)
            {
                throw new ImageScanException(ImageErrors.Hostile,
                    $"{_archive}: entry '{Shorten(longName ?? name)}' declares {size:N0} bytes, more than the {_limits.MaxEntrySize:N0}-byte limit; refused.", name);
            }
            switch (flag)
            {
                case 'x':
                    pax = ParsePax(ReadSmall(size, name));
                    continue;
                case 'g':
                    ReadSmall(size, name);
                    continue;
                case 'L':
                    longName = TrimNul(ReadSmall(size, name));
                    continue;
                case 'K':
                    longLink = TrimNul(ReadSmall(size, name));
                    continue;
            }
            if (pax != null && pax.TryGetValue("size", out var paxSize))
            {
                if (!long.TryParse(paxSize, out size) || size < 0 || size > _limits.MaxEntrySize)
                {
                    throw new ImageScanException(ImageErrors.Hostile, $"{_archive}: entry '{Shorten(name)}' declares an unusable PAX size '{Shorten(paxSize)}'; refused.", name);
                }
            }
            entry = new TarEntry
            {
                Name = pax != null && pax.TryGetValue("path", out var p) ? p : longName ?? name,
                LinkName = pax != null && pax.TryGetValue("linkpath", out var l) ? l : longLink ?? CString(_header, 157, 100),
                Size = flag is '1' or '2' or '3' or '4' or '5' or '6' ? 0 : size,
                DataOffset = _position,
                Type = flag switch
                {
                    '0' or '\0' or '7' => TarEntryType.File,
                    '1' => TarEntryType.HardLink,
                    '2' => TarEntryType.Symlink,
                    '3' => TarEntryType.CharDevice,
                    '4' => TarEntryType.BlockDevice,
                    '5' => TarEntryType.Directory,
                    '6' => TarEntryType.Fifo,
                    _ => TarEntryType.Other,
                },
            };
            if (entry.Name.Length > _limits.MaxNameLength)
            {
                throw new ImageScanException(ImageErrors.Hostile, $"{_archive}: an entry name of {entry.Name.Length:N0} characters; refused.", Shorten(entry.Name));
            }
            // Hard links, symlinks, devices and directories carry no data even when a size is written (GNU tar).
            long dataSize = flag is '1' or '2' or '3' or '4' or '5' or '6' ? 0 : size;
            _remaining = dataSize;
            _padding = (Block - dataSize % Block) % Block;
            return true;
        }
    }

    /// <summary>The current entry's data, bounded to its size; reading past the stream's end fails as truncated.</summary>
    public Stream OpenData() => new EntryStream(this);

    private int ReadData(byte[] buffer, int offset, int count)
    {
        if (_remaining <= 0)
        {
            return 0;
        }
        int n = _stream.Read(buffer, offset, (int)Math.Min(count, _remaining));
        if (n <= 0)
        {
            throw Truncated("entry data");
        }
        _remaining -= n;
        _position += n;
        return n;
    }

    private byte[] ReadSmall(long size, string name)
    {
        if (size > 1024 * 1024)
        {
            throw new ImageScanException(ImageErrors.Hostile, $"{_archive}: an extended header of {size:N0} bytes before '{Shorten(name)}'; refused.", name);
        }
        var data = new byte[size];
        if (ReadFully(data, 0, (int)size) < size)
        {
            throw Truncated("an extended header");
        }
        long pad = (Block - size % Block) % Block;
        _position += size;
        Skip(pad);
        return data;
    }

    private void Skip(long count)
    {
        if (count <= 0)
        {
            return;
        }
        if (_stream.CanSeek)
        {
            if (_stream.Position + count > _stream.Length)
            {
                throw Truncated("entry data");
            }
            _stream.Seek(count, SeekOrigin.Current);
            _position += count;
            return;
        }
        var buffer = SkipBuffer ??= new byte[81920];
        while (count > 0)
        {
            int n = _stream.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (n <= 0)
            {
                throw Truncated("entry data");
            }
            count -= n;
            _position += n;
        }
    }

    [ThreadStatic]
    private static byte[]? SkipBuffer;

    private int ReadFully(byte[] buffer, int offset, int count) => ReadOnlyStream.ReadFully(_stream, buffer, offset, count);

    private ImageScanException Truncated(string what) =>
        new(ImageErrors.Truncated, $"{_archive}: the archive ends inside {what} (at byte {_position:N0}); it is truncated.");

    private void VerifyChecksum()
    {
        long stored = ParseNumber(_header, 148, 8);
        long sum = 0;
        for (int i = 0; i < Block; i++)
        {
            sum += i >= 148 && i < 156 ? ' ' : _header[i];
        }
        if (stored != sum)
        {
            throw new ImageScanException(ImageErrors.Malformed, $"{_archive}: a tar header at byte {_position - Block:N0} has a bad checksum; not a tar archive, or corrupt.");
        }
    }

    private string HeaderName()
    {
        string name = CString(_header, 0, 100);
        bool ustar = _header[257] == 'u' && _header[258] == 's' && _header[259] == 't' && _header[260] == 'a' && _header[261] == 'r';
        // POSIX ustar keeps a prefix; GNU tar ("ustar  ") uses those bytes for times.
        if (ustar && _header[262] == 0)
        {
            string prefix = CString(_header, 345, 155);
            if (prefix.Length > 0)
            {
                name = prefix + "/" + name;
            }
        }
        return name;
    }

    private static string CString(byte[] b, int offset, int length)
    {
        int end = offset;
        while (end < offset + length && b[end] != 0)
        {
            end++;
        }
        return Encoding.UTF8.GetString(b, offset, end - offset);
    }

    private static string TrimNul(byte[] data) => Encoding.UTF8.GetString(data).TrimEnd('\0');

    /// <summary>Octal (NUL/space terminated) or GNU base-256 (high bit set).</summary>
    private long ParseNumber(byte[] b, int offset, int length)
    {
        if ((b[offset] & 0x80) != 0)
        {
            if ((b[offset] & 0x40) != 0)
            {
                return -1;
            }
            long v = b[offset] & 0x3F;
            for (int i = 1; i < length; i++)
            {
                if (v > (long.MaxValue >> 8))
                {
                    return -1;
                }
                v = (v << 8) | b[offset + i];
            }
            return v;
        }
        long value = 0;
        int j = offset;
        int end = offset + length;
        while (j < end && (b[j] == ' ' || b[j] == 0))
        {
            j++;
        }
        for (; j < end && b[j] >= '0' && b[j] <= '7'; j++)
        {
            value = value * 8 + (b[j] - '0');
        }
        return value;
    }

    private Dictionary<string, string> ParsePax(byte[] data)
    {
        // Records: "<length> <key>=<value>\n", the length counting the whole record.
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        int pos = 0;
        while (pos < data.Length)
        {
            int space = Array.IndexOf(data, (byte)' ', pos);
            if (space < 0)
            {
                break;
            }
            if (!int.TryParse(Encoding.ASCII.GetString(data, pos, space - pos), out int len) || len <= space - pos || pos + len > data.Length)
            {
                throw new ImageScanException(ImageErrors.Malformed, $"{_archive}: a malformed PAX extended header at byte {_position:N0}.");
            }
            string record = Encoding.UTF8.GetString(data, space + 1, pos + len - space - 2);
            int eq = record.IndexOf('=');
            if (eq > 0)
            {
                result[record.Substring(0, eq)] = record.Substring(eq + 1);
            }
            pos += len;
        }
        return result;
    }

    private static bool IsZero(byte[] b)
    {
        foreach (byte x in b)
        {
            if (x != 0)
            {
                return false;
            }
        }
        return true;
    }

    internal static string Shorten(string s) => s.Length <= 200 ? s : s.Substring(0, 200) + "…";

    private sealed class EntryStream : ReadOnlyStream
    {
        private readonly TarReader _owner;

        public EntryStream(TarReader owner) => _owner = owner;

        public override int Read(byte[] buffer, int offset, int count) => _owner.ReadData(buffer, offset, count);

    }
}
