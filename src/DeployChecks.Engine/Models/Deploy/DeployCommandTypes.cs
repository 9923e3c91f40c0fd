using System;
using System.Collections.Generic;
using DeployChecks.Engine.Dependencies.Requirements;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Deploy;

/// <summary>Where a deploy command was written.</summary>
public enum DeployCommandOrigin
{
    Dockerfile,
    Procfile,
    Compose,
    GitHubActions,
    AzurePipelines,
    GitLabCi,
}

/// <summary>What a referenced file is to the install command.</summary>
public enum InstallFileRole
{
    /// <summary><c>-r FILE</c>, <c>pip-sync FILE</c>, <c>uv pip sync FILE</c>.</summary>
    Requirements,
    /// <summary><c>-c FILE</c>.</summary>
    Constraints,
    /// <summary>The lock a <c>pipenv</c>/<c>poetry</c>/<c>uv</c> command installs from (implicitly, in its directory).</summary>
    Lock,
}

/// <summary>A file an install command reads, as written and mapped back to a workspace file (best effort).</summary>
public sealed class InstallFileReference
{
    internal InstallFileReference(string written, InstallFileRole role)
    {
        Written = written;
        Role = role;
    }

    /// <summary>The path as the command wrote it (or the implicit lock name).</summary>
    public string Written { get; }

    public InstallFileRole Role { get; }

    /// <summary>The absolute path inside the image (Dockerfile) or the root-relative path (CI), when known.</summary>
    public string? ResolvedPath { get; internal set; }

    /// <summary>The workspace file it maps to, or null.</summary>
    public WorkspaceFile? File { get; internal set; }

    /// <summary>How the mapping was made when it was a guess (<c>matched by file name</c>), or why it failed.</summary>
    public string? Note { get; internal set; }

    public override string ToString() => Written + (File != null ? " -> " + File.RelativePath : " (unmapped)");
}

/// <summary>A package named on an install command line (<c>pip install gunicorn==21.2.0</c>).</summary>
public sealed class InstalledPackage
{
    internal InstalledPackage(string text, Pep508Requirement requirement)
    {
        Text = text;
        Requirement = requirement;
    }

    /// <summary>The argument as written (quotes removed).</summary>
    public string Text { get; }

    public Pep508Requirement Requirement { get; }

    public string NormalizedName => Requirement.NormalizedName;

    /// <summary>The exact version (<c>==X</c>/<c>===X</c>), or null.</summary>
    public string? PinnedVersion => Requirement.PinnedVersion;

    /// <summary>True when the version is a shell variable the model cannot resolve (<c>gunicorn==${GUNICORN_VERSION}</c>
    /// with no ARG/ENV default): the package is installed, its version is unknown.</summary>
    public bool VersionFromVariable { get; internal set; }

    public override string ToString() => Text;
}

/// <summary>Facts shared by install and server commands: where they are and in what setting they run.</summary>
public abstract class DeployCommand
{
    protected DeployCommand(WorkspaceFile file, int line, DeployCommandOrigin origin, string text)
    {
        File = file;
        Line = line;
        Origin = origin;
        Text = text;
    }

    public WorkspaceFile File { get; }

    /// <summary>1-based line of the command's first word.</summary>
    public int Line { get; }

    public DeployCommandOrigin Origin { get; }

    /// <summary>The command's words joined by spaces (quotes removed, wrappers such as <c>sh -c</c> unwrapped).</summary>
    public string Text { get; }

    /// <summary>The Dockerfile stage (its <c>AS</c> name, or <c>#N</c>), the CI job, or the compose service / Procfile
    /// process type.</summary>
    public string? Scope { get; internal set; }

    /// <summary>True for a development or test setting: a file under tests/, docs/…, a <c>Dockerfile.dev</c> or
    /// <c>docker-compose.override.yml</c>, a Dockerfile stage named test/dev/lint/ci.</summary>
    public bool IsDevelopment { get; internal set; }

    /// <summary>True for a CI pipeline (GitHub Actions, Azure Pipelines, GitLab CI).</summary>
    public bool IsCi => Origin is DeployCommandOrigin.GitHubActions or DeployCommandOrigin.AzurePipelines or DeployCommandOrigin.GitLabCi;

    public override string ToString() => $"{File.RelativePath}:{Line}: {Text}";
}

