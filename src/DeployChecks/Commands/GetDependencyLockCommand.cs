using System.Linq;
using System.Management.Automation;
using DeployChecks.Hosting;

namespace DeployChecks.Commands;

/// <summary>Get-DependencyLock: every Python dependency entry (requirements, Pipfile(.lock), pyproject.toml, poetry.lock,
/// uv.lock, pdm.lock, pylock.toml, setup.cfg/setup.py) of directories or files, with file and line.</summary>
[Cmdlet(VerbsCommon.Get, "DependencyLock", DefaultParameterSetName = PathParameterSet)]
[OutputType(typeof(DependencyLockEntry))]
public sealed class GetDependencyLockCommand : PSCmdlet
{
    private const string PathParameterSet = "Path";
    private const string LiteralPathParameterSet = "LiteralPath";

    private WildcardPattern[]? _groups;

    /// <summary>Directories or dependency files; wildcards allowed. Default: the current location.</summary>
    [Parameter(Position = 0, ParameterSetName = PathParameterSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = { "." };

    /// <summary>Directories or dependency files, taken literally (no wildcards).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathParameterSet, ValueFromPipelineByPropertyName = true)]
    [Alias("LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = new string[0];

    /// <summary>Only entries of these groups (main, dev, an optional-dependency or dependency-group name); wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Group { get; set; }

    /// <summary>Only direct dependencies (declared by the project, not pulled in transitively by a lock).</summary>
    [Parameter]
    public SwitchParameter DirectOnly { get; set; }

    /// <summary>For a requirements file, also read the files its <c>-r</c>/<c>-c</c> lines include, recursively, as
    /// <c>pip install -r</c> does (each entry keeps its own file and line; constraint entries have IsConstraint set).
    /// An entry reached twice in one call is written once.</summary>
    [Parameter]
    public SwitchParameter FollowIncludes { get; set; }

    private readonly System.Collections.Generic.HashSet<string> _written = new(System.StringComparer.Ordinal);

    protected override void BeginProcessing()
    {
        _groups = Group?.Select(g => new WildcardPattern(g, WildcardOptions.IgnoreCase)).ToArray();
    }

    protected override void ProcessRecord()
    {
        bool literal = ParameterSetName == LiteralPathParameterSet;
        foreach (string input in literal ? LiteralPath : Path)
        {
            foreach (string path in ProviderPaths.ResolveExisting(this, input, literal))
            {
                WriteVerbose("Reading dependencies of " + path);
                EngineBridge.WriteDependencies(this, path, Include, FollowIncludes);
            }
        }
    }

    private bool Include(DependencyLockEntry entry) =>
        (!DirectOnly || entry.IsDirect) && (_groups == null || _groups.Any(g => g.IsMatch(entry.Group))) &&
        (!FollowIncludes || _written.Add(entry.Source + ":" + entry.Line + ":" + entry.IsConstraint));
}
