using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace DeployChecks.Engine.Tests.Reporting;

/// <summary>Locates the repository and the Node tools that <c>.ci/install-node-tools.sh</c> installs.</summary>
public static class NodeTools
{
    private static readonly Lazy<string?> RepoRootValue = new(FindRepoRoot);
    private static readonly Lazy<string?> NodeValue = new(() => FindOnPath("node"));

    /// <summary>The directory holding DeployChecks.sln, found by walking up from the test assembly.</summary>
    public static string? RepoRoot => RepoRootValue.Value;

    public static string? Node => NodeValue.Value;

    public static string? ToolsDir => RepoRoot == null ? null : Path.Combine(RepoRoot, ".ci", "tools");

    public static string? ValidateScript => RepoRoot == null ? null : Path.Combine(RepoRoot, ".ci", "validate-sarif.mjs");

    public static string? MultitoolDir => ToolsDir == null ? null : Path.Combine(ToolsDir, "node_modules", "@microsoft", "sarif-multitool-linux");

    public static string? SarifSchemaPath => MultitoolDir == null ? null : Path.Combine(MultitoolDir, "sarif-2.1.0.json");

    /// <summary>The official CycloneDX 1.5 JSON schema, as the npm package @cyclonedx/cyclonedx-library ships it
    /// (with the spdx and jsf schemas it references beside it).</summary>
    public static string? CycloneDxSchemaPath => ToolsDir == null ? null
        : Path.Combine(ToolsDir, "node_modules", "@cyclonedx", "cyclonedx-library", "res", "schema", "bom-1.5.SNAPSHOT.schema.json");

    /// <summary>Null when the official CycloneDX 1.5 schema is available, else why not.</summary>
    public static string? CycloneDxSchemaMissingReason()
    {
        if (RepoRoot == null)
        {
            return "repository root (DeployChecks.sln) not found above " + AppContext.BaseDirectory;
        }
        return File.Exists(CycloneDxSchemaPath)
            ? null
            : "bom-1.5.SNAPSHOT.schema.json not found in .ci/tools: run .ci/install-node-tools.sh (needs npm) to enable CycloneDX schema validation";
    }

    /// <summary>Null when the official SARIF schema file is available, else why not.</summary>
    public static string? SchemaMissingReason()
    {
        if (RepoRoot == null)
        {
            return "repository root (DeployChecks.sln) not found above " + AppContext.BaseDirectory;
        }
        return File.Exists(SarifSchemaPath)
            ? null
            : "sarif-2.1.0.json not found in .ci/tools: run .ci/install-node-tools.sh (needs npm) to enable SARIF schema validation";
    }

    /// <summary>Null when the schema validation through node can run, else why not.</summary>
    public static string? MissingReason()
    {
        if (RepoRoot == null)
        {
            return "repository root (DeployChecks.sln) not found above " + AppContext.BaseDirectory;
        }
        if (!Directory.Exists(Path.Combine(ToolsDir!, "node_modules")))
        {
            return "Node tools not installed: run .ci/install-node-tools.sh (needs npm) to enable SARIF schema validation";
        }
        if (!File.Exists(SarifSchemaPath))
        {
            return "sarif-2.1.0.json missing from .ci/tools: re-run .ci/install-node-tools.sh";
        }
        if (Node == null)
        {
            return "node is not on PATH: install Node.js 18+ to enable SARIF schema validation";
        }
        return null;
    }

    /// <summary>Null when <c>sarif-multitool validate</c> can run, else why not.</summary>
    public static string? MultitoolMissingReason()
    {
        string? missing = MissingReason();
        if (missing != null)
        {
            return missing;
        }
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            return "sarif-multitool-linux only runs on linux-x64";
        }
        return File.Exists(Path.Combine(MultitoolDir!, "Sarif.Multitool"))
            ? null
            : "Sarif.Multitool missing from .ci/tools: re-run .ci/install-node-tools.sh";
    }

    /// <summary>Runs <c>node .ci/validate-sarif.mjs [args]</c>; returns the exit code and combined output.</summary>
    public static (int ExitCode, string Output) RunValidator(params string[] args)
    {
        var psi = new ProcessStartInfo(Node!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot!,
        };
        psi.ArgumentList.Add(ValidateScript!);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var process = Process.Start(psi)!;
        var output = new StringBuilder();
        var stderr = process.StandardError.ReadToEndAsync();
        output.Append(process.StandardOutput.ReadToEnd());
        if (!process.WaitForExit(300_000))
        {
            process.Kill(true);
            return (-1, "validator timed out\n" + output);
        }
        output.Append(stderr.Result);
        return (process.ExitCode, output.ToString());
    }

    private static string? FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DeployChecks.sln")))
            {
                return dir.FullName;
            }
            dir = dir.Parent;
        }
        return null;
    }

    private static string? FindOnPath(string name)
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (path == null)
        {
            return null;
        }
        bool windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, windows ? name + ".exe" : name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
