using System.Diagnostics;
using System.IO;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Workspace;

public class SpecialFileTests
{
    [Fact]
    public void A_named_pipe_called_env_never_blocks_the_run()
    {
        using var tree = new TempTree();
        tree.Write("app.py", "import os\nSECRET = os.environ['SECRET_KEY']\n");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", Path.Combine(tree.Root, ".env")) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        ChecklistReport? report = null;
        HangGuard.MustFinish(() => report = Runs.Check(tree.Root));
        Assert.NotNull(report);
        Assert.Equal(CheckOutcome.Pass, report!.Check("DC1001").Outcome);
    }

    [Fact]
    public void Empty_files_are_read_as_empty()
    {
        using var tree = new TempTree();
        tree.Write(".env", "");
        tree.Write("settings.py", "");
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Errors);
        Assert.Empty(report.Findings);
    }
}
