using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Hosting;
using DeployChecks.Engine.Options;
using DeployChecks.Engine.Rules;
using DeployChecks.Engine.Suppressions;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Running;

/// <summary>
/// One run: options → workspace walk → rules in parallel over the shared artifact cache → findings with
/// severities, fingerprints and suppressions → one <see cref="CheckResult"/> per rule → <see cref="ChecklistReport"/>.
/// The cmdlets, the CLI, the tests and the bench all drive this same pipeline.
/// </summary>
public static class CheckRunner
{
    public static string ToolVersion { get; } =
        typeof(CheckRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(CheckRunner).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Resolves the option layers of a request; throws <see cref="OptionsException"/> on bad options.</summary>
    public static DeployChecksOptions ResolveOptions(CheckRequest request)
    {
        string root = Path.GetFullPath(request.Path);
        var options = request.Options ?? OptionsLoader.Load(root, request.OptionPath, request.Environment, request.Overrides);
        foreach (var selector in options.RulesInclude.Concat(options.RulesExclude))
        {
            if (!RuleRegistry.IsKnownSelector(selector) && !CheckAreas.TryParse(selector, out _))
            {
                throw new OptionsException($"rule selector '{selector}' matches no rule, area or tag", options.SourceFile);
            }
        }
        foreach (var key in options.SeverityOverrides.Keys)
        {
            if (!RuleRegistry.Descriptors.Any(d => d.Id.Equals(key, StringComparison.OrdinalIgnoreCase) || d.Name.Equals(key, StringComparison.OrdinalIgnoreCase)))
            {
                throw new OptionsException($"severity override for unknown rule '{key}'", options.SourceFile);
            }
        }
        return options;
    }

    /// <summary>Runs the checklist. Throws <see cref="OptionsException"/> for unusable options and
    /// <see cref="DirectoryNotFoundException"/> for a missing target; problems with single files are
    /// reported to the host and in the report, and the run goes on.</summary>
    public static ChecklistReport Run(CheckRequest request, ICheckHost host, IReadOnlyList<Rule>? rules = null, CancellationToken cancellationToken = default)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var dispatcher = new HostDispatcher(host);
        string root = Path.GetFullPath(request.Path);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Target directory not found: {root}");
        }
        var options = ResolveOptions(request);
        if (options.SourceFile != null)
        {
            dispatcher.Log(LogLevel.Verbose, $"Options read from {options.SourceFile}");
        }
        Baseline? baseline = LoadBaseline(options, root);

        dispatcher.Progress("DeployChecks", "Walking " + root, 0);
        var workspace = Workspace.Workspace.Open(root, new WorkspaceOptions
        {
            Include = options.PathsInclude,
            Exclude = options.PathsExclude,
            MaxFileSize = options.MaxFileSize,
            UseGitIgnore = options.UseGitIgnore,
        });
        dispatcher.Log(LogLevel.Verbose,
            $"Walked {root}: {workspace.Files.Count} files kept, {workspace.IgnoredCount} git-ignored, {workspace.SkippedDirectoryCount} directories skipped" +
            (workspace.Git != null ? $", git work tree {workspace.Git.WorkTree} ({workspace.Git.TrackedCount} tracked)" : ", not a git work tree"));

        var state = new RunState(workspace, new ArtifactCache(options.MaxFileSize), dispatcher, options) { Today = options.Today.Date };
        foreach (var problem in workspace.Problems)
        {
            state.AddError(problem, null);
        }

        var selected = SelectRules(rules ?? RuleRegistry.All, options);
        if (selected.Any(r => r.Descriptor.Id == Rules.Dependencies.KnownVulnerabilityRule.Definition.Id))
        {
            Models.Dependencies.RunVulnerabilityDatabase.Validate(options);
        }
        var runs = selected.Select(r => new RuleRun(r, new RuleContext(r.Descriptor, state))).ToList();
        // Per-file rules run file by file (every rule on one file, then the file's parsed artifacts are released),
        // so memory follows the files in flight, not the size of the tree; whole-target rules run afterwards.
        var perFile = new Dictionary<WorkspaceFile, List<RuleRun>>();
        var fileOrder = new List<WorkspaceFile>();
        var whole = new List<RuleRun>();
        foreach (var run in runs)
        {
            var files = workspace.OfKinds(run.Rule.Reads).ToList();
            if (files.Count == 0 && run.Rule.Reads.Count > 0)
            {
                run.Context.NotApplicable("no " + JoinOr(run.Rule.Reads.Select(DescribeKind).Distinct().ToList()) + " in the target");
                continue;
            }
            if (!SafeCall(run, () => run.Rule.Applies(run.Context), dispatcher, state, out bool applies) || !applies)
            {
                continue;
            }
            if (!run.Rule.PerFile)
            {
                whole.Add(run);
                continue;
            }
            foreach (var f in files)
            {
                if (!perFile.TryGetValue(f, out var list))
                {
                    perFile[f] = list = new List<RuleRun>();
                    fileOrder.Add(f);
                }
                list.Add(run);
            }
        }

