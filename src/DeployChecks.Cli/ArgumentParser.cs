using System;
using System.Collections.Generic;

namespace DeployChecks.Cli;

/// <summary>Parses <c>deploychecks &lt;command&gt; [path] [--option value]…</c>. Options take
/// <c>--name value</c> or <c>--name=value</c>; list options repeat or take comma-separated values.</summary>
internal static class ArgumentParser
{
    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        var o = new CliOptions();
        if (args.Count == 0)
        {
            o.Command = "help";
            return o;
        }
        o.Command = args[0] switch
        {
            "-h" or "--help" or "help" => "help",
            "-V" or "--version" or "version" => "version",
            _ => args[0],
        };
        bool pathSeen = false;
        for (int i = 1; i < args.Count; i++)
        {
            string a = args[i];
            if (!a.StartsWith("-", StringComparison.Ordinal) || a == "-")
            {
                if (pathSeen)
                {
                    throw new UsageException($"unexpected argument '{a}' (only one path may be given)");
                }
                o.Path = a;
                o.PathGiven = true;
                pathSeen = true;
                continue;
            }
            string name = a;
            string? inline = null;
            int eq = a.IndexOf('=');
            if (eq > 0)
            {
                name = a.Substring(0, eq);
                inline = a.Substring(eq + 1);
            }
            string Value()
            {
                if (inline != null)
                {
                    return inline;
                }
                if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal)))
                {
                    throw new UsageException($"{name} needs a value");
                }
                return args[++i];
            }
            switch (name)
            {
                case "-f": case "--format": o.Format = Value(); break;
                case "-o": case "--output": o.Output = Value(); break;
                case "--fail-on": o.FailOn = Value(); break;
                case "-a": case "--area": AddList(o.Areas, Value()); break;
                case "-r": case "--rule": AddList(o.Rules, Value()); break;
                case "--exclude-rule": AddList(o.ExcludeRules, Value()); break;
                case "--exclude-path": AddList(o.ExcludePaths, Value()); break;
                case "--options": case "--option-path": o.OptionPath = Value(); break;
                case "--baseline": o.Baseline = Value(); break;
                case "--vuln-db": o.VulnerabilityDatabase = Value(); break;
                case "--uri": o.Uri = Value(); break;
                case "--timeout": o.Timeout = Value(); break;
                case "--force": o.Force = true; break;
                case "--platform": o.Platform = Value(); break;
                case "--reference": o.Reference = Value(); break;
                case "--as-of": o.AsOf = Value(); break;
                case "--no-secret-scan": o.NoSecretScan = true; break;
                case "-v": case "--verbose": o.Verbose = true; break;
                case "-q": case "--quiet": o.Quiet = true; break;
                case "--ascii": o.Ascii = true; break;
                case "-h": case "--help": o.Command = "help"; break;
                default: throw new UsageException($"unknown option '{name}'");
            }
        }
        return o;
    }

    private static void AddList(List<string> list, string value)
    {
        foreach (var part in value.Split(','))
        {
            if (part.Trim().Length > 0)
            {
                list.Add(part.Trim());
            }
        }
    }
}