/// <summary>An install command: pip (also <c>python -m pip</c>, <c>uv pip</c>), pipenv, poetry, uv, pip-sync.</summary>
public sealed class InstallCommand : DeployCommand
{
    internal InstallCommand(WorkspaceFile file, int line, DeployCommandOrigin origin, string text, string tool, string action)
        : base(file, line, origin, text)
    {
        Tool = tool;
        Action = action;
    }

    /// <summary><c>pip</c>, <c>uv pip</c>, <c>pipenv</c>, <c>poetry</c>, <c>uv</c> or <c>pip-sync</c>.</summary>
    public string Tool { get; }

    /// <summary><c>install</c>, <c>sync</c>, <c>wheel</c>, <c>download</c>, <c>export</c>.</summary>
    public string Action { get; }

    public List<InstallFileReference> Files { get; } = new();

    public List<InstalledPackage> Packages { get; } = new();

    /// <summary>Local paths, archives and URLs installed (<c>.</c>, <c>/wheels/*.whl</c>, <c>git+https://…</c>).</summary>
    public List<string> OtherTargets { get; } = new();

    /// <summary>Arguments that are neither options nor readable requirements.</summary>
    public List<string> Unreadable { get; } = new();

    /// <summary><c>--require-hashes</c> on the command line.</summary>
    public bool RequireHashes { get; internal set; }

    public bool NoDeps { get; internal set; }

    /// <summary><c>pipenv --deploy</c>, <c>uv sync --locked/--frozen</c>, <c>poetry install --sync</c>…: the lock must
    /// be used as is.</summary>
    public bool LockEnforced { get; internal set; }

    /// <summary><c>poetry export --without-hashes</c>.</summary>
    public bool WithoutHashes { get; internal set; }

    /// <summary>Groups excluded or selected (<c>--only main</c>, <c>--without dev</c>, <c>--no-dev</c>), as written.</summary>
    public List<string> GroupOptions { get; } = new();

    /// <summary><c>--index-url</c>/<c>-i</c>, <c>--extra-index-url</c>, <c>--trusted-host</c>, <c>--find-links</c>/<c>-f</c>
    /// given on the command line, values as written (may hold credentials: redact before showing).</summary>
    public List<IndexSetting> IndexOptions { get; } = new();

    public IEnumerable<InstallFileReference> RequirementFiles
    {
        get
        {
            foreach (var f in Files)
            {
                if (f.Role == InstallFileRole.Requirements)
                {
                    yield return f;
                }
            }
        }
    }

    public IEnumerable<InstallFileReference> ConstraintFiles
    {
        get
        {
            foreach (var f in Files)
            {
                if (f.Role == InstallFileRole.Constraints)
                {
                    yield return f;
                }
            }
        }
    }
}

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

/// <summary>A file that could not be read as a deploy script (malformed Dockerfile instruction or YAML).</summary>
public sealed class DeployCommandProblem
{
    internal DeployCommandProblem(string errorId, WorkspaceFile file, int line, string message)
    {
        ErrorId = errorId;
        File = file;
        Line = line;
        Message = message;
    }

    public string ErrorId { get; }

    public WorkspaceFile File { get; }

    public int Line { get; }

    public string Message { get; }

    public override string ToString() => Message;
}

/// <summary>Where packages come from, set outside the dependency files: a pip/uv option on an install command line
/// (<c>--index-url</c>, …) or an installer environment variable in a Dockerfile (<c>ENV PIP_EXTRA_INDEX_URL=…</c>,
/// <c>ARG PIP_INDEX_URL=…</c>). <see cref="Value"/> is as written and may hold a credential.</summary>
public sealed class IndexSetting
{
    public IndexSetting(WorkspaceFile file, int line, string name, string value)
    {
        File = file;
        Line = line;
        Name = name;
        Value = value;
    }

    public WorkspaceFile File { get; }

    public int Line { get; }

    /// <summary>The option (<c>--extra-index-url</c>) or variable (<c>PIP_EXTRA_INDEX_URL</c>).</summary>
    public string Name { get; }

    public string Value { get; }

    /// <summary>True for a trusted-host setting (a host list, not a URL).</summary>
    public bool IsTrustedHost => Name is "--trusted-host" or "PIP_TRUSTED_HOST" || Name == "UV_INSECURE_HOST";

    /// <summary>The trusted hosts or URLs this setting holds (pip splits environment values on whitespace).</summary>
    public IEnumerable<string> Values => Name.StartsWith("-", StringComparison.Ordinal)
        ? new[] { Value }
        : Value.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
}
