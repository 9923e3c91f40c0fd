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
/// (<c>exec</c>, <c>env A=B</c>, <c>VAR=x</c>, <c>tini --</c>, <c>gosu user</c>, <c>ddtrace-run</c>,
/// <c>poetry run</c>, <c>uv run</c>, …) and <c>python -m</c>. pip's options follow <c>pip install --help</c>
/// (pip 24/25): options that take a value are listed so their value is never read as a package.
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

    /// <summary>pip options that take a value (install, wheel, download; general options included).</summary>
    private static readonly HashSet<string> PipValueOptions = new(StringComparer.Ordinal)
    {
        "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root",
        "--trusted-host", "--platform", "--python-version", "--implementation", "--abi", "--only-binary", "--no-binary",
        "--progress-bar", "--cache-dir", "--src", "--upgrade-strategy", "--log", "--log-file", "--timeout", "--retries",
        "--proxy", "--cert", "--client-cert", "-C", "--config-settings", "--global-option", "--build-option",
        "--install-option", "--report", "--root-user-action", "--python", "--exists-action", "--keyring-provider",
        "--use-feature", "--use-deprecated", "-w", "--wheel-dir", "-d", "--dest", "--group", "--resume-retries",
        // uv pip
        "-p", "--index", "--default-index", "--index-strategy", "--resolution", "--prerelease", "--extra", "-o",
        "--output-file", "--python-platform", "--exclude-newer", "--link-mode", "--refresh-package", "--reinstall-package",
        "--upgrade-package", "-P", "--override", "--overrides", "--build-constraint", "--build-constraints", "-b",
    };

    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "dash", "ash", "zsh", "ksh" };

    public static RecognizedCommand? Recognize(IReadOnlyList<string> input, WorkspaceFile file, int line, DeployCommandOrigin origin)
    {
        var words = Unwrap(input);
        if (words.Count == 0)
        {
            return null;
        }
        string program = BaseName(words[0]);
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
        if (IsPython(program))
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
            return RecognizeProgram(BaseName(words[k]), words.Skip(k + 1).ToList(), text, file, line, origin, fromModule: false);
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
        if (IsPip(program))
        {
            return args.Count > 0 ? Pip("pip", args[0], args.Skip(1).ToList(), text, file, line, origin) : null;
        }
        if (program == "uv" && args.Count > 0)
        {
            if (args[0] == "pip" && args.Count > 1)
            {
                return Pip("uv pip", args[1], args.Skip(2).ToList(), text, file, line, origin);
            }
            if (args[0] == "sync")
            {
                var cmd = new InstallCommand(file, line, origin, text, "uv", "sync");
                cmd.Files.Add(new InstallFileReference("uv.lock", InstallFileRole.Lock));
                GroupsAndFlags(cmd, args.Skip(1));
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
                    AddPackage(cmd, a);
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
            GroupsAndFlags(cmd, args.Skip(1));
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
                    if (PipValueOptions.Contains(args[i]) && args[i].IndexOf('=') < 0)
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

    private static void GroupsAndFlags(InstallCommand cmd, IEnumerable<string> args)
    {
        var list = args.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            string a = list[i];
            switch (a)
            {
                case "--locked":
                case "--frozen":
                case "--sync":
                    cmd.LockEnforced = true;
                    break;
                case "--without-hashes":
                    cmd.WithoutHashes = true;
                    break;
                case "--no-dev":
                case "--only-dev":
                case "--all-groups":
                    cmd.GroupOptions.Add(a);
                    break;
                case "--only":
                case "--without":
                case "--with":
                case "--group":
                case "--no-group":
                case "--extra":
                    if (i + 1 < list.Count)
                    {
                        cmd.GroupOptions.Add(a + " " + list[++i]);
                    }
                    break;
                default:
                    if (a.StartsWith("--only=", StringComparison.Ordinal) || a.StartsWith("--without=", StringComparison.Ordinal) ||
                        a.StartsWith("--with=", StringComparison.Ordinal) || a.StartsWith("--group=", StringComparison.Ordinal) ||
                        a.StartsWith("--no-group=", StringComparison.Ordinal))
                    {
                        cmd.GroupOptions.Add(a.Replace('=', ' '));
                    }
                    break;
            }
        }
    }

    private static RecognizedCommand? Pip(string tool, string action, List<string> args, string text, WorkspaceFile file, int line, DeployCommandOrigin origin)
    {
        if (action != "install" && action != "wheel" && action != "download" && action != "sync")
        {
            return null;
        }
        var cmd = new InstallCommand(file, line, origin, text, tool, action);
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a == "--")
            {
                for (int j = i + 1; j < args.Count; j++)
                {
                    Positional(cmd, args[j], tool, action);
                }
                break;
            }
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                int eq = a.IndexOf('=');
                string name = eq > 0 ? a.Substring(0, eq) : a;
                string? value = eq > 0 ? a.Substring(eq + 1) : null;
                switch (name)
                {
                    case "--requirement":
                    case "--constraint":
                    case "--editable":
                        value ??= i + 1 < args.Count ? args[++i] : null;
                        if (value != null)
                        {
                            if (name == "--editable")
                            {
                                cmd.OtherTargets.Add(value);
                            }
                            else
                            {
                                cmd.Files.Add(new InstallFileReference(value, name == "--requirement" ? InstallFileRole.Requirements : InstallFileRole.Constraints));
                            }
                        }
                        continue;
                    case "--index-url":
                    case "--extra-index-url":
                    case "--trusted-host":
                    case "--find-links":
                        value ??= i + 1 < args.Count ? args[++i] : null;
                        if (value != null)
                        {
                            cmd.IndexOptions.Add(new IndexSetting(cmd.File, cmd.Line, name, value));
                        }
                        continue;
                    case "--require-hashes":
                        cmd.RequireHashes = true;
                        continue;
                    case "--no-deps":
                        cmd.NoDeps = true;
                        continue;
                }
                if (value == null && PipValueOptions.Contains(name) && i + 1 < args.Count)
                {
                    i++;
                }
                continue;
            }
            if (a.Length > 1 && a[0] == '-')
            {
                // Short options, possibly bundled (-qU) or with the value attached (-rreq.txt).
                for (int k = 1; k < a.Length; k++)
                {
                    char o = a[k];
                    if (o is 'r' or 'c' or 'e')
                    {
                        string? value = k + 1 < a.Length ? a.Substring(k + 1) : (i + 1 < args.Count ? args[++i] : null);
                        if (value != null)
                        {
                            if (o == 'e')
                            {
                                cmd.OtherTargets.Add(value);
                            }
                            else
                            {
                                cmd.Files.Add(new InstallFileReference(value, o == 'r' ? InstallFileRole.Requirements : InstallFileRole.Constraints));
                            }
                        }
                        break;
                    }
                    if (o is 'i' or 'f')
                    {
                        string? value = k + 1 < a.Length ? a.Substring(k + 1) : (i + 1 < args.Count ? args[++i] : null);
                        if (value != null)
                        {
                            cmd.IndexOptions.Add(new IndexSetting(cmd.File, cmd.Line, o == 'i' ? "--index-url" : "--find-links", value));
                        }
                        break;
                    }
                    if (PipValueOptions.Contains("-" + o))
                    {
                        if (k + 1 == a.Length && i + 1 < args.Count)
                        {
                            i++;
                        }
                        break;
                    }
                }
                continue;
            }
            Positional(cmd, a, tool, action);
        }
        if (cmd.Files.Count == 0 && cmd.Packages.Count == 0 && cmd.OtherTargets.Count == 0 && cmd.Unreadable.Count == 0)
        {
            return null; // pip install --upgrade (nothing), pip install with only options
        }
        return new RecognizedCommand { Install = cmd };
    }

    private static void Positional(InstallCommand cmd, string a, string tool, string action)
    {
        if (tool == "uv pip" && action == "sync")
        {
            cmd.Files.Add(new InstallFileReference(a, InstallFileRole.Requirements));
            return;
        }
        AddPackage(cmd, a);
    }

    private static void AddPackage(InstallCommand cmd, string a)
    {
        if (a.Length == 0)
        {
            return;
        }
        if (a.IndexOf('$') > 0 && a.IndexOf('*') < 0 && a.IndexOf('/') < 0)
        {
            // gunicorn==${GUNICORN_VERSION}: the name is known, the version is not.
            int cut = a.IndexOfAny(new[] { '=', '<', '>', '!', '~', '[', ';', '@', ' ', '$' });
            if (cut > 0 && Pep508Requirement.TryParse(a.Substring(0, cut), out var named, out _) && named != null)
            {
                cmd.Packages.Add(new InstalledPackage(a, named) { VersionFromVariable = true });
                return;
            }
        }
        if (a.IndexOf('$') >= 0 || a.IndexOf('*') >= 0 || a.IndexOf('`') >= 0 || DirectReference.LooksLikeUrlOrPath(a) ||
            a.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) || a.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) ||
            a.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            cmd.OtherTargets.Add(a);
            return;
        }
        if (Pep508Requirement.TryParse(a, out var req, out _) && req != null)
        {
            if (req.Url != null)
            {
                cmd.OtherTargets.Add(a);
            }
            else
            {
                cmd.Packages.Add(new InstalledPackage(a, req));
            }
            return;
        }
        cmd.Unreadable.Add(a);
    }

    /// <summary>Drops prefixes that run the real command: <c>exec</c>, <c>env</c>, assignments, init and privilege
    /// wrappers, tracers, task runners.</summary>
    internal static List<string> Unwrap(IReadOnlyList<string> input)
    {
        var words = new List<string>(input);
        for (int guard = 0; guard < 16 && words.Count > 0; guard++)
        {
            string w = words[0];
            string b = BaseName(w);
            if (IsAssignment(w))
            {
                words.RemoveAt(0);
                continue;
            }
            switch (b)
            {
                case "exec":
                case "command":
                case "nohup":
                case "time":
                    words.RemoveAt(0);
                    continue;
                case "env":
                    words.RemoveAt(0);
                    while (words.Count > 0 && (IsAssignment(words[0]) || words[0].StartsWith("-", StringComparison.Ordinal)))
                    {
                        bool takesValue = words[0] is "-u" or "--unset" or "-C" or "--chdir" or "-S";
                        words.RemoveAt(0);
                        if (takesValue && words.Count > 0)
                        {
                            words.RemoveAt(0);
                        }
                    }
                    continue;
                case "sudo":
                    words.RemoveAt(0);
                    while (words.Count > 0 && words[0].StartsWith("-", StringComparison.Ordinal))
                    {
                        bool takesValue = words[0] is "-u" or "-g" or "-C" or "-D";
                        words.RemoveAt(0);
                        if (takesValue && words.Count > 0)
                        {
                            words.RemoveAt(0);
                        }
                    }
                    continue;
                case "tini":
                case "dumb-init":
                case "catatonit":
                    words.RemoveAt(0);
                    while (words.Count > 0 && words[0].StartsWith("-", StringComparison.Ordinal))
                    {
                        bool end = words[0] == "--";
                        words.RemoveAt(0);
                        if (end)
                        {
                            break;
                        }
                    }
                    continue;
                case "gosu":
                case "su-exec":
                    words.RemoveRange(0, Math.Min(2, words.Count));
                    continue;
                case "ddtrace-run":
                case "opentelemetry-instrument":
                    words.RemoveAt(0);
                    while (words.Count > 0 && words[0].StartsWith("--", StringComparison.Ordinal))
                    {
                        bool hasValue = words[0].IndexOf('=') < 0;
                        words.RemoveAt(0);
                        if (hasValue && words.Count > 0 && !words[0].StartsWith("-", StringComparison.Ordinal) && b == "opentelemetry-instrument")
                        {
                            words.RemoveAt(0);
                        }
                    }
                    continue;
                case "start-nginx":
                case "start-nginx-debug":
                case "start-nginx-solo":
                    // heroku-buildpack-nginx: `bin/start-nginx gunicorn -c gunicorn.conf app.wsgi` (python/pythondotorg Procfile)
                    words.RemoveAt(0);
                    continue;
                case "wait-for-it":
                case "wait-for-it.sh":
                case "wait-for":
                case "wait-for.sh":
                {
                    // ./wait-for-it.sh db:5432 -- gunicorn app:app runs the command after `--` once the port is up.
                    int dashes = words.IndexOf("--");
                    if (dashes < 0)
                    {
                        return words;
                    }
                    words.RemoveRange(0, dashes + 1);
                    continue;
                }
                case "newrelic-admin":
                    if (words.Count > 1 && words[1] == "run-program")
                    {
                        words.RemoveRange(0, 2);
                        continue;
                    }
                    return words;
                case "poetry":
                case "pipenv":
                case "pdm":
                case "hatch":
                case "uv":
                case "doppler":
                    if (words.Count > 1 && words[1] == "run")
                    {
                        words.RemoveRange(0, 2);
                        while (words.Count > 0 && words[0].StartsWith("-", StringComparison.Ordinal))
                        {
                            bool end = words[0] == "--";
                            bool takesValue = words[0] is "--with" or "--python" or "-p" or "--project" or "--directory" or "--env-file"
                                or "--group" or "--extra" or "--package" or "-e" or "--environment";
                            words.RemoveAt(0);
                            if (end)
                            {
                                break;
                            }
                            if (takesValue && words.Count > 0)
                            {
                                words.RemoveAt(0);
                            }
                        }
                        continue;
                    }
                    return words;
            }
            return words;
        }
        return words;
    }

    private static bool IsAssignment(string w)
    {
        int eq = w.IndexOf('=');
        if (eq <= 0 || w[0] == '-')
        {
            return false;
        }
        for (int i = 0; i < eq; i++)
        {
            char c = w[i];
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }
        return !char.IsDigit(w[0]);
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

    internal static string BaseName(string word)
    {
        int slash = word.LastIndexOf('/');
        string b = slash >= 0 ? word.Substring(slash + 1) : word;
        if (b.EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
        {
            b = b.Substring(0, b.Length - 4);
        }
        return b;
    }

    /// <summary>pip, pip3, pip3.12.</summary>
    private static bool IsPip(string program) => program == "pip" || (program.StartsWith("pip", StringComparison.Ordinal) && program.Length > 3 && IsVersionSuffix(program, 3));

    /// <summary>python, python3, python3.12, py, pypy3.</summary>
    private static bool IsPython(string program) =>
        program == "py" || (program.StartsWith("python", StringComparison.Ordinal) && IsVersionSuffix(program, 6)) ||
        (program.StartsWith("pypy", StringComparison.Ordinal) && IsVersionSuffix(program, 4));

    private static bool IsVersionSuffix(string s, int start)
    {
        for (int i = start; i < s.Length; i++)
        {
            if (!char.IsDigit(s[i]) && s[i] != '.')
            {
                return false;
            }
        }
        return true;
    }
}
