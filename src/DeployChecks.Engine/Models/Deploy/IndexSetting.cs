using System;
using System.Collections.Generic;
using DeployChecks.Engine.Dependencies.Requirements;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Deploy;

/// <summary>Where packages come from, set outside the dependency files: a pip/uv option on an install command line
/// (<c>--index-url</c>, …) or an installer environment variable in a Dockerfile (<c>ENV PIP_EXTRA_INDEX_URL=…</c>,
/// <c>ARG PIP_INDEX_URL=…</c>). <see cref="Value"/> is as written and may hold a credential.</summary>
public sealed class IndexSetting
{
    public IndexSetting(WorkspaceFile file, int line, string name, string value)
    {
        File = file;
        Line = line;
        Name = name;
        Value = value;
    }

    public WorkspaceFile File { get; }

    public int Line { get; }

    /// <summary>The option (<c>--extra-index-url</c>) or variable (<c>PIP_EXTRA_INDEX_URL</c>).</summary>
    public string Name { get; }

    public string Value { get; }

    /// <summary>True for a trusted-host setting (a host list, not a URL).</summary>
    public bool IsTrustedHost => Name is "--trusted-host" or "PIP_TRUSTED_HOST" || Name == "UV_INSECURE_HOST";

    /// <summary>The trusted hosts or URLs this setting holds (pip splits environment values on whitespace).</summary>
    public IEnumerable<string> Values => Name.StartsWith("-", StringComparison.Ordinal)
        ? new[] { Value }
        : Value.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
}