        int done = 0;
        int total = fileOrder.Count + whole.Count;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        dispatcher.RunAndPump(() =>
        {
            Parallel.ForEach(fileOrder, parallel, file =>
            {
                foreach (var run in perFile[file])
                {
                    if (run.Failure == null)
                    {
                        using var own = SharedWork.StartOwnTime();
                        SafeCall(run, () =>
                        {
                            run.Rule.CheckFile(run.Context, file);
                            return true;
                        }, dispatcher, state, out _);
                        run.AddTime(own.Elapsed);
                    }
                }
                state.Artifacts.Release(file);
                int n = Interlocked.Increment(ref done);
                dispatcher.Progress("DeployChecks", $"Checked {Math.Min(n, fileOrder.Count)} of {fileOrder.Count} files", total == 0 ? 100 : n * 100 / total);
            });
            Parallel.ForEach(whole, parallel, run =>
            {
                using var own = SharedWork.StartOwnTime();
                SafeCall(run, () =>
                {
                    run.Rule.Check(run.Context);
                    return true;
                }, dispatcher, state, out _);
                run.AddTime(own.Elapsed);
                int n = Interlocked.Increment(ref done);
                dispatcher.Progress("DeployChecks", $"Ran {n - fileOrder.Count} of {whole.Count} repository-wide checks", total == 0 ? 100 : n * 100 / total);
            });
        });

        var suppressor = new Suppressor(options, baseline, state, dispatcher);
        var checks = new List<CheckResult>();
        var findings = new List<Finding>();
        foreach (var run in runs)
        {
            var result = BuildResult(run, options, suppressor);
            checks.Add(result);
            findings.AddRange(result.Findings);
        }
        dispatcher.Progress("DeployChecks", $"Checked {fileOrder.Count} files, ran {whole.Count} repository-wide checks", -1);
        dispatcher.Drain();

        findings.Sort((a, b) =>
        {
            int c = b.Severity.CompareTo(a.Severity);
            if (c == 0) { c = string.CompareOrdinal(a.Path, b.Path); }
            if (c == 0) { c = a.Line.CompareTo(b.Line); }
            return c == 0 ? string.CompareOrdinal(a.RuleId, b.RuleId) : c;
        });

