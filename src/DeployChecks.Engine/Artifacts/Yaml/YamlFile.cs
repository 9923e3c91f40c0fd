using System.Collections.Generic;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Artifacts.Yaml;

/// <summary>A YAML file parsed once per run (through <see cref="YamlFileParser"/> and the artifact cache): its
/// documents and its problems. The compose, CI and option readers all start from this one tree.</summary>
public sealed class YamlFile : IArtifactModel
{
    internal YamlFile(WorkspaceFile file, YamlContent content)
    {
        File = file;
        Documents = content.Documents;
        Problems = content.Problems;
    }

    public WorkspaceFile File { get; }

    /// <summary>Each document's root (null for an empty document), in file order.</summary>
    public IReadOnlyList<YamlValue?> Documents { get; }

    /// <summary>The first document's root when it is a mapping (what compose and CI files are), else null.</summary>
    public YamlMapping? Root => Documents.Count > 0 ? Documents[0] as YamlMapping : null;

    public IReadOnlyList<ArtifactProblem> Problems { get; }

    /// <summary>True when the file could not be read completely (a syntax error or an exceeded bound).</summary>
    public bool IsMalformed => Problems.Count > 0;
}

/// <summary>Parses compose, CI and option files as YAML (bounded; see <see cref="YamlLoader"/>).</summary>
public sealed class YamlFileParser : IArtifactParser<YamlFile>
{
    public static readonly YamlFileParser Instance = new();

    private YamlFileParser()
    {
    }

    public YamlFile Parse(WorkspaceFile file, SourceText text) => new(file, YamlLoader.Load(text.Text));
}
