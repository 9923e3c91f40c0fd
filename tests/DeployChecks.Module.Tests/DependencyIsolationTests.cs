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

    [Fact]
    public void Public_types_of_the_cmdlet_assembly_expose_no_engine_or_third_party_types()
    {
        // PowerShell reflects over the public (cmdlet) types when it imports the module; if one of them named an
        // engine or YamlDotNet type in a field, signature, base type or attribute, that type would be bound
        // before the module's loader runs, or in the wrong context.
        using var ps = PowerShellSession.WithModule();
        var cmdlets = AppDomain.CurrentDomain.GetAssemblies().First(a => a.GetName().Name == "DeployChecks");
        var allowed = new HashSet<string> { "DeployChecks", "DeployChecks.Types", "netstandard", "System.Management.Automation", "System.Runtime", "System.Private.CoreLib" };
        const System.Reflection.BindingFlags all = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic |
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly;
        var offenders = new List<string>();
        void Check(Type? t, string where)
        {
            if (t == null) { return; }
            if (t.HasElementType) { Check(t.GetElementType(), where); return; }
            if (t.IsGenericType) { foreach (var a in t.GetGenericArguments()) { Check(a, where); } }
            string name = t.Assembly.GetName().Name!;
            if (!allowed.Contains(name)) { offenders.Add($"{where}: {t.FullName} ({name})"); }
        }
        foreach (var type in cmdlets.GetExportedTypes())
        {
            Check(type.BaseType, type.Name + " base");
            foreach (var i in type.GetInterfaces()) { Check(i, type.Name + " interface"); }
            foreach (var a in type.GetCustomAttributesData()) { Check(a.AttributeType, type.Name + " attribute"); }
            foreach (var f in type.GetFields(all)) { Check(f.FieldType, type.Name + "." + f.Name); }
            foreach (var p in type.GetProperties(all))
            {
                Check(p.PropertyType, type.Name + "." + p.Name);
                foreach (var a in p.GetCustomAttributesData()) { Check(a.AttributeType, type.Name + "." + p.Name + " attribute"); }
            }
            foreach (var m in type.GetMethods(all))
            {
                Check(m.ReturnType, type.Name + "." + m.Name);
                foreach (var p in m.GetParameters()) { Check(p.ParameterType, type.Name + "." + m.Name + "(" + p.Name + ")"); }
            }
        }
        Assert.Empty(offenders);
        Assert.Contains(cmdlets.GetExportedTypes(), t => t.Name == "InvokeDeployChecklistCommand");
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
