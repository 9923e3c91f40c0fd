using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Runtime.Loader;

namespace DeployChecks.Module.Tests;

/// <summary>
/// Entry point of this test assembly when run as a child process (<c>dotnet exec DeployChecks.Module.Tests.dll
/// yaml-conflict YAMLDOTNET.dll MANIFEST TARGET</c>): loads another YamlDotNet into the default context first,
/// as powershell-yaml does, then imports the module, runs a check that needs YAML, and prints key=value facts
/// about which assemblies ended up where.
/// </summary>
public static class ConflictProgram
{
    public const string Verb = "yaml-conflict";
    public const string ModuleContextName = "DeployChecks.Dependencies";

    public static int Main(string[] args)
    {
        if (args.Length != 4 || args[0] != Verb)
        {
            Console.Error.WriteLine($"usage: {Verb} YAMLDOTNET.dll MANIFEST TARGET");
            return 2;
        }
        Assembly preloaded = Assembly.LoadFrom(args[1]);
        _ = preloaded.GetType("YamlDotNet.RepresentationModel.YamlStream", throwOnError: true);

        var iss = InitialSessionState.CreateDefault2();
        using var runspace = RunspaceFactory.CreateRunspace(iss);
        runspace.Open();
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript("Import-Module $args[0] -ErrorAction Stop; (Invoke-DeployChecklist -LiteralPath $args[1]).Checks | ForEach-Object RuleId")
          .AddArgument(args[2]).AddArgument(args[3]);
        var ruleIds = ps.Invoke().Select(o => o.ToString()).ToList();
        foreach (var error in ps.Streams.Error)
        {
            Console.WriteLine("error=" + error.FullyQualifiedErrorId + " " + error);
        }
        Console.WriteLine("run=" + (ps.HadErrors ? "errors" : "ok"));
        Console.WriteLine("checks.DC1001=" + ruleIds.Contains("DC1001"));
        Console.WriteLine("checks.DC1004=" + ruleIds.Contains("DC1004"));
        Console.WriteLine("preloaded.version=" + preloaded.GetName().Version);
        Console.WriteLine("preloaded.context=" + AssemblyLoadContext.GetLoadContext(preloaded)?.Name);
        foreach (var kv in LoadFacts())
        {
            Console.WriteLine(kv.Key + "=" + kv.Value);
        }
        return 0;
    }

    /// <summary>Where the engine, the YamlDotNet it binds and the shared types were loaded, in this process.</summary>
    public static Dictionary<string, string> LoadFacts()
    {
        var facts = new Dictionary<string, string>();
        var assemblies = AppDomain.CurrentDomain.GetAssemblies();
        var engine = assemblies.Single(a => a.GetName().Name == "DeployChecks.Engine");
        facts["engine.context"] = AssemblyLoadContext.GetLoadContext(engine)?.Name ?? "";

        // The YamlDotNet the engine really binds: the type of a local in the method that reads every YAML file
        // (option files included).
        var load = engine.GetType("DeployChecks.Engine.Artifacts.Yaml.YamlLoader", throwOnError: true)!.GetMethod("Load")!;
        var yamlStream = load.GetMethodBody()!.LocalVariables.Select(l => l.LocalType).First(t => t.FullName == "YamlDotNet.Core.Parser");
        facts["engine.yaml.version"] = yamlStream.Assembly.GetName().Version!.ToString();
        facts["engine.yaml.context"] = AssemblyLoadContext.GetLoadContext(yamlStream.Assembly)?.Name ?? "";

        var types = assemblies.Where(a => a.GetName().Name == "DeployChecks.Types").ToList();
        facts["types.copies"] = types.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        facts["types.context"] = AssemblyLoadContext.GetLoadContext(types[0])?.Name ?? "";
        return facts;
    }
}
