using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace DeployChecks.Engine.Workspace;

/// <summary>The git work tree a target lives in: its root, its git directory, and the paths tracked in its
/// index (read straight from <c>.git/index</c>, versions 2–4, so no git executable is needed).</summary>
public sealed class GitRepository
{
    private readonly HashSet<string> _tracked;
    private readonly HashSet<string> _trackedDirectories;

    private GitRepository(string workTree, string gitDirectory, HashSet<string> tracked)
    {
        WorkTree = workTree;
        GitDirectory = gitDirectory;
        _tracked = tracked;
        _trackedDirectories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in tracked)
        {
            int slash = path.LastIndexOf('/');
            while (slash > 0)
            {
                if (!_trackedDirectories.Add(path.Substring(0, slash)))
                {
                    break;
                }
                slash = path.LastIndexOf('/', slash - 1);
            }
        }
    }

    /// <summary>Full path of the work tree root.</summary>
    public string WorkTree { get; }

    /// <summary>Full path of the git directory (usually <c>WorkTree/.git</c>).</summary>
    public string GitDirectory { get; }

    public int TrackedCount => _tracked.Count;

    /// <summary>True when the path (relative to the work tree, <c>/</c> separators) is in the index.</summary>
    public bool IsTracked(string repoRelativePath) => _tracked.Contains(repoRelativePath);

    /// <summary>True when some tracked file lies below this directory (relative to the work tree).</summary>
    public bool HasTrackedBelow(string repoRelativeDirectory) => _trackedDirectories.Contains(repoRelativeDirectory);

    /// <summary>Finds the work tree containing <paramref name="directory"/>, or null when it is not in one.
    /// Throws <see cref="InvalidDataException"/> when the index exists but cannot be read.</summary>
    public static GitRepository? Discover(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir != null; dir = dir.Parent)
        {
            string dotGit = Path.Combine(dir.FullName, ".git");
            string? gitDir = null;
            if (Directory.Exists(dotGit))
            {
                gitDir = dotGit;
            }
            else if (File.Exists(dotGit))
            {
                // Worktrees and submodules: ".git" is a file "gitdir: <path>".
                string text = File.ReadAllText(dotGit).Trim();
                if (text.StartsWith("gitdir:", StringComparison.Ordinal))
                {
                    string p = text.Substring(7).Trim();
                    gitDir = Path.GetFullPath(Path.Combine(dir.FullName, p));
                }
            }
            if (gitDir != null)
            {
                string index = Path.Combine(gitDir, "index");
                var tracked = File.Exists(index)
                    ? ReadIndex(File.ReadAllBytes(index), index, UsesSha256(gitDir) ? 32 : 20)
                    : new HashSet<string>(StringComparer.Ordinal);
                return new GitRepository(dir.FullName, gitDir, tracked);
            }
        }
        return null;
    }

    private static bool UsesSha256(string gitDir)
    {
        string config = Path.Combine(gitDir, "config");
        if (!File.Exists(config))
        {
            return false;
        }
        foreach (var line in File.ReadAllLines(config))
        {
            var t = line.Replace(" ", "").Replace("\t", "").ToLowerInvariant();
            if (t == "objectformat=sha256")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Reads the paths of a git index file (DIRC, versions 2, 3 and 4).</summary>
    /// <param name="hashSize">Object id size: 20 for SHA-1 repositories, 32 for SHA-256 ones.</param>
    public static HashSet<string> ReadIndex(byte[] data, string source, int hashSize = 20)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        if (data.Length < 12 || data[0] != 'D' || data[1] != 'I' || data[2] != 'R' || data[3] != 'C')
        {
            throw new InvalidDataException($"{source}: not a git index (missing DIRC signature)");
        }
        uint version = ReadUInt32(data, 4);
        uint count = ReadUInt32(data, 8);
        if (version < 2 || version > 4)
        {
            throw new InvalidDataException($"{source}: unsupported git index version {version}");
        }
        int pos = 12;
        byte[] previous = Array.Empty<byte>();
        int previousLength = 0;
        for (uint e = 0; e < count; e++)
        {
            int entryStart = pos;
            int fixedSize = 40 + hashSize + 2;
            if (pos + fixedSize > data.Length)
            {
                throw new InvalidDataException($"{source}: git index truncated at entry {e}");
            }
            ushort flags = (ushort)((data[pos + 40 + hashSize] << 8) | data[pos + 40 + hashSize + 1]);
            pos += fixedSize;
            if ((flags & 0x4000) != 0)
            {
                if (version < 3)
                {
                    throw new InvalidDataException($"{source}: extended flag in a version 2 index");
                }
                pos += 2;
                if (pos > data.Length)
                {
                    throw new InvalidDataException($"{source}: git index truncated at entry {e}");
                }
            }
            int stage = (flags >> 12) & 0x3;
            string path;
            if (version == 4)
            {
                int strip = ReadOffsetVarint(data, ref pos, source);
                int nul = Array.IndexOf(data, (byte)0, pos);
                if (nul < 0 || strip > previousLength)
                {
                    throw new InvalidDataException($"{source}: malformed path in entry {e}");
                }
                int keep = previousLength - strip;
                int suffix = nul - pos;
                var buffer = new byte[keep + suffix];
                Buffer.BlockCopy(previous, 0, buffer, 0, keep);
                Buffer.BlockCopy(data, pos, buffer, keep, suffix);
                previous = buffer;
                previousLength = buffer.Length;
                path = Encoding.UTF8.GetString(buffer);
                pos = nul + 1;
            }
            else
            {
                int nul = Array.IndexOf(data, (byte)0, pos);
                if (nul < 0)
                {
                    throw new InvalidDataException($"{source}: malformed path in entry {e}");
                }
                path = Encoding.UTF8.GetString(data, pos, nul - pos);
                int entryLength = nul - entryStart;
                pos = entryStart + ((entryLength + 8) & ~7);
            }
            if (stage <= 1 || !paths.Contains(path))
            {
                paths.Add(path);
            }
        }
        return paths;
    }

    private static int ReadOffsetVarint(byte[] data, ref int pos, string source)
    {
        if (pos >= data.Length)
        {
            throw new InvalidDataException($"{source}: git index truncated");
        }
        int c = data[pos++];
        long value = c & 127;
        while ((c & 128) != 0)
        {
            if (pos >= data.Length || value > int.MaxValue >> 7)
            {
                throw new InvalidDataException($"{source}: malformed varint in git index");
            }
            value += 1;
            c = data[pos++];
            value = (value << 7) + (c & 127);
        }
        return (int)value;
    }

    private static uint ReadUInt32(byte[] data, int offset) =>
        (uint)(data[offset] << 24 | data[offset + 1] << 16 | data[offset + 2] << 8 | data[offset + 3]);
}
