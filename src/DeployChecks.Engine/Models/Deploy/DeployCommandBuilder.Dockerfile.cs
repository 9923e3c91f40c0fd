using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts.Dockerfile;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Deploy;

/// <summary>Commands of a Dockerfile: RUN (shell, exec, heredoc script; with its bind mounts) as build steps, CMD and
/// ENTRYPOINT as start commands; WORKDIR, COPY/ADD and the ARG/ENV in effect come from the typed model.</summary>
internal sealed partial class DeployCommandBuilder
{
    public void Read(DockerfileModel dockerfile)
    {
        var file = dockerfile.File;
        foreach (var p in dockerfile.Problems)
        {
            Problems.Add(new DeployCommandProblem(p.ErrorId, file, p.Line, p.Describe(file)));
        }
        bool devFile = DevelopmentSettings.IsDevFile(file);
        if (!devFile)
        {
            foreach (var arg in dockerfile.GlobalArgs)
            {
                AddIndexVariables(file, arg.Declarations, dockerfile.EscapeCharacter);
            }
        }
        var copiesAtEnd = new Dictionary<DockerStage, List<CopyMapping>>();
        foreach (var stage in dockerfile.Stages)
        {
            // A stage built FROM an earlier one starts with the files that stage copied in.
            var copies = stage.Parent != null && copiesAtEnd.TryGetValue(stage.Parent, out var inherited) ? new List<CopyMapping>(inherited) : new List<CopyMapping>();
            bool dev = devFile || DevelopmentSettings.IsDevStage(stage.Name);
            foreach (var ins in stage.Instructions)
            {
                switch (ins)
                {
                    case ArgInstruction arg when !dev:
                        AddIndexVariables(file, arg.Declarations, dockerfile.EscapeCharacter);
                        break;
                    case EnvInstruction env when !dev:
                        AddIndexVariables(file, env.Assignments, dockerfile.EscapeCharacter);
                        break;
                    case FileCopyInstruction copy when copy.From == null:
                        AddCopy(copies, copy);
                        break;
                    case RunInstruction run:
                    {
                        var scope = new Scope(file, DeployCommandOrigin.Dockerfile, stage.Label, dev, runtime: false,
                            new ImageState(run.BuildVariables, copies), Mounts(run), null);
                        RunCommand(run, run.Command, scope);
                        break;
                    }
                    case CmdInstruction cmd:
                        RunCommand(cmd, cmd.Command, new Scope(file, DeployCommandOrigin.Dockerfile, stage.Label, dev, runtime: true,
                            new ImageState(cmd.BuildVariables, copies), null, stage.ResolvedBaseImage));
                        break;
                    case EntrypointInstruction entrypoint:
                        RunCommand(entrypoint, entrypoint.Command, new Scope(file, DeployCommandOrigin.Dockerfile, stage.Label, dev, runtime: true,
                            new ImageState(entrypoint.BuildVariables, copies), null, stage.ResolvedBaseImage));
                        break;
                }
            }
            copiesAtEnd[stage] = copies;
        }
    }

    private void RunCommand(DockerInstruction ins, DockerCommand command, Scope scope)
    {
        if (command.ExecForm != null)
        {
            RunWords(command.ExecForm, ins.Line, scope, ins.WorkDir);
        }
        else if (command.Script != null)
        {
            // One script, so a quoted string may span lines as in the shell.
            var body = command.Script;
            RunScript(body.Body, body.LineAt, scope, ins.WorkDir, body.Line);
        }
        else if (IsPowerShell(ins.Shell[0]))
        {
            RunScript(FromPowerShell(command.ShellText ?? ""), o => ins.LineAt(command.ShellOffset + o), scope, ins.WorkDir, ins.Line, quiet: true);
        }
        else
        {
            RunScript(command.ShellText ?? "", o => ins.LineAt(command.ShellOffset + o), scope, ins.WorkDir, ins.Line);
        }
    }

    /// <summary>pip's and uv's index variables set by ENV or ARG (their values as written, variables unexpanded: a
    /// <c>${TOKEN}</c> stays a placeholder).</summary>
    private void AddIndexVariables(WorkspaceFile file, IReadOnlyList<DockerAssignment> assignments, char escape)
    {
        foreach (var a in assignments)
        {
            if (a.RawValue == null || !Deploy.IndexVariables.Names.Contains(a.Name))
            {
                continue;
            }
            string value = DockerWords.Process(a.RawValue, DockerInstruction.Empty, escape);
            if (value.Length > 0)
            {
                IndexSettings.Add(new IndexSetting(file, a.Line, a.Name, value));
            }
        }
    }

    private void AddCopy(List<CopyMapping> copies, FileCopyInstruction copy)
    {
        var sources = new List<string>(copy.Sources.Count);
        bool destIsDir = copy.Destination.EndsWith("/", StringComparison.Ordinal) || copy.Destination == "." || copy.Sources.Count > 1;
        foreach (var s in copy.Sources)
        {
            sources.Add(s);
            destIsDir |= s == "." || s.EndsWith("/", StringComparison.Ordinal) || s.IndexOf('*') >= 0 || _directories.Contains(Text.PosixPath.Normalize(s));
        }
        copies.Add(new CopyMapping(sources, Text.PosixPath.Combine(copy.WorkDir, copy.Destination), destIsDir));
    }

    /// <summary><c>RUN --mount=type=bind,source=X,target=Y</c>: the context file X is visible at Y for this RUN.</summary>
    private static List<CopyMapping>? Mounts(RunInstruction run)
    {
        List<CopyMapping>? result = null;
        foreach (var m in run.Mounts)
        {
            if (m.Type == "bind" && m.Target != null && m.From == null)
            {
                string src = m.Source ?? ".";
                bool dir = src == "." || src.EndsWith("/", StringComparison.Ordinal);
                (result ??= new List<CopyMapping>()).Add(new CopyMapping(new List<string> { src }, Text.PosixPath.Combine(run.WorkDir, m.Target), dir));
            }
        }
        return result;
    }
}

/// <summary>Files a COPY, ADD or bind mount puts into an image: build-context sources and where they land.</summary>
internal sealed class CopyMapping
{
    public CopyMapping(List<string> sources, string destination, bool destinationIsDirectory)
    {
        Sources = sources;
        Destination = destination;
        DestinationIsDirectory = destinationIsDirectory;
    }

    public List<string> Sources { get; }
    public string Destination { get; }
    public bool DestinationIsDirectory { get; }
}
