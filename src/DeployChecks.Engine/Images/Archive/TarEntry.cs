namespace DeployChecks.Engine.Images.Archive;

public enum TarEntryType
{
    File,
    Directory,
    Symlink,
    HardLink,
    CharDevice,
    BlockDevice,
    Fifo,
    Other,
}

/// <summary>One tar member: its name as stored (PAX and GNU long names applied), type, size and link target.</summary>
public sealed class TarEntry
{
    public string Name { get; internal set; } = "";
    public TarEntryType Type { get; internal set; }
    public long Size { get; internal set; }
    public string LinkName { get; internal set; } = "";

    /// <summary>Offset of the entry's data in the tar stream (for seekable archives).</summary>
    public long DataOffset { get; internal set; }

    public override string ToString() => Name;
}
