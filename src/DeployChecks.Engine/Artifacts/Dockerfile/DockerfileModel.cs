using System;
using System.Collections.Generic;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Artifacts.Dockerfile;

/// <summary>
/// A Dockerfile (or Containerfile) read the way BuildKit reads it, typed: parser directives and escape character, every
/// instruction typed with line and column, global ARGs, stages (with the stage each builds on, what they copy from, and
/// their final user, working directory, environment, CMD and ENTRYPOINT). Get one with <c>context.ArtifactsOf&lt;DockerfileModel&gt;()</c>
/// (parsed once per run); <see cref="Parse(string, WorkspaceFile)"/> reads text directly. Problems (<c>MalformedDockerfile</c>) are
/// collected, never thrown; what can be read is read.
/// </summary>
public sealed class DockerfileModel : IArtifactModel
{
    public const string ErrorId = "MalformedDockerfile";

    private readonly Dictionary<string, DockerStage> _byName;

    internal DockerfileModel(WorkspaceFile file, IReadOnlyList<DockerParserDirective> directives, char escape, IReadOnlyList<DockerInstruction> instructions,
        IReadOnlyList<ArgInstruction> globalArgs, IReadOnlyList<DockerStage> stages, IReadOnlyList<ArtifactProblem> problems)
    {
        File = file;
        Directives = directives;
        EscapeCharacter = escape;
        Instructions = instructions;
        GlobalArgs = globalArgs;
        Stages = stages;
        Problems = problems;
        _byName = new Dictionary<string, DockerStage>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in stages)
        {
            if (s.Name != null && !_byName.ContainsKey(s.Name))
            {
                _byName[s.Name] = s;
            }
        }
    }

    public WorkspaceFile File { get; }

    public IReadOnlyList<DockerParserDirective> Directives { get; }

    /// <summary>The <c># syntax=</c> frontend image, or null.</summary>
    public string? Syntax => Directive("syntax");

    /// <summary><c>\</c>, or <c>`</c> after <c># escape=`</c> (Windows Dockerfiles).</summary>
    public char EscapeCharacter { get; }

    /// <summary>Every instruction in file order (global ARGs and FROMs included; ONBUILD triggers are inside their
    /// <see cref="OnbuildInstruction"/>).</summary>
    public IReadOnlyList<DockerInstruction> Instructions { get; }

    /// <summary>ARGs before the first FROM (usable in FROM lines).</summary>
    public IReadOnlyList<ArgInstruction> GlobalArgs { get; }

    public IReadOnlyList<DockerStage> Stages { get; }

    /// <summary>The last stage: what <c>docker build</c> without <c>--target</c> produces. Null when there is no FROM.</summary>
    public DockerStage? FinalStage => Stages.Count > 0 ? Stages[Stages.Count - 1] : null;

    public IReadOnlyList<ArtifactProblem> Problems { get; }

    public string? Directive(string name)
    {
        foreach (var d in Directives)
        {
            if (d.Name == name)
            {
                return d.Value;
            }
        }
        return null;
    }

    /// <summary>The stage named <paramref name="nameOrIndex"/> (case-insensitive, as BuildKit compares them) or with that
    /// index (<c>COPY --from=0</c>); null when there is none (it is then an image).</summary>
    public DockerStage? Stage(string nameOrIndex)
    {
        if (_byName.TryGetValue(nameOrIndex, out var s))
        {
            return s;
        }
        return int.TryParse(nameOrIndex, out int i) ? Stage(i) : null;
    }

    public DockerStage? Stage(int index) => index >= 0 && index < Stages.Count ? Stages[index] : null;

    /// <summary>The stage an instruction belongs to (null for global ARGs).</summary>
    public DockerStage? StageOf(DockerInstruction instruction) => Stage(instruction.StageIndex);

    /// <summary>Every instruction of type <typeparamref name="T"/>, in file order.</summary>
    public IEnumerable<T> OfType<T>() where T : DockerInstruction
    {
        foreach (var i in Instructions)
        {
            if (i is T t)
            {
                yield return t;
            }
        }
    }

    /// <summary>The stages <c>docker build --target</c> <paramref name="target"/> builds: the target, the stages it builds
    /// on, and those it copies or mounts from, recursively; in file order. Stages outside this set (a <c>test</c> stage
    /// the final image never uses) are skipped by BuildKit.</summary>
    public IReadOnlyList<DockerStage> StagesNeededFor(DockerStage target)
    {
        var needed = new bool[Stages.Count];
        var stack = new Stack<DockerStage>();
        stack.Push(target);
        while (stack.Count > 0)
        {
            var s = stack.Pop();
            if (s.Index < 0 || s.Index >= needed.Length || needed[s.Index])
            {
                continue;
            }
            needed[s.Index] = true;
            foreach (var d in s.DependsOn)
            {
                stack.Push(d);
            }
        }
        var result = new List<DockerStage>();
        for (int i = 0; i < needed.Length; i++)
        {
            if (needed[i])
            {
                result.Add(Stages[i]);
            }
        }
        return result;
    }

    /// <summary>Parses Dockerfile text (for tools and tests; runs use the artifact cache).</summary>
    public static DockerfileModel Parse(string text, WorkspaceFile? file = null) => DockerfileBuilder.Build(file ?? WorkspaceFile.Detached("Dockerfile"), text);

    public override string ToString() => File.RelativePath + $" ({Stages.Count} stages)";
}

/// <summary>Parses Dockerfiles into <see cref="DockerfileModel"/>s.</summary>
public sealed class DockerfileParser : IArtifactParser<DockerfileModel>
{
    public static readonly DockerfileParser Instance = new();

    private DockerfileParser()
    {
    }

    public DockerfileModel Parse(WorkspaceFile file, SourceText text) => DockerfileBuilder.Build(file, text.Text);
}
