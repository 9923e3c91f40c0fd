using System;
using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Dependencies.Requirements;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Deploy;

/// <summary>What one simple command is, to the deploy model.</summary>
internal sealed class RecognizedCommand
{
    /// <summary><c>cd DIR</c>: later commands of the script run there.</summary>
    public string? ChangeDirectory { get; set; }

    /// <summary><c>sh -c SCRIPT</c> (and bash, dash…): the script to split again.</summary>
    public string? NestedScript { get; set; }

    /// <summary>A shell script file the command runs (<c>./entrypoint.sh</c>, <c>sh start.sh</c>,
    /// <c>bash /app/docker-entrypoint.sh</c>): the path as written, to be read when it is in the workspace.</summary>
    public string? ScriptFile { get; set; }

    /// <summary>True when a shell runs <see cref="ScriptFile"/> (<c>sh FILE</c>): it is shell whatever its name.</summary>
    public bool ScriptRunByShell { get; set; }

    /// <summary>The words after <see cref="ScriptFile"/>: what an entrypoint script that ends in
    /// <c>exec "$@"</c> runs (<c>CMD ["./entrypoint.sh", "gunicorn", "app:app"]</c>).</summary>
    public IReadOnlyList<string> ScriptArguments { get; set; } = Array.Empty<string>();

    public InstallCommand? Install { get; set; }

    public ServerCommand? Server { get; set; }
}

/// <summary>
/// Recognises install and server commands among a simple command's words, after unwrapping the usual prefixes
/// (<see cref="CommandUnwrapper"/>) and <c>python -m</c>: pip, uv, pipenv, poetry and pip-sync installs
/// (<see cref="PipArguments"/>), application servers and development servers, <c>cd</c>, <c>sh -c</c> and scripts.
/// </summary>
internal static class CommandRecognizer
{
    /// <summary>Servers by command name, with the PyPI package that provides the command.</summary>
    private static readonly Dictionary<string, (string Server, string Package)> ServerCommands = new(StringComparer.Ordinal)
    {
        ["gunicorn"] = ("gunicorn", "gunicorn"),
        ["uvicorn"] = ("uvicorn", "uvicorn"),
        ["uwsgi"] = ("uwsgi", "uwsgi"),
        ["hypercorn"] = ("hypercorn", "hypercorn"),
        ["daphne"] = ("daphne", "daphne"),
        ["waitress-serve"] = ("waitress", "waitress"),
        ["granian"] = ("granian", "granian"),
    };

