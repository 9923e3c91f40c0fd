using System.Collections.Generic;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>pip's global options of a requirements file, each as written.</summary>
public sealed class RequirementsOptions
{
    public string? IndexUrl { get; set; }

    public List<string> ExtraIndexUrls { get; } = new();

    public List<string> TrustedHosts { get; } = new();

    public List<string> FindLinks { get; } = new();

    public bool NoIndex { get; set; }

    public bool RequireHashes { get; set; }

    public bool Pre { get; set; }

    public bool PreferBinary { get; set; }

    public List<string> OnlyBinary { get; } = new();

    public List<string> NoBinary { get; } = new();
}
