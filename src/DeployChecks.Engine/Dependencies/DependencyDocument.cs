using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Dependencies;

/// <summary>One parsed dependency file: its entries, what could not be read, and format metadata.</summary>
public class DependencyDocument
{
    public DependencyDocument(string source, DeployChecks.DependencySourceKind kind)
    {
        Source = source;
        Kind = kind;
    }

    public string Source { get; }

    public DeployChecks.DependencySourceKind Kind { get; }

    public List<DependencyLockEntry> Entries { get; } = new();

    public List<DependencyProblem> Problems { get; } = new();

    /// <summary>Format facts by key: <c>requires-python</c>, <c>content-hash</c>, <c>lock-version</c>,
    /// <c>pipfile-spec</c>, <c>hash-sha256</c>, <c>name</c>, ….</summary>
    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);

    /// <summary>1-based line of each <see cref="Metadata"/> key, where known.</summary>
    public Dictionary<string, int> MetadataLines { get; } = new(StringComparer.Ordinal);

    public List<PackageIndexSource> Sources { get; } = new();

    /// <summary>For a lock that records them (uv.lock's <c>[package.metadata] requires-dist</c> /
    /// <c>requires-dev</c>): the requirements the project declared when the lock was made, to compare with the
    /// manifest. Empty for other formats.</summary>
    public List<DependencyLockEntry> LockedRequirements { get; } = new();

    /// <summary>For a lock that records them (poetry.lock <c>[package.dependencies]</c>, uv.lock and pylock.toml
    /// <c>dependencies</c>, pdm.lock <c>dependencies</c>): the normalised names each locked package depends on,
    /// keyed by its normalised name. Empty for other formats.</summary>
    public Dictionary<string, List<string>> PackageDependencies { get; } = new(StringComparer.Ordinal);

    /// <summary>For a TOML file, the whole parsed tree (values with their lines), for rules that need more than the
    /// entries: the stale-lock rules hash the <c>Pipfile</c> / <c>pyproject.toml</c> content as the tools do.
    /// Null for other formats.</summary>
    public Artifacts.Toml.TomlTable? Toml { get; internal set; }

    /// <summary>True when the TOML reader reported a syntax error (what was read may be incomplete).</summary>
    public bool HasSyntaxErrors { get; internal set; }

    internal void AddProblem(int line, string message) => Problems.Add(new DependencyProblem(Source, line, message));

    /// <summary>Records that the locked package <paramref name="name"/> depends on <paramref name="dependency"/>
    /// (both normalised here; duplicates ignored).</summary>
    internal void AddPackageDependency(string name, string dependency)
    {
        string from = Requirements.PackageName.NormalizeOrKeep(name);
        string to = Requirements.PackageName.NormalizeOrKeep(dependency);
        if (!PackageDependencies.TryGetValue(from, out var list))
        {
            PackageDependencies[from] = list = new List<string>();
        }
        if (!list.Contains(to))
        {
            list.Add(to);
        }
    }

    internal void SetMetadata(string key, string value, int line)
    {
        Metadata[key] = value;
        MetadataLines[key] = line;
    }
}
