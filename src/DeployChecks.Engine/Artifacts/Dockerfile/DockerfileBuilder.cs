using System;
using System.Collections.Generic;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Artifacts.Dockerfile;

/// <summary>Types each instruction of the syntax pass and replays the build state (ARG/ENV scope, WORKDIR, USER,
/// SHELL, stages) as BuildKit does: global ARGs reach FROM lines and stages that redeclare them; ENV, WORKDIR, USER
/// and SHELL are inherited by a stage built FROM an earlier one, ARGs are not; ENV wins over an ARG of the same name.</summary>
internal sealed class DockerfileBuilder
{
    private readonly List<ArtifactProblem> _problems = new();
    private readonly List<DockerInstruction> _instructions = new();
    private readonly List<ArgInstruction> _globalArgs = new();
    private readonly List<DockerStage> _stages = new();
    private readonly Dictionary<string, string?> _global = new(StringComparer.Ordinal);
    private char _escape;

    // The state of the current stage.
    private DockerStage? _stage;
    private Dictionary<string, string?> _args = new(StringComparer.Ordinal);
    private Dictionary<string, string> _env = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, string> _vars = DockerInstruction.Empty;
    private string _workDir = "/";
    private string? _user;
    private IReadOnlyList<string> _shell = DockerInstruction.DefaultShell;
    private EntrypointInstruction? _entrypoint;
    private CmdInstruction? _cmd;
    private HealthcheckInstruction? _healthcheck;

    public static DockerfileModel Build(WorkspaceFile file, string text)
    {
        var b = new DockerfileBuilder();
        var syntax = DockerfileSyntax.Read(text, b._problems, out var directives, out b._escape);
        foreach (var s in syntax)
        {
            b.Add(s);
        }
        b.EndStage();
        b._problems.Sort((x, y) => x.Line.CompareTo(y.Line));
        return new DockerfileModel(file, directives, b._escape, b._instructions, b._globalArgs, b._stages, b._problems);
    }

    private void Add(DockerInstructionSyntax s)
    {
        if (s.Keyword == "FROM")
        {
            StartStage(s);
            return;
        }
        if (_stage == null)
        {
            if (s.Keyword == "ARG")
            {
                var arg = Arg(s, global: true);
                arg.BuildVariables = GlobalValues();
                _globalArgs.Add(arg);
                _instructions.Add(arg);
            }
            else
            {
                Problem(s, $"{s.Keyword} before the first FROM (only ARG may come before it)");
            }
            return;
        }
        var typed = Type(s);
        if (typed == null)
        {
            return;
        }
        // State in effect when the instruction runs (before its own effect).
        typed.BuildVariables = _vars;
        typed.WorkDir = _workDir;
        typed.User = _user;
        typed.Shell = _shell;
        typed.StageIndex = _stage.Index;
        _stage.Add(typed);
        _instructions.Add(typed);
        Apply(typed);
    }

    private void Apply(DockerInstruction i)
    {
        switch (i)
        {
            case ArgInstruction arg:
                foreach (var d in arg.Declarations)
                {
                    _args[d.Name] = d.Value ?? (_global.TryGetValue(d.Name, out var g) ? g : null);
                }
                RecomputeVariables();
                break;
            case EnvInstruction env:
                foreach (var a in env.Assignments)
                {
                    _env[a.Name] = a.Value ?? "";
                }
                RecomputeVariables();
                break;
            case WorkdirInstruction w:
                _workDir = w.ResolvedPath;
                break;
            case UserInstruction u:
                _user = u.Value;
                break;
            case ShellInstruction sh:
                _shell = sh.Words;
                break;
            case EntrypointInstruction e:
                _entrypoint = e;
                _cmd = null; // setting ENTRYPOINT resets a CMD inherited or set before it
                break;
            case CmdInstruction c:
                _cmd = c;
                break;
            case HealthcheckInstruction h:
                _healthcheck = h;
                break;
            case FileCopyInstruction copy when copy.From is { } from:
                if (Stage(from) is { } source)
                {
                    _stage!.AddDependency(source);
                }
                break;
            case RunInstruction run:
                foreach (var m in run.Mounts)
                {
                    if (m.From is { } mountFrom && Stage(mountFrom) is { } mounted)
                    {
                        _stage!.AddDependency(mounted);
                    }
                }
                break;
        }
    }

    private DockerStage? Stage(string nameOrIndex)
    {
        foreach (var s in _stages)
        {
            if (s.Name != null && string.Equals(s.Name, nameOrIndex, StringComparison.OrdinalIgnoreCase))
            {
                return s;
            }
        }
        return int.TryParse(nameOrIndex, out int n) && n >= 0 && n < _stages.Count ? _stages[n] : null;
    }

