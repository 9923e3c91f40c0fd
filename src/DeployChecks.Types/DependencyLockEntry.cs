using System;

namespace DeployChecks;

/// <summary>
/// One Python dependency as a file declares or locks it: a requirement line, a <c>pyproject.toml</c> entry, a
/// lock-file package. Mutable get/set properties so PowerShell can build, filter and format them.
/// </summary>
public sealed class DependencyLockEntry
{
    /// <summary>The name as written.</summary>
    public string Name { get; set; } = "";

    /// <summary>The PEP 503 normalised name (<c>zope-interface</c>), for matching across files and advisories.</summary>
    public string NormalizedName { get; set; } = "";

    /// <summary>The exact version when pinned (<c>==1.2.3</c>) or locked; null otherwise.</summary>
    public string? Version { get; set; }

    /// <summary>The PEP 440 specifier as declared (<c>&gt;=1.2,&lt;2</c>); empty when none. Poetry constraints
    /// are translated (<c>^1.2</c> becomes <c>&gt;=1.2,&lt;2.0</c>).</summary>
    public string Specifier { get; set; } = "";

    /// <summary>True when the entry names exactly one version: <c>==X</c> / <c>===X</c>, a lock-file package, or
    /// a VCS reference pinned to a full commit hash.</summary>
    public bool IsPinned { get; set; }

    /// <summary>Hashes as <c>algorithm:hex</c> (<c>sha256:…</c>).</summary>
    public string[] Hashes { get; set; } = Array.Empty<string>();

    /// <summary>The PEP 508 environment marker text, or null.</summary>
    public string? Markers { get; set; }

    public string[] Extras { get; set; } = Array.Empty<string>();

    /// <summary><c>main</c>, <c>dev</c>, or the optional-dependency / dependency-group name.</summary>
    public string Group { get; set; } = "main";

    /// <summary>True when the project asks for it itself; false for a transitive package of a lock.</summary>
    public bool IsDirect { get; set; } = true;

    /// <summary>True for an entry of a constraints file (<c>-c</c>): it limits versions but installs nothing.</summary>
    public bool IsConstraint { get; set; }

    /// <summary>True for an editable install (<c>-e</c>, Poetry/Pipenv <c>develop = true</c>).</summary>
    public bool IsEditable { get; set; }

    /// <summary>Path of the declaring file, relative to the scanned root, <c>/</c> separators.</summary>
    public string Source { get; set; } = "";

    /// <summary>1-based line of the entry in <see cref="Source"/>; 0 when unknown.</summary>
    public int Line { get; set; }

    /// <summary>OSV ecosystem: always <c>PyPI</c>.</summary>
    public string Ecosystem { get; set; } = "PyPI";

    /// <summary>Direct URL, local path, or VCS URL (without the <c>@ref</c>), when the entry is not from an index.</summary>
    public string? Url { get; set; }

    /// <summary>The version-control system of a VCS entry (<c>git</c>, <c>hg</c>, <c>svn</c>, <c>bzr</c>); null for
    /// index, URL and path entries.</summary>
    public string? Vcs { get; set; }

    /// <summary>The VCS revision (<c>@v1.2</c>, <c>rev = "…"</c>), when given.</summary>
    public string? VcsRef { get; set; }

    /// <summary>The package index or source name a lock records for the entry, when any.</summary>
    public string? Index { get; set; }

    public DependencySourceKind Kind { get; set; }

    public override string ToString() => Version != null ? $"{Name}=={Version}" : Name + Specifier;
}
