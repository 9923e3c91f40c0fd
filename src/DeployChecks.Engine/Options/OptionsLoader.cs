using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using DeployChecks.Engine.Artifacts.Yaml;

namespace DeployChecks.Engine.Options;

/// <summary>
/// Layers options: defaults → <c>deploychecks.yml</c> (target root, or an explicit path) →
/// <c>DEPLOYCHECKS_*</c> environment variables → parameters. Every bad value is an
/// <see cref="OptionsException"/> naming the file and line or the variable.
/// </summary>
public static class OptionsLoader
{
    public static readonly string[] DefaultFileNames = { "deploychecks.yml", "deploychecks.yaml", ".deploychecks.yml", ".deploychecks.yaml" };

    /// <summary>Environment variables read, with what they set.</summary>
    public static readonly IReadOnlyDictionary<string, string> EnvironmentVariables = new Dictionary<string, string>
    {
        ["DEPLOYCHECKS_OPTION_PATH"] = "option file to read instead of <target>/deploychecks.yml",
        ["DEPLOYCHECKS_FAIL_ON"] = "failOn severity",
        ["DEPLOYCHECKS_AREAS"] = "comma-separated areas",
        ["DEPLOYCHECKS_RULES_INCLUDE"] = "comma-separated rule selectors to keep",
        ["DEPLOYCHECKS_RULES_EXCLUDE"] = "comma-separated rule selectors to drop",
        ["DEPLOYCHECKS_PATHS_EXCLUDE"] = "comma-separated path globs to leave out",
        ["DEPLOYCHECKS_BASELINE"] = "baseline file",
        ["DEPLOYCHECKS_MAX_FILE_SIZE"] = "size cap, e.g. 2MB",
        ["DEPLOYCHECKS_OUTPUT_FORMAT"] = "output format",
        ["DEPLOYCHECKS_OUTPUT_PATH"] = "output file",
        ["DEPLOYCHECKS_VULN_DB"] = "OSV vulnerability database (directory or export zip) when the option file names none",
    };

