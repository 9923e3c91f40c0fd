using System.Collections.Generic;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Hosting;
using DeployChecks.Engine.Models;
using DeployChecks.Engine.Options;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules;

/// <summary>What one rule sees during one run: the workspace, the shared artifact cache, and where to put
/// findings. Thread-safe: per-file rules report from several threads.</summary>
public sealed class RuleContext
{
    private readonly object _gate = new();
    private readonly List<RawFinding> _findings = new();
    private readonly RunState _run;

    internal RuleContext(RuleDescriptor descriptor, RunState run)
    {
        Descriptor = descriptor;
        _run = run;
        Models = new ModelContext(run, descriptor.Id);
    }

    /// <summary>The models this rule reads, with problems attributed to it: <see cref="ArtifactsOf{T}"/> and
    /// <see cref="Model{T}"/> are shortcuts.</summary>
    public ModelContext Models { get; }

    /// <summary>Every workspace file with a <typeparamref name="T"/> view (<c>DockerfileModel</c>, <c>ComposeFile</c>,
    /// <c>CiPipeline</c>, <c>EnvFile</c>, …), parsed once per run, in workspace order; their content problems are
    /// reported to the run once.</summary>
    public IEnumerable<T> ArtifactsOf<T>() where T : class => Models.ArtifactsOf<T>();

    /// <summary>The <typeparamref name="T"/> view of one file (null when its kind has none or it cannot be read).</summary>
    public T? Artifact<T>(WorkspaceFile file) where T : class => Models.Artifact<T>(file);

    /// <summary>A run model (<c>DeployCommands</c>, <c>DependencySet</c>, <c>ProductionPolicy</c>, …), built once per run.</summary>
    public T Model<T>() where T : class => Models.Model<T>();

    public RuleDescriptor Descriptor { get; }

    public Workspace.Workspace Workspace => _run.Workspace;

    public ArtifactCache Artifacts => _run.Artifacts;

    /// <summary>Set when the rule decided it does not apply to this target.</summary>
    public string? NotApplicableReason { get; private set; }

    /// <summary>Set when the rule could not run (as opposed to not applying).</summary>
    public string? NotRunReason { get; private set; }

    internal IReadOnlyList<RawFinding> Findings => _findings;

    /// <summary>The run's resolved options (read-only for rules: a rule reads the settings that concern it).</summary>
    public DeployChecksOptions Options => _run.Options;

    /// <summary>"Today" for rules that compare dates (end-of-life tables): <c>DeployChecksOptions.Today</c>, so a
    /// test or a rerun can fix it.</summary>
    public System.DateTime Today => _run.Today;

    /// <summary>Reports a finding. <paramref name="severity"/> and <paramref name="remediation"/> are for findings that
    /// differ in weight or fix from the rule's default (a vulnerability's rating and fixed version); null means the
    /// rule's default. A severity override in the options still wins over a finding's own severity.</summary>
    public void Report(WorkspaceFile file, int line, int column, string message, string? evidence, string fingerprintKey,
        Severity? severity = null, string? remediation = null)
    {
        var f = new RawFinding(file.RelativePath, line, column, message, evidence, fingerprintKey, severity, remediation);
        lock (_gate)
        {
            _findings.Add(f);
        }
    }

    public void NotApplicable(string reason) => NotApplicableReason = reason;

    public void NotRun(string reason) => NotRunReason = reason;

    /// <summary>Reads a file's text; on failure records a non-terminating error for the run and returns false.</summary>
    public bool TryGetText(WorkspaceFile file, out SourceText text)
    {
        try
        {
            text = Artifacts.GetText(file);
            return true;
        }
        catch (ArtifactReadException ex)
        {
            _run.AddError(ex.ToReportMessage(Descriptor.Id), ex);
            text = null!;
            return false;
        }
    }

    /// <summary>Parses a file (once per run, shared with other rules); on failure records an error and returns false.</summary>
    public bool TryGet<T>(WorkspaceFile file, IArtifactParser<T> parser, out T artifact) where T : class
    {
        try
        {
            artifact = Artifacts.Get(file, parser);
            return true;
        }
        catch (ArtifactReadException ex)
        {
            _run.AddError(ex.ToReportMessage(Descriptor.Id), ex);
            artifact = null!;
            return false;
        }
    }

    /// <summary>Records a problem with an input of the run that is not a workspace file (a vulnerability database);
    /// the run goes on.</summary>
    public void RunProblem(string errorId, string message, string? target = null) =>
        _run.AddError(new ReportMessage { ErrorId = errorId, Path = target, Message = message, RuleId = Descriptor.Id }, null);

    /// <summary>A diagnostic line for the host (verbose output, warnings).</summary>
    public void Log(LogLevel level, string message) => _run.Log(level, message);

    /// <summary>Records a problem in an input that the rule could work around (for example one malformed line).</summary>
    public void InputProblem(string errorId, WorkspaceFile file, int line, string message) =>
        _run.AddError(new ReportMessage { ErrorId = errorId, Path = file.RelativePath, Line = line, Message = message, RuleId = Descriptor.Id }, null);
}

/// <summary>A finding as a rule reports it, before severity overrides, fingerprints and suppressions.</summary>
internal sealed record RawFinding(string Path, int Line, int Column, string Message, string? Evidence, string FingerprintKey, Severity? Severity,
    string? Remediation = null);
