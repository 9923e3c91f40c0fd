using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace DeployChecks.Module.Tests;

/// <summary>Where the repository and the built module are.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DeployChecks.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("DeployChecks.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    /// <summary>out/DeployChecks/DeployChecks.psd1, assembled by the build of src/DeployChecks.</summary>
    public static string BuiltManifest => Path.Combine(Root, "out", "DeployChecks", "DeployChecks.psd1");

    public static string BuiltModuleDirectory => Path.Combine(Root, "out", "DeployChecks");

    /// <summary>The source manifest at the repository root (points into out/DeployChecks).</summary>
    public static string RootManifest => Path.Combine(Root, "DeployChecks.psd1");

    /// <summary>The NuGet package folder this test project was restored from (for other YamlDotNet versions).</summary>
    public static string NuGetPackageRoot =>
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "NuGetPackageRoot").Value!;

    public static string YamlDotNetPath(string version)
    {
        string lib = Path.Combine(NuGetPackageRoot, "yamldotnet", version, "lib");
        foreach (string tfm in new[] { "netstandard2.0", "netstandard2.1" })
        {
            string candidate = Path.Combine(lib, tfm, "YamlDotNet.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"YamlDotNet {version} not restored under {lib}");
    }
}
