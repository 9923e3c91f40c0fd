using System;
using System.Collections.Generic;
using DeployChecks.Engine.Text;

namespace DeployChecks.Engine.Artifacts.Dockerfile;

/// <summary>Types one instruction of a stage from its syntax, given the build state (variables, working directory) in
/// effect; arguments are split and expanded as BuildKit's dispatchers do for each keyword.</summary>
internal static class InstructionFactory
{
    public static DockerInstruction? Create(DockerInstructionSyntax s, char escape, IReadOnlyDictionary<string, string> vars, string workDir,
        List<ArtifactProblem> problems, DockerfileBuilder builder)
    {
        switch (s.Keyword)
        {
            case "RUN":
                return new RunInstruction(s, Command(s, s.Arguments, 0, builder, heredocScript: true), Mounts(s));
            case "CMD":
                return new CmdInstruction(s, Command(s, s.Arguments, 0, builder, heredocScript: false));
            case "ENTRYPOINT":
                return new EntrypointInstruction(s, Command(s, s.Arguments, 0, builder, heredocScript: false));
            case "SHELL":
            {
                var words = JsonStringArray.TryParse(s.Arguments, out _);
                if (words == null || words.Count == 0)
                {
                    builder.Problem(s, "SHELL needs a JSON array (SHELL [\"executable\", \"parameters\"])");
                    return null;
                }
                return new ShellInstruction(s, words);
            }
            case "COPY":
            case "ADD":
                return Copy(s, escape, vars, workDir, builder);
            case "ENV":
                return new EnvInstruction(s, NameValues(s, escape, vars, builder, legacy: true));
            case "LABEL":
                return new LabelInstruction(s, NameValues(s, escape, vars, builder, legacy: true));
            case "ARG":
                return builder.Arg(s, global: false);
            case "EXPOSE":
                return new ExposeInstruction(s, ProcessedWords(s, escape, vars, builder));
            case "VOLUME":
            {
                var json = JsonStringArray.TryParse(s.Arguments, out bool truncated);
                if (truncated)
                {
                    builder.TooLong(s);
                }
                return new VolumeInstruction(s, json ?? ProcessedWords(s, escape, vars, builder));
            }
            case "USER":
            {
                string user = DockerWords.Process(s.Arguments.Trim(), vars, escape);
                if (user.Length == 0)
                {
                    builder.Problem(s, "USER names no user");
                }
                return new UserInstruction(s, user);
            }
            case "WORKDIR":
            {
                string path = DockerWords.Process(s.Arguments.Trim(), vars, escape);
                if (path.Length == 0)
                {
                    builder.Problem(s, "WORKDIR names no directory");
                }
                return new WorkdirInstruction(s, path, PosixPath.Combine(workDir, path));
            }
            case "HEALTHCHECK":
            {
                string args = s.Arguments.Trim();
                if (args.Equals("NONE", StringComparison.OrdinalIgnoreCase))
                {
                    return new HealthcheckInstruction(s, null);
                }
                if (args.Length >= 3 && args.Substring(0, 3).Equals("CMD", StringComparison.OrdinalIgnoreCase) && (args.Length == 3 || char.IsWhiteSpace(args[3])))
                {
                    int at = s.Arguments.IndexOf(args, StringComparison.Ordinal) + 3;
                    while (at < s.Arguments.Length && char.IsWhiteSpace(s.Arguments[at]))
                    {
                        at++;
                    }
                    return new HealthcheckInstruction(s, Command(s, s.Arguments.Substring(at), at, builder, heredocScript: false));
                }
                builder.Problem(s, "HEALTHCHECK takes CMD <command> or NONE");
                return null;
            }
            case "STOPSIGNAL":
                return new StopsignalInstruction(s, DockerWords.Process(s.Arguments.Trim(), vars, escape));
            case "MAINTAINER":
                return new MaintainerInstruction(s);
            case "ONBUILD":
                return new OnbuildInstruction(s, Trigger(s, escape, problems, builder));
            default:
                return null;
        }
    }

    /// <summary>Exec form when the text is a JSON array of strings, else shell form; for RUN, a heredoc that is the
    /// script itself (<c>RUN &lt;&lt;EOF</c>, <c>RUN bash &lt;&lt;EOF</c>).</summary>
    private static DockerCommand Command(DockerInstructionSyntax s, string text, int offset, DockerfileBuilder builder, bool heredocScript)
    {
        string trimmed = text.TrimStart();
        if (trimmed.StartsWith("[", StringComparison.Ordinal))
        {
            var exec = JsonStringArray.TryParse(text, out bool truncated);
            if (truncated)
            {
                builder.TooLong(s);
            }
            if (exec != null)
            {
                return new DockerCommand(exec, null, offset, null);
            }
            if (s.Keyword is "RUN" or "CMD" or "ENTRYPOINT")
            {
                builder.Problem(s, $"{s.Keyword} starts with '[' but is not a valid JSON array of strings; Docker runs it as a shell command");
            }
        }
        DockerHeredoc? script = null;
        if (heredocScript && s.Heredocs.Count > 0)
        {
            int at = text.IndexOf("<<", StringComparison.Ordinal);
            string before = at < 0 ? "x" : text.Substring(0, at).Trim();
            if (before.Length == 0 || before is "bash" or "sh" or "/bin/sh" or "/bin/bash")
            {
                script = s.Heredocs[0];
            }
        }
        return new DockerCommand(null, text, offset, script);
    }

