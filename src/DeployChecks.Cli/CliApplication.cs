using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DeployChecks.Engine.Hosting;
using DeployChecks.Engine.Options;
using DeployChecks.Engine.Reporting;
using DeployChecks.Engine.Rules;
using DeployChecks.Engine.Running;
using DeployChecks.Engine.Vulnerabilities;

namespace DeployChecks.Cli;

/// <summary><c>deploychecks</c>: exit 0 when the gate passes (or none is set), 1 when <c>--fail-on</c> trips,
/// 2 for usage errors and fatal problems (bad options, missing target).</summary>
public static class CliApplication
{
    public const int ExitOk = 0;
    public const int ExitGateFailed = 1;
    public const int ExitUsage = 2;

    public const string Usage = """
        Usage:
          deploychecks check [<path>] [options]   run the checklist on a directory (default: .)
          deploychecks rules [--area <area>]      list the rules
          deploychecks explain <rule>             show one rule's rationale and fix
          deploychecks update-vuln-db [options]   download OSV's PyPI advisories for DC2014 (per-user cache)
          deploychecks image-scan <archive> [opt] scan a docker save archive or OCI layout (no daemon)
          deploychecks --version

        Options for check:
          -f, --format <fmt>      text (default), json, sarif, junit, markdown, html, baseline, github
                                  (workflow-command annotations, then the checklist), azure (##vso logissue lines,
                                  then the checklist)
          -o, --output <file>     write the report there (the checklist still goes to stdout); a FIFO or device
                                  such as /dev/stdout is written through, a regular file replaced atomically
              --report <fmt>=<file>  also write this format to this file (repeatable)
              --fail-on <sev>     exit 1 when an active finding is at or above: info, low, medium, high, critical,
                                  or when something could not be checked (an unreadable file, a check that errored)
              --ignore-errors     with --fail-on: errors do not fail the gate, only findings do
              --allow-empty       a target where no rule finds anything to read is not an error (default: exit 2)
          -a, --area <area>       only these areas (repeat or comma-separate): configuration, dependencies,
                                  containers, webserver, database, logging, security, testing, backup
          -r, --rule <sel>        only these rules (ID, name, area or tag:NAME)
              --exclude-rule <s>  drop these rules
              --exclude-path <g>  leave out files matching the glob
              --options <file>    option file (default: <path>/deploychecks.yml)
              --baseline <file>   suppress findings whose fingerprints are in this baseline
              --vuln-db <path>    OSV database for DC2014 (directory or export zip); default:
                                  vulnerabilities.database, DEPLOYCHECKS_VULN_DB, the per-user cache. One that is
                                  named but missing or unreadable is a usage error (exit 2)
              --require-vuln-db   exit 2 when DC2014 would run without any database
              --ascii             plain ASCII glyphs in the text checklist
              --color <when>      auto (default; off when NO_COLOR is set or stdout is not a terminal), always, never
          -v, --verbose           say what was read and skipped (stderr)
          -q, --quiet             no diagnostics on stderr
        Options for image-scan:
              --platform <p>      os/arch[/variant] of a multi-platform image (default linux/amd64)
              --reference <ref>   which image of an archive holding several (app:1.0)
              --vuln-db <path>    OSV database: PyPI and Debian/Ubuntu/Alpine advisories (default: DEPLOYCHECKS_VULN_DB)
          -f, --format <fmt>      text (default) or json (the whole result: layers, packages, findings)
              --fail-on <sev>     exit 1 when a finding is at or above the severity
              --no-secret-scan    do not search layer files for secrets
              --as-of <date>      judge end-of-life dates on this day (yyyy-mm-dd)
        Options for update-vuln-db:
              --uri <url>         export to download (default: DEPLOYCHECKS_VULN_DB_URL, else OSV's PyPI all.zip)
          -o, --output <file>     where to write it (default: the per-user cache that check reads)
              --timeout <sec>     for the whole download (default 300)
              --force             download even when the cached copy is current
        Exit codes: 0 checked (and the --fail-on gate passed), 1 the gate failed, 2 usage error or nothing checked.
        Environment: DEPLOYCHECKS_FAIL_ON, DEPLOYCHECKS_IGNORE_ERRORS, DEPLOYCHECKS_AREAS, DEPLOYCHECKS_RULES_INCLUDE/EXCLUDE,
          DEPLOYCHECKS_PATHS_EXCLUDE, DEPLOYCHECKS_BASELINE, DEPLOYCHECKS_OUTPUT_FORMAT/PATH, DEPLOYCHECKS_OPTION_PATH,
          DEPLOYCHECKS_VULN_DB, NO_COLOR
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, TerminalInfo.None);

    /// <param name="terminal">Whether stdout is a terminal and how wide (colour and layout of the text checklist).</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TerminalInfo terminal)
    {
        var err = new SafeErrorWriter(stderr);
        CliOptions cli;
        try
        {
            cli = ArgumentParser.Parse(args);
        }
        catch (UsageException ex)
        {
            err.WriteLine("deploychecks: " + ex.Message);
            err.WriteLine("Run 'deploychecks --help' for usage.");
            return ExitUsage;
        }
        try
        {
            switch (cli.Command)
            {
                case "help":
                    stdout.WriteLine(Usage);
                    return ExitOk;
                case "version":
                    stdout.WriteLine("deploychecks " + CheckRunner.ToolVersion);
                    return ExitOk;
                case "check":
                    return Check(cli, stdout, err, stderr, terminal);
                case "image-scan":
                    return ImageScanCommand.Run(cli, stdout, stderr);
                case "rules":
                    return ListRules(cli, stdout);
                case "explain":
                    return Explain(cli, stdout, err);
                case "update-vuln-db":
                    return UpdateVulnerabilityDatabase(cli, stdout, err);
                default:
                    throw new UsageException($"unknown command '{cli.Command}'");
            }
        }
        catch (UsageException ex)
        {
            err.WriteLine("deploychecks: " + ex.Message);
            err.WriteLine("Run 'deploychecks --help' for usage.");
            return ExitUsage;
        }
        catch (OptionsException ex)
        {
            err.WriteLine("deploychecks: invalid options: " + ex.Message);
            return ExitUsage;
        }
        catch (OutputPathException ex)
        {
            err.WriteLine("deploychecks: " + ex.Message);
            return ExitUsage;
        }
        catch (DirectoryNotFoundException ex)
        {
            err.WriteLine("deploychecks: " + ex.Message);
            return ExitUsage;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            err.WriteLine("deploychecks: " + ex.Message);
            return ExitUsage;
        }
    }

    /// <param name="stderr">Diagnostics (escaped).</param>
    /// <param name="rawStderr">The stream itself, for a report written to /dev/stderr.</param>
    private static int Check(CliOptions cli, TextWriter stdout, TextWriter stderr, TextWriter rawStderr, TerminalInfo terminal)
    {
        var text = TextOptions(cli, terminal);
        string path = cli.PathOr(".");
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException(File.Exists(path)
                ? $"{path} is a file; give the application's directory"
                : $"target directory not found: {path}");
        }
        var overrides = new OptionOverrides
        {
            Names = FrontEndNames.Cli,
            RulesInclude = cli.Rules,
            RulesExclude = cli.ExcludeRules,
            PathsExclude = cli.ExcludePaths,
            Areas = cli.Areas.Select(a => OptionsLoader.ParseArea(a, "--area", 0)).ToList(),
            FailOn = cli.FailOn == null ? null : OptionsLoader.ParseSeverity(cli.FailOn, "--fail-on", 0),
            IgnoreErrors = cli.IgnoreErrors ? true : null,
            RequireVulnerabilityDatabase = cli.RequireVulnerabilityDatabase ? true : null,
            BaselinePath = cli.Baseline,
            VulnerabilityDatabase = cli.VulnerabilityDatabase,
            OutputFormat = cli.Format,
            OutputPath = cli.Output,
        };
        var request = new CheckRequest(path) { OptionPath = cli.OptionPath, Overrides = overrides };
        var options = CheckRunner.ResolveOptions(request);
        request.Options = options;
        var format = ParseFormat(options.OutputFormat, "--format");
        // Every output is checked before the run, so a bad path costs nothing and never comes after the work.
        OutputTarget? main = options.OutputPath == null ? null
            : OutputFile.Resolve(options.OutputPath, cli.Output != null ? "--output" : "output.path");
        var extra = cli.Reports.Select(r => ParseReport(r)).ToList();
        var host = new ConsoleHost(stderr, cli.Verbose, cli.Quiet);
        var report = CheckRunner.Run(request, host);

        if (report.NothingToCheck && !cli.AllowEmpty)
        {
            stderr.WriteLine($"deploychecks: nothing to check in {report.Target}: none of the {report.Checks.Count} selected checks " +
                "found a file it reads (Python code, dependency files, env files, Dockerfiles, CI workflows, ...). " +
                "Is this the application's directory? --allow-empty accepts an empty result.");
            return ExitUsage;
        }

        bool checklistToStdout = !cli.Quiet || main == null;
        if (main != null)
        {
            ReportWriters.WriteFile(report, format, main, stdout, rawStderr);
            if (main.IsStandardOutput)
            {
                checklistToStdout = false;
            }
            else if (!cli.Quiet)
            {
                stderr.WriteLine($"Wrote {ReportWriters.FormatName(format)} report to {main.Path}");
            }
        }
        foreach (var (extraFormat, target) in extra)
        {
            ReportWriters.WriteFile(report, extraFormat, target, stdout, rawStderr);
            if (target.IsStandardOutput)
            {
                checklistToStdout = false;
            }
            else if (!cli.Quiet)
            {
                stderr.WriteLine($"Wrote {ReportWriters.FormatName(extraFormat)} report to {target.Path}");
            }
        }
        if (main == null && format != ReportFormat.Text)
        {
            ReportWriters.Write(report, format, stdout);
        }
        else if (checklistToStdout)
        {
            stdout.Write(report.ToChecklistText(text));
        }
        if (report.FailOnTripped && !cli.Quiet)
        {
            stderr.WriteLine("deploychecks: " + GateMessage(report));
        }
        return report.FailOnTripped ? ExitGateFailed : ExitOk;
    }

    /// <summary>Layout of the text checklist: 80 columns (fewer on a narrower terminal); colour with --color always, or
    /// auto on a terminal when NO_COLOR is unset or empty and TERM is not dumb (https://no-color.org).</summary>
    private static ChecklistTextOptions TextOptions(CliOptions cli, TerminalInfo terminal)
    {
        bool color = (cli.Color ?? "auto").ToLowerInvariant() switch
        {
            "always" => true,
            "never" => false,
            "auto" => terminal.IsTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) &&
                      Environment.GetEnvironmentVariable("TERM") != "dumb",
            _ => throw new UsageException($"--color takes auto, always or never, not '{cli.Color}'"),
        };
        int width = terminal.Width > 0 ? Math.Max(60, Math.Min(80, terminal.Width - 1)) : 80;
        return new ChecklistTextOptions { Unicode = !cli.Ascii, Color = color, Width = width };
    }

    /// <summary>Why the gate failed, in CLI terms.</summary>
    private static string GateMessage(ChecklistReport report)
    {
        var threshold = report.FailOn!.Value;
        int findings = report.CountAtOrAbove(threshold);
        var parts = new List<string>();
        if (findings > 0)
        {
            parts.Add($"{findings} finding(s) at or above {ReportFacts.SeverityName(threshold)}");
        }
        if (report.GateCountsErrors)
        {
            parts.Add($"{report.ErrorCount + report.ErroredCheckCount} error(s): not everything could be checked " +
                $"({FrontEndNames.Cli.IgnoreErrorsParameter} gates on findings only)");
        }
        return $"--fail-on {ReportFacts.SeverityName(threshold)} failed: " + string.Join("; ", parts);
    }

    private static ReportFormat ParseFormat(string? text, string option)
    {
        var format = ReportFormat.Text;
        if (text != null && !ReportWriters.TryParseFormat(text, out format))
        {
            throw new UsageException($"unknown format '{text}' for {option} ({string.Join(", ", ReportWriters.FormatNames)})");
        }
        return format;
    }

    /// <summary><c>--report sarif=out/x.sarif</c>.</summary>
    private static (ReportFormat, OutputTarget) ParseReport(string spec)
    {
        int eq = spec.IndexOf('=');
        if (eq <= 0)
        {
            throw new UsageException($"--report needs <format>=<file>, not '{spec}'");
        }
        return (ParseFormat(spec.Substring(0, eq), "--report"), OutputFile.Resolve(spec.Substring(eq + 1), "--report " + spec.Substring(0, eq)));
    }

    /// <summary>The CLI's Update-VulnerabilityDatabase: exit 0 when the database is in place (downloaded or not
    /// modified), 2 when it could not be updated (the old copy is kept).</summary>
    private static int UpdateVulnerabilityDatabase(CliOptions cli, TextWriter stdout, TextWriter stderr)
    {
        if (cli.Output != null)
        {
            // A directory takes the cache's file name; anything but a regular file (a FIFO, a device, a link) is refused.
            if (string.IsNullOrWhiteSpace(cli.Output))
            {
                throw new UsageException("--output needs a file path (it was empty)");
            }
            if (!Directory.Exists(cli.Output) && OutputFile.Resolve(cli.Output, "--output").Kind is not (OutputKind.NewFile or OutputKind.RegularFile))
            {
                throw new UsageException($"--output {cli.Output} is not a regular file; the database is written atomically to a regular file");
            }
        }
        string text = cli.Uri ?? VulnerabilityDatabaseLocations.DownloadUri();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw new UsageException($"'{text}' is not an absolute URL");
        }
        string? destination = VulnerabilityDatabaseLocations.UpdateDestination(cli.Output);
        if (destination == null)
        {
            throw new UsageException("no per-user cache directory (HOME, XDG_CACHE_HOME and LOCALAPPDATA are unset); give --output <file>");
        }
        int seconds = 300;
        if (cli.Timeout != null && (!int.TryParse(cli.Timeout, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out seconds) || seconds < 1))
        {
            throw new UsageException($"--timeout needs a number of seconds, not '{cli.Timeout}'");
        }
        var request = new VulnerabilityDatabaseUpdateRequest(uri, destination) { Timeout = TimeSpan.FromSeconds(seconds), Force = cli.Force };
        try
        {
            var info = VulnerabilityDatabaseUpdater.Update(request, new ConsoleHost(stderr, cli.Verbose, cli.Quiet))!;
            stdout.WriteLine($"{info.Status}: {info.Path} ({info.AdvisoryCount} advisories, {info.Size:N0} bytes" +
                (info.LastModified is { } lm ? ", last modified " + lm.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + "Z" : "") + ")");
            return ExitOk;
        }
        catch (VulnerabilityDatabaseUpdateException ex)
        {
            stderr.WriteLine("deploychecks: " + ex.Message);
            return ExitUsage;
        }
    }

    private static int ListRules(CliOptions cli, TextWriter stdout)
    {
        var areas = cli.Areas.Select(a => OptionsLoader.ParseArea(a, "--area", 0)).ToList();
        foreach (var d in RuleRegistry.Descriptors.Where(d => areas.Count == 0 || areas.Contains(d.Area)))
        {
            stdout.WriteLine($"{d.Id}  {d.Name,-32} {d.DefaultSeverity.ToString().ToLowerInvariant(),-9} {d.Title}");
        }
        return ExitOk;
    }

    private static int Explain(CliOptions cli, TextWriter stdout, TextWriter stderr)
    {
        if (cli.Paths.Count == 0)
        {
            throw new UsageException("explain needs a rule ID or name, e.g. 'deploychecks explain DC1001'");
        }
        string wanted = cli.Paths[0];
        var d = RuleRegistry.Descriptors.FirstOrDefault(r =>
            r.Id.Equals(wanted, StringComparison.OrdinalIgnoreCase) || r.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase));
        if (d == null)
        {
            stderr.WriteLine($"deploychecks: no rule '{DisplayText.Escape(wanted)}'");
            return ExitUsage;
        }
        stdout.WriteLine($"{d.Id} {d.Name} ({CheckAreas.Title(d.Area)}, {d.DefaultSeverity.ToString().ToLowerInvariant()})");
        stdout.WriteLine(d.Title);
        stdout.WriteLine();
        stdout.WriteLine("Why: " + d.Rationale);
        stdout.WriteLine();
        stdout.WriteLine("Fix: " + d.Remediation);
        if (d.Equivalents.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine("Equivalents: " + string.Join(", ", d.Equivalents));
        }
        stdout.WriteLine();
        stdout.WriteLine("More: " + d.HelpUri);
        return ExitOk;
    }
}
