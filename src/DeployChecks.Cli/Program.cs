namespace DeployChecks.Cli;

internal static class Program
{
    private static int Main(string[] args) =>
        CliApplication.Run(args, System.Console.Out, System.Console.Error, new TerminalInfo(
            !System.Console.IsOutputRedirected, System.Console.IsOutputRedirected ? 0 : SafeWidth()));

    private static int SafeWidth()
    {
        try
        {
            return System.Console.WindowWidth;
        }
        catch (System.IO.IOException)
        {
            return 0;
        }
    }
}
