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

    /// <summary>For a TOML file, the whole parsed tree (values with their lines), for rules that need more than the
    /// entries: the stale-lock rules hash the <c>Pipfile</c> / <c>pyproject.toml</c> content as the tools do.
    /// Null for other formats.</summary>
    public Toml.TomlTable? Toml { get; internal set; }

    /// <summary>True when the TOML reader reported a syntax error (what was read may be incomplete).</summary>
    public bool HasSyntaxErrors { get; internal set; }

    internal void AddProblem(int line, string message) => Problems.Add(new DependencyProblem(Source, line, message));

    internal void SetMetadata(string key, string value, int line)
    {
        Metadata[key] = value;
        MetadataLines[key] = line;
    }
}
