using System.Collections.Generic;
using System.Linq;
using System;
using DeployChecks.Engine.Dependencies.Parsers;
using DeployChecks.Engine.Models.Deploy;
using DeployChecks.Engine.Rules;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Dependencies;

/// <summary>A requirements file the application is deployed from, and the command that installs it (null when it
/// is only the conventional file, read because no command names one).</summary>
public sealed class DeployRequirements
{
    internal DeployRequirements(WorkspaceFile file, ResolvedRequirements resolved, InstallCommand? installedBy, InstallFileReference? reference)
    {
        File = file;
        Resolved = resolved;
        InstalledBy = installedBy;
        Reference = reference;
    }

    public WorkspaceFile File { get; }

    /// <summary>The file with its <c>-r</c>/<c>-c</c> includes followed.</summary>
    public ResolvedRequirements Resolved { get; }

    public InstallCommand? InstalledBy { get; }

    public InstallFileReference? Reference { get; }

    /// <summary><c>Dockerfile:12</c>, or <c>the conventional deploy requirements</c>.</summary>
    public string Via => InstalledBy != null ? $"installed at {InstalledBy.File.RelativePath}:{InstalledBy.Line}" : "the conventional deploy requirements file";
}

/// <summary>What the dependency rules agree on: is the target an application, which requirements are deployed,
/// which groups are development-only, which package provides which server.</summary>
public static class DeployFacts
{
    /// <summary>PEP 503 names of application servers (a dependency on one says "this is deployed").</summary>
    public static readonly HashSet<string> ServerPackages = new(StringComparer.Ordinal)
    {
        "gunicorn", "uvicorn", "uwsgi", "pyuwsgi", "hypercorn", "daphne", "waitress", "granian",
    };

    /// <summary>Packages that provide a server's command besides the server's own package (extras included:
    /// <c>uvicorn[standard]</c> is uvicorn, <c>fastapi[standard]</c> brings uvicorn, <c>channels[daphne]</c> daphne).</summary>
    public static IEnumerable<string> Providers(string serverPackage) => serverPackage switch
    {
        "uwsgi" or "pyuwsgi" => new[] { "uwsgi", "pyuwsgi" },
        _ => new[] { serverPackage },
    };

    /// <summary>Group names that are not installed in production.</summary>
    public static bool IsDevGroup(string group)
    {
        string g = group.ToLowerInvariant();
        return g is "dev" or "develop" or "development" or "test" or "tests" or "testing" or "docs" or "doc" or "lint" or "linting"
            or "typing" or "types" or "mypy" or "ci" or "debug" or "local" or "qa" or "style" or "format" or "coverage"
            || g.StartsWith("dev-", StringComparison.Ordinal) || g.StartsWith("test-", StringComparison.Ordinal);
    }

    /// <summary>Why the target is an application (empty for a library or a plain script collection).</summary>
    public static List<(string Reason, WorkspaceFile File)> ApplicationSignals(RuleContext context, DependencySet set, DeployCommands commands)
    {
        var reasons = new List<(string, WorkspaceFile)>();
        foreach (var file in context.Workspace.Files)
        {
            if (file.IsNonProduction || DevelopmentSettings.IsDevContainer(file.RelativePath))
            {
                continue;
            }
            switch (file.Kind)
            {
                case ArtifactKind.Dockerfile:
                case ArtifactKind.Procfile:
                    reasons.Add((file.RelativePath, file));
                    break;
                case ArtifactKind.Python when file.Name is "manage.py" or "wsgi.py" or "asgi.py":
                    reasons.Add((file.RelativePath, file));
                    break;
            }
        }
        foreach (var s in commands.Servers)
        {
            if (s.IsRuntime && !s.IsDevelopment && s.File.Kind == ArtifactKind.Compose)
            {
                reasons.Add(($"{s.File.RelativePath} runs {s.Server}", s.File));
            }
        }
        foreach (var f in set.Production)
        {
            var server = f.Document.Entries.FirstOrDefault(e => e.IsDirect && !e.IsConstraint && ServerPackages.Contains(e.NormalizedName) && !IsDevGroup(e.Group));
            if (server != null && !f.IsLock)
            {
                reasons.Add(($"{server.Name} in {f.File.RelativePath}", f.File));
            }
            if (f.Kind == DependencySourceKind.Pyproject)
            {
                if (f.Document.Metadata.TryGetValue("package-mode", out var mode) && mode == "false")
                {
                    reasons.Add(($"{f.File.RelativePath} has package-mode = false", f.File));
                }
                else if (!f.Document.Metadata.ContainsKey("build-backend") && f.Document.Entries.Count > 0)
                {
                    reasons.Add(($"{f.File.RelativePath} has no [build-system] (not a distributable package)", f.File));
                }
            }
        }
        return reasons;
    }

