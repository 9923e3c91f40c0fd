using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System;
using DeployChecks.Engine.Artifacts.Toml;
using DeployChecks.Engine.Dependencies.Requirements;
using DeployChecks.Engine.Dependencies.Versioning;
using DeployChecks.Engine.Models.Dependencies;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Dependencies;

/// <summary>
/// DC2006: <c>uv.lock</c> whose recorded project requirements (<c>[package.metadata] requires-dist</c> /
/// <c>requires-dev</c> of the project's own package) or <c>requires-python</c> no longer match the
/// <c>pyproject.toml</c> next to it. uv keeps no content hash; <c>uv lock --check</c> compares these recorded
/// requirements with the project's (uv-resolver <c>Lock::satisfies</c>: requires-dist, dependency groups and
/// requires-python), which is what this rule does: names normalised (PEP 503), extras and specifier clauses as
/// sets, versions compared by value, optional dependencies matched through uv's <c>extra == '…'</c> marker,
/// <c>[dependency-groups]</c> and <c>[tool.uv] dev-dependencies</c> (group <c>dev</c>) through <c>requires-dev</c>.
/// Deliberately not compared, to stay precise: other markers (uv rewrites them, e.g. <c>python_version</c> to
/// <c>python_full_version</c>), specifiers of names with a <c>[tool.uv.sources]</c> entry (uv lowers those to git/
/// path/url sources), groups that use <c>include-group</c>, and workspace members other than the root project.
/// </summary>
public sealed class UvLockStaleRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC2006", "uv-lock-stale", CheckArea.Dependencies, Severity.High,
        "uv.lock is out of date with pyproject.toml",
        "uv.lock records the requirements the project declared when it was locked. When pyproject.toml changed " +
        "since, `uv sync --locked` and `uv lock --check` fail, and `uv sync --frozen` installs the old set: production " +
        "runs dependencies that do not match what the code declares.",
        "Run `uv lock` and commit both files together; use `uv sync --locked` in CI and deploys so a stale lock fails fast.",
        tags: new[] { "lockfile", "uv" },
        equivalents: new[] { "uv:lock" });

    private static readonly ArtifactKind[] ReadKinds = { ArtifactKind.UvLock };

    private static readonly Regex ExtraMarker = new(@"\bextra\s*==\s*(?:'([^']*)'|""([^""]*)"")", RegexOptions.CultureInvariant);

    private static readonly Regex PlainRelease = new(@"^\d+(\.\d+)*$", RegexOptions.CultureInvariant);

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => ReadKinds;

    public override void Check(RuleContext context)
    {
        var set = DependencySet.For(context);
        foreach (var lockFile in set.OfKind(DeployChecks.DependencySourceKind.UvLock).ToList())
        {
            if (!lockFile.File.IsNonProduction)
            {
                CheckLock(context, set, lockFile);
            }
        }
    }

    private static void CheckLock(RuleContext context, DependencySet set, ParsedDependencyFile lockFile)
    {
        var pyproject = StaleLocks.Sibling(set, lockFile, "pyproject.toml");
        var project = pyproject?.Document.Toml?.Table("project");
        if (pyproject == null || project == null || project.String("name") is not string projectName)
        {
            return;
        }
        string lockName = lockFile.File.RelativePath;
        var lockRoot = lockFile.Document.Toml;
        if (lockRoot == null || lockFile.Document.HasSyntaxErrors || pyproject.Document.HasSyntaxErrors)
        {
            var bad = lockFile.Document.HasSyntaxErrors || lockRoot == null ? lockFile : pyproject;
            context.InputProblem("StaleLockNotChecked", bad.File, bad.Document.Problems.FirstOrDefault()?.Line ?? 1,
                $"{bad.File.RelativePath} has TOML syntax errors; whether {lockName} matches {pyproject.File.RelativePath} was not checked");
            return;
        }
        string version = lockRoot["version"]?.ToString() ?? "";
        if (version != "1")
        {
            context.InputProblem("StaleLockNotChecked", lockFile.File, lockRoot["version"]?.Line ?? 1,
                $"{lockName} has lock version '{version}', which this check does not know; not checked");
            return;
        }
        string self = PackageName.Normalize(projectName);
        TomlTable? package = null;
        foreach (var item in lockRoot.Array("package")?.Items ?? new List<TomlNode>())
        {
            if (item is TomlTable t && t.String("name") is string n && PackageName.Normalize(n) == self)
            {
                package = t;
                break;
            }
        }
        var differences = new List<string>();
        int line = 0;
        var uvSources = new HashSet<string>((pyproject.Document.Toml!.Path("tool", "uv", "sources")?.Keys ?? new List<string>()).Select(PackageName.Normalize));
        if (package == null)
        {
            differences.Add($"it has no [[package]] for the project `{self}`");
        }
        else
        {
            var skippedGroups = new HashSet<string>(StringComparer.Ordinal);
            var declared = Declared(pyproject.Document.Toml!, project, uvSources, skippedGroups);
            var locked = new Dictionary<string, DeployChecks.DependencyLockEntry>(StringComparer.Ordinal);
            var recorded = lockFile.Document.LockedRequirements.Where(e => InPackage(e, package)).ToList();
            foreach (var e in recorded)
            {
                string group = e.Group == "main" ? MainGroup(e.Markers) : "group:" + PackageName.Normalize(e.Group);
                if (!skippedGroups.Contains(group))
                {
                    locked[Key(group, e.NormalizedName, e.Extras, e.Specifier, uvSources)] = e;
                }
            }
            foreach (var kv in declared)
            {
                if (!locked.ContainsKey(kv.Key))
                {
                    differences.Add($"`{kv.Value}` ({Describe(kv.Key)}) is declared but not recorded");
                }
            }
            foreach (var kv in locked)
            {
                if (!declared.ContainsKey(kv.Key))
                {
                    string spec = kv.Value.Specifier.Length > 0 ? kv.Value.Specifier : "";
                    differences.Add($"`{kv.Value.Name}{spec}` ({Describe(kv.Key)}) is recorded but no longer declared");
                    line = line == 0 || kv.Value.Line < line ? kv.Value.Line : line;
                }
            }
            if (line == 0)
            {
                line = (package.Table("metadata") ?? package).Line;
            }
        }
        string? wantPython = project.String("requires-python");
        string? havePython = lockRoot.String("requires-python");
        if (wantPython != null && havePython != null && lockRoot.Table("manifest")?["members"] == null
            && Clauses(wantPython, requiresPython: true) is string want && Clauses(havePython, requiresPython: true) is string have && want != have)
        {
            differences.Insert(0, $"requires-python is '{havePython}' in the lock but '{wantPython}' in {pyproject.File.RelativePath}");
            line = lockRoot["requires-python"]!.Line;
        }
        if (differences.Count == 0)
        {
            return;
        }
        string shown = string.Join("; ", differences.Take(6)) + (differences.Count > 6 ? $"; and {differences.Count - 6} more" : "");
        context.Report(lockFile.File, line > 0 ? line : 1, 1,
            $"{lockName} is stale against {pyproject.File.RelativePath}: {shown}. Run `uv lock`.",
            differences[0], "uv-lock-requirements");
    }

    // The lock's recorded requirements that belong to this [[package]] (entries carry the line of their table).
    private static bool InPackage(DeployChecks.DependencyLockEntry e, TomlTable package)
    {
        var metadata = package.Table("metadata");
        if (metadata == null)
        {
            return false;
        }
        foreach (var node in Flatten(metadata))
        {
            if (node.Line == e.Line)
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<TomlNode> Flatten(TomlNode node)
    {
        yield return node;
        IEnumerable<TomlNode> children = node switch
        {
            TomlTable t => t.Entries.Select(kv => kv.Value),
            TomlArray a => a.Items,
            _ => Enumerable.Empty<TomlNode>(),
        };
        foreach (var c in children)
        {
            foreach (var n in Flatten(c))
            {
                yield return n;
            }
        }
    }

    private static Dictionary<string, string> Declared(TomlTable root, TomlTable project, HashSet<string> uvSources, HashSet<string> skippedGroups)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        void AddAll(TomlNode? list, Func<string?, string> group)
        {
            foreach (var item in (list as TomlArray)?.Items ?? new List<TomlNode>())
            {
                if (item is TomlScalar { Value: string text } && Pep508Requirement.TryParse(text, out var req, out _))
                {
                    result[Key(group(req!.Marker), req.NormalizedName, req.Extras, req.Url != null ? "" : req.Specifier, uvSources)] = text;
                }
            }
        }
        AddAll(project["dependencies"], _ => "main");
        foreach (var kv in project.Table("optional-dependencies")?.Entries ?? Enumerable.Empty<KeyValuePair<string, TomlNode>>())
        {
            string extra = "extra:" + PackageName.Normalize(kv.Key);
            AddAll(kv.Value, _ => extra);
        }
        foreach (var kv in root.Table("dependency-groups")?.Entries ?? Enumerable.Empty<KeyValuePair<string, TomlNode>>())
        {
            string group = "group:" + PackageName.Normalize(kv.Key);
            if ((kv.Value as TomlArray)?.Items.Any(i => i is TomlTable) == true)
            {
                skippedGroups.Add(group);
                continue;
            }
            AddAll(kv.Value, _ => group);
        }
        AddAll(root.Path("tool", "uv")?["dev-dependencies"], _ => "group:dev");
        return result;
    }

    private static string MainGroup(string? marker)
    {
        if (marker != null)
        {
            var m = ExtraMarker.Match(marker);
            if (m.Success)
            {
                return "extra:" + PackageName.Normalize(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
            }
        }
        return "main";
    }

    private static string Key(string group, string normalizedName, string[] extras, string specifier, HashSet<string> uvSources)
    {
        string spec = uvSources.Contains(normalizedName) ? "(source)" : Clauses(specifier, requiresPython: false) ?? specifier.Replace(" ", "");
        var x = extras.Select(PackageName.Normalize).Distinct().OrderBy(s => s, StringComparer.Ordinal);
        return group + "|" + normalizedName + "|" + string.Join(",", x) + "|" + spec;
    }

    private static string Describe(string key)
    {
        string group = key.Substring(0, key.IndexOf('|'));
        return group == "main" ? "dependencies" : group.StartsWith("extra:", StringComparison.Ordinal)
            ? "optional-dependencies." + group.Substring(6) : "dependency group " + group.Substring(6);
    }

    /// <summary>A specifier set as a sorted set of clauses with versions normalised (trailing <c>.0</c>s of a plain
    /// release dropped, so <c>&gt;=3.11.0</c> equals <c>&gt;=3.11</c>); null when a clause does not parse, or for
    /// requires-python, when it uses an operator uv rewrites (<c>~=</c>, wildcards).</summary>
    internal static string? Clauses(string specifier, bool requiresPython)
    {
        var clauses = new List<string>();
        foreach (string raw in specifier.Split(','))
        {
            string c = raw.Trim();
            if (c.Length == 0)
            {
                continue;
            }
            if (!Pep440Specifier.TryParse(c, out var s))
            {
                return null;
            }
            if (requiresPython && (s!.Operator == "~=" || s.Operator == "===" || s.Version.EndsWith("*", StringComparison.Ordinal)))
            {
                return null;
            }
            string v = s!.Version;
            if (PlainRelease.IsMatch(v))
            {
                while (v.EndsWith(".0", StringComparison.Ordinal) && v.IndexOf('.') != v.LastIndexOf('.'))
                {
                    v = v.Substring(0, v.Length - 2);
                }
                if (v.EndsWith(".0", StringComparison.Ordinal))
                {
                    v = v.Substring(0, v.Length - 2);
                }
            }
            else if (!v.EndsWith("*", StringComparison.Ordinal) && Pep440Version.TryParse(v, out var parsed))
            {
                v = parsed!.ToString();
            }
            clauses.Add(s.Operator + v);
        }
        clauses.Sort(StringComparer.Ordinal);
        return string.Join(",", clauses);
    }
}
