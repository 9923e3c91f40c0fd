using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using DeployChecks.Engine.Dependencies;
using DeployChecks.Engine.Hosting;
using DeployChecks.Engine.Options;
using DeployChecks.Engine.Reporting;
using DeployChecks.Engine.Rules;
using DeployChecks.Engine.Sbom;
using DeployChecks.Engine.Running;
using DeployChecks.Engine.Vulnerabilities;

namespace DeployChecks.Hosting;

/// <summary>
/// The only place the cmdlets touch engine types, and only inside method bodies: the engine loads (from the
/// module's private load context) the first time one of these methods is compiled, after the module's
/// initializer has run.
/// </summary>
internal static class EngineBridge
{
    /// <summary>Runs the checklist on one directory. Unusable options end the pipeline (terminating error).</summary>
    public static ChecklistReport? Run(PSCmdlet cmdlet, string directory, RunSettings settings)
    {
        var request = Request(directory, settings);
        try
        {
            return CheckRunner.Run(request, new CmdletHost(cmdlet, directory));
        }
        catch (OptionsException ex)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.OptionsInvalid, ErrorCategory.InvalidData,
                ex.OptionSource ?? settings.OptionPath ?? directory));
            return null;
        }
        catch (DirectoryNotFoundException ex)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, directory));
            return null;
        }
    }

    private static CheckRequest Request(string directory, RunSettings settings) => new(directory)
    {
        OptionPath = settings.OptionPath,
        Overrides = new OptionOverrides
        {
            Names = FrontEndNames.PowerShell,
            RulesInclude = settings.RulesInclude,
            RulesExclude = settings.RulesExclude,
            Areas = settings.Areas,
            PathsExclude = settings.PathsExclude,
            FailOn = settings.FailOn,
            IgnoreErrors = settings.IgnoreErrors,
            RequireVulnerabilityDatabase = settings.RequireVulnerabilityDatabase,
            BaselinePath = settings.BaselinePath,
            VulnerabilityDatabase = settings.VulnerabilityDatabase,
        },
    };

    /// <summary>Runs several directories at once (at most <paramref name="throttle"/>) in this process. The runs work
    /// on background threads; everything they tell the host, and each finished report, is handed to
    /// <paramref name="complete"/> on the pipeline thread, in the order the runs finish. Unusable options end the
    /// pipeline (terminating error) after the other runs were cancelled.</summary>
    public static void RunParallel(PSCmdlet cmdlet, IReadOnlyList<(string Directory, RunSettings Settings)> runs, int throttle,
        Action<ChecklistReport?> complete)
    {
        using var work = new System.Collections.Concurrent.BlockingCollection<Action>();
        using var cancel = new System.Threading.CancellationTokenSource();
        int done = 0;
        var progress = new ProgressRecord(CmdletHost.ProgressActivityId, "DeployChecks", $"Checking {runs.Count} directories ({throttle} at a time)");
        var background = System.Threading.Tasks.Task.Run(() =>
        {
            try
            {
                System.Threading.Tasks.Parallel.ForEach(runs,
                    new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = throttle, CancellationToken = cancel.Token },
                    run =>
                    {
                        var host = new QueuedHost(new CmdletHost(cmdlet, run.Directory), work);
                        work.Add(() => cmdlet.WriteVerbose("Checking " + run.Directory));
                        try
                        {
                            var report = CheckRunner.Run(Request(run.Directory, run.Settings), host, cancellationToken: cancel.Token);
                            work.Add(() =>
                            {
                                done++;
                                progress.StatusDescription = $"Checked {done} of {runs.Count} directories ({throttle} at a time)";
                                progress.PercentComplete = done * 100 / runs.Count;
                                cmdlet.WriteProgress(progress);
                                complete(report);
                            });
                        }
                        catch (OptionsException ex)
                        {
                            cancel.Cancel();
                            work.Add(() => cmdlet.ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.OptionsInvalid, ErrorCategory.InvalidData,
                                ex.OptionSource ?? run.Settings.OptionPath ?? run.Directory)));
                        }
                        catch (DirectoryNotFoundException ex)
                        {
                            work.Add(() => cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, run.Directory)));
                        }
                    });
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                work.CompleteAdding();
            }
        });
        try
        {
            foreach (var action in work.GetConsumingEnumerable())
            {
                action();
            }
        }
        finally
        {
            cancel.Cancel();
            try
            {
                background.Wait();
            }
            catch (AggregateException)
            {
            }
            progress.RecordType = ProgressRecordType.Completed;
            cmdlet.WriteProgress(progress);
        }
    }

    /// <summary>A run's host when runs go in parallel: host calls are queued for the pipeline thread; per-run progress
    /// bars are left out (the parallel run shows one bar for all directories).</summary>
    private sealed class QueuedHost : ICheckHost
    {
        private readonly ICheckHost _inner;
        private readonly System.Collections.Concurrent.BlockingCollection<Action> _work;

        public QueuedHost(ICheckHost inner, System.Collections.Concurrent.BlockingCollection<Action> work)
        {
            _inner = inner;
            _work = work;
        }

        public void Log(LogLevel level, string message) => _work.Add(() => _inner.Log(level, message));

        public void Error(ReportMessage error, Exception? exception) => _work.Add(() => _inner.Error(error, exception));

        public void Progress(string activity, string status, int percent)
        {
        }

        public bool ShouldProcess(string target, string action) => true;
    }

    /// <summary>Writes a report file. Returns false (after a non-terminating error) when it cannot.</summary>
    public static bool WriteReport(PSCmdlet cmdlet, ChecklistReport report, string format, string path)
    {
        if (!ReportWriters.TryParseFormat(format, out var parsed))
        {
            cmdlet.WriteError(new ErrorRecord(new ArgumentException($"Unknown report format '{format}'."),
                ErrorIds.ReportFormatNotSupported, ErrorCategory.InvalidArgument, format));
            return false;
        }
        try
        {
            ReportWriters.WriteFile(report, parsed, path, "-Path");
            return true;
        }
        catch (OutputPathException ex)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.ReportWriteFailed, ErrorCategory.InvalidArgument, path));
        }
        catch (NotSupportedException ex)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.ReportFormatNotSupported, ErrorCategory.NotImplemented, format));
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.ReportWriteFailed, ErrorCategory.WriteError, path));
        }
        return false;
    }

    /// <summary>The descriptors of every rule of this release, as public <see cref="RuleInfo"/> objects.</summary>
    public static IReadOnlyList<RuleInfo> GetRules() =>
        RuleRegistry.Descriptors.Select(d => d.ToInfo()).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    /// <summary>Parses the dependency files of <paramref name="path"/> (a directory or one file) and writes each
    /// entry <paramref name="include"/> accepts as soon as its file is parsed; each problem becomes a
    /// non-terminating <c>MalformedDependencyFile</c> error with the file as target.</summary>
    public static void WriteDependencies(PSCmdlet cmdlet, string path, Func<DependencyLockEntry, bool> include, bool followIncludes = false)
    {
        if (followIncludes && DependencyInventory.IsRequirementsFile(path))
        {
            WriteResolvedRequirements(cmdlet, path, include);
            return;
        }
        IEnumerable<DependencyDocument> documents;
        try
        {
            documents = DependencyInventory.Parse(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path));
            return;
        }
        bool isDirectory = Directory.Exists(path);
        foreach (var doc in documents)
        {
            string file = isDirectory ? Path.Combine(path, doc.Source.Replace('/', Path.DirectorySeparatorChar)) : path;
            WriteEntriesAndProblems(cmdlet, doc.Entries, doc.Problems, include, _ => file);
        }
    }

    private static void WriteResolvedRequirements(PSCmdlet cmdlet, string path, Func<DependencyLockEntry, bool> include)
    {
        var resolved = DependencyInventory.ResolveRequirements(path);
        WriteEntriesAndProblems(cmdlet, resolved.Entries, resolved.Problems, include, problem => problem.Source);
    }

    /// <summary>Writes the entries <paramref name="include"/> keeps, then each problem as a non-terminating
    /// MalformedDependencyFile error whose target is the file <paramref name="targetOf"/> names.</summary>
    private static void WriteEntriesAndProblems(PSCmdlet cmdlet, IEnumerable<DependencyLockEntry> entries, IEnumerable<DependencyProblem> problems,
        Func<DependencyLockEntry, bool> include, Func<DependencyProblem, string> targetOf)
    {
        foreach (var entry in entries)
        {
            if (include(entry))
            {
                cmdlet.WriteObject(entry);
            }
        }
        foreach (var problem in problems)
        {
            cmdlet.WriteError(new ErrorRecord(new InvalidDataException(problem.ToString()), ErrorIds.MalformedDependencyFile,
                ErrorCategory.ParserError, targetOf(problem)));
        }
    }

    /// <summary>Loads an OSV database (directory or export zip) and returns its matcher, typed as object so the
    /// calling cmdlet can keep it in a field without naming an engine type. A missing or unreadable database ends
    /// the pipeline (terminating error): the check did not run.</summary>
    public static object? LoadVulnerabilityMatcher(PSCmdlet cmdlet, string databasePath)
    {
        try
        {
            var db = OsvDatabase.Load(databasePath);
            cmdlet.WriteVerbose($"Loaded {db.Count} advisories from {db.Source}.");
            foreach (string problem in db.Problems)
            {
                cmdlet.WriteWarning("Vulnerability database: " + problem);
            }
            return new VulnerabilityMatcher(db);
        }
        catch (FileNotFoundException ex)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.VulnerabilityDatabaseMissing, ErrorCategory.ObjectNotFound, databasePath));
        }
        catch (Exception ex) when (ex is IOException || ex is InvalidDataException || ex is UnauthorizedAccessException)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.VulnerabilityDatabaseUnreadable, ErrorCategory.ReadError, databasePath));
        }
        return null;
    }

    /// <summary>The per-user cache written by Update-VulnerabilityDatabase, when it exists; else null.</summary>
    public static string? CachedVulnerabilityDatabase() =>
        VulnerabilityDatabaseLocations.UserCacheFile() is { } cache && File.Exists(cache) ? cache : null;

    /// <summary>Update-VulnerabilityDatabase's work: resolves the URL (parameter, DEPLOYCHECKS_VULN_DB_URL, OSV's
    /// PyPI export) and the destination (parameter, a file in it when it is a directory, the per-user cache), then
    /// downloads through the engine. Every failure is terminating and names the URL and the cause; null after
    /// -WhatIf or a declined -Confirm.</summary>
    public static VulnerabilityDatabaseInfo? UpdateVulnerabilityDatabase(PSCmdlet cmdlet, string? uri, string? destination, int timeoutSec, bool force)
    {
        string text = uri ?? VulnerabilityDatabaseLocations.DownloadUri();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed))
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException($"'{text}' is not an absolute URL."),
                ErrorIds.VulnerabilityDatabaseUpdateFailed, ErrorCategory.InvalidArgument, text));
            return null;
        }
        destination = VulnerabilityDatabaseLocations.UpdateDestination(destination);
        if (destination == null)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException("No per-user cache directory (neither HOME, XDG_CACHE_HOME nor LOCALAPPDATA is set): give -Destination."),
                ErrorIds.VulnerabilityDatabaseUpdateFailed, ErrorCategory.InvalidArgument, null));
            return null;
        }
        var request = new VulnerabilityDatabaseUpdateRequest(parsed, destination) { Timeout = TimeSpan.FromSeconds(timeoutSec), Force = force };
        try
        {
            return VulnerabilityDatabaseUpdater.Update(request, new CmdletHost(cmdlet, Path.GetDirectoryName(Path.GetFullPath(destination))!));
        }
        catch (VulnerabilityDatabaseUpdateException ex)
        {
            var category = ex.InnerException is System.Net.Http.HttpRequestException || ex.InnerException is OperationCanceledException ||
                           ex.Message.Contains("HTTP ")
                ? ErrorCategory.ConnectionError
                : ErrorCategory.InvalidData;
            cmdlet.ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.VulnerabilityDatabaseUpdateFailed, category, parsed));
            return null;
        }
    }

    /// <summary>The advisories affecting <paramref name="entry"/>'s version, with its source file and line.</summary>
    public static IReadOnlyList<VulnerabilityMatch> MatchVulnerabilities(object matcher, DependencyLockEntry entry) =>
        ((VulnerabilityMatcher)matcher).Match(entry.Name, entry.Version ?? "", entry.Source, entry.Line).ToList();

    /// <summary>A new, empty SBOM input (typed as object so cmdlets need no engine type).</summary>
    public static object NewSbomInput() => new SbomInput();

    /// <summary>Adds the dependency files of <paramref name="path"/> (a directory or one file) to an SBOM input; each
    /// problem becomes a non-terminating <c>MalformedDependencyFile</c> error, as in Get-DependencyLock. The project
    /// name defaults to the directory's name when no pyproject.toml names it.</summary>
    public static void AddSbomPath(PSCmdlet cmdlet, object input, string path)
    {
        var sbom = (SbomInput)input;
        bool isDirectory = Directory.Exists(path);
        try
        {
            foreach (var doc in DependencyInventory.Parse(path))
            {
                sbom.Add(doc);
                string file = isDirectory ? Path.Combine(path, doc.Source.Replace('/', Path.DirectorySeparatorChar)) : path;
                foreach (var problem in doc.Problems)
                {
                    cmdlet.WriteError(new ErrorRecord(new InvalidDataException(problem.ToString()), ErrorIds.MalformedDependencyFile,
                        ErrorCategory.ParserError, file));
                }
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path));
            return;
        }
        if (isDirectory && sbom.ProjectName == null)
        {
            sbom.ProjectName = new DirectoryInfo(path).Name;
        }
    }

    public static void AddSbomEntry(object input, DependencyLockEntry entry) => ((SbomInput)input).Entries.Add(entry);

    /// <summary>Adds a package of a scanned image (Invoke-ImageScan -Inventory).</summary>
    public static void AddSbomImagePackage(object input, ImagePackage package) => ((SbomInput)input).Add(package);

    /// <summary>The CycloneDX 1.5 JSON of an SBOM input; with a matcher, the advisories affecting its versions.</summary>
    public static string WriteCycloneDx(object input, object? matcher, Guid? serialNumber, DateTimeOffset? timestamp)
    {
        var sbom = (SbomInput)input;
        if (matcher is VulnerabilityMatcher m)
        {
            foreach (var e in sbom.Entries.Where(e => !string.IsNullOrEmpty(e.Version)))
            {
                sbom.Vulnerabilities.AddRange(m.Match(e.Name, e.Version!, e.Source, e.Line));
            }
            var os = new OsPackageMatcher(m.Database);
            foreach (var p in sbom.OsPackages)
            {
                sbom.Vulnerabilities.AddRange(os.Match(p));
            }
        }
        return CycloneDxWriter.WriteToString(sbom, new SbomOptions { SerialNumber = serialNumber, Timestamp = timestamp, ToolVersion = CheckRunner.ToolVersion });
    }

    /// <summary>Writes text to a file (UTF-8, no BOM). Returns false (after a non-terminating error) when it cannot.</summary>
    public static bool WriteTextFile(PSCmdlet cmdlet, string path, string text, string errorId, string option)
    {
        try
        {
            OutputFile.Write(OutputFile.Resolve(path, option), w => w.Write(text));
            return true;
        }
        catch (OutputPathException ex)
        {
            cmdlet.WriteError(new ErrorRecord(ex, errorId, ErrorCategory.InvalidArgument, path));
            return false;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            cmdlet.WriteError(new ErrorRecord(ex, errorId, ErrorCategory.WriteError, path));
            return false;
        }
    }

    /// <summary>The minimal upgrade of <paramref name="entry"/> that clears its advisories; null when none affects it.</summary>
    public static RemediationPlan? PlanRemediation(object matcher, DependencyLockEntry entry) =>
        new RemediationPlanner((VulnerabilityMatcher)matcher).Plan(entry.Name, entry.Version ?? "", entry.Source, entry.Line);
}
