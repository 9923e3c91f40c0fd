using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;
using System.Threading;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Artifacts;

/// <summary>Reads each file at most once per run and parses it at most once per parser, whatever the number of
/// rules asking, from any thread. Failures are cached too, so a broken file is reported once.</summary>
public sealed class ArtifactCache
{
    private const int BinarySniffLength = 8000;

    private readonly ConcurrentDictionary<string, Lazy<SourceText>> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Type, Lazy<object>>> _parsed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, Lazy<object>> _shared = new();
    private readonly long _maxFileSize;
    private long _bytesRead;

    public ArtifactCache(long maxFileSize)
    {
        _maxFileSize = maxFileSize;
    }

    /// <summary>Total bytes read from disk so far.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>The file's text (UTF-8, BOM-aware). Throws <see cref="ArtifactReadException"/> when the file is
    /// over the size cap, binary, or unreadable.</summary>
    public SourceText GetText(WorkspaceFile file) =>
        _texts.GetOrAdd(file.RelativePath, _ => new Lazy<SourceText>(() => Read(file), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>The file parsed by <paramref name="parser"/>, computed once per run.</summary>
    public T Get<T>(WorkspaceFile file, IArtifactParser<T> parser) where T : class
    {
        var byParser = _parsed.GetOrAdd(file.RelativePath, _ => new ConcurrentDictionary<Type, Lazy<object>>());
        var lazy = byParser.GetOrAdd(parser.GetType(),
            _ => new Lazy<object>(() => parser.Parse(file, GetText(file)), LazyThreadSafetyMode.ExecutionAndPublication));
        return (T)lazy.Value;
    }

    private readonly ConcurrentBag<Action<WorkspaceFile>> _releaseListeners = new();

    /// <summary>Drops what is cached for <paramref name="file"/> once every per-file rule is done with it, so a large
    /// run keeps memory (and garbage-collection work) bounded by the files in flight rather than the whole tree.
    /// Whole-workspace artifacts keep their own small summaries (see <see cref="OnRelease"/>).</summary>
    public void Release(WorkspaceFile file)
    {
        _texts.TryRemove(file.RelativePath, out _);
        _parsed.TryRemove(file.RelativePath, out _);
        foreach (var listener in _releaseListeners)
        {
            listener(file);
        }
    }

    /// <summary>Registers a callback run when a file is released (a shared index drops its per-file data).</summary>
    public void OnRelease(Action<WorkspaceFile> listener) => _releaseListeners.Add(listener);

    /// <summary>A workspace-wide artifact (a project index, say), built once per run by the first caller.</summary>
    public T GetShared<T>(Func<T> build) where T : class =>
        (T)_shared.GetOrAdd(typeof(T), _ => new Lazy<object>(() => build(), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private SourceText Read(WorkspaceFile file)
    {
        byte[] bytes;
        try
        {
            // Size first, without opening: FIFOs, sockets and devices report 0 and would block an open or a read
            // forever, so a file that reports no content is taken as empty and never opened.
            long length = new FileInfo(file.FullPath).Length;
            if (length == 0)
            {
                return new SourceText("");
            }
            if (length > _maxFileSize)
            {
                throw new ArtifactReadException("FileTooLarge", file.RelativePath, 0,
                    $"{file.RelativePath}: {length:N0} bytes is over the {_maxFileSize:N0}-byte cap; not read");
            }
            using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            bytes = new byte[Math.Min(length, stream.Length)];
            int read = 0;
            while (read < bytes.Length)
            {
                int n = stream.Read(bytes, read, bytes.Length - read);
                if (n == 0)
                {
                    Array.Resize(ref bytes, read); // the file shrank while we read it
                    break;
                }
                read += n;
            }
        }
        catch (ArtifactReadException)
        {
            throw;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
        {
            throw new ArtifactReadException("FileUnreadable", file.RelativePath, 0, $"{file.RelativePath}: cannot read: {ex.Message}", ex);
        }
        Interlocked.Add(ref _bytesRead, bytes.Length);
        // A UTF-16 BOM (what `pip freeze > requirements.txt` writes in Windows PowerShell 5): pip decodes such files
        // by their BOM (pip/_internal/utils/encoding.py auto_decode), so they are text, not binary.
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) &&
            !(bytes.Length >= 4 && bytes[0] == 0xFF && bytes[2] == 0 && bytes[3] == 0))
        {
            var utf16 = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return new SourceText(utf16.GetString(bytes, 2, bytes.Length - 2));
        }
        int sniff = Math.Min(bytes.Length, BinarySniffLength);
        for (int i = 0; i < sniff; i++)
        {
            if (bytes[i] == 0)
            {
                throw new ArtifactReadException("FileIsBinary", file.RelativePath, 0, $"{file.RelativePath}: binary content (NUL byte); not read");
            }
        }
        int offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return new SourceText(Encoding.UTF8.GetString(bytes, offset, bytes.Length - offset));
    }
}
