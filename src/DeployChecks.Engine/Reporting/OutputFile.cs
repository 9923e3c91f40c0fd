using System;
using System.IO;
using System.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Reporting;

/// <summary>How a report reaches the path it was given.</summary>
public enum OutputKind
{
    /// <summary>Nothing there yet: a new regular file, written beside and renamed into place.</summary>
    NewFile,
    /// <summary>A regular file: replaced atomically (readers see the old or the new report, never half).</summary>
    RegularFile,
    /// <summary>A FIFO or character device (a pipe, <c>/dev/null</c>, a terminal): written straight through.</summary>
    WriteThrough,
    /// <summary>The process's own standard output (<c>/dev/stdout</c>, <c>/dev/fd/1</c>, <c>/proc/self/fd/1</c>).</summary>
    StandardOutput,
    /// <summary>The process's own standard error.</summary>
    StandardError,
}

/// <summary>An output path checked before the run, so a bad one fails fast (exit 2) instead of after the work.</summary>
public sealed class OutputTarget
{
    internal OutputTarget(string path, OutputKind kind, string option)
    {
        Path = path;
        Kind = kind;
        Option = option;
    }

    /// <summary>The full path.</summary>
    public string Path { get; }

    public OutputKind Kind { get; }

    /// <summary>The parameter that named it (<c>--output</c>, <c>-Path</c>), for messages.</summary>
    public string Option { get; }

    /// <summary>True when the report goes to the process's standard output.</summary>
    public bool IsStandardOutput => Kind == OutputKind.StandardOutput;
}

/// <summary>A path that cannot take a report: empty, a directory, a symbolic link to a file, a socket or block device.</summary>
public sealed class OutputPathException : IOException
{
    public OutputPathException(string message, string path)
        : base(message)
    {
        OutputPath = path;
    }

    public string OutputPath { get; }
}

/// <summary>Writes report files safely. A regular file (or a new one) is written to a temporary file in the same
/// directory and renamed over the target; a FIFO or character device is written straight through; a directory, a
/// symbolic link that leads to a regular file, a socket or a block device is refused. Nothing but a regular file is
/// ever unlinked or replaced, so <c>--output /dev/null</c> as root does not turn /dev/null into a file.</summary>
public static class OutputFile
{
    /// <summary>Checks <paramref name="path"/> and says how a report would be written there. Throws
    /// <see cref="OutputPathException"/> naming <paramref name="option"/> when it cannot take one.</summary>
    public static OutputTarget Resolve(string? path, string option)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new OutputPathException($"{option} needs a file path (it was empty)", path ?? "");
        }
        string full;
        try
        {
            full = System.IO.Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
        {
            throw new OutputPathException($"{option} '{path}' is not a valid path: {ex.Message}", path!);
        }
        if (StandardStream(path!) is { } stream)
        {
            return new OutputTarget(full, stream, option);
        }
        switch (FileTypes.Of(full))
        {
            case FileType.None:
                CheckParent(full, option);
                return new OutputTarget(full, OutputKind.NewFile, option);
            case FileType.Regular:
                return new OutputTarget(full, OutputKind.RegularFile, option);
            case FileType.Directory:
                throw new OutputPathException($"{option} {path} is a directory; give a file path, for example " +
                    System.IO.Path.Combine(path!, "deploychecks-report"), full);
            case FileType.Fifo:
            case FileType.CharacterDevice:
                return new OutputTarget(full, OutputKind.WriteThrough, option);
            case FileType.SymbolicLink:
                var resolved = FileTypes.Resolved(full);
                if (resolved == FileType.Fifo || resolved == FileType.CharacterDevice)
                {
                    return new OutputTarget(full, OutputKind.WriteThrough, option);
                }
                throw new OutputPathException($"{option} {path} is a symbolic link; report files are replaced atomically and a link is " +
                    "never replaced or followed to a file: give the path of the file itself", full);
            default:
                throw new OutputPathException($"{option} {path} is not a regular file (a socket or block device); refusing to write there", full);
        }
    }

    /// <summary>Writes through <paramref name="write"/> to a resolved target. <paramref name="standardOutput"/> and
    /// <paramref name="standardError"/> are the writers the process's own streams map to (the CLI passes its writers,
    /// so tests can capture them); null uses the console.</summary>
    public static void Write(OutputTarget target, Action<TextWriter> write, TextWriter? standardOutput = null, TextWriter? standardError = null)
    {
        var encoding = new UTF8Encoding(false);
        switch (target.Kind)
        {
            case OutputKind.StandardOutput:
            case OutputKind.StandardError:
                var console = target.Kind == OutputKind.StandardOutput ? standardOutput : standardError;
                if (console != null)
                {
                    write(console);
                    console.Flush();
                    return;
                }
                using (var s = target.Kind == OutputKind.StandardOutput ? Console.OpenStandardOutput() : Console.OpenStandardError())
                using (var w = new StreamWriter(s, encoding))
                {
                    write(w);
                }
                return;
            case OutputKind.WriteThrough:
                // Open the existing node for writing: no create, no truncate beyond what the device does, no unlink.
                using (var s = new FileStream(target.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1))
                using (var w = new StreamWriter(s, encoding))
                {
                    write(w);
                }
                return;
            default:
                WriteAtomically(target, write, encoding);
                return;
        }
    }

    private static void WriteAtomically(OutputTarget target, Action<TextWriter> write, Encoding encoding)
    {
        string full = target.Path;
        string dir = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string temp = System.IO.Path.Combine(dir, "." + System.IO.Path.GetFileName(full) + ".tmp-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        try
        {
            // CreateNew: a name planted in the directory (a link, say) makes this fail instead of being followed.
            using (var s = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var w = new StreamWriter(s, encoding))
            {
                write(w);
            }
            // Checked again right before the rename: only a regular file (or nothing) is ever replaced.
            switch (FileTypes.Of(full))
            {
                case FileType.None:
                    File.Move(temp, full);
                    break;
                case FileType.Regular:
                    File.Replace(temp, full, null);
                    break;
                default:
                    throw new OutputPathException($"{target.Option} {full} changed into something other than a regular file during the run; not replaced", full);
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The process's own stdout/stderr when <paramref name="path"/> names it, else null.</summary>
    private static OutputKind? StandardStream(string path) => path.Replace('\\', '/') switch
    {
        "/dev/stdout" or "/dev/fd/1" or "/proc/self/fd/1" => OutputKind.StandardOutput,
        "/dev/stderr" or "/dev/fd/2" or "/proc/self/fd/2" => OutputKind.StandardError,
        _ => null,
    };

    private static void CheckParent(string full, string option)
    {
        // Walk up to the first existing ancestor: it must be a directory (a file there cannot hold the report).
        for (string? dir = System.IO.Path.GetDirectoryName(full); !string.IsNullOrEmpty(dir); dir = System.IO.Path.GetDirectoryName(dir))
        {
            var type = FileTypes.Resolved(dir!);
            if (type == FileType.None)
            {
                continue;
            }
            if (type != FileType.Directory)
            {
                throw new OutputPathException($"{option} {full}: {dir} is not a directory", full);
            }
            return;
        }
    }
}
