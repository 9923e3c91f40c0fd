using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Artifacts.Dockerfile;

/// <summary>
/// One Dockerfile instruction, typed by keyword (<see cref="RunInstruction"/>, <see cref="CopyInstruction"/>, …), with
/// where it is, its flags, and the build state in effect when it runs (<see cref="BuildVariables"/>, <see cref="WorkDir"/>,
/// <see cref="User"/>, <see cref="Shell"/>) so a rule never replays the file itself.
/// </summary>
public abstract class DockerInstruction
{
    private readonly int[]? _lineStarts;
    private readonly int[]? _lineNumbers;

    private protected DockerInstruction(DockerInstructionSyntax syntax)
    {
        Keyword = syntax.Keyword;
        Line = syntax.Line;
        Column = syntax.Column;
        EndLine = syntax.EndLine;
        Arguments = syntax.Arguments;
        Flags = syntax.Flags;
        Heredocs = syntax.Heredocs;
        Text = syntax.Text;
        _lineStarts = syntax.MapOffsets;
        _lineNumbers = syntax.MapLines;
    }

    /// <summary>Upper-case keyword (<c>RUN</c>).</summary>
    public string Keyword { get; }

    /// <summary>1-based line of the keyword.</summary>
    public int Line { get; }

    /// <summary>1-based column of the keyword.</summary>
    public int Column { get; }

    /// <summary>Last source line of the instruction (continuation lines and heredoc bodies included).</summary>
    public int EndLine { get; }

    /// <summary>The text after the keyword and its flags, continuation lines joined as BuildKit joins them.</summary>
    public string Arguments { get; }

    /// <summary>The whole instruction as written (continuations joined), for evidence.</summary>
    public string Text { get; }

    /// <summary><c>--name=value</c> flags before the arguments, in order.</summary>
    public IReadOnlyList<DockerFlag> Flags { get; }

    /// <summary>Here-documents of the instruction (<c>RUN &lt;&lt;EOF</c>, <c>COPY &lt;&lt;EOF /app/x</c>), in order.</summary>
    public IReadOnlyList<DockerHeredoc> Heredocs { get; }

    /// <summary>ARG and ENV values in scope when the instruction runs (global ARGs for a <c>FROM</c>). A variable declared
    /// without a value is absent: references to it stay as written.</summary>
    public IReadOnlyDictionary<string, string> BuildVariables { get; internal set; } = Empty;

    /// <summary>The working directory in effect (<c>/</c> until a <c>WORKDIR</c>; the base image may set another).</summary>
    public string WorkDir { get; internal set; } = "/";

    /// <summary>The user in effect (<c>USER</c> of this stage or the stage it builds on); null when the Dockerfile never
    /// sets one, so the base image's user (root for most official images) applies.</summary>
    public string? User { get; internal set; }

    /// <summary>The shell of shell-form commands (<c>SHELL</c>; <c>/bin/sh -c</c> by default).</summary>
    public IReadOnlyList<string> Shell { get; internal set; } = DefaultShell;

    /// <summary>Index of the stage the instruction belongs to; -1 for ARGs before the first <c>FROM</c>.</summary>
    public int StageIndex { get; internal set; } = -1;

    /// <summary>The value of flag <paramref name="name"/> (without dashes), <c>""</c> for a bare flag, null when absent;
    /// the last one wins when repeated.</summary>
    public string? Flag(string name)
    {
        string? value = null;
        foreach (var f in Flags)
        {
            if (string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = f.Value ?? "";
            }
        }
        return value;
    }

    /// <summary>The source line of an offset into <see cref="Arguments"/>.</summary>
    public int LineAt(int offset)
    {
        if (_lineStarts == null || _lineNumbers == null || _lineStarts.Length == 0)
        {
            return Line;
        }
        int i = Array.BinarySearch(_lineStarts, offset);
        int index = i >= 0 ? i : ~i - 1;
        return index < 0 ? Line : _lineNumbers[index];
    }

    public override string ToString() => $"{Line}: {Text}";

    internal static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    internal static readonly IReadOnlyList<string> DefaultShell = new[] { "/bin/sh", "-c" };
}

