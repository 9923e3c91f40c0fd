using System.IO;

namespace DeployChecks.Cli;

/// <summary>Parses the command line and runs the engine.</summary>
public static class CliApplication
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("not implemented");
        _ = args;
        _ = stdout;
        return 2;
    }
}
