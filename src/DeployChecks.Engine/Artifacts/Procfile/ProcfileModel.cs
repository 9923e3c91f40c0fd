using System.Collections.Generic;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Artifacts.Procfile;

/// <summary>One <c>type: command</c> line of a Procfile.</summary>
public sealed class ProcfileProcess
{
    internal ProcfileProcess(string name, string command, int line, int commandColumn)
    {
        Name = name;
        Command = command;
        Line = line;
        CommandColumn = commandColumn;
    }

    /// <summary>The process type (<c>web</c>, <c>worker</c>, <c>release</c>).</summary>
    public string Name { get; }

    /// <summary>The shell command (run by <c>sh -c</c> on Heroku-style platforms), trimmed.</summary>
    public string Command { get; }

    public int Line { get; }

    /// <summary>1-based column where the command starts.</summary>
    public int CommandColumn { get; }

    /// <summary>True for <c>web</c>: the process that receives HTTP traffic.</summary>
    public bool IsWeb => Name == "web";

    /// <summary>True for <c>release</c>: run once per deploy (migrations).</summary>
    public bool IsRelease => Name == "release";

    public override string ToString() => Name + ": " + Command;
}

/// <summary>A Procfile (Heroku, Dokku, Foreman, honcho): process types and their commands, as foreman reads it
/// (<c>^[A-Za-z0-9_-]+:\s*command</c>; blank and <c>#</c> lines ignored). Other lines are <c>MalformedProcfile</c>.</summary>
public sealed class ProcfileModel : IArtifactModel
{
    public const string ErrorId = "MalformedProcfile";

    internal ProcfileModel(WorkspaceFile file, IReadOnlyList<ProcfileProcess> processes, IReadOnlyList<ArtifactProblem> problems)
    {
        File = file;
        Processes = processes;
        Problems = problems;
    }

    public WorkspaceFile File { get; }

    public IReadOnlyList<ProcfileProcess> Processes { get; }

    public IReadOnlyList<ArtifactProblem> Problems { get; }

    /// <summary>The process of type <paramref name="name"/> (the last one when repeated, as foreman keeps), or null.</summary>
    public ProcfileProcess? Process(string name)
    {
        ProcfileProcess? found = null;
        foreach (var p in Processes)
        {
            if (p.Name == name)
            {
                found = p;
            }
        }
        return found;
    }

    public static ProcfileModel Parse(string text, WorkspaceFile? file = null)
    {
        var processes = new List<ProcfileProcess>();
        var problems = new List<ArtifactProblem>();
        int lineNumber = 0;
        int start = 0;
        while (start <= text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }
            lineNumber++;
            string raw = text.Substring(start, end - start).TrimEnd('\r');
            start = end + 1;
            string l = raw.Trim();
            if (l.Length == 0 || l[0] == '#')
            {
                continue;
            }
            int colon = l.IndexOf(':');
            if (colon <= 0 || !IsProcessName(l, colon))
            {
                problems.Add(new ArtifactProblem(ErrorId, lineNumber, 1, "not a 'process: command' line"));
                continue;
            }
            string command = l.Substring(colon + 1);
            int indent = raw.Length - raw.TrimStart().Length;
            int column = indent + colon + 2 + (command.Length - command.TrimStart().Length);
            processes.Add(new ProcfileProcess(l.Substring(0, colon), command.Trim(), lineNumber, column));
        }
        return new ProcfileModel(file ?? WorkspaceFile.Detached("Procfile"), processes, problems);
    }

    private static bool IsProcessName(string l, int colon)
    {
        for (int i = 0; i < colon; i++)
        {
            char c = l[i];
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-'))
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>Parses Procfiles into <see cref="ProcfileModel"/>s.</summary>
public sealed class ProcfileParser : IArtifactParser<ProcfileModel>
{
    public static readonly ProcfileParser Instance = new();

    private ProcfileParser()
    {
    }

    public ProcfileModel Parse(WorkspaceFile file, SourceText text) => ProcfileModel.Parse(text.Text, file);
}
