using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Dependencies;

/// <summary>Something wrong in a dependency file: the file, the 1-based line (0 = whole file), and what.</summary>
public sealed class DependencyProblem
{
    public DependencyProblem(string source, int line, string message)
    {
        Source = source;
        Line = line;
        Message = message;
    }

    public string Source { get; }

    public int Line { get; }

    public string Message { get; }

    public override string ToString() => Line > 0 ? $"{Source}:{Line}: {Message}" : $"{Source}: {Message}";
}

/// <summary>A package index a file names (<c>--index-url</c>, Pipfile <c>[[source]]</c>, a lock's source).</summary>
public sealed class PackageIndexSource
{
    public PackageIndexSource(string? name, string url, bool verifySsl, int line, bool isTrustedHost = false)
    {
        Name = name;
        Url = url;
        VerifySsl = verifySsl;
        Line = line;
        IsTrustedHost = isTrustedHost;
    }

    public string? Name { get; }

    /// <summary>The URL (or, for a trusted host, the host) as written: may hold credentials; redact before showing.</summary>
    public string Url { get; }

    public bool VerifySsl { get; }

    public int Line { get; }

    /// <summary>True for a pip <c>--trusted-host</c> entry.</summary>
    public bool IsTrustedHost { get; }
}

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

    internal void AddProblem(int line, string message) => Problems.Add(new DependencyProblem(Source, line, message));

    internal void SetMetadata(string key, string value, int line)
    {
        Metadata[key] = value;
        MetadataLines[key] = line;
    }
}
