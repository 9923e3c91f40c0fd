using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace DeployChecks.Module.Tests;

/// <summary>What one script produced on each stream.</summary>
internal sealed class PsResult
{
    public PsResult(Collection<PSObject> output, IReadOnlyList<ErrorRecord> errors, IReadOnlyList<string> verbose,
        IReadOnlyList<string> warnings, IReadOnlyList<ProgressRecord> progress, string hostText)
    {
        Output = output;
        Errors = errors;
        Verbose = verbose;
        Warnings = warnings;
        Progress = progress;
        HostText = hostText;
    }

    public Collection<PSObject> Output { get; }
    public IReadOnlyList<ErrorRecord> Errors { get; }
    public IReadOnlyList<string> Verbose { get; }
    public IReadOnlyList<string> Warnings { get; }
    public IReadOnlyList<ProgressRecord> Progress { get; }

    /// <summary>What Out-Default / Out-Host wrote to the host (the formatting engine's output).</summary>
    public string HostText { get; }

    public IEnumerable<PSObject> OfType(string typeName) =>
        Output.Where(o => o != null && o.TypeNames.Contains(typeName));
}

/// <summary>A runspace of the real PowerShell engine (System.Management.Automation from NuGet) with the
/// built module imported, as a user's session would have it.</summary>
internal sealed class PowerShellSession : IDisposable
{
    private readonly Runspace _runspace;
    private readonly CapturingHost _host = new();

    static PowerShellSession()
    {
        // The vulnerability cmdlets fall back to a per-user database cache; point it at an empty folder so a
        // developer's real ~/.cache/deploychecks never changes what these tests see.
        string cache = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "deploychecks-module-tests-cache-" + Environment.ProcessId);
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", cache);
        Environment.SetEnvironmentVariable("LOCALAPPDATA", cache);
    }

    private PowerShellSession(string? manifest)
    {
        var iss = InitialSessionState.CreateDefault2();
        _runspace = RunspaceFactory.CreateRunspace(_host, iss);
        _runspace.Open();
        if (manifest != null)
        {
            var result = Run("Import-Module -Name $args[0] -ErrorAction Stop -PassThru", manifest);
            if (result.Errors.Count > 0)
            {
                throw new InvalidOperationException("Import-Module failed: " + string.Join("; ", result.Errors));
            }
        }
    }

    /// <summary>A session with the built module (out/DeployChecks) imported.</summary>
    public static PowerShellSession WithModule() => new(Repo.BuiltManifest);

    /// <summary>A session with the given manifest imported, or none.</summary>
    public static PowerShellSession With(string? manifest) => new(manifest);

    /// <summary>Runs a script; <paramref name="args"/> are its <c>$args</c>. Statement-terminating errors land in
    /// <see cref="PsResult.Errors"/> (or in the output when the script catches them).</summary>
    public PsResult Run(string script, params object[] args)
    {
        _host.Clear();
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        foreach (var arg in args)
        {
            ps.AddArgument(arg);
        }
        Collection<PSObject> output;
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException ex)
        {
            output = new Collection<PSObject>();
            return new PsResult(output, new[] { ex.ErrorRecord }.Concat(ps.Streams.Error).ToList(), Messages(ps.Streams.Verbose),
                Messages(ps.Streams.Warning), ps.Streams.Progress.ToList(), _host.Text);
        }
        return new PsResult(output, ps.Streams.Error.ToList(), Messages(ps.Streams.Verbose), Messages(ps.Streams.Warning),
            ps.Streams.Progress.ToList(), _host.Text);
    }

    private static List<string> Messages<T>(PSDataCollection<T> records) where T : InformationalRecord =>
        records.Select(r => r.Message).ToList();

    public void Dispose() => _runspace.Dispose();
}

/// <summary>Reads properties of PSObjects wrapping module types (the test does not reference those types).</summary>
internal static class Ps
{
    public static object? Prop(this PSObject o, string name) => o.Properties[name]?.Value;

    public static string Str(this PSObject o, string name) => o.Properties[name]?.Value?.ToString() ?? "";

    public static IEnumerable<PSObject> Items(this PSObject o, string name) =>
        o.Properties[name]?.Value is System.Collections.IEnumerable e ? e.Cast<object>().Select(PSObject.AsPSObject) : Enumerable.Empty<PSObject>();
}
