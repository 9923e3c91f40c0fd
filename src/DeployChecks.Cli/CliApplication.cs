using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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
          -f, --format <fmt>      text (default), json, sarif, junit, markdown, html, baseline
          -o, --output <file>     write the report there (the checklist still goes to stdout)
              --fail-on <sev>     exit 1 when an active finding is at or above: info, low, medium, high, critical
          -a, --area <area>       only these areas (repeat or comma-separate): configuration, dependencies,
                                  containers, webserver, database, logging, security, testing, backup
          -r, --rule <sel>        only these rules (ID, name, area or tag:NAME)
              --exclude-rule <s>  drop these rules
              --exclude-path <g>  leave out files matching the glob
              --options <file>    option file (default: <path>/deploychecks.yml)
              --baseline <file>   suppress findings whose fingerprints are in this baseline
              --vuln-db <path>    OSV database for DC2014 (directory or export zip); default:
                                  vulnerabilities.database, DEPLOYCHECKS_VULN_DB, the per-user cache
              --ascii             plain ASCII glyphs in the text checklist
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
        Environment: DEPLOYCHECKS_FAIL_ON, DEPLOYCHECKS_AREAS, DEPLOYCHECKS_RULES_INCLUDE/EXCLUDE,
          DEPLOYCHECKS_PATHS_EXCLUDE, DEPLOYCHECKS_BASELINE, DEPLOYCHECKS_OUTPUT_FORMAT/PATH, DEPLOYCHECKS_OPTION_PATH,
          DEPLOYCHECKS_VULN_DB
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        CliOptions cli;
        try
        {
            cli = ArgumentParser.Parse(args);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine("deploychecks: " + ex.Message);
            stderr.WriteLine("Run 'deploychecks --help' for usage.");
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
                    return Check(cli, stdout, stderr);
                case "image-scan":
                    return ImageScanCommand.Run(cli, stdout, stderr);
                case "rules":
                    return ListRules(cli, stdout);
                case "explain":
                    return Explain(cli, stdout, stderr);
                case "update-vuln-db":
                    return UpdateVulnerabilityDatabase(cli, stdout, stderr);
                default:
                    throw new UsageException($"unknown command '{cli.Command}'");
            }
        }
        catch (UsageException ex)
        {
            stderr.WriteLine("deploychecks: " + ex.Message);
            stderr.WriteLine("Run 'deploychecks --help' for usage.");
            return ExitUsage;
        }
        catch (OptionsException ex)
        {
            stderr.WriteLine("deploychecks: invalid options: " + ex.Message);
            return ExitUsage;
        }
        catch (DirectoryNotFoundException ex)
        {
            stderr.WriteLine("deploychecks: " + ex.Message);
            return ExitUsage;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            stderr.WriteLine("deploychecks: " + ex.Message);
            return ExitUsage;
        }
    }

    private static int Check(CliOptions cli, TextWriter stdout, TextWriter stderr)
    {
        var overrides = new OptionOverrides
        {
            RulesInclude = cli.Rules,
            RulesExclude = cli.ExcludeRules,
            PathsExclude = cli.ExcludePaths,
            Areas = cli.Areas.Select(a => OptionsLoader.ParseArea(a, "--area", 0)).ToList(),
            FailOn = cli.FailOn == null ? null : OptionsLoader.ParseSeverity(cli.FailOn, "--fail-on", 0),
            BaselinePath = cli.Baseline,
            VulnerabilityDatabase = cli.VulnerabilityDatabase,
            OutputFormat = cli.Format,
            OutputPath = cli.Output,
        };
        if (!Directory.Exists(cli.Path))
        {
            throw new DirectoryNotFoundException(File.Exists(cli.Path)
                ? $"{cli.Path} is a file; give the application's directory"
                : $"target directory not found: {cli.Path}");
        }
        var request = new CheckRequest(cli.Path) { OptionPath = cli.OptionPath, Overrides = overrides };
        var options = CheckRunner.ResolveOptions(request);
        request.Options = options;
        var format = ReportFormat.Text;
        if (options.OutputFormat != null && !ReportWriters.TryParseFormat(options.OutputFormat, out format))
        {
            throw new UsageException($"unknown format '{options.OutputFormat}' (text, json, sarif, junit, markdown, html, baseline)");
        }
        var host = new ConsoleHost(stderr, cli.Verbose, cli.Quiet);
        var report = CheckRunner.Run(request, host);

        if (options.OutputPath != null)
        {
            ReportWriters.WriteFile(report, format, options.OutputPath);
            if (!cli.Quiet)
            {
                stdout.Write(report.ToChecklistText(!cli.Ascii));
                stderr.WriteLine($"Wrote {format} report to {options.OutputPath}");
            }
        }
        else if (format == ReportFormat.Text)
        {
            stdout.Write(report.ToChecklistText(!cli.Ascii));
        }
        else
        {
            ReportWriters.Write(report, format, stdout);
        }
        return report.FailOnTripped ? ExitGateFailed : ExitOk;
    }

    /// <summary>The CLI's Update-VulnerabilityDatabase: exit 0 when the database is in place (downloaded or not
    /// modified), 2 when it could not be updated (the old copy is kept).</summary>
    private static int UpdateVulnerabilityDatabase(CliOptions cli, TextWriter stdout, TextWriter stderr)
    {
        if (cli.PathGiven)
        {
            throw new UsageException("update-vuln-db takes no path; use --output <file>");
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
        var d = RuleRegistry.Descriptors.FirstOrDefault(r =>
            r.Id.Equals(cli.Path, StringComparison.OrdinalIgnoreCase) || r.Name.Equals(cli.Path, StringComparison.OrdinalIgnoreCase));
        if (d == null)
        {
            stderr.WriteLine($"deploychecks: no rule '{cli.Path}'");
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
