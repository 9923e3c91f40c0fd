using System;
using System.IO;

namespace DeployChecks.Engine.Images.Archive;

/// <summary>The forward-only, read-only stream every archive reader here returns: subclasses implement
/// <c>Read</c> only.</summary>
public abstract class ReadOnlyStream : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Reads until <paramref name="count"/> bytes or the end; returns how many were read.</summary>
    public static int ReadFully(Stream stream, byte[] buffer, int offset, int count)
    {
        int total = 0;
        while (total < count)
        {
            int n = stream.Read(buffer, offset + total, count - total);
            if (n <= 0)
            {
                break;
            }
            total += n;
        }
        return total;
    }
}
