using System.Collections.Generic;
using System.Linq;
using System;
using DeployChecks.Engine.Dependencies.Versioning;
using DeployChecks.Engine.Models.Dependencies;
using DeployChecks.Engine.Models.Deploy;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Dependencies;

/// <summary>DC2007: one package pinned to different versions in different files of the same project.</summary>
public sealed class ConflictingPinsRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC2007", "conflicting-pins", CheckArea.Dependencies, Severity.Medium,
        "Package pinned to different versions in different files",
        "When requirements, a lock and the Dockerfile pin the same package to different versions, which one is " +
        "deployed depends on the install order (or pip refuses the install outright): what was tested is not what runs, " +
        "and a security upgrade made in one file silently does not apply.",
        "Keep one source of truth: pin in the lock (or the compiled requirements) and install from it; regenerate " +
        "exported or compiled files after every lock change; drop ad-hoc `pip install pkg==X` from Dockerfiles.",
        tags: new[] { "reproducibility", "consistency" });

    private static readonly ArtifactKind[] ReadKinds =
    {
        ArtifactKind.Requirements, ArtifactKind.Pyproject, ArtifactKind.Pipfile, ArtifactKind.PipfileLock, ArtifactKind.PoetryLock,
        ArtifactKind.UvLock, ArtifactKind.PdmLock, ArtifactKind.PyLock, ArtifactKind.SetupCfg, ArtifactKind.SetupPy, ArtifactKind.Dockerfile,
    };

    /// <summary>Folders that hold a project's dependency or deploy files rather than start a new project.</summary>
    private static readonly HashSet<string> HolderFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "requirements", "reqs", "deps", "dependencies", "docker", "deploy", "deployment", "ci", ".ci", "build", "constraints",
    };

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => ReadKinds;

    private sealed class Pin
    {
        public Pin(string name, string display, string version, string? marker, WorkspaceFile file, int line, int rank, int order)
        {
            Name = name;
            Display = display;
            Version = version;
            Pep440Version.TryParse(version, out var parsed);
            Parsed = parsed;
            MarkerKey = marker == null ? "" : new string(marker.Where(c => !char.IsWhiteSpace(c)).ToArray()).Replace('\'', '"').ToLowerInvariant();
            File = file;
            Line = line;
            Rank = rank;
            Order = order;
            ProjectDir = ProjectOf(file.RelativePath);
        }

        public string Name { get; }
        public string Display { get; }
        public string Version { get; }
        public Pep440Version? Parsed { get; }
        public string MarkerKey { get; }
        public WorkspaceFile File { get; }
        public int Line { get; }
        public int Rank { get; }
        public int Order { get; }
        public string ProjectDir { get; }
        public string Where => File.RelativePath + ":" + Line;

        public bool SameVersion(Pin other) =>
            Parsed != null && other.Parsed != null ? Parsed.Equals(other.Parsed) : string.Equals(Version, other.Version, StringComparison.Ordinal);

        /// <summary>Files of the same project folder (a folder with its own dependency files is its own project, so
        /// the services of a monorepo may pin differently).</summary>
        public bool SameProject(Pin other) => ProjectDir == other.ProjectDir;
    }

    public override void Check(RuleContext context)
    {
        var set = DependencySet.For(context);
        var commands = DeployCommands.For(context);
        var pins = new List<Pin>();
        var order = context.Workspace.Files.Select((f, i) => (f.RelativePath, i)).ToDictionary(x => x.RelativePath, x => x.i, StringComparer.Ordinal);
        foreach (var f in set.Production)
        {
            var filePins = new List<Pin>();
            foreach (var e in f.Document.Entries)
            {
                if (e.Version == null || e.Url != null || DeployFacts.IsDevGroup(e.Group) || (!f.IsLock && !e.IsPinned))
                {
                    continue;
                }
                filePins.Add(new Pin(e.NormalizedName, e.Name, e.Version, e.Markers, f.File, e.Line, f.IsLock ? 2 : 0, order[f.File.RelativePath]));
            }
            // A lock may hold several versions of one package for different environments (uv forks): ambiguous, left out.
            foreach (var g in filePins.GroupBy(p => (p.Name, p.MarkerKey)))
            {
                if (g.Select(p => p.Version).Distinct().Count() == 1)
                {
                    pins.Add(g.First());
                }
            }
        }
        foreach (var install in commands.Installs)
        {
            if (install.IsDevelopment || install.IsCi || install.File.IsNonProduction)
            {
                continue;
            }
            foreach (var p in install.Packages)
            {
                if (p.PinnedVersion != null && !p.VersionFromVariable)
                {
                    pins.Add(new Pin(p.NormalizedName, p.Requirement.Name, p.PinnedVersion, p.Requirement.Marker, install.File, install.Line, 1,
                        order.TryGetValue(install.File.RelativePath, out var o) ? o : int.MaxValue));
                }
            }
        }
        // Only pins of one project with one marker can conflict: group by all three, then compare within the group.
        foreach (var byName in pins.GroupBy(p => (p.Name, p.ProjectDir, p.MarkerKey)))
        {
            var list = byName.OrderBy(p => p.Rank).ThenBy(p => p.Order).ThenBy(p => p.Line).ToList();
            for (int i = 1; i < list.Count; i++)
            {
                var pin = list[i];
                var earlier = list.Take(i).Where(o => o.File != pin.File && o.MarkerKey == pin.MarkerKey && o.SameProject(pin) && !o.SameVersion(pin)).ToList();
                if (earlier.Count == 0)
                {
                    continue;
                }
                string others = string.Join(", ", earlier.Select(o => $"{o.Version} in {o.Where}"));
                string marker = pin.MarkerKey.Length > 0 ? " (same marker)" : "";
                context.Report(pin.File, pin.Line, 1,
                    $"{pin.Display} is pinned to {pin.Version} at {pin.Where} but to {others}{marker}: the deployed version depends on which file is installed",
                    $"{pin.Display}=={pin.Version}", "pin:" + pin.Name + ":" + pin.File.RelativePath);
            }
        }
    }

    /// <summary>The project folder of a file: its folder, or the parent when the folder only holds dependency or deploy
    /// files (<c>requirements/</c>, <c>docker/</c>, …).</summary>
    private static string ProjectOf(string path)
    {
        int slash = path.LastIndexOf('/');
        string dir = slash > 0 ? path.Substring(0, slash) : "";
        while (dir.Length > 0)
        {
            int s = dir.LastIndexOf('/');
            string last = s >= 0 ? dir.Substring(s + 1) : dir;
            if (!HolderFolders.Contains(last))
            {
                break;
            }
            dir = s > 0 ? dir.Substring(0, s) : "";
        }
        return dir;
    }
}
