using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Hosting;
using DeployChecks.Engine.Options;
using DeployChecks.Engine.Rules;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models;

/// <summary>
/// What a run model sees while it is built: the workspace, the shared artifact cache, the options and a sink for
/// problems in inputs. Models never see a rule's context. Problems of parsed files (<see cref="IArtifactModel.Problems"/>)
/// are reported to the run when a model is fetched; the run keeps each (error ID, file, line) once.
/// </summary>
public sealed class ModelContext
{
    private readonly RunState _run;
    private readonly string? _ruleId;

    internal ModelContext(RunState run, string? ruleId)
    {
        _run = run;
        _ruleId = ruleId;
    }

    public Workspace.Workspace Workspace => _run.Workspace;

    public ArtifactCache Cache => _run.Artifacts;

    public DeployChecksOptions Options => _run.Options;

    /// <summary>"Today" for date-dependent models (the options' date, so tests fix it).</summary>
    public DateTime Today => _run.Today;

    /// <summary>A file's text; on failure the read error is reported to the run and false returned.</summary>
    public bool TryGetText(WorkspaceFile file, out SourceText text)
    {
        try
        {
            text = Cache.GetText(file);
            return true;
        }
        catch (ArtifactReadException ex)
        {
            _run.AddError(ex.ToReportMessage(_ruleId), ex);
            text = null!;
            return false;
        }
    }

    /// <summary>The file parsed by <paramref name="parser"/> (once per run); null when it cannot be read.</summary>
    public T? Get<T>(WorkspaceFile file, IArtifactParser<T> parser) where T : class
    {
        T parsed;
        try
        {
            parsed = Cache.Get(file, parser);
        }
        catch (ArtifactReadException ex)
        {
            _run.AddError(ex.ToReportMessage(_ruleId), ex);
            return null;
        }
        if (parsed is IArtifactModel model)
        {
            foreach (var p in model.Problems)
            {
                Problem(file, p);
            }
        }
        return parsed;
    }

    /// <summary>The <typeparamref name="T"/> view of <paramref name="file"/> (see <see cref="ArtifactParsers"/>); null
    /// when files of its kind have no such view or it cannot be read.</summary>
    public T? Artifact<T>(WorkspaceFile file) where T : class =>
        ArtifactParsers.For<T>(file.Kind) is { } parser ? Get(file, parser) : null;

    /// <summary>Every workspace file with a <typeparamref name="T"/> view, parsed (grouped by kind, each kind in workspace
    /// order); files that cannot be read are reported and skipped.</summary>
    public IEnumerable<T> ArtifactsOf<T>() where T : class
    {
        foreach (var file in Workspace.OfKinds(ArtifactParsers.KindsOf<T>()))
        {
            if (Artifact<T>(file) is { } parsed)
            {
                yield return parsed;
            }
        }
    }

    /// <summary>A run model (<c>DeployCommands</c>, <c>DependencySet</c>, …), built once per run by the first caller.</summary>
    public T Model<T>() where T : class => RunModels.Get<T>(this);

    /// <summary>Reports a problem in a file's content (non-terminating; the run goes on).</summary>
    public void Problem(WorkspaceFile file, ArtifactProblem problem) =>
        InputProblem(problem.ErrorId, file, problem.Line, problem.Describe(file));

    public void InputProblem(string errorId, WorkspaceFile file, int line, string message) =>
        _run.AddError(new ReportMessage { ErrorId = errorId, Path = file.RelativePath, Line = line, Message = message, RuleId = _ruleId }, null);

    /// <summary>Reports a problem with an input that is not a workspace file (a vulnerability database).</summary>
    public void RunProblem(string errorId, string message, string? target = null) =>
        _run.AddError(new ReportMessage { ErrorId = errorId, Path = target, Message = message, RuleId = _ruleId }, null);

    public void Log(LogLevel level, string message) => _run.Log(level, message);
}
