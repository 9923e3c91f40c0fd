using System;
using System.Collections.Generic;
using DeployChecks.Engine.Dependencies.Requirements;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Deploy;

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
