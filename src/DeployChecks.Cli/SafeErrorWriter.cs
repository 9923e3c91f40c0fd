using System.IO;
using System.Text;

namespace DeployChecks.Cli;

/// <summary>stderr as the CLI writes it: every line passes through <see cref="DisplayText"/>, so a file name or message
/// from the repository cannot start a new line, send terminal escapes or a CI log command.</summary>
internal sealed class SafeErrorWriter : TextWriter
{
    private readonly TextWriter _inner;

    public SafeErrorWriter(TextWriter inner)
    {
        _inner = inner;
    }

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value) => _inner.Write(value);

    public override void Write(string? value)
    {
        if (value != null)
        {
            _inner.Write(DisplayText.DefuseLogCommands(DisplayText.Escape(value)));
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        _inner.WriteLine();
    }

    public override void Flush() => _inner.Flush();
}
