using System.Collections.Generic;
using System.IO;
using System.Management.Automation;

namespace DeployChecks.Hosting;

/// <summary>Resolves -Path (wildcards) / -LiteralPath values through the provider to existing file-system files or
/// directories, writing <c>PathNotFound</c> / <c>PathNotFileSystem</c> errors for the rest.</summary>
internal static class ProviderPaths
{
    /// <param name="failed">When given, collects the inputs that resolved to nothing usable (after their error).</param>
    public static IEnumerable<string> ResolveExisting(PSCmdlet cmdlet, string input, bool literal, List<string>? failed = null)
    {
        var result = ResolveExistingCore(cmdlet, input, literal);
        if (failed != null && result.Count == 0)
        {
            failed.Add(input);
        }
        return result;
    }

    private static List<string> ResolveExistingCore(PSCmdlet cmdlet, string input, bool literal)
    {
        var resolved = new List<string>();
        try
        {
            ProviderInfo provider;
            if (literal)
            {
                resolved.Add(cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(input, out provider, out _));
            }
            else
            {
                resolved.AddRange(cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(input, out provider));
            }
            if (provider.Name != "FileSystem")
            {
                cmdlet.WriteError(new ErrorRecord(new PSArgumentException($"'{input}' is a {provider.Name} path; DeployChecks reads file-system paths."),
                    ErrorIds.PathNotFileSystem, ErrorCategory.InvalidArgument, input));
                return new List<string>();
            }
        }
        catch (ItemNotFoundException ex)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, input));
            return new List<string>();
        }
        catch (System.Management.Automation.DriveNotFoundException ex)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, input));
            return new List<string>();
        }
        var existing = new List<string>();
        foreach (string path in resolved)
        {
            if (Directory.Exists(path) || File.Exists(path))
            {
                existing.Add(path);
            }
            else
            {
                cmdlet.WriteError(new ErrorRecord(new ItemNotFoundException($"Cannot find path '{path}' because it does not exist."),
                    ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path));
            }
        }
        if (resolved.Count == 0)
        {
            cmdlet.WriteError(new ErrorRecord(new ItemNotFoundException($"Cannot find path '{input}' because it does not exist."),
                ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, input));
        }
        return existing;
    }

    /// <summary>Writes the file-system item at <paramref name="path"/> as Get-Item would (a FileInfo with the provider's
    /// PSPath, PSParentPath, ... notes, so Mode, LastWriteTime and Length show in the default view). A device or FIFO
    /// the report went through is not an item worth writing and is skipped.</summary>
    public static void WriteItem(PSCmdlet cmdlet, string path)
    {
        if (!File.Exists(path))
        {
            return;
        }
        foreach (var item in cmdlet.InvokeProvider.Item.Get(new[] { path }, true, true))
        {
            cmdlet.WriteObject(item);
        }
    }
}
