using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.Loader;

namespace DeployChecks.Module.Tests;

public class DependencyIsolationTests
{
    [Fact]
    public void Engine_and_its_YamlDotNet_live_in_the_module_load_context_and_the_shared_types_in_the_default_one()
    {
        using var app = TestApp.Insecure();
        app.Write("deploychecks.yml", "rules:\n  exclude: [DC1004]\n");
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("(Invoke-DeployChecklist $args[0]).Checks | ForEach-Object RuleId", app.Root);
        Assert.Empty(r.Errors);
        Assert.DoesNotContain("DC1004", r.Output.Select(o => o.ToString()));

        var facts = ConflictProgram.LoadFacts();
        Assert.Equal(ConflictProgram.ModuleContextName, facts["engine.context"]);
        Assert.Equal(ConflictProgram.ModuleContextName, facts["engine.yaml.context"]);
        Assert.Equal("16.0.0.0", facts["engine.yaml.version"]);
        Assert.Equal("Default", facts["types.context"]);
        Assert.Equal("1", facts["types.copies"]);
    }

    [Theory]
    [InlineData("11.2.1", "11.0.0.0")]
    [InlineData("18.1.0", "18.0.0.0")]
    public void Module_works_when_another_YamlDotNet_was_loaded_first(string version, string assemblyVersion)
    {
        // A process loads one YamlDotNet into the default context once and for all, so each case runs in a
        // fresh child process (this test assembly's own entry point, see ConflictProgram).
        using var app = TestApp.Insecure();
        app.Write("deploychecks.yml", "rules:\n  exclude: [DC1004]\n");
        string yaml = Repo.YamlDotNetPath(version);
        var facts = RunChild(yaml, app.Root);

        Assert.Equal("ok", facts["run"]);
        Assert.Equal("False", facts["checks.DC1004"]);   // the option file was parsed and honoured
        Assert.Equal("True", facts["checks.DC1001"]);
        Assert.Equal(assemblyVersion, facts["preloaded.version"]);
        Assert.Equal("Default", facts["preloaded.context"]);
        Assert.Equal(ConflictProgram.ModuleContextName, facts["engine.context"]);
        Assert.Equal(ConflictProgram.ModuleContextName, facts["engine.yaml.context"]);
        Assert.Equal("16.0.0.0", facts["engine.yaml.version"]);
        Assert.Equal("Default", facts["types.context"]);
    }

    private static Dictionary<string, string> RunChild(string yamlPath, string target)
    {
        string self = typeof(ConflictProgram).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(self);
        psi.ArgumentList.Add(ConflictProgram.Verb);
        psi.ArgumentList.Add(yamlPath);
        psi.ArgumentList.Add(Repo.BuiltManifest);
        psi.ArgumentList.Add(target);
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(180_000), "child timed out");
        Assert.True(process.ExitCode == 0, $"child exit {process.ExitCode}\n{stdout}\n{stderr.Result}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains('='))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim());
    }
}