    /// <summary>Servers by <c>python -m</c> module.</summary>
    private static readonly Dictionary<string, (string Server, string Package)> ServerModules = new(StringComparer.Ordinal)
    {
        ["gunicorn"] = ("gunicorn", "gunicorn"),
        ["uvicorn"] = ("uvicorn", "uvicorn"),
        ["hypercorn"] = ("hypercorn", "hypercorn"),
        ["daphne"] = ("daphne", "daphne"),
        ["waitress"] = ("waitress", "waitress"),
        ["granian"] = ("granian", "granian"),
        ["pyuwsgi"] = ("uwsgi", "pyuwsgi"),
    };

    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "dash", "ash", "zsh", "ksh" };

    public static RecognizedCommand? Recognize(IReadOnlyList<string> input, WorkspaceFile file, int line, DeployCommandOrigin origin)
    {
        var words = CommandUnwrapper.Unwrap(input);
        if (words.Count == 0)
        {
            return null;
        }
        string program = CommandUnwrapper.BaseName(words[0]);
        if (program == "cd")
        {
            return new RecognizedCommand { ChangeDirectory = words.Count > 1 ? words[1] : "~" };
        }
        if (Shells.Contains(program))
        {
            for (int i = 1; i < words.Count; i++)
            {
                string w = words[i];
                if (w.Length > 1 && w[0] == '-' && w[1] != '-' && w.IndexOf('c') > 0 && i + 1 < words.Count)
                {
                    return new RecognizedCommand { NestedScript = words[i + 1] };
                }
                if (!w.StartsWith("-", StringComparison.Ordinal) && !w.StartsWith("+", StringComparison.Ordinal))
                {
                    // sh entrypoint.sh: the shell runs that file (seen in real Dockerfiles, e.g.
                    // CMD ["/bin/bash", "docker-entrypoint.sh"], ENTRYPOINT ["sh", "entrypoint.sh"]).
                    return IsScriptPath(w, any: true)
                        ? new RecognizedCommand { ScriptFile = w, ScriptRunByShell = true, ScriptArguments = words.Skip(i + 1).ToList() }
                        : null;
                }
            }
            return null;
        }
        if (IsScriptPath(words[0], any: false))
        {
            return new RecognizedCommand { ScriptFile = words[0], ScriptArguments = words.Skip(1).ToList() };
        }
        string text = string.Join(" ", words);
        // python -m X / python script.py
        if (CommandUnwrapper.IsPython(program))
        {
            int k = 1;
            while (k < words.Count && words[k].StartsWith("-", StringComparison.Ordinal) && words[k] != "-m" && words[k] != "-c")
            {
                k += words[k] is "-X" or "-W" ? 2 : 1;
            }
            if (k >= words.Count || words[k] == "-c")
            {
                return null;
            }
            if (words[k] == "-m" && k + 1 < words.Count)
            {
                string module = words[k + 1];
                var rest = words.Skip(k + 2).ToList();
                return RecognizeProgram(module, rest, text, file, line, origin, fromModule: true);
            }
            // python manage.py runserver
            return RecognizeProgram(CommandUnwrapper.BaseName(words[k]), words.Skip(k + 1).ToList(), text, file, line, origin, fromModule: false);
        }
        var recognized = RecognizeProgram(program, words.Skip(1).ToList(), text, file, line, origin, fromModule: false);
        if (recognized == null && words[0].IndexOf('/') >= 0 && words[0].IndexOf('$') < 0)
        {
            // ENTRYPOINT ["/entrypoint"], command: /start (cookiecutter-django): a path that may be a script without
            // an extension; the caller reads it only when it is a workspace file with a shell #! line.
            return new RecognizedCommand { ScriptFile = words[0], ScriptArguments = words.Skip(1).ToList() };
        }
        return recognized;
    }

    private static RecognizedCommand? RecognizeProgram(string program, List<string> args, string text, WorkspaceFile file, int line,
        DeployCommandOrigin origin, bool fromModule)
    {
        if (CommandUnwrapper.IsPip(program))
        {
            return args.Count > 0 ? PipArguments.Pip("pip", args[0], args.Skip(1).ToList(), text, file, line, origin) : null;
        }
        if (program == "uv" && args.Count > 0)
        {
            if (args[0] == "pip" && args.Count > 1)
            {
                return PipArguments.Pip("uv pip", args[1], args.Skip(2).ToList(), text, file, line, origin);
            }
            if (args[0] == "sync")
            {
                var cmd = new InstallCommand(file, line, origin, text, "uv", "sync");
                cmd.Files.Add(new InstallFileReference("uv.lock", InstallFileRole.Lock));
                PipArguments.GroupsAndFlags(cmd, args.Skip(1));
                return new RecognizedCommand { Install = cmd };
            }
            return null;
        }
        if (program == "pipenv" && args.Count > 0 && (args[0] == "install" || args[0] == "sync"))
        {
            var cmd = new InstallCommand(file, line, origin, text, "pipenv", args[0]);
            cmd.Files.Add(new InstallFileReference("Pipfile.lock", InstallFileRole.Lock));
            foreach (var a in args.Skip(1))
            {
                if (a is "--deploy" or "--ignore-pipfile")
                {
                    cmd.LockEnforced = true;
                }
                else if (a is "--dev" or "-d" or "--categories")
                {
                    cmd.GroupOptions.Add(a);
                }
                else if (!a.StartsWith("-", StringComparison.Ordinal))
                {
                    PipArguments.AddPackage(cmd, a);
                }
            }
            if (args[0] == "sync")
            {
                cmd.LockEnforced = true;
            }
            return new RecognizedCommand { Install = cmd };
        }
        if (program == "poetry" && args.Count > 0 && (args[0] == "install" || args[0] == "sync" || args[0] == "export"))
        {
            var cmd = new InstallCommand(file, line, origin, text, "poetry", args[0]);
            cmd.Files.Add(new InstallFileReference("poetry.lock", InstallFileRole.Lock));
            cmd.LockEnforced = args[0] == "sync";
            PipArguments.GroupsAndFlags(cmd, args.Skip(1));
            return new RecognizedCommand { Install = cmd };
        }
        if (program == "pip-sync")
        {
            var cmd = new InstallCommand(file, line, origin, text, "pip-sync", "sync");
            bool any = false;
            for (int i = 0; i < args.Count; i++)
            {
                if (args[i].StartsWith("-", StringComparison.Ordinal))
                {
                    if (PipArguments.PipValueOptions.Contains(args[i]) && args[i].IndexOf('=') < 0)
                    {
                        i++;
                    }
                    continue;
                }
                cmd.Files.Add(new InstallFileReference(args[i], InstallFileRole.Requirements));
                any = true;
            }
            if (!any)
            {
                cmd.Files.Add(new InstallFileReference("requirements.txt", InstallFileRole.Requirements));
            }
            return new RecognizedCommand { Install = cmd };
        }

        // Servers.
        if ((fromModule ? ServerModules : ServerCommands).TryGetValue(program, out var server))
        {
            return new RecognizedCommand { Server = new ServerCommand(file, line, origin, text, server.Server, server.Package, false, args) };
        }
        if (!fromModule && program == "pyuwsgi")
        {
            return new RecognizedCommand { Server = new ServerCommand(file, line, origin, text, "uwsgi", "pyuwsgi", false, args) };
        }
        if ((program == "manage.py" || program == "django-admin" || (fromModule && program == "django")) && args.Count > 0 &&
            (args[0] == "runserver" || args[0] == "runserver_plus"))
        {
            return new RecognizedCommand { Server = new ServerCommand(file, line, origin, text, "runserver", null, true, args.Skip(1).ToList()) };
        }
        if (program == "flask" && args.Count > 0 && FlaskSubcommandIsRun(args))
        {
            return new RecognizedCommand { Server = new ServerCommand(file, line, origin, text, "flask run", null, true, args) };
        }
        if (program == "fastapi" && args.Count > 0 && args[0] == "dev")
        {
            return new RecognizedCommand { Server = new ServerCommand(file, line, origin, text, "fastapi dev", null, true, args.Skip(1).ToList()) };
        }
        return null;
    }

    private static bool FlaskSubcommandIsRun(List<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] is "--app" or "-A" or "--env-file" or "-e")
            {
                i++;
                continue;
            }
            if (args[i].StartsWith("-", StringComparison.Ordinal))
            {
                continue;
            }
            return args[i] == "run";
        }
        return false;
    }

    /// <summary>A word naming a script file: <c>*.sh</c>/<c>*.bash</c>, or after a shell any word without
    /// variables (whether it is a workspace file is decided by the caller).</summary>
    private static bool IsScriptPath(string word, bool any)
    {
        if (word.Length == 0 || word.IndexOf('$') >= 0 || word.IndexOf('=') >= 0)
        {
            return false;
        }
        return any || word.EndsWith(".sh", StringComparison.Ordinal) || word.EndsWith(".bash", StringComparison.Ordinal);
    }
}