/// <summary>A flag of an instruction (<c>--mount=type=cache,target=/root/.cache</c>, <c>--from=builder</c>).</summary>
public sealed class DockerFlag
{
    public DockerFlag(string name, string? value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>The name without dashes (<c>mount</c>).</summary>
    public string Name { get; }

    /// <summary>The value after <c>=</c> (quotes removed), or null for a bare flag (<c>--link</c>).</summary>
    public string? Value { get; }

    public override string ToString() => Value == null ? "--" + Name : "--" + Name + "=" + Value;
}

/// <summary>A here-document: <c>&lt;&lt;EOF</c> … <c>EOF</c>.</summary>
public sealed class DockerHeredoc
{
    private int[]? _newlines;

    internal DockerHeredoc(string delimiter, bool stripTabs, bool expands, string body, int line, int endLine, bool closed)
    {
        Delimiter = delimiter;
        StripTabs = stripTabs;
        Expands = expands;
        Body = body;
        Line = line;
        EndLine = endLine;
        IsClosed = closed;
    }

    public string Delimiter { get; }

    /// <summary><c>&lt;&lt;-EOF</c>: leading tabs are removed from the body lines.</summary>
    public bool StripTabs { get; }

    /// <summary>False when the delimiter was quoted (<c>&lt;&lt;"EOF"</c>): no variable expansion in the body.</summary>
    public bool Expands { get; }

    /// <summary>The body lines joined with <c>\n</c>.</summary>
    public string Body { get; }

    /// <summary>Line of the first body line.</summary>
    public int Line { get; }

    /// <summary>Line of the closing delimiter (the last line of the file when it is missing).</summary>
    public int EndLine { get; }

    public bool IsClosed { get; }

    /// <summary>The source line of an offset into <see cref="Body"/>.</summary>
    public int LineAt(int offset)
    {
        var breaks = _newlines ??= Newlines(Body);
        int i = Array.BinarySearch(breaks, offset);
        return Line + (i >= 0 ? i : ~i);
    }

    private static int[] Newlines(string s)
    {
        var list = new List<int>();
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\n')
            {
                list.Add(i);
            }
        }
        return list.ToArray();
    }
}

/// <summary>The command of <c>RUN</c>, <c>CMD</c>, <c>ENTRYPOINT</c> or <c>HEALTHCHECK CMD</c>: exec form (a JSON array,
/// run without a shell), shell form (run by <see cref="DockerInstruction.Shell"/>), or for <c>RUN</c> a heredoc script.</summary>
public sealed class DockerCommand
{
    internal DockerCommand(IReadOnlyList<string>? execForm, string? shellText, int shellOffset, DockerHeredoc? script)
    {
        ExecForm = execForm;
        ShellText = shellText;
        ShellOffset = shellOffset;
        Script = script;
    }

    /// <summary>True for the JSON exec form (<c>CMD ["gunicorn", "app:app"]</c>).</summary>
    public bool IsExecForm => ExecForm != null;

    /// <summary>The words of the exec form, or null.</summary>
    public IReadOnlyList<string>? ExecForm { get; }

    /// <summary>The shell-form text (not expanded: the shell does that at run time), or null for the exec form.</summary>
    public string? ShellText { get; }

    /// <summary>Offset of <see cref="ShellText"/> in the instruction's <see cref="DockerInstruction.Arguments"/>.</summary>
    public int ShellOffset { get; }

    /// <summary>For <c>RUN &lt;&lt;EOF</c> (or <c>RUN bash &lt;&lt;EOF</c>): the heredoc that is the script itself.</summary>
    public DockerHeredoc? Script { get; }

    /// <summary>True when the command text is empty (<c>CMD []</c>, <c>RUN</c> with nothing after it).</summary>
    public bool IsEmpty => ExecForm?.Count == 0 || (ExecForm == null && Script == null && string.IsNullOrWhiteSpace(ShellText));

    public override string ToString() => ExecForm != null ? "[" + string.Join(", ", ExecForm) + "]" : Script != null ? "<<" + Script.Delimiter : ShellText ?? "";
}
