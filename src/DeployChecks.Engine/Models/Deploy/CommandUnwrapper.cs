using System;
using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Dependencies.Requirements;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Deploy;

/// <summary>Drops the prefixes that run the real command — <c>exec</c>, <c>env A=B</c>, <c>VAR=x</c>, <c>sudo</c>,
/// <c>tini --</c>, <c>dumb-init</c>, <c>gosu user</c>, <c>ddtrace-run</c>, <c>opentelemetry-instrument</c>,
/// <c>wait-for-it … --</c>, <c>newrelic-admin run-program</c>, <c>poetry/pipenv/pdm/hatch/uv/doppler run</c> — and names
/// programs (<see cref="BaseName"/>, pip and python spellings). One pass over the words.</summary>
internal static class CommandUnwrapper
{
    /// <summary>The words after the wrapper prefixes (at most 16 prefixes are dropped).</summary>
    internal static List<string> Unwrap(IReadOnlyList<string> input)
    {
        int i = 0;
        int n = input.Count;
        for (int guard = 0; guard < 16 && i < n; guard++)
        {
            string w = input[i];
            string b = BaseName(w);
            if (IsAssignment(w))
            {
                i++;
                continue;
            }
            switch (b)
            {
                case "exec":
                case "command":
                case "nohup":
                case "time":
                case "start-nginx":
                case "start-nginx-debug":
                case "start-nginx-solo":
                    // heroku-buildpack-nginx: `bin/start-nginx gunicorn -c gunicorn.conf app.wsgi` (python/pythondotorg Procfile)
                    i++;
                    continue;
                case "env":
                    i++;
                    while (i < n && (IsAssignment(input[i]) || input[i].StartsWith("-", StringComparison.Ordinal)))
                    {
                        bool takesValue = input[i] is "-u" or "--unset" or "-C" or "--chdir" or "-S";
                        i += takesValue && i + 1 < n ? 2 : 1;
                    }
                    continue;
                case "sudo":
                    i++;
                    while (i < n && input[i].StartsWith("-", StringComparison.Ordinal))
                    {
                        bool takesValue = input[i] is "-u" or "-g" or "-C" or "-D";
                        i += takesValue && i + 1 < n ? 2 : 1;
                    }
                    continue;
                case "tini":
                case "dumb-init":
                case "catatonit":
                    i++;
                    while (i < n && input[i].StartsWith("-", StringComparison.Ordinal))
                    {
                        bool end = input[i] == "--";
                        i++;
                        if (end)
                        {
                            break;
                        }
                    }
                    continue;
                case "gosu":
                case "su-exec":
                    i = Math.Min(n, i + 2);
                    continue;
                case "ddtrace-run":
                case "opentelemetry-instrument":
                    i++;
                    while (i < n && input[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        bool hasValue = input[i].IndexOf('=') < 0;
                        i++;
                        if (hasValue && i < n && !input[i].StartsWith("-", StringComparison.Ordinal) && b == "opentelemetry-instrument")
                        {
                            i++;
                        }
                    }
                    continue;
                case "wait-for-it":
                case "wait-for-it.sh":
                case "wait-for":
                case "wait-for.sh":
                {
                    // ./wait-for-it.sh db:5432 -- gunicorn app:app runs the command after `--` once the port is up.
                    int dashes = IndexOf(input, "--", i);
                    if (dashes < 0)
                    {
                        return Rest(input, i);
                    }
                    i = dashes + 1;
                    continue;
                }
                case "newrelic-admin":
                    if (i + 1 < n && input[i + 1] == "run-program")
                    {
                        i += 2;
                        continue;
                    }
                    return Rest(input, i);
                case "poetry":
                case "pipenv":
                case "pdm":
                case "hatch":
                case "uv":
                case "doppler":
                    if (i + 1 < n && input[i + 1] == "run")
                    {
                        i += 2;
                        while (i < n && input[i].StartsWith("-", StringComparison.Ordinal))
                        {
                            bool end = input[i] == "--";
                            bool takesValue = input[i] is "--with" or "--python" or "-p" or "--project" or "--directory" or "--env-file"
                                or "--group" or "--extra" or "--package" or "-e" or "--environment";
                            i++;
                            if (end)
                            {
                                break;
                            }
                            if (takesValue && i < n)
                            {
                                i++;
                            }
                        }
                        continue;
                    }
                    return Rest(input, i);
            }
            return Rest(input, i);
        }
        return Rest(input, i);
    }

    private static List<string> Rest(IReadOnlyList<string> input, int from)
    {
        var list = new List<string>(Math.Max(0, input.Count - from));
        for (int k = from; k < input.Count; k++)
        {
            list.Add(input[k]);
        }
        return list;
    }

    private static int IndexOf(IReadOnlyList<string> words, string word, int from)
    {
        for (int k = from; k < words.Count; k++)
        {
            if (words[k] == word)
            {
                return k;
            }
        }
        return -1;
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
    internal static bool IsPip(string program) => program == "pip" || (program.StartsWith("pip", StringComparison.Ordinal) && program.Length > 3 && IsVersionSuffix(program, 3));

    /// <summary>python, python3, python3.12, py, pypy3.</summary>
    internal static bool IsPython(string program) =>
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