    private void StartStage(DockerInstructionSyntax s)
    {
        EndStage();
        var words = DockerWords.Split(s.Arguments, _escape, out _);
        var globals = GlobalValues();
        string written = words.Count > 0 ? words[0].Text : "";
        string image = DockerWords.Process(written, globals, _escape);
        string? name = null;
        if (words.Count >= 3 && words[1].Text.Equals("AS", StringComparison.OrdinalIgnoreCase))
        {
            name = words[2].Text;
        }
        if (words.Count == 0)
        {
            Problem(s, "FROM names no image");
        }
        else if (words.Count != 1 && !(words.Count == 3 && name != null))
        {
            Problem(s, "FROM takes an image and optionally 'AS name'");
        }
        if (name != null && Stage(name) is { Name: not null })
        {
            Problem(s, $"duplicate stage name '{Safe(name)}'");
        }
        var parent = Stage(image) is { } p && p.Name != null && p.Name.Equals(image, StringComparison.OrdinalIgnoreCase) ? p : null;
        var from = new FromInstruction(s, written, image, name) { BuildVariables = globals, StageIndex = _stages.Count };
        _stage = new DockerStage(_stages.Count, from, parent);
        _stages.Add(_stage);
        _instructions.Add(from);
        _args = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (parent != null)
        {
            _stage.AddDependency(parent);
            _env = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var kv in parent.Environment)
            {
                _env[kv.Key] = kv.Value;
            }
            _workDir = parent.WorkDir;
            _user = parent.User;
            _shell = ShellOf(parent);
            _entrypoint = parent.Entrypoint;
            _cmd = parent.Cmd;
            _healthcheck = parent.Healthcheck;
        }
        else
        {
            _env = new Dictionary<string, string>(StringComparer.Ordinal);
            _workDir = "/";
            _user = null;
            _shell = DockerInstruction.DefaultShell;
            _entrypoint = null;
            _cmd = null;
            _healthcheck = null;
        }
        RecomputeVariables();
    }

    private static IReadOnlyList<string> ShellOf(DockerStage stage) =>
        stage.Last<ShellInstruction>()?.Words ?? (stage.Parent != null ? ShellOf(stage.Parent) : DockerInstruction.DefaultShell);

    private void EndStage()
    {
        if (_stage == null)
        {
            return;
        }
        _stage.User = _user;
        _stage.WorkDir = _workDir;
        _stage.Environment = new Dictionary<string, string>(_env, StringComparer.Ordinal);
        _stage.Entrypoint = _entrypoint;
        _stage.Cmd = _cmd;
        _stage.Healthcheck = _healthcheck;
        _stage = null;
    }

    private void RecomputeVariables()
    {
        var vars = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kv in _args)
        {
            if (kv.Value != null)
            {
                vars[kv.Key] = kv.Value;
            }
        }
        foreach (var kv in _env)
        {
            vars[kv.Key] = kv.Value;
        }
        _vars = vars;
    }

    private IReadOnlyDictionary<string, string> GlobalValues()
    {
        var vars = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kv in _global)
        {
            if (kv.Value != null)
            {
                vars[kv.Key] = kv.Value;
            }
        }
        return vars;
    }

    private DockerInstruction? Type(DockerInstructionSyntax s) => InstructionFactory.Create(s, _escape, _vars, _workDir, _problems, this);

    internal ArgInstruction Arg(DockerInstructionSyntax s, bool global)
    {
        var vars = global ? GlobalValues() : _vars;
        var list = new List<DockerAssignment>();
        var words = DockerWords.Split(s.Arguments, _escape, out bool truncated);
        if (truncated)
        {
            TooLong(s);
        }
        if (words.Count == 0)
        {
            Problem(s, "ARG names no variable");
        }
        foreach (var w in words)
        {
            int eq = w.Text.IndexOf('=');
            string name = eq < 0 ? w.Text : w.Text.Substring(0, eq);
            string? raw = eq < 0 ? null : w.Text.Substring(eq + 1);
            string? value = raw == null ? null : DockerWords.Process(raw, vars, _escape);
            list.Add(new DockerAssignment(name, value, raw, LineAt(s, w.Offset), 0));
            if (global)
            {
                _global[name] = value;
                vars = GlobalValues();
            }
        }
        return new ArgInstruction(s, list);
    }

    internal static int LineAt(DockerInstructionSyntax s, int offset)
    {
        int i = Array.BinarySearch(s.MapOffsets, offset);
        int index = i >= 0 ? i : ~i - 1;
        return index < 0 || s.MapLines.Length == 0 ? s.Line : s.MapLines[index];
    }

    internal void Problem(DockerInstructionSyntax s, string message) =>
        _problems.Add(new ArtifactProblem(DockerfileModel.ErrorId, s.Line, s.Column, message));

    internal void TooLong(DockerInstructionSyntax s) =>
        Problem(s, $"{s.Keyword} has more than {DockerWords.MaxWords:N0} words; the rest is not read");

    /// <summary>A name for a message: short and identifier-like only.</summary>
    internal static string Safe(string name) => name.Length <= 64 && name.IndexOfAny(new[] { ' ', '\t', '\'', '"' }) < 0 ? name : Redactor.RedactValue(name);
}
