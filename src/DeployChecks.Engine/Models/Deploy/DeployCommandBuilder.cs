using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts.Dockerfile;
using DeployChecks.Engine.Artifacts.Shell;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Deploy;

/// <summary>
/// Builds <see cref="DeployCommands"/>: each source (Dockerfile, compose, CI, Procfile) turns its commands into words
/// with a <see cref="Scope"/> (file, origin, stage/job/service, development or not, start command or build step, the
/// image state); this part splits scripts, unwraps wrappers, follows <c>cd</c>, <c>sh -c</c> and entrypoint scripts, and
/// records install and server commands. Other parts: Dockerfile, YAML sources, image paths.
/// </summary>
internal sealed partial class DeployCommandBuilder
{
    /// <summary>How deep <c>sh -c</c> scripts and entrypoint scripts are followed.</summary>
    private const int MaxNesting = 4;

    private readonly Workspace.Workspace _workspace;
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal);
    private readonly Func<WorkspaceFile, SourceText?> _read;

    public DeployCommandBuilder(Workspace.Workspace workspace, Func<WorkspaceFile, SourceText?> read)
    {
        _workspace = workspace;
        _read = read;
        foreach (var f in workspace.Files)
        {
            string p = f.RelativePath;
            for (int slash = p.LastIndexOf('/'); slash > 0; slash = p.LastIndexOf('/', slash - 1))
            {
                if (!_directories.Add(p.Substring(0, slash)))
                {
                    break;
                }
            }
        }
    }

    public List<InstallCommand> Installs { get; } = new();
    public List<ServerCommand> Servers { get; } = new();
    public List<DeployCommandProblem> Problems { get; } = new();
    public List<IndexSetting> IndexSettings { get; } = new();

    /// <summary>Where a command runs, and what it runs in.</summary>
    private sealed class Scope
    {
        public Scope(WorkspaceFile file, DeployCommandOrigin origin, string? name, bool dev, bool runtime, ImageState? image,
            List<CopyMapping>? mounts, string? baseImage)
        {
            File = file;
            Origin = origin;
            Name = name;
            Dev = dev;
            Runtime = runtime;
            Image = image;
            Mounts = mounts;
            BaseImage = baseImage;
        }

        public WorkspaceFile File { get; }
        public DeployCommandOrigin Origin { get; }
        public string? Name { get; }
        public bool Dev { get; }
        public bool Runtime { get; }

        /// <summary>For a Dockerfile: the build variables and the files copied into the image so far.</summary>
        public ImageState? Image { get; }

        /// <summary>For a Dockerfile RUN: its bind mounts of build-context files.</summary>
        public List<CopyMapping>? Mounts { get; }

        public string? BaseImage { get; }

        /// <summary>Set for the commands of a script the start command runs: where that start command is.</summary>
        public string? StartedFrom { get; private set; }

        /// <summary>The same scope, reading a script file that the command at <paramref name="from"/> runs.</summary>
        public Scope ForScript(WorkspaceFile script, string from) =>
            new(script, Origin, Name, Dev, Runtime, Image, Mounts, BaseImage) { StartedFrom = StartedFrom ?? from };
    }

    /// <summary>A Dockerfile stage at one instruction: its variables and the build-context files copied in.</summary>
    private sealed class ImageState
    {
        public ImageState(IReadOnlyDictionary<string, string> vars, List<CopyMapping> copies)
        {
            Vars = vars;
            Copies = copies;
        }

        public IReadOnlyDictionary<string, string> Vars { get; }
        public List<CopyMapping> Copies { get; }
    }

    /// <summary>Splits and runs a shell script; returns the working directory after it (for <c>cd</c>).</summary>
    private string RunScript(string script, Func<int, int> lineOf, Scope scope, string cwd, int firstLine, int depth = 0, bool quiet = false)
    {
        var commands = ShellScript.Split(script, out string? error);
        if (error != null && !quiet)
        {
            Problems.Add(new DeployCommandProblem("MalformedShellCommand", scope.File, firstLine,
                $"{scope.File.RelativePath}:{firstLine}: {error}; the rest of the command is not read"));
        }
        foreach (var c in commands)
        {
            int line = lineOf(c.Offset);
            if (c.Truncated && !quiet)
            {
                Problems.Add(new DeployCommandProblem("CommandTooLong", scope.File, line,
                    $"{scope.File.RelativePath}:{line}: a command of more than {ShellScript.MaxWords:N0} words; the rest of it is not read"));
            }
            cwd = Handle(c.Words, line, scope, cwd, depth, lineOf);
        }
        return cwd;
    }

    private void RunWords(IReadOnlyList<string> words, int line, Scope scope, string cwd) => Handle(words, line, scope, cwd, 0, _ => line);

    private string Handle(IReadOnlyList<string> words, int line, Scope scope, string cwd, int depth, Func<int, int> lineOf)
    {
        if (scope.Image != null)
        {
            // ARG/ENV values known at this point of the Dockerfile (ARG defaults: what a plain build uses).
            words = Expand(words, scope.Image.Vars);
        }
        var r = CommandRecognizer.Recognize(words, scope.File, line, scope.Origin);
        if (r == null)
        {
            return cwd;
        }
        if (r.ChangeDirectory != null)
        {
            return r.ChangeDirectory is "~" or "-" ? cwd : PosixPath.Combine(cwd, r.ChangeDirectory);
        }
        if (r.NestedScript != null)
        {
            // The nested script's lines are the outer command's line (offsets are relative to the inner text).
            return depth < MaxNesting ? RunScript(r.NestedScript, _ => line, scope, cwd, line, depth + 1) : cwd;
        }
        if (r.ScriptFile != null)
        {
            FollowScript(r, line, scope, cwd, depth, lineOf);
            return cwd;
        }
        DeployCommand cmd = (DeployCommand?)r.Install ?? r.Server!;
        cmd.Scope = scope.Name;
        cmd.IsDevelopment = scope.Dev;
        if (r.Install != null)
        {
            foreach (var f in r.Install.Files)
            {
                MapFile(f, scope, cwd);
            }
            Installs.Add(r.Install);
            if (!scope.Dev)
            {
                IndexSettings.AddRange(r.Install.IndexOptions);
            }
        }
        else if (r.Server != null)
        {
            r.Server.IsRuntime = scope.Runtime;
            r.Server.BaseImage = scope.BaseImage;
            r.Server.StartedFrom = scope.StartedFrom;
            Servers.Add(r.Server);
        }
        return cwd;
    }

    /// <summary>A start command that runs a script (<c>ENTRYPOINT ["./docker-entrypoint.sh"]</c>, Procfile
    /// <c>web: sh start.sh</c>): the script's own commands are what starts the server. Followed for start commands
    /// only; build steps and CI scripts are not read (their installs would need the script's own cwd and context).</summary>
    private void FollowScript(RecognizedCommand r, int line, Scope scope, string cwd, int depth, Func<int, int> lineOf)
    {
        if (!scope.Runtime || depth >= MaxNesting || ResolveScript(r.ScriptFile!, scope, cwd) is not WorkspaceFile script ||
            script == scope.File || _read(script) is not SourceText body || !(r.ScriptRunByShell || EntrypointScripts.IsShellScript(r.ScriptFile!, body.Text)))
        {
            return;
        }
        var inner = scope.ForScript(script, $"{scope.File.RelativePath}:{line}");
        RunScript(body.Text, body.LineOf, inner, cwd, 1, depth + 1, quiet: true);
        if (r.ScriptArguments.Count > 0 && EntrypointScripts.RunsItsArguments(body.Text))
        {
            // The usual entrypoint ends in exec "$@": the arguments are the command it runs.
            Handle(r.ScriptArguments, line, scope, cwd, depth + 1, lineOf);
        }
    }

    private static IReadOnlyList<string> Expand(IReadOnlyList<string> words, IReadOnlyDictionary<string, string> vars)
    {
        List<string>? expanded = null;
        for (int i = 0; i < words.Count; i++)
        {
            if (words[i].IndexOf('$') >= 0)
            {
                expanded ??= new List<string>(words);
                expanded[i] = DockerWords.Expand(words[i], vars);
            }
        }
        return expanded ?? words;
    }

    /// <summary>PowerShell text made readable by the shell splitter: backtick continuations joined, backtick escapes
    /// dropped (quotes differ too; problems in such scripts are not reported).</summary>
    private static string FromPowerShell(string script) =>
        script.Replace("`\r\n", "  ").Replace("`\n", " ").Replace("`", "");

    private static bool IsPowerShell(string shell)
    {
        string b = CommandUnwrapper.BaseName(shell.Trim().Split(' ')[0]).ToLowerInvariant();
        return b is "pwsh" or "powershell";
    }
}
