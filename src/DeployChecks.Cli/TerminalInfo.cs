namespace DeployChecks.Cli;

/// <summary>What the CLI knows about its standard output: whether it is a terminal, and its width (0: unknown).</summary>
public sealed class TerminalInfo
{
    public TerminalInfo(bool isTerminal, int width)
    {
        IsTerminal = isTerminal;
        Width = width;
    }

    /// <summary>Not a terminal (tests, pipes, files).</summary>
    public static TerminalInfo None { get; } = new(false, 0);

    public bool IsTerminal { get; }

    public int Width { get; }
}