    public static DeployChecksOptions Load(string targetRoot, string? optionPath, IDictionary? environment, OptionOverrides? overrides)
    {
        var options = new DeployChecksOptions();
        environment ??= Environment.GetEnvironmentVariables();
        optionPath ??= Get(environment, "DEPLOYCHECKS_OPTION_PATH");
        string? file = null;
        if (optionPath != null)
        {
            file = Path.GetFullPath(Path.IsPathRooted(optionPath) ? optionPath : Path.Combine(Directory.GetCurrentDirectory(), optionPath));
            if (!File.Exists(file))
            {
                throw new OptionsException("option file not found", file);
            }
        }
        else
        {
            foreach (var name in DefaultFileNames)
            {
                string candidate = Path.Combine(targetRoot, name);
                if (File.Exists(candidate))
                {
                    file = candidate;
                    break;
                }
            }
        }
        if (file != null)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new OptionsException("cannot read option file: " + ex.Message, file, 0, ex);
            }
            ApplyYaml(options, text, file);
            options.SourceFile = file;
        }
        ApplyEnvironment(options, environment);
        ApplyOverrides(options, overrides);
        ApplyVulnerabilityDatabaseFallback(options, environment);
        return options;
    }

    /// <summary>The vulnerability database, highest first: parameter (<c>-DatabasePath</c>, <c>--vuln-db</c>), the
    /// option file, <c>DEPLOYCHECKS_VULN_DB</c>, then the per-user cache when it exists. The option file wins over
    /// the variable here (unlike the other options): the file names the project's own database, the variable is the
    /// machine's default, the same one Find-DependencyVulnerability reads.</summary>
    private static void ApplyVulnerabilityDatabaseFallback(DeployChecksOptions o, IDictionary env)
    {
        if (o.VulnerabilityDatabase != null)
        {
            return;
        }
        if (Get(env, Vulnerabilities.VulnerabilityDatabaseLocations.DatabaseVariable) is { } fromEnv)
        {
            o.VulnerabilityDatabase = FullPath(fromEnv, Vulnerabilities.VulnerabilityDatabaseLocations.DatabaseVariable, 0);
            o.VulnerabilityDatabaseOrigin = Vulnerabilities.VulnerabilityDatabaseLocations.DatabaseVariable;
            return;
        }
        if (Vulnerabilities.VulnerabilityDatabaseLocations.UserCacheFile(env) is { } cache && File.Exists(cache))
        {
            o.VulnerabilityDatabase = cache;
            o.VulnerabilityDatabaseOrigin = "the per-user cache (Update-VulnerabilityDatabase)";
        }
    }

    /// <summary>Applies the YAML text of an option file.</summary>
    public static void ApplyYaml(DeployChecksOptions options, string text, string source)
    {
        var content = YamlLoader.Load(text);
        if (content.Problems.Count > 0)
        {
            var p = content.Problems[0];
            throw new OptionsException(p.Message.StartsWith("not valid YAML", StringComparison.Ordinal) ? p.Message : "not valid YAML: " + p.Message, source, p.Line);
        }
        if (content.Documents.Count == 0 || content.Documents[0] is null or YamlScalar { Value: "" })
        {
            return;
        }
        if (content.Documents[0] is not YamlMapping root)
        {
            throw new OptionsException("the option file must be a mapping of keys", source, Line(content.Documents[0]!));
        }
        var r = new Reader(source);
        foreach (var (key, value) in r.Entries(root))
        {
            switch (key)
            {
                case "rules":
                    foreach (var (k, v) in r.Entries(r.Mapping(value, "rules")))
                    {
                        switch (k)
                        {
                            case "include": options.RulesInclude = r.StringList(v, "rules.include"); break;
                            case "exclude": options.RulesExclude = r.StringList(v, "rules.exclude"); break;
                            case "severity":
                                foreach (var (rule, sev) in r.Entries(r.Mapping(v, "rules.severity")))
                                {
                                    options.SeverityOverrides[rule] = r.Severity(sev, "rules.severity." + rule);
                                }
                                break;
                            default: throw r.Unknown(k, v, "rules", "include, exclude, severity");
                        }
                    }
                    break;
                case "areas":
                    options.Areas = new List<CheckArea>();
                    foreach (var a in r.StringList(value, "areas"))
                    {
                        options.Areas.Add(ParseArea(a, source, Line(value)));
                    }
                    break;
                case "paths":
                    foreach (var (k, v) in r.Entries(r.Mapping(value, "paths")))
                    {
                        switch (k)
                        {
                            case "include": options.PathsInclude = r.StringList(v, "paths.include"); break;
                            case "exclude": options.PathsExclude = r.StringList(v, "paths.exclude"); break;
                            case "maxFileSize": options.MaxFileSize = ParseSize(r.Scalar(v, "paths.maxFileSize"), source, Line(v)); break;
                            case "gitignore": options.UseGitIgnore = r.Bool(v, "paths.gitignore"); break;
                            default: throw r.Unknown(k, v, "paths", "include, exclude, maxFileSize, gitignore");
                        }
                    }
                    break;
                case "failOn": options.FailOn = r.Severity(value, "failOn"); break;
                case "output":
                    foreach (var (k, v) in r.Entries(r.Mapping(value, "output")))
                    {
                        switch (k)
                        {
                            case "format": options.OutputFormat = r.Scalar(v, "output.format"); break;
                            case "path": options.OutputPath = r.Scalar(v, "output.path"); break;
                            default: throw r.Unknown(k, v, "output", "format, path");
                        }
                    }
                    break;
                case "baseline": options.BaselinePath = r.Scalar(value, "baseline"); break;
                case "vulnerabilities":
                    foreach (var (k, v) in r.Entries(r.Mapping(value, "vulnerabilities")))
                    {
                        switch (k)
                        {
                            case "database":
                                // Relative to the option file, so a project can keep (or vendor) its database beside it.
                                string db = r.Scalar(v, "vulnerabilities.database");
                                string dir = Path.GetDirectoryName(Path.GetFullPath(source)) ?? Directory.GetCurrentDirectory();
                                options.VulnerabilityDatabase = FullPath(Path.IsPathRooted(db) ? db : Path.Combine(dir, db), source, Line(v));
                                options.VulnerabilityDatabaseOrigin = source + ":" + Line(v);
                                break;
                            default: throw r.Unknown(k, v, "vulnerabilities", "database");
                        }
                    }
                    break;
                case "suppressions":
                    if (value is not YamlSequence seq)
                    {
                        throw new OptionsException("'suppressions' must be a list", source, Line(value));
                    }
                    foreach (var item in seq.Items)
                    {
                        options.Suppressions.Add(ReadSuppression(r, item, source));
                    }
                    break;
                default:
                    throw r.Unknown(key, value, null, "rules, areas, paths, failOn, output, baseline, suppressions, vulnerabilities");
            }
        }
    }

    private static SuppressionEntry ReadSuppression(Reader r, YamlValue item, string source)
    {
        var entry = new SuppressionEntry { Origin = source + ":" + Line(item) };
        foreach (var (k, v) in r.Entries(r.Mapping(item, "suppressions[]")))
        {
            switch (k)
            {
                case "rule": entry.Rule = r.Scalar(v, "suppressions[].rule"); break;
                case "path": entry.Path = r.Scalar(v, "suppressions[].path"); break;
                case "reason": entry.Reason = r.Scalar(v, "suppressions[].reason"); break;
                case "expires":
                    string d = r.Scalar(v, "suppressions[].expires");
                    if (!DateTime.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        throw new OptionsException($"'expires' must be a date as YYYY-MM-DD, not '{d}'", source, Line(v));
                    }
                    entry.Expires = date;
                    break;
                default: throw r.Unknown(k, v, "suppressions[]", "rule, path, reason, expires");
            }
        }
        if (entry.Rule.Length == 0)
        {
            throw new OptionsException("a suppression needs 'rule'", source, Line(item));
        }
        if (entry.Reason.Trim().Length == 0)
        {
            throw new OptionsException($"the suppression of {entry.Rule} needs a 'reason'", source, Line(item));
        }
        return entry;
    }

    private static void ApplyEnvironment(DeployChecksOptions o, IDictionary env)
    {
        if (Get(env, "DEPLOYCHECKS_FAIL_ON") is { } failOn)
        {
            o.FailOn = ParseSeverity(failOn, "DEPLOYCHECKS_FAIL_ON", 0);
        }
        if (Get(env, "DEPLOYCHECKS_AREAS") is { } areas)
        {
            o.Areas = new List<CheckArea>();
            foreach (var a in SplitList(areas))
            {
                o.Areas.Add(ParseArea(a, "DEPLOYCHECKS_AREAS", 0));
            }
        }
        if (Get(env, "DEPLOYCHECKS_RULES_INCLUDE") is { } inc)
        {
            o.RulesInclude = SplitList(inc);
        }
        if (Get(env, "DEPLOYCHECKS_RULES_EXCLUDE") is { } exc)
        {
            o.RulesExclude = SplitList(exc);
        }
        if (Get(env, "DEPLOYCHECKS_PATHS_EXCLUDE") is { } pex)
        {
            o.PathsExclude = SplitList(pex);
        }
        if (Get(env, "DEPLOYCHECKS_BASELINE") is { } baseline)
        {
            o.BaselinePath = baseline;
        }
        if (Get(env, "DEPLOYCHECKS_MAX_FILE_SIZE") is { } size)
        {
            o.MaxFileSize = ParseSize(size, "DEPLOYCHECKS_MAX_FILE_SIZE", 0);
        }
        if (Get(env, "DEPLOYCHECKS_OUTPUT_FORMAT") is { } fmt)
        {
            o.OutputFormat = fmt;
        }
        if (Get(env, "DEPLOYCHECKS_OUTPUT_PATH") is { } outPath)
        {
            o.OutputPath = outPath;
        }
    }

    private static void ApplyOverrides(DeployChecksOptions o, OptionOverrides? p)
    {
        if (p == null)
        {
            return;
        }
        if (p.Today is { } today)
        {
            o.Today = today.Date;
        }
        if (p.RulesInclude is { Count: > 0 }) { o.RulesInclude = new List<string>(p.RulesInclude); }
        if (p.RulesExclude is { Count: > 0 }) { o.RulesExclude = new List<string>(p.RulesExclude); }
        if (p.Areas is { Count: > 0 }) { o.Areas = new List<CheckArea>(p.Areas); }
        if (p.PathsExclude is { Count: > 0 }) { o.PathsExclude.AddRange(p.PathsExclude); }
        if (p.FailOn.HasValue) { o.FailOn = p.FailOn; }
        if (p.BaselinePath != null) { o.BaselinePath = p.BaselinePath; }
        if (p.MaxFileSize.HasValue) { o.MaxFileSize = p.MaxFileSize.Value; }
        if (p.OutputFormat != null) { o.OutputFormat = p.OutputFormat; }
        if (p.OutputPath != null) { o.OutputPath = p.OutputPath; }
        if (p.VulnerabilityDatabase != null)
        {
            o.VulnerabilityDatabase = FullPath(p.VulnerabilityDatabase, "-DatabasePath", 0);
            o.VulnerabilityDatabaseOrigin = "the -DatabasePath / --vuln-db parameter";
        }
    }

    public static Severity ParseSeverity(string text, string source, int line)
    {
        if (Enum.TryParse<Severity>(text.Trim(), true, out var s) && Enum.IsDefined(typeof(Severity), s) && !int.TryParse(text, out _))
        {
            return s;
        }
        throw new OptionsException($"'{text}' is not a severity (info, low, medium, high, critical)", source, line);
    }

    public static CheckArea ParseArea(string text, string source, int line) =>
        CheckAreas.TryParse(text, out var area)
            ? area
            : throw new OptionsException($"'{text}' is not an area ({string.Join(", ", CheckAreas.All)})", source, line);

    /// <summary>Parses <c>1048576</c>, <c>512KB</c>, <c>2MB</c>, <c>1GiB</c>.</summary>
    public static long ParseSize(string text, string source, int line)
    {
        string t = text.Trim().ToUpperInvariant().Replace(" ", "");
        long mult = 1;
        foreach (var (suffix, m) in new[] { ("KIB", 1024L), ("MIB", 1024L * 1024), ("GIB", 1024L * 1024 * 1024), ("KB", 1024L), ("MB", 1024L * 1024), ("GB", 1024L * 1024 * 1024), ("K", 1024L), ("M", 1024L * 1024), ("B", 1L) })
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal))
            {
                mult = m;
                t = t.Substring(0, t.Length - suffix.Length);
                break;
            }
        }
        if (long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0 && n <= long.MaxValue / mult)
        {
            return n * mult;
        }
        throw new OptionsException($"'{text}' is not a size (e.g. 2MB, 512KB, 1048576)", source, line);
    }

    private static List<string> SplitList(string value)
    {
        var list = new List<string>();
        foreach (var part in value.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Trim().Length > 0)
            {
                list.Add(part.Trim());
            }
        }
        return list;
    }

    private static string? Get(IDictionary env, string name)
    {
        var v = env.Contains(name) ? env[name] as string : null;
        return string.IsNullOrWhiteSpace(v) ? null : v;
    }

    private static string FullPath(string path, string source, int line)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
        {
            throw new OptionsException($"'{path}' is not a usable path: {ex.Message}", source, line, ex);
        }
    }

    private static int Line(YamlValue node) => node.Line;

    /// <summary>Typed access to YAML nodes with errors that name the key and line.</summary>
    private sealed class Reader
    {
        private readonly string _source;

        public Reader(string source) => _source = source;

        public IEnumerable<(string Key, YamlValue Value)> Entries(YamlMapping map)
        {
            foreach (var kv in map.Pairs)
            {
                if (kv.Key is not YamlScalar { Value: { } key })
                {
                    throw new OptionsException("keys must be plain text", _source, Line(kv.Key));
                }
                yield return (key, kv.Value);
            }
        }

        public YamlMapping Mapping(YamlValue node, string what) =>
            node as YamlMapping ?? throw new OptionsException($"'{what}' must be a mapping", _source, Line(node));

        public string Scalar(YamlValue node, string what) =>
            node is YamlScalar { Value: { } v } ? v : throw new OptionsException($"'{what}' must be a single value", _source, Line(node));

        public bool Bool(YamlValue node, string what)
        {
            string v = Scalar(node, what).ToLowerInvariant();
            return v switch
            {
                "true" or "yes" or "on" => true,
                "false" or "no" or "off" => false,
                _ => throw new OptionsException($"'{what}' must be true or false", _source, Line(node)),
            };
        }

        public Severity Severity(YamlValue node, string what) => ParseSeverity(Scalar(node, what), _source, Line(node));

        public List<string> StringList(YamlValue node, string what)
        {
            var list = new List<string>();
            if (node is YamlScalar { Value: { } single })
            {
                list.Add(single);
                return list;
            }
            if (node is not YamlSequence seq)
            {
                throw new OptionsException($"'{what}' must be a list", _source, Line(node));
            }
            foreach (var item in seq.Items)
            {
                list.Add(Scalar(item, what + "[]"));
            }
            return list;
        }

        public OptionsException Unknown(string key, YamlValue node, string? parent, string known) =>
            new($"unknown option '{(parent == null ? key : parent + "." + key)}' (known: {known})", _source, Line(node));
    }
}
