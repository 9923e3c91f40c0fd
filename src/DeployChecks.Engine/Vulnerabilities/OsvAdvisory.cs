using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Vulnerabilities;

using Versioning = DeployChecks.Engine.Dependencies.Versioning;

/// <summary>One OSV range event: exactly one of introduced / fixed / last_affected / limit is set.</summary>
public sealed class OsvEvent
{
    public string? Introduced { get; set; }
    public string? Fixed { get; set; }
    public string? LastAffected { get; set; }
    public string? Limit { get; set; }
}

public sealed class OsvRange
{
    public string Type { get; set; } = "";
    public List<OsvEvent> Events { get; } = new();

    /// <summary>The events with their parsed versions (null for <c>"0"</c>) in version order, and the parsed fixed
    /// versions; computed on first use by the matcher and kept (ranges are not edited after loading).</summary>
    internal (List<(Versioning.Pep440Version? At, OsvEvent Event)> Sorted, List<Versioning.Pep440Version> Fixes)? Parsed { get; set; }
}

/// <summary>One <c>affected[]</c> entry for a package.</summary>
public sealed class OsvAffected
{
    public string Ecosystem { get; set; } = "";
    public string Name { get; set; } = "";
    public List<OsvRange> Ranges { get; } = new();
    public List<string> Versions { get; } = new();

    /// <summary><see cref="Versions"/> parsed (the unparseable left out); computed on first use by the matcher.</summary>
    internal List<Versioning.Pep440Version>? ParsedVersions { get; set; }

    /// <summary>The normalised package name; computed on first use by the matcher.</summary>
    internal string? NormalizedName { get; set; }
}

/// <summary>An advisory in the OSV schema (the fields matching needs).</summary>
public sealed class OsvAdvisory
{
    public string Id { get; set; } = "";
    public string? Summary { get; set; }
    public string? Details { get; set; }
    public List<string> Aliases { get; } = new();
    public DateTimeOffset? Withdrawn { get; set; }
    public DateTimeOffset? Modified { get; set; }
    public List<(string Type, string Score)> Severity { get; } = new();
    public List<OsvAffected> Affected { get; } = new();
    public List<string> References { get; } = new();

    /// <summary>Qualitative severity from <c>database_specific.severity</c> (GHSA: LOW/MODERATE/HIGH/CRITICAL).</summary>
    public string? DatabaseSeverity { get; set; }

    /// <summary>Where it was read from (file or zip entry), for error messages.</summary>
    public string Source { get; set; } = "";
}
