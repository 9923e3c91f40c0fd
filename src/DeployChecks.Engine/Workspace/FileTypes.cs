using System;
using System.IO;
using System.Runtime.InteropServices;

namespace DeployChecks.Engine.Workspace;

/// <summary>What sits at a path, as lstat(2)/stat(2) tell it.</summary>
public enum FileType
{
    /// <summary>Nothing at the path.</summary>
    None,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    /// <summary>Something exists but the platform cannot tell what (treated as not regular).</summary>
    Unknown,
}

/// <summary>The type of a file-system entry without opening it (opening a FIFO blocks). On Unix this asks the .NET
/// runtime's own native shim (System.Native, shipped with every .NET runtime; its FileStatus layout starts with two
/// int32 fields, Flags and Mode, on every architecture), so no per-architecture <c>struct stat</c> layout is needed.
/// On Windows, and where the shim is missing, file attributes answer (no FIFOs or device nodes there).</summary>
public static class FileTypes
{
    // Normalised S_IF* values of System.Native (pal_io.h: FileTypes).
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int DirectoryType = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int RegularType = 0x8000;
    private const int SymbolicLink = 0xA000;
    private const int SocketType = 0xC000;

    private static bool s_nativeMissing = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>The entry at <paramref name="path"/> itself (a symbolic link is <see cref="FileType.SymbolicLink"/>).</summary>
    public static FileType Of(string path) => Query(path, followLinks: false);

    /// <summary>What <paramref name="path"/> resolves to after following symbolic links.</summary>
    public static FileType Resolved(string path) => Query(path, followLinks: true);

    private static FileType Query(string path, bool followLinks)
    {
        if (!s_nativeMissing)
        {
            try
            {
                var buffer = new byte[256]; // FileStatus is ~130 bytes; room to spare
                int rc = followLinks ? NativeStat(path, buffer) : NativeLStat(path, buffer);
                if (rc != 0)
                {
                    return FileType.None;
                }
                return (BitConverter.ToInt32(buffer, 4) & TypeMask) switch
                {
                    Fifo => FileType.Fifo,
                    CharacterDevice => FileType.CharacterDevice,
                    DirectoryType => FileType.Directory,
                    BlockDevice => FileType.BlockDevice,
                    RegularType => FileType.Regular,
                    SymbolicLink => FileType.SymbolicLink,
                    SocketType => FileType.Socket,
                    _ => FileType.Unknown,
                };
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException || ex is BadImageFormatException)
            {
                s_nativeMissing = true;
            }
        }
        return FromAttributes(path, followLinks);
    }

    private static FileType FromAttributes(string path, bool followLinks)
    {
        FileAttributes attributes;
        try
        {
            attributes = File.GetAttributes(path);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
        {
            return FileType.None;
        }
        if (!followLinks && (attributes & FileAttributes.ReparsePoint) != 0)
        {
            return FileType.SymbolicLink;
        }
        if ((attributes & FileAttributes.Device) != 0)
        {
            return FileType.CharacterDevice;
        }
        return (attributes & FileAttributes.Directory) != 0 ? FileType.Directory : FileType.Regular;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int NativeLStat(string path, byte[] status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int NativeStat(string path, byte[] status);
}
