using System.Collections.Generic;
using System.Linq;
using System;
using DeployChecks.Engine.Models.Dependencies;
using DeployChecks.Engine.Models.Deploy;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Dependencies;

/// <summary>DC2009: the server the container or platform starts is installed by nothing.</summary>
public sealed class ServerNotInDependenciesRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC2009", "server-not-in-dependencies", CheckArea.Dependencies, Severity.High,
        "Application server started but not in the dependencies",
        "The Dockerfile CMD/ENTRYPOINT, Procfile or compose command starts gunicorn, uvicorn, uwsgi, … but no production " +
        "dependency file lists it and the image does not pip-install it. It works on a developer machine where the " +
        "server happens to be installed, then the deployed container exits at once with `gunicorn: not found` (or " +
        "the platform falls back to something else).",
        "Add the server to the production dependencies (`gunicorn==22.0.0` in requirements.txt, `[project] " +
        "dependencies`, `poetry add gunicorn`) and re-lock; not only to a dev group.",
        tags: new[] { "deployment", "startup" });

    private static readonly ArtifactKind[] ReadKinds = { ArtifactKind.Dockerfile, ArtifactKind.Procfile, ArtifactKind.Compose };

    /// <summary>Extras of other packages that install a server (<c>fastapi[standard]</c> brings uvicorn).</summary>
    private static readonly (string Package, string Extra, string Server)[] ExtraProviders =
    {
        ("fastapi", "standard", "uvicorn"), ("fastapi", "all", "uvicorn"), ("fastapi-slim", "standard", "uvicorn"),
        ("channels", "daphne", "daphne"), ("litestar", "standard", "uvicorn"), ("starlite", "standard", "uvicorn"),
    };

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => ReadKinds;

    public override void Check(RuleContext context)
    {
        var commands = DeployCommands.For(context);
        var servers = commands.Servers.Where(s => s.IsRuntime && !s.IsDevelopment && !s.IsDevServer && s.Package != null && !s.File.IsNonProduction).ToList();
        if (servers.Count == 0)
        {
            context.NotApplicable("no Dockerfile CMD/ENTRYPOINT, Procfile or compose command starts an application server");
            return;
        }
        var set = DependencySet.For(context);
        var installed = new HashSet<string>(StringComparer.Ordinal);
        void Add(DependencyLockEntry e)
        {
            if (e.IsConstraint || DeployFacts.IsDevGroup(e.Group))
            {
                return;
            }
            installed.Add(e.NormalizedName);
            foreach (var (package, extra, server) in ExtraProviders)
            {
                if (e.NormalizedName == package && e.Extras.Any(x => x.Equals(extra, StringComparison.OrdinalIgnoreCase)))
                {
                    installed.Add(server);
                }
            }
        }
        foreach (var f in set.Production)
        {
            // A requirements file installs its -r includes too (python/pythondotorg: requirements.txt pulls in
            // prod-requirements.txt, which lists gunicorn and is not itself named like a requirements file).
            var entries = f.Kind == DependencySourceKind.Requirements ? set.Resolve(f).Entries : f.Document.Entries;
            foreach (var e in entries)
            {
                Add(e);
            }
        }
        foreach (var install in commands.Installs.Where(i => !i.IsCi))
        {
            foreach (var p in install.Packages)
            {
                installed.Add(p.NormalizedName);
                foreach (var (package, extra, server) in ExtraProviders)
                {
                    if (p.NormalizedName == package && p.Requirement.Extras.Any(x => x.Equals(extra, StringComparison.OrdinalIgnoreCase)))
                    {
                        installed.Add(server);
                    }
                }
            }
            // Requirement files outside the usual names (deploy/pip.txt) still install what they list.
            foreach (var r in install.RequirementFiles.Where(r => r.File != null))
            {
                foreach (var e in DeployFacts.Resolve(context, set, r.File!).Entries)
                {
                    Add(e);
                }
            }
        }
        var done = new HashSet<(string, int)>();
        foreach (var s in servers)
        {
            if (DeployFacts.Providers(s.Package!).Any(installed.Contains) || !done.Add((s.File.RelativePath, s.Line)))
            {
                continue;
            }
            if (s.Origin == DeployCommandOrigin.Compose && s.BaseImage != null)
            {
                continue; // a service with an image: and no build: runs an image made elsewhere
            }
            if (s.BaseImage != null && s.BaseImage.IndexOf(s.Server, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                continue; // FROM tiangolo/uvicorn-gunicorn-fastapi and the like ship the server
            }
            if (InstallsRemotePackage(commands, s))
            {
                // `pip install git+https://…/app.git` in the same file: that package's own dependencies (possibly
                // the server) cannot be read from the workspace, so "nothing installs it" would be a guess.
                continue;
            }
            string how = s.Origin switch
            {
                DeployCommandOrigin.Dockerfile => $"the image's start command ({s.Scope} stage)",
                DeployCommandOrigin.Procfile => $"the Procfile's '{s.Scope}' process",
                _ => $"the compose service '{s.Scope}'",
            };
            if (s.StartedFrom != null)
            {
                how += $", through the script that {s.StartedFrom} runs,";
            }
            string devOnly = DevOnly(set, s.Package!) is string dev ? $"; it is only in {dev}" : "";
            context.Report(s.File, s.Line, 1,
                $"{s.File.RelativePath}:{s.Line}: {how} runs {s.Server}, but no production dependency file lists {s.Package} and no install command in the image installs it{devOnly}",
                s.Text, "server:" + s.Scope + ":" + s.Package);
        }
    }

    private static bool InstallsRemotePackage(DeployCommands commands, ServerCommand s)
    {
        string file = s.StartedFrom is string from ? from.Substring(0, from.LastIndexOf(':')) : s.File.RelativePath;
        return commands.Installs.Any(i => !i.IsCi && i.File.RelativePath == file &&
                                          i.OtherTargets.Any(t => t.IndexOf("://", StringComparison.Ordinal) > 0));
    }

    private static string? DevOnly(DependencySet set, string package)
    {
        foreach (var f in set.Files)
        {
            var e = f.Document.Entries.FirstOrDefault(x => DeployFacts.Providers(package).Contains(x.NormalizedName));
            if (e != null)
            {
                return f.File.IsNonProduction ? f.File.RelativePath : $"the '{e.Group}' group of {f.File.RelativePath}";
            }
        }
        return null;
    }
}
