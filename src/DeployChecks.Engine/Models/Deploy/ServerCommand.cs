using System;
using System.Collections.Generic;
using DeployChecks.Engine.Dependencies.Requirements;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Deploy;

/// <summary>A command that starts an application server, or a framework's development server.</summary>
public sealed class ServerCommand : DeployCommand
{
    internal ServerCommand(WorkspaceFile file, int line, DeployCommandOrigin origin, string text, string server, string? package,
        bool isDevServer, IReadOnlyList<string> arguments)
        : base(file, line, origin, text)
    {
        Server = server;
        Package = package;
        IsDevServer = isDevServer;
        Arguments = arguments;
    }

    /// <summary><c>gunicorn</c>, <c>uvicorn</c>, <c>uwsgi</c>, <c>hypercorn</c>, <c>daphne</c>, <c>waitress</c>,
    /// <c>granian</c>; <c>runserver</c> (Django) or <c>flask run</c> for development servers.</summary>
    public string Server { get; }

    /// <summary>The PyPI package that provides the server (PEP 503 name); null for a framework's development server.</summary>
    public string? Package { get; }

    /// <summary>True for <c>manage.py runserver</c>, <c>flask run</c>, <c>fastapi dev</c>.</summary>
    public bool IsDevServer { get; }

    /// <summary>The arguments after the server command.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>True when the command is what a container or platform runs (Dockerfile CMD/ENTRYPOINT, Procfile,
    /// compose <c>command:</c>/<c>entrypoint:</c>), false inside a RUN or CI step.</summary>
    public bool IsRuntime { get; internal set; }

    /// <summary>For a Dockerfile, the image of the stage's <c>FROM</c> (after following earlier stages).</summary>
    public string? BaseImage { get; internal set; }

    /// <summary>When the command is in a script that the start command runs (<c>ENTRYPOINT ["./entrypoint.sh"]</c>),
    /// where that start command is (<c>Dockerfile:12</c>); null when the command is written there directly.</summary>
    public string? StartedFrom { get; internal set; }
}