    private static IReadOnlyList<DockerMount> Mounts(DockerInstructionSyntax s)
    {
        List<DockerMount>? mounts = null;
        foreach (var flag in s.Flags)
        {
            if (!flag.Name.Equals("mount", StringComparison.OrdinalIgnoreCase) || flag.Value == null)
            {
                continue;
            }
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            string type = "bind";
            foreach (var part in flag.Value.Split(','))
            {
                int eq = part.IndexOf('=');
                string k = (eq > 0 ? part.Substring(0, eq) : part).Trim().ToLowerInvariant();
                string v = eq > 0 ? DockerfileSyntax.Unquote(part.Substring(eq + 1).Trim()) : "";
                if (k.Length == 0)
                {
                    continue;
                }
                options[k] = v;
                if (k == "type")
                {
                    type = v.ToLowerInvariant();
                }
            }
            (mounts ??= new List<DockerMount>()).Add(new DockerMount(type, options));
        }
        return mounts ?? (IReadOnlyList<DockerMount>)Array.Empty<DockerMount>();
    }

    private static FileCopyInstruction? Copy(DockerInstructionSyntax s, char escape, IReadOnlyDictionary<string, string> vars, string workDir, DockerfileBuilder builder)
    {
        var json = JsonStringArray.TryParse(s.Arguments, out bool truncated);
        List<string> parts;
        if (json != null)
        {
            parts = new List<string>(json.Count);
            foreach (var p in json)
            {
                parts.Add(DockerWords.Expand(p, vars));
            }
        }
        else
        {
            parts = ProcessedWords(s, escape, vars, builder);
        }
        if (truncated)
        {
            builder.TooLong(s);
        }
        if (parts.Count < 2)
        {
            builder.Problem(s, $"{s.Keyword} needs at least a source and a destination");
            return null;
        }
        string dest = parts[parts.Count - 1];
        var sources = parts.GetRange(0, parts.Count - 1);
        string resolved = PosixPath.Combine(workDir, dest) + (dest.EndsWith("/", StringComparison.Ordinal) && dest.Length > 1 ? "/" : "");
        return s.Keyword == "ADD"
            ? new AddInstruction(s, sources, dest, resolved, json != null)
            : new CopyInstruction(s, sources, dest, resolved, json != null);
    }

    private static List<string> ProcessedWords(DockerInstructionSyntax s, char escape, IReadOnlyDictionary<string, string> vars, DockerfileBuilder builder)
    {
        var words = DockerWords.Split(s.Arguments, escape, out bool truncated);
        if (truncated)
        {
            builder.TooLong(s);
        }
        var list = new List<string>(words.Count);
        foreach (var w in words)
        {
            list.Add(DockerWords.Process(w.Text, vars, escape));
        }
        return list;
    }

    /// <summary>ENV and LABEL: <c>NAME=value …</c>, or the legacy <c>NAME value words</c> (first word without <c>=</c>:
    /// the rest of the line is the value), as BuildKit's <c>parseNameVal</c>.</summary>
    private static List<DockerAssignment> NameValues(DockerInstructionSyntax s, char escape, IReadOnlyDictionary<string, string> vars, DockerfileBuilder builder,
        bool legacy)
    {
        var list = new List<DockerAssignment>();
        var words = DockerWords.Split(s.Arguments, escape, out bool truncated);
        if (truncated)
        {
            builder.TooLong(s);
        }
        if (words.Count == 0)
        {
            builder.Problem(s, $"{s.Keyword} names no variable");
            return list;
        }
        if (legacy && words[0].Text.IndexOf('=') < 0)
        {
            string name = words[0].Text;
            int at = words.Count > 1 ? words[1].Offset : s.Arguments.Length;
            string raw = s.Arguments.Substring(at).Trim();
            if (words.Count < 2)
            {
                builder.Problem(s, $"{s.Keyword} {DockerfileBuilder.Safe(name)} has no value (ENV NAME=value)");
                return list;
            }
            list.Add(new DockerAssignment(name, JoinProcessed(words, 1, vars, escape), raw, DockerfileBuilder.LineAt(s, words[0].Offset), 0));
            return list;
        }
        // Every word is expanded with the variables from before the instruction, as BuildKit does
        // (ENV abc=hello, then ENV abc=bye def=$abc gives def=hello).
        foreach (var w in words)
        {
            int eq = w.Text.IndexOf('=');
            if (eq <= 0)
            {
                builder.Problem(s, $"{s.Keyword}: a word without '=' (the form is NAME=value)");
                continue;
            }
            string name = DockerWords.Process(w.Text.Substring(0, eq), vars, escape);
            string raw = w.Text.Substring(eq + 1);
            list.Add(new DockerAssignment(name, DockerWords.Process(raw, vars, escape), raw, DockerfileBuilder.LineAt(s, w.Offset), 0));
        }
        return list;
    }

    private static string JoinProcessed(List<DockerWord> words, int from, IReadOnlyDictionary<string, string> vars, char escape)
    {
        var parts = new List<string>(words.Count - from);
        for (int i = from; i < words.Count; i++)
        {
            parts.Add(DockerWords.Process(words[i].Text, vars, escape));
        }
        return string.Join(" ", parts);
    }

    private static DockerInstruction? Trigger(DockerInstructionSyntax s, char escape, List<ArtifactProblem> problems, DockerfileBuilder builder)
    {
        var inner = DockerfileSyntax.Inner(s, problems);
        if (inner == null)
        {
            builder.Problem(s, "ONBUILD needs an instruction");
            return null;
        }
        if (inner.Keyword is "ONBUILD" or "FROM" or "MAINTAINER")
        {
            builder.Problem(s, $"ONBUILD {inner.Keyword} is not allowed");
            return null;
        }
        return Create(inner, escape, DockerInstruction.Empty, "/", problems, builder);
    }
}
