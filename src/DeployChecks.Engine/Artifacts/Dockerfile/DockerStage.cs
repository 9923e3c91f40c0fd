using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Artifacts.Dockerfile;

/// <summary>
/// One build stage: its <c>FROM</c>, its instructions, the stage it builds on (<c>FROM builder</c>), the stages it copies
/// or mounts from, and its state at the end (user, working directory, environment, CMD/ENTRYPOINT/HEALTHCHECK,
/// inherited from the stage it builds on as Docker inherits image config).
/// </summary>
public sealed class DockerStage
{
    private readonly List<DockerInstruction> _instructions = new();
    private readonly List<DockerStage> _dependsOn = new();

    internal DockerStage(int index, FromInstruction from, DockerStage? parent)
    {
        Index = index;
        From = from;
        Parent = parent;
    }

    public int Index { get; }

    /// <summary>The <c>AS</c> name, or null.</summary>
    public string? Name => From.StageName;

    /// <summary>The name, or <c>#index</c>.</summary>
    public string Label => Name ?? "#" + Index;

    public FromInstruction From { get; }

    /// <summary>The earlier stage this one builds on (<c>FROM base</c>), or null when it starts from an image.</summary>
    public DockerStage? Parent { get; }

    /// <summary>The FROM image as written with global ARGs expanded (an earlier stage's name when <see cref="Parent"/> is set).</summary>
    public string BaseImage => From.Image;

    /// <summary>The image the stage really starts from, following <see cref="Parent"/> stages (<c>python:3.12-slim</c>).</summary>
    public string ResolvedBaseImage => Parent?.ResolvedBaseImage ?? From.Image;

    /// <summary>True for <c>FROM scratch</c> (directly or through parents).</summary>
    public bool IsScratch => string.Equals(ResolvedBaseImage, "scratch", StringComparison.OrdinalIgnoreCase);

    /// <summary>The instructions after FROM, in order.</summary>
    public IReadOnlyList<DockerInstruction> Instructions => _instructions;

    /// <summary>The stages this one needs: its parent, and those named by <c>COPY --from</c> or <c>RUN --mount=from=</c>.</summary>
    public IReadOnlyList<DockerStage> DependsOn => _dependsOn;

    /// <summary>USER at the end of the stage (through parents); null when never set here (the base image's user).</summary>
    public string? User { get; internal set; }

    /// <summary>WORKDIR at the end of the stage (<c>/</c> when never set).</summary>
    public string WorkDir { get; internal set; } = "/";

    /// <summary>ENV values at the end of the stage, parents' included.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; internal set; } = DockerInstruction.Empty;

    /// <summary>The image's ENTRYPOINT (the last one in this stage or its parents), or null.</summary>
    public EntrypointInstruction? Entrypoint { get; internal set; }

    /// <summary>The image's CMD, or null; an ENTRYPOINT set after a parent's CMD resets it, as Docker does.</summary>
    public CmdInstruction? Cmd { get; internal set; }

    /// <summary>The last HEALTHCHECK (through parents), or null.</summary>
    public HealthcheckInstruction? Healthcheck { get; internal set; }

    /// <summary>Every instruction of type <typeparamref name="T"/> in this stage.</summary>
    public IEnumerable<T> OfType<T>() where T : DockerInstruction
    {
        foreach (var i in _instructions)
        {
            if (i is T t)
            {
                yield return t;
            }
        }
    }

    /// <summary>The last instruction of type <typeparamref name="T"/> in this stage (not its parents), or null.</summary>
    public T? Last<T>() where T : DockerInstruction
    {
        for (int i = _instructions.Count - 1; i >= 0; i--)
        {
            if (_instructions[i] is T t)
            {
                return t;
            }
        }
        return null;
    }

    /// <summary>EXPOSEd ports of this stage and its parents.</summary>
    public IEnumerable<string> ExposedPorts
    {
        get
        {
            if (Parent != null)
            {
                foreach (var p in Parent.ExposedPorts)
                {
                    yield return p;
                }
            }
            foreach (var e in OfType<ExposeInstruction>())
            {
                foreach (var p in e.Ports)
                {
                    yield return p;
                }
            }
        }
    }

    internal void Add(DockerInstruction instruction) => _instructions.Add(instruction);

    internal void AddDependency(DockerStage stage)
    {
        if (stage != this && !_dependsOn.Contains(stage))
        {
            _dependsOn.Add(stage);
        }
    }

    public override string ToString() => $"stage {Label} FROM {BaseImage}";
}
