using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Vulnerabilities;

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
}

/// <summary>One <c>affected[]</c> entry for a package.</summary>
public sealed class OsvAffected
{
    public string Ecosystem { get; set; } = "";
    public string Name { get; set; } = "";
    public List<OsvRange> Ranges { get; } = new();
    public List<string> Versions { get; } = new();
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