        return new ChecklistReport
        {
            Target = root,
            ToolVersion = ToolVersion,
            StartedAt = started,
            Duration = clock.Elapsed,
            FilesScanned = workspace.Files.Count,
            Areas = BuildAreas(options, checks),
            Checks = checks,
            Findings = findings,
            Rules = selected.Select(r => r.Descriptor.ToInfo()).ToList(),
            Errors = state.Errors,
            FailOn = options.FailOn,
            IgnoreErrors = options.IgnoreErrors,
            VulnerabilityDatabase = state.Artifacts.TryGetShared<Models.Dependencies.RunVulnerabilityDatabase>()?.Used,
        };
    }

    private static Baseline? LoadBaseline(DeployChecksOptions options, string root)
    {
        if (options.BaselinePath == null)
        {
            return null;
        }
        string path = Path.IsPathRooted(options.BaselinePath) ? options.BaselinePath : Path.Combine(root, options.BaselinePath);
        if (!File.Exists(path))
        {
            throw new OptionsException("baseline file not found", path);
        }
        try
        {
            return Baseline.Load(path);
        }
        catch (Exception ex) when (ex is InvalidDataException || ex is IOException || ex is UnauthorizedAccessException)
        {
            throw new OptionsException(ex.Message, null, 0, ex);
        }
    }

    /// <summary>The rules an options set selects: areas, then include selectors (empty = all), then excludes.</summary>
    public static IReadOnlyList<Rule> SelectRules(IReadOnlyList<Rule> all, DeployChecksOptions options) =>
        all.Where(r => options.Areas.Count == 0 || options.Areas.Contains(r.Descriptor.Area))
           .Where(r => options.RulesInclude.Count == 0 || options.RulesInclude.Any(s => RuleRegistry.Matches(r.Descriptor, s)))
           .Where(r => !options.RulesExclude.Any(s => RuleRegistry.Matches(r.Descriptor, s)))
           .OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal)
           .ToList();

    private static bool SafeCall(RuleRun run, Func<bool> call, ICheckHost host, RunState state, out bool result)
    {
        try
        {
            result = call();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Failure ??= ex;
            state.AddError(new ReportMessage
            {
                ErrorId = "RuleFailed",
                RuleId = run.Rule.Descriptor.Id,
                Message = $"{run.Rule.Descriptor.Id} failed: {ex.GetType().Name}: {ex.Message}",
            }, ex);
            host.Log(LogLevel.Debug, ex.ToString());
            result = false;
            return false;
        }
    }

    private static CheckResult BuildResult(RuleRun run, DeployChecksOptions options, Suppressor suppressor)
    {
        var d = run.Rule.Descriptor;
        var severity = EffectiveSeverity(d, options);
        bool overridden = IsOverridden(d, options);
        var findings = new List<Finding>();
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var raw in run.Context.Findings.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column))
        {
            string key = raw.Path + "\n" + raw.FingerprintKey;
            occurrences.TryGetValue(key, out int n);
            occurrences[key] = n + 1;
            var finding = new Finding
            {
                RuleId = d.Id,
                RuleName = d.Name,
                Area = d.Area,
                Severity = overridden || raw.Severity == null ? severity : raw.Severity.Value,
                Message = raw.Message,
                Path = raw.Path,
                Line = raw.Line,
                Column = raw.Column,
                Evidence = raw.Evidence,
                Remediation = raw.Remediation ?? d.Remediation,
                HelpUri = d.HelpUri,
                Fingerprint = Fingerprints.Compute(d.Id, raw.Path, raw.FingerprintKey, n),
            };
            finding.Suppression = suppressor.Check(finding);
            findings.Add(finding);
        }
        CheckOutcome outcome;
        string? reason = null;
        if (run.Failure != null)
        {
            outcome = CheckOutcome.Error;
            reason = run.Failure.GetType().Name + ": " + run.Failure.Message;
        }
        else if (findings.Any(f => !f.IsSuppressed))
        {
            outcome = CheckOutcome.Fail;
        }
        else if (run.Context.InputFailure != null)
        {
            // Something this check needed could not be read: it did not check everything, so it never passes.
            outcome = CheckOutcome.Error;
            reason = "could not read all its input: " + run.Context.InputFailure;
        }
        else if (run.Context.NotRunReason != null)
        {
            outcome = CheckOutcome.NotRun;
            reason = run.Context.NotRunReason;
        }
        else if (findings.Count > 0)
        {
            outcome = CheckOutcome.Suppressed;
            reason = findings[0].Suppression;
        }
        else if (run.Context.NotApplicableReason != null)
        {
            outcome = CheckOutcome.NotApplicable;
            reason = run.Context.NotApplicableReason;
        }
        else
        {
            outcome = CheckOutcome.Pass;
        }
        return new CheckResult
        {
            RuleId = d.Id,
            RuleName = d.Name,
            Title = d.Title,
            Area = d.Area,
            Severity = severity,
            Outcome = outcome,
            Reason = reason,
            Findings = findings,
            Duration = run.Elapsed,
        };
    }

    /// <summary>True when the options override the rule's severity (which then also replaces per-finding severities).</summary>
    public static bool IsOverridden(RuleDescriptor d, DeployChecksOptions options) =>
        options.SeverityOverrides.ContainsKey(d.Id) || options.SeverityOverrides.ContainsKey(d.Name);

    public static Severity EffectiveSeverity(RuleDescriptor d, DeployChecksOptions options) =>
        options.SeverityOverrides.TryGetValue(d.Id, out var s) || options.SeverityOverrides.TryGetValue(d.Name, out s) ? s : d.DefaultSeverity;

    private static IReadOnlyList<AreaSummary> BuildAreas(DeployChecksOptions options, List<CheckResult> checks)
    {
        var covered = RuleRegistry.CoveredAreas;
        var areas = new List<AreaSummary>();
        foreach (var area in CheckAreas.All)
        {
            if (options.Areas.Count > 0 && !options.Areas.Contains(area))
            {
                continue;
            }
            var mine = checks.Where(c => c.Area == area).ToList();
            var summary = new AreaSummary { Area = area, Title = CheckAreas.Title(area), Checks = mine.Count };
            foreach (var c in mine)
            {
                switch (c.Outcome)
                {
                    case CheckOutcome.Pass: summary.Passed++; break;
                    case CheckOutcome.Fail: summary.Failed++; break;
                    case CheckOutcome.NotApplicable: summary.NotApplicable++; break;
                    case CheckOutcome.Error: summary.Errors++; break;
                    case CheckOutcome.Suppressed: summary.Suppressed++; break;
                    case CheckOutcome.NotRun: summary.NotRun++; break;
                }
                foreach (var f in c.Findings.Where(f => !f.IsSuppressed))
                {
                    summary.FindingsBySeverity.TryGetValue(f.Severity, out int n);
                    summary.FindingsBySeverity[f.Severity] = n + 1;
                    if (summary.HighestSeverity == null || f.Severity > summary.HighestSeverity)
                    {
                        summary.HighestSeverity = f.Severity;
                    }
                }
            }
            summary.Status =
                !covered.Contains(area) ? AreaStatus.NotCovered :
                summary.Failed > 0 ? AreaStatus.Fail :
                summary.Errors > 0 || summary.NotRun > 0 ? AreaStatus.Incomplete :
                summary.Passed + summary.Suppressed > 0 ? AreaStatus.Pass :
                AreaStatus.NotApplicable;
            areas.Add(summary);
        }
        return areas;
    }

    private static string JoinOr(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Join("", items) : string.Join(", ", items.Take(items.Count - 1)) + " or " + items[items.Count - 1];

    /// <summary>How a NotApplicable reason names a kind of file ("no pyproject.toml, Pipfile in the target").</summary>
    private static string DescribeKind(ArtifactKind kind) => kind switch
    {
        ArtifactKind.Python => "Python files",
        ArtifactKind.Notebook => "notebooks",
        ArtifactKind.EnvFile => "env files",
        ArtifactKind.GitIgnore => ".gitignore",
        ArtifactKind.DockerIgnore => ".dockerignore",
        ArtifactKind.Requirements => "requirements files",
        ArtifactKind.Pyproject => "pyproject.toml",
        ArtifactKind.SetupPy => "setup.py",
        ArtifactKind.SetupCfg => "setup.cfg",
        ArtifactKind.Pipfile => "Pipfile",
        ArtifactKind.PipfileLock => "Pipfile.lock",
        ArtifactKind.PoetryLock => "poetry.lock",
        ArtifactKind.UvLock => "uv.lock",
        ArtifactKind.PdmLock => "pdm.lock",
        ArtifactKind.PyLock => "pylock.toml",
        ArtifactKind.PythonVersion => ".python-version, runtime.txt",
        ArtifactKind.Dockerfile => "Dockerfile",
        ArtifactKind.Compose => "compose files",
        ArtifactKind.Nginx => "nginx configuration",
        ArtifactKind.Procfile => "Procfile",
        ArtifactKind.GitHubWorkflow => "GitHub Actions workflows",
        ArtifactKind.AzurePipeline => "Azure Pipelines files",
        ArtifactKind.GitLabCi => ".gitlab-ci.yml",
        ArtifactKind.UwsgiIni => "uWSGI ini files",
        ArtifactKind.GunicornConfig => "gunicorn config files",
        ArtifactKind.AlembicIni => "alembic.ini",
        ArtifactKind.SqlDump => "SQL dumps",
        _ => kind + " files",
    };

    private sealed class RuleRun
    {
        private long _ticks;

        public RuleRun(Rule rule, RuleContext context)
        {
            Rule = rule;
            Context = context;
        }

        public Rule Rule { get; }
        public RuleContext Context { get; }
        public Exception? Failure { get; set; }
        public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

        public void AddTime(TimeSpan t) => Interlocked.Add(ref _ticks, t.Ticks);
    }
}
