using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts.Yaml;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Artifacts.Compose;

/// <summary>
/// One compose file as written (<c>compose.yaml</c>, <c>docker-compose.override.yml</c>, <c>docker-compose.prod.yml</c>):
/// its top-level keys and its services typed from this file alone (no <c>extends</c>, no merging). A project — what
/// <c>docker compose</c> runs — is a <see cref="ComposeModel"/>: one or more files merged. The YAML tree is the file's
/// <see cref="YamlFile"/> from the artifact cache (parsed once, shared with every other reader).
/// </summary>
public sealed class ComposeFile : IArtifactModel
{
    public const string ErrorId = "MalformedCompose";

    /// <summary>The names <c>docker compose</c> looks for, in its order of preference.</summary>
    public static readonly IReadOnlyList<string> DefaultFileNames = new[] { "compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml" };

    /// <summary>The override files <c>docker compose</c> adds to the default file, in its order of preference.</summary>
    public static readonly IReadOnlyList<string> DefaultOverrideFileNames =
        new[] { "compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml" };

    internal ComposeFile(WorkspaceFile file, YamlFile yaml)
    {
        File = file;
        Yaml = yaml;
        var problems = new List<ArtifactProblem>(yaml.Problems);
        Root = yaml.Root ?? EmptyRoot(file);
        if (yaml.Root == null && !yaml.IsMalformed && yaml.Documents.Count > 0 && yaml.Documents[0] is { IsNull: false } other)
        {
            problems.Add(new ArtifactProblem(ErrorId, other.Line, other.Column, "a compose file must be a mapping (services:, volumes:, …)"));
        }
        var services = new List<ComposeService>();
        if (Root["services"] is { } s && s is not YamlMapping && !s.IsNull)
        {
            problems.Add(new ArtifactProblem(ErrorId, s.Line, s.Column, "'services' must be a mapping of service names"));
        }
        foreach (var p in Root.GetMapping("services")?.Pairs ?? Array.Empty<YamlEntry>())
        {
            if (p.Name is not { } name)
            {
                continue;
            }
            if (p.Value is YamlMapping def)
            {
                services.Add(ComposeServiceReader.Read(name, def, p.Key.Location, problems));
            }
            else if (!p.Value.IsNull)
            {
                problems.Add(new ArtifactProblem(ErrorId, p.Value.Line, p.Value.Column, $"service '{name}' must be a mapping"));
            }
        }
        Services = services;
        Problems = problems;
    }

    public WorkspaceFile File { get; }

    public YamlFile Yaml { get; }

    /// <summary>The top-level mapping (empty when the file is empty or not a mapping).</summary>
    public YamlMapping Root { get; }

    /// <summary>The obsolete top-level <c>version:</c> (compose ignores it), or null.</summary>
    public string? Version => Root.GetString("version");

    /// <summary>The project <c>name:</c>, or null.</summary>
    public string? Name => Root.GetString("name");

    /// <summary>The services as written in this file.</summary>
    public IReadOnlyList<ComposeService> Services { get; }

    public IReadOnlyList<ArtifactProblem> Problems { get; }

    /// <summary>True for <c>compose.yaml</c>, <c>docker-compose.yml</c>, …: what <c>docker compose</c> reads without <c>-f</c>.</summary>
    public bool IsDefaultFile => IndexOf(DefaultFileNames, File.Name) >= 0;

    /// <summary>True for <c>compose.override.yml</c>, <c>docker-compose.override.yaml</c>, …: added to the default file.</summary>
    public bool IsDefaultOverride => IndexOf(DefaultOverrideFileNames, File.Name) >= 0;

    /// <summary>The directory of the file (relative to the workspace root; empty at the root).</summary>
    public string Directory => PosixPath.DirectoryOf(File.RelativePath);

    public ComposeService? Service(string name)
    {
        foreach (var s in Services)
        {
            if (s.Name == name)
            {
                return s;
            }
        }
        return null;
    }

    /// <summary>Parses compose text (for tools and tests; runs use the artifact cache).</summary>
    public static ComposeFile Parse(string text, WorkspaceFile? file = null)
    {
        var f = file ?? WorkspaceFile.Detached("compose.yaml");
        return new ComposeFile(f, YamlFileParser.Instance.Parse(f, new SourceText(text)));
    }

    public override string ToString() => File.RelativePath;

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    private static YamlMapping EmptyRoot(WorkspaceFile file) => new(1, 1, null, Array.Empty<YamlEntry>(), 1, out _) { File = file };
}

/// <summary>Reads compose files as a view of their YAML tree (one YAML parse per file, shared).</summary>
public sealed class ComposeFileParser : IArtifactViewParser<ComposeFile>
{
    public static readonly ComposeFileParser Instance = new();

    private ComposeFileParser()
    {
    }

    public ComposeFile Parse(WorkspaceFile file, SourceText text) => new(file, YamlFileParser.Instance.Parse(file, text));

    public ComposeFile Parse(WorkspaceFile file, ArtifactCache cache) => new(file, cache.Get(file, YamlFileParser.Instance));
}
