using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Options;

/// <summary>An option-file suppression: a rule (ID or name), an optional path glob, a reason and an optional
/// expiry date after which it stops applying and is reported.</summary>
public sealed class SuppressionEntry
{
    public string Rule { get; set; } = "";
    public string? Path { get; set; }
    public string Reason { get; set; } = "";
    public DateTime? Expires { get; set; }

    /// <summary>Where the entry was declared (<c>file:line</c>), for messages.</summary>
    public string Origin { get; set; } = "";
}

/// <summary>The effective options of one run, after layering defaults → option file → environment → parameters.</summary>
public sealed class DeployChecksOptions
{
    /// <summary>Rule selectors to keep: ID (<c>DC1001</c>), name, area (<c>configuration</c>) or <c>tag:NAME</c>. Empty = all.</summary>
    public List<string> RulesInclude { get; set; } = new();

    /// <summary>Rule selectors to drop (same forms as <see cref="RulesInclude"/>).</summary>
    public List<string> RulesExclude { get; set; } = new();

    /// <summary>Severity per rule ID or name.</summary>
    public Dictionary<string, Severity> SeverityOverrides { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Areas to run; empty = all.</summary>
    public List<CheckArea> Areas { get; set; } = new();

    public List<string> PathsInclude { get; set; } = new();

    public List<string> PathsExclude { get; set; } = new();

    public long MaxFileSize { get; set; } = Workspace.WorkspaceOptions.DefaultMaxFileSize;

    public bool UseGitIgnore { get; set; } = true;

    public Severity? FailOn { get; set; }

    /// <summary>When true, errors (unreadable inputs, checks that errored) do not fail the <see cref="FailOn"/> gate.</summary>
    public bool IgnoreErrors { get; set; }

    public string? OutputFormat { get; set; }

    public string? OutputPath { get; set; }

    public List<SuppressionEntry> Suppressions { get; set; } = new();

    /// <summary>Baseline file of fingerprints; relative paths are resolved against the target root.</summary>
    public string? BaselinePath { get; set; }

    /// <summary>The OSV vulnerability database for DC2014 (a directory of OSV files or an export zip), absolute;
    /// null when none is configured and no per-user cache exists.</summary>
    public string? VulnerabilityDatabase { get; set; }

    /// <summary>Where <see cref="VulnerabilityDatabase"/> came from (a parameter, <c>file:line</c>, the variable, the
    /// per-user cache), for messages.</summary>
    public string? VulnerabilityDatabaseOrigin { get; set; }

    /// <summary>True when <see cref="VulnerabilityDatabase"/> was named by the user (parameter, option file, variable)
    /// rather than found in the per-user cache: such a database that cannot be used is an options error.</summary>
    public bool VulnerabilityDatabaseExplicit { get; set; }

    /// <summary>When true, a run that selects DC2014 without any vulnerability database is an options error.</summary>
    public bool RequireVulnerabilityDatabase { get; set; }

    /// <summary>How the front end driving the run names its parameters and commands, for messages.</summary>
    public Hosting.FrontEndNames Names { get; set; } = Hosting.FrontEndNames.PowerShell;

    /// <summary>The option file that was read, if any.</summary>
    public string? SourceFile { get; set; }

    /// <summary>"Today" for suppression expiry; settable so tests and reruns are reproducible.</summary>
    public DateTime Today { get; set; } = DateTime.UtcNow.Date;
}

/// <summary>Values given as cmdlet parameters or CLI flags; null means "not given".</summary>
public sealed class OptionOverrides
{
    public IReadOnlyList<string>? RulesInclude { get; set; }
    public IReadOnlyList<string>? RulesExclude { get; set; }
    public IReadOnlyList<CheckArea>? Areas { get; set; }
    public IReadOnlyList<string>? PathsExclude { get; set; }
    public Severity? FailOn { get; set; }
    public bool? IgnoreErrors { get; set; }
    public bool? RequireVulnerabilityDatabase { get; set; }
    public string? BaselinePath { get; set; }
    public long? MaxFileSize { get; set; }
    public string? OutputFormat { get; set; }
    public string? OutputPath { get; set; }

    /// <summary>Vulnerability database (absolute path) from <c>-DatabasePath</c> / <c>--vuln-db</c>.</summary>
    public string? VulnerabilityDatabase { get; set; }

    /// <summary>The date the run takes as today (end-of-life tables, suppression expiry), for reproducible reruns.</summary>
    public DateTime? Today { get; set; }

    /// <summary>The front end's parameter and command names for messages (default: the cmdlets').</summary>
    public Hosting.FrontEndNames? Names { get; set; }
}

/// <summary>Options that cannot be used: a bad option file, environment value or parameter. Terminating.</summary>
public sealed class OptionsException : Exception
{
    public OptionsException(string message, string? source = null, int line = 0, Exception? inner = null)
        : base(source == null ? message : (line > 0 ? $"{source}:{line}: {message}" : $"{source}: {message}"), inner)
    {
        OptionSource = source;
        Line = line;
    }

    /// <summary>The file or environment variable at fault.</summary>
    public string? OptionSource { get; }

    public int Line { get; }
}
