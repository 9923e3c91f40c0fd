using System.Collections.Generic;
using DeployChecks.Engine.Artifacts;
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
    }

    public RuleDescriptor Descriptor { get; }

    public Workspace.Workspace Workspace => _run.Workspace;

    public ArtifactCache Artifacts => _run.Artifacts;

    /// <summary>Set when the rule decided it does not apply to this target.</summary>
    public string? NotApplicableReason { get; private set; }

    /// <summary>Set when the rule could not run (as opposed to not applying).</summary>
    public string? NotRunReason { get; private set; }

    internal IReadOnlyList<RawFinding> Findings => _findings;

    /// <summary>"Today" for rules that compare dates (end-of-life tables): <c>DeployChecksOptions.Today</c>, so a
    /// test or a rerun can fix it.</summary>
    public System.DateTime Today => _run.Today;

    public void Report(WorkspaceFile file, int line, int column, string message, string? evidence, string fingerprintKey) =>
        Report(file, line, column, message, evidence, fingerprintKey, null);

    /// <summary>Reports a finding whose severity differs from the rule's default (a severity override in the options
    /// still wins).</summary>
    public void Report(WorkspaceFile file, int line, int column, string message, string? evidence, string fingerprintKey, Severity? severity)
    {
        var f = new RawFinding(file.RelativePath, line, column, message, evidence, fingerprintKey, severity);
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

    /// <summary>Records a problem in an input that the rule could work around (for example one malformed line).</summary>
    public void InputProblem(string errorId, WorkspaceFile file, int line, string message) =>
        _run.AddError(new ReportMessage { ErrorId = errorId, Path = file.RelativePath, Line = line, Message = message, RuleId = Descriptor.Id }, null);
}

/// <summary>A finding as a rule reports it, before severity overrides, fingerprints and suppressions.</summary>
internal sealed record RawFinding(string Path, int Line, int Column, string Message, string? Evidence, string FingerprintKey, Severity? Severity);
