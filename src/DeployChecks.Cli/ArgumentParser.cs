using System;
using System.Collections.Generic;
using System.Linq;

namespace DeployChecks.Cli;

/// <summary>Parses <c>deploychecks &lt;command&gt; [arguments] [--option value]…</c>. Options take <c>--name value</c> or
/// <c>--name=value</c>; list options repeat or take comma-separated values. Each command accepts only its own options:
/// <c>check --timeout 5</c> is a usage error that names the command the option belongs to.</summary>
internal static class ArgumentParser
{
    private const string Check = "check";
    private const string Rules = "rules";
    private const string Explain = "explain";
    private const string UpdateDb = "update-vuln-db";
    private const string Merge = "merge";
    private const string ImageScan = "image-scan";

    /// <summary>The commands and how many positional arguments each takes (-1: any number).</summary>
    private static readonly Dictionary<string, int> Commands = new(StringComparer.Ordinal)
    {
        [Check] = 1,
        [Rules] = 0,
        [Explain] = 1,
        [UpdateDb] = 0,
        [ImageScan] = 1,
    };

    private sealed class Spec
    {
        public Spec(string[] names, bool takesValue, string[] commands, Action<CliOptions, string> apply)
        {
            Names = names;
            TakesValue = takesValue;
            OfCommands = commands;
            Apply = apply;
        }

        public string[] Names { get; }
        public bool TakesValue { get; }
        public string[] OfCommands { get; }
        public Action<CliOptions, string> Apply { get; }
    }

    private static readonly Spec[] Specs =
    {
        new(new[] { "-f", "--format" }, true, new[] { Check, Merge, ImageScan }, (o, v) => o.Format = v),
        new(new[] { "-o", "--output" }, true, new[] { Check, UpdateDb, Merge }, (o, v) => o.Output = v),
        new(new[] { "--report" }, true, new[] { Check }, (o, v) => o.Reports.Add(v)),
        new(new[] { "--fail-on" }, true, new[] { Check, Merge, ImageScan }, (o, v) => o.FailOn = v),
        new(new[] { "--ignore-errors" }, false, new[] { Check, Merge }, (o, _) => o.IgnoreErrors = true),
        new(new[] { "--allow-empty" }, false, new[] { Check }, (o, _) => o.AllowEmpty = true),
        new(new[] { "-a", "--area" }, true, new[] { Check, Rules }, (o, v) => AddList(o.Areas, v)),
        new(new[] { "-r", "--rule" }, true, new[] { Check }, (o, v) => AddList(o.Rules, v)),
        new(new[] { "--exclude-rule" }, true, new[] { Check }, (o, v) => AddList(o.ExcludeRules, v)),
        new(new[] { "--exclude-path" }, true, new[] { Check }, (o, v) => AddList(o.ExcludePaths, v)),
        new(new[] { "--options", "--option-path" }, true, new[] { Check }, (o, v) => o.OptionPath = v),
        new(new[] { "--baseline" }, true, new[] { Check }, (o, v) => o.Baseline = v),
        new(new[] { "--vuln-db" }, true, new[] { Check, ImageScan }, (o, v) => o.VulnerabilityDatabase = v),
        new(new[] { "--require-vuln-db" }, false, new[] { Check }, (o, _) => o.RequireVulnerabilityDatabase = true),
        new(new[] { "--ascii" }, false, new[] { Check }, (o, _) => o.Ascii = true),
        new(new[] { "--color" }, true, new[] { Check }, (o, v) => o.Color = v),
        new(new[] { "--no-color" }, false, new[] { Check }, (o, _) => o.Color = "never"),
        new(new[] { "--uri" }, true, new[] { UpdateDb }, (o, v) => o.Uri = v),
        new(new[] { "--timeout" }, true, new[] { UpdateDb }, (o, v) => o.Timeout = v),
        new(new[] { "--force" }, false, new[] { UpdateDb }, (o, _) => o.Force = true),
        new(new[] { "--platform" }, true, new[] { ImageScan }, (o, v) => o.Platform = v),
        new(new[] { "--reference" }, true, new[] { ImageScan }, (o, v) => o.Reference = v),
        new(new[] { "--as-of" }, true, new[] { ImageScan }, (o, v) => o.AsOf = v),
        new(new[] { "--no-secret-scan" }, false, new[] { ImageScan }, (o, _) => o.NoSecretScan = true),
        new(new[] { "-v", "--verbose" }, false, new[] { Check, UpdateDb, Merge, ImageScan }, (o, _) => o.Verbose = true),
        new(new[] { "-q", "--quiet" }, false, new[] { Check, UpdateDb, Merge, ImageScan }, (o, _) => o.Quiet = true),
    };

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
        if (o.Command is "help" or "version")
        {
            return o;
        }
        if (!Commands.TryGetValue(o.Command, out int positionals))
        {
            throw new UsageException($"unknown command '{o.Command}' ({string.Join(", ", Commands.Keys)})");
        }
        for (int i = 1; i < args.Count; i++)
        {
            string a = args[i];
            if (!a.StartsWith("-", StringComparison.Ordinal) || a == "-")
            {
                if (positionals >= 0 && o.Paths.Count >= positionals)
                {
                    throw new UsageException(positionals == 0
                        ? $"'{o.Command}' takes no path or argument (got '{a}')"
                        : $"unexpected argument '{a}' ('{o.Command}' takes one)");
                }
                o.Paths.Add(a);
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
            if (name is "-h" or "--help")
            {
                o.Command = "help";
                return o;
            }
            var spec = Specs.FirstOrDefault(s => s.Names.Contains(name, StringComparer.Ordinal))
                ?? throw new UsageException($"unknown option '{name}'");
            if (!spec.OfCommands.Contains(o.Command, StringComparer.Ordinal))
            {
                throw new UsageException($"'{name}' is an option of '{string.Join("' and '", spec.OfCommands)}', not of '{o.Command}'");
            }
            string value = "";
            if (spec.TakesValue)
            {
                if (inline != null)
                {
                    value = inline;
                }
                else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    value = args[++i];
                }
                else
                {
                    throw new UsageException($"{name} needs a value");
                }
            }
            else if (inline != null)
            {
                throw new UsageException($"{name} takes no value");
            }
            spec.Apply(o, value);
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
