using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace DeployChecks.Loading;

/// <summary>
/// Keeps the engine's third-party dependencies (YamlDotNet, Newtonsoft.Json) away from whatever other modules
/// loaded into the session (powershell-yaml, Az, …). Layout of the built module:
/// <code>
/// DeployChecks.dll          cmdlets (this assembly)         default context
/// DeployChecks.Types.dll    objects users see in pipelines   default context (shared with PowerShell)
/// Dependencies/             DeployChecks.Engine.dll + YamlDotNet.dll + Newtonsoft.Json.dll + …
/// </code>
/// On .NET every DLL in Dependencies/ is loaded eagerly into one private AssemblyLoadContext, so when the engine
/// binds YamlDotNet it finds the copy already loaded in its own context, whatever version the default context
/// holds. An <see cref="AppDomain.AssemblyResolve"/> handler hands the engine to the cmdlet assembly (default
/// context) and the shared types assembly to the engine. On .NET Framework, where there are no load contexts,
/// the handler falls back to <see cref="Assembly.LoadFrom(string)"/> (strong-named side-by-side loading).
/// The cmdlet classes keep engine and third-party types out of their fields, signatures and attributes, so
/// nothing binds the engine before <see cref="Install"/> has run.
/// </summary>
internal static class DependencyLoader
{
    /// <summary>Name of the private load context, visible in <c>AssemblyLoadContext.All</c>.</summary>
    public const string ContextName = "DeployChecks.Dependencies";

    private const string TypesAssemblyName = "DeployChecks.Types";

    private static readonly object Gate = new();
    private static readonly Dictionary<string, Assembly> Isolated = new(StringComparer.OrdinalIgnoreCase);
    private static bool _installed;
    private static string _moduleDirectory = "";
    private static string _dependencyDirectory = "";
    private static LoadContextProxy? _context;

    public static void Install()
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }
            _moduleDirectory = Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location) ?? ".";
            _dependencyDirectory = Path.Combine(_moduleDirectory, "Dependencies");
            AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;

            // The shared types must sit in the default context before the engine binds them, or the engine
            // would see its own copy and the objects it returns would not be the ones PowerShell formats.
            LoadSharedTypes();

            _context = LoadContextProxy.TryCreate(ContextName);
            if (_context != null && Directory.Exists(_dependencyDirectory))
            {
                foreach (string path in Directory.GetFiles(_dependencyDirectory, "*.dll").OrderBy(p => p, StringComparer.Ordinal))
                {
                    Assembly assembly = _context.LoadFromAssemblyPath(path);
                    Isolated[assembly.GetName().Name ?? Path.GetFileNameWithoutExtension(path)] = assembly;
                }
            }
            _installed = true;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LoadSharedTypes() => _ = typeof(ChecklistReport).Assembly;

    private static Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
    {
        string? name = new AssemblyName(args.Name).Name;
        if (name == null)
        {
            return null;
        }
        if (name.Equals(TypesAssemblyName, StringComparison.OrdinalIgnoreCase))
        {
            return FindLoaded(TypesAssemblyName) ?? LoadFromIfExists(Path.Combine(_moduleDirectory, TypesAssemblyName + ".dll"));
        }
        if (_context != null)
        {
            // .NET: only our own assemblies are handed out of the private context. Requests for YamlDotNet or
            // Newtonsoft.Json from the default context come from other modules, which must not get our copies;
            // the engine's own requests never get here because its context already holds them.
            if (name.StartsWith("DeployChecks.", StringComparison.OrdinalIgnoreCase))
            {
                lock (Gate)
                {
                    return Isolated.TryGetValue(name, out var assembly) ? assembly : null;
                }
            }
            return null;
        }
        // .NET Framework: LoadFrom is the only isolation there is (strong-named assemblies of different
        // versions load side by side); it is never used on .NET, where it would load into the default context.
        return LoadFromIfExists(Path.Combine(_dependencyDirectory, name + ".dll"));
    }

    private static Assembly? FindLoaded(string name)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (string.Equals(assembly.GetName().Name, name, StringComparison.OrdinalIgnoreCase) && IsInModuleDirectory(assembly))
            {
                return assembly;
            }
        }
        return null;
    }

    private static bool IsInModuleDirectory(Assembly assembly)
    {
        try
        {
            string location = assembly.Location;
            return location.Length > 0 && string.Equals(Path.GetDirectoryName(location), _moduleDirectory, StringComparison.OrdinalIgnoreCase);
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    private static Assembly? LoadFromIfExists(string path) => File.Exists(path) ? Assembly.LoadFrom(path) : null;
}
