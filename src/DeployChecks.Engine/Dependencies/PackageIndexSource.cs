namespace DeployChecks.Engine.Dependencies;

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

    /// <summary>1-based line of the URL (a TOML source's <c>url</c> key, a pip option's line).</summary>
    public int Line { get; }

    /// <summary>True for a pip <c>--trusted-host</c> entry.</summary>
    public bool IsTrustedHost { get; }
}
