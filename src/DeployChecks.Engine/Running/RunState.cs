using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Hosting;

namespace DeployChecks.Engine.Rules;

/// <summary>Shared state of one run: the workspace, the artifact cache, and the run's errors (each reported
/// once, however many rules hit the same broken file).</summary>
internal sealed class RunState
{
    private readonly object _gate = new();
    private readonly List<ReportMessage> _errors = new();
    private readonly HashSet<(string, string?, int)> _seen = new();
    private readonly ICheckHost _host;

    public RunState(Workspace.Workspace workspace, ArtifactCache artifacts, ICheckHost host)
    {
        Workspace = workspace;
        Artifacts = artifacts;
        _host = host;
    }

    public Workspace.Workspace Workspace { get; }

    public ArtifactCache Artifacts { get; }

    /// <summary>"Today" for date-dependent rules (end-of-life tables); the options' date, so tests can fix it.</summary>
    public DateTime Today { get; init; } = DateTime.UtcNow.Date;

    public IReadOnlyList<ReportMessage> Errors
    {
        get
        {
            lock (_gate)
            {
                return _errors.ToArray();
            }
        }
    }

    public void AddError(ReportMessage message, Exception? exception)
    {
        lock (_gate)
        {
            if (!_seen.Add((message.ErrorId, message.Path, message.Line)))
            {
                return;
            }
            _errors.Add(message);
        }
        _host.Error(message, exception);
    }
}