    /// <summary>The requirements files the application is deployed from: those production installs (Dockerfile,
    /// CI; not development stages or files) read, else the conventional ones (<c>requirements.txt</c>,
    /// <c>requirements/prod*.txt</c>, <c>requirements/base.txt</c>, …). Includes are followed.</summary>
    public static List<DeployRequirements> Requirements(RuleContext context, DependencySet set, DeployCommands commands)
    {
        return context.Artifacts.GetShared(() => new DeployRequirementsCache(Compute(context, set, commands))).Items;
    }

    private sealed class DeployRequirementsCache
    {
        public DeployRequirementsCache(List<DeployRequirements> items)
        {
            Items = items;
        }

        public List<DeployRequirements> Items { get; }
    }

    private static List<DeployRequirements> Compute(RuleContext context, DependencySet set, DeployCommands commands)
    {
        var result = new List<DeployRequirements>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool anyInstalled = false;
        foreach (var install in commands.Installs)
        {
            if (install.IsDevelopment)
            {
                continue;
            }
            foreach (var reference in install.RequirementFiles)
            {
                if (reference.File == null || reference.File.IsNonProduction)
                {
                    continue;
                }
                if (install.IsCi && RequirementsPaths.GroupFromPath(reference.File.RelativePath) != "main")
                {
                    continue; // a CI job installing requirements-dev.txt for the tests
                }
                anyInstalled = true;
                if (seen.Add(reference.File.RelativePath))
                {
                    result.Add(new DeployRequirements(reference.File, Resolve(context, set, reference.File), install, reference));
                }
            }
        }
        if (anyInstalled)
        {
            return result;
        }
        foreach (var f in set.Production)
        {
            if (f.Kind == DependencySourceKind.Requirements && IsConventionalDeployFile(f.File.RelativePath) && seen.Add(f.File.RelativePath))
            {
                result.Add(new DeployRequirements(f.File, set.Resolve(f), null, null));
            }
        }
        return result;
    }

    /// <summary>requirements.txt, requirements-prod.txt, requirements/prod.txt, requirements/base.txt, … (not
    /// <c>.in</c> inputs, not dev/test files).</summary>
    internal static bool IsConventionalDeployFile(string path)
    {
        string lower = path.ToLowerInvariant();
        if (!lower.EndsWith(".txt", StringComparison.Ordinal))
        {
            return false;
        }
        int slash = lower.LastIndexOf('/');
        string name = lower.Substring(slash + 1, lower.Length - slash - 5);
        string dir = slash > 0 ? lower.Substring(0, slash) : "";
        if (name == "requirements")
        {
            return true;
        }
        string tag = name.StartsWith("requirements", StringComparison.Ordinal) ? name.Substring(12).Trim('-', '_', '.') :
            dir == "requirements" || dir.EndsWith("/requirements", StringComparison.Ordinal) ? name : "";
        return tag is "prod" or "production" or "base" or "main" or "common" or "deploy" or "release" or "runtime" or "lock"
            || tag.StartsWith("prod", StringComparison.Ordinal);
    }

    /// <summary>Follows includes from any workspace file read as a requirements file.</summary>
    public static ResolvedRequirements Resolve(RuleContext context, DependencySet set, WorkspaceFile file)
    {
        var parsed = set.Find(file.RelativePath);
        return parsed != null && parsed.Kind == DependencySourceKind.Requirements
            ? set.Resolve(parsed)
            : RequirementsIncludeResolver.Resolve(file.RelativePath, context.Workspace, context.Artifacts);
    }

    /// <summary>The lock file a pipenv/poetry/uv install reads: the mapped file, else the only production lock of
    /// that kind.</summary>
    public static ParsedDependencyFile? LockOf(InstallCommand install, InstallFileReference reference, DependencySet set)
    {
        if (reference.File != null && set.Find(reference.File.RelativePath) is { IsLock: true } mapped)
        {
            return mapped;
        }
        var kind = reference.Written switch
        {
            "Pipfile.lock" => DependencySourceKind.PipfileLock,
            "poetry.lock" => DependencySourceKind.PoetryLock,
            _ => DependencySourceKind.UvLock,
        };
        var candidates = set.Production.Where(f => f.Kind == kind).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }
}
