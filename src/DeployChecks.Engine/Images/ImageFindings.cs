using System;
using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Models.Catalogs;
using DeployChecks.Engine.Rules;
using DeployChecks.Engine.Secrets;
using DeployChecks.Engine.Suppressions;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Vulnerabilities;
using Newtonsoft.Json.Linq;

namespace DeployChecks.Engine.Images;

/// <summary>The DC31xx judgements of a scanned image (<see cref="ImageChecks"/>): its configuration, its OS and
/// Python releases, secrets in its layers, and the vulnerabilities of its inventory.</summary>
public static class ImageFindings
{
    private static readonly Dictionary<string, string> RiskyPorts = new(StringComparer.Ordinal)
    {
        ["22"] = "SSH", ["23"] = "telnet", ["5432"] = "PostgreSQL", ["3306"] = "MySQL", ["6379"] = "Redis", ["27017"] = "MongoDB",
        ["11211"] = "memcached", ["5672"] = "RabbitMQ", ["9200"] = "Elasticsearch", ["2375"] = "the Docker API",
    };

    internal static List<Finding> Judge(ImageScanResult image, JObject config, IReadOnlyList<LayerScan> scans, ImageScanner.MergedView merged,
        ImageScanRequest request)
    {
        var findings = new List<Finding>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(RuleDescriptor d, string path, string message, string? evidence, string key, Severity? severity = null, string? remediation = null)
        {
            string ck = d.Id + "\n" + path + "\n" + key;
            counts[ck] = counts.TryGetValue(ck, out int n) ? n + 1 : 0;
            findings.Add(new Finding
            {
                RuleId = d.Id,
                RuleName = d.Name,
                Area = d.Area,
                Severity = severity ?? d.DefaultSeverity,
                Message = message,
                Path = path,
                Evidence = evidence,
                Remediation = remediation ?? d.Remediation,
                HelpUri = d.HelpUri,
                Fingerprint = Fingerprints.Compute(d.Id, path, key, counts[ck]),
            });
        }
        string where = image.Image;

        // End of life: the OS from os-release, Python from the image's interpreters.
        if (image.OsId != null && image.OsVersion != null && OsProduct(image.OsId) is { } product && EndOfLife.Find(product, image.OsVersion) is { } osCycle &&
            EndOfLife.Status(osCycle, request.Today) is { } osStatus)
        {
            Add(ImageChecks.OsEndOfLife, where, EolMessage(osCycle, osStatus), image.OsName, osCycle.Display, osStatus == EolStatus.Near ? Severity.Low : null);
        }
        foreach (string version in PythonVersions(config, merged))
        {
            if (EndOfLife.Find("Python", version) is { } py && EndOfLife.Status(py, request.Today) is { } pyStatus)
            {
                Add(ImageChecks.PythonEndOfLife, where, EolMessage(py, pyStatus), "Python " + version, py.Display, pyStatus == EolStatus.Near ? Severity.Low : null);
            }
        }

        // Configuration.
        string user = (image.User ?? "").Trim();
        string userName = user.Split(':')[0];
        if (userName.Length == 0 || userName == "root" || userName == "0")
        {
            Add(ImageChecks.RunsAsRoot, where, userName.Length == 0 ? "The image sets no User, so its processes run as root." : $"The image runs as '{user}' (root).",
                "User: " + (user.Length == 0 ? "(empty)" : user), "user");
        }
        if (!image.HasHealthcheck)
        {
            Add(ImageChecks.NoHealthcheck, where, "The image declares no HEALTHCHECK.", null, "healthcheck");
        }
        foreach (string env in Strings(config["Env"]))
        {
            int eq = env.IndexOf('=');
            string name = eq > 0 ? env.Substring(0, eq) : env;
            string value = eq > 0 ? env.Substring(eq + 1) : "";
            bool named = SensitiveNames.IsSensitive(name) && value.Length >= 8 && !SensitiveNames.IsPlaceholder(value);
            bool url = SensitiveNames.IsConnectionUrl(name) && Redactor.HasUrlCredentials(value);
            var provider = (request.Secrets ?? TextSecretDetector.Instance).Scan("env", value);
            if (named || url || provider.Count > 0)
            {
                Add(ImageChecks.EnvSecret, where, $"Environment variable {name} in the image configuration holds a credential.",
                    name + "=" + Redactor.RedactValue(value), "env:" + name);
            }
        }
        foreach (var dev in ImageStartCommand.DevServers(image.Entrypoint, image.Cmd))
        {
            string command = string.Join(" ", image.Entrypoint.Concat(image.Cmd));
            Add(ImageChecks.DevServer, where, $"The image starts {dev}, a development server.",
                Shorten(Redactor.TryRedactUrl(command, out var redacted) ? redacted : command), "cmd:" + dev);
        }
        foreach (string port in image.ExposedPorts)
        {
            string number = port.Split('/')[0];
            if (RiskyPorts.TryGetValue(number, out var what))
            {
                Add(ImageChecks.ExposedPort, where, $"The image exposes port {port} ({what}).", "EXPOSE " + port, "port:" + number,
                    number == "22" || number == "2375" ? null : Severity.Low);
            }
        }

        // Secrets in layer files, including files a later layer deleted.
        foreach (var s in scans.SelectMany(x => x.Secrets))
        {
            var layer = image.Layers[s.Layer];
            bool deleted = !merged.Files.ContainsKey(s.Path) && IsDeleted(merged, s.Path, scans, s.Layer);
            string message = $"{s.Hit.Kind} in /{s.Path} (line {s.Hit.Line}), added by layer {s.Layer}" +
                             (deleted ? ", deleted by a later layer but still in the image" : "") + ".";
            Add(ImageChecks.LayerSecret, where + "!/" + s.Path, message, s.Hit.Evidence + " [layer " + layer.Digest + "]",
                s.Hit.Kind + "\n" + s.Hit.Evidence + "\n" + layer.Digest);
        }

        // Known vulnerabilities.
        if (request.Vulnerabilities is { } db)
        {
            var python = new VulnerabilityMatcher(db);
            var os = new OsPackageMatcher(db);
            foreach (var p in image.Packages)
            {
                bool isPython = p.Type == "python";
                var matches = isPython ? python.Match(p.Name, p.Version, p.Path) : os.Match(p);
                foreach (var m in matches)
                {
                    var d = isPython ? ImageChecks.PythonVulnerability : ImageChecks.OsVulnerability;
                    Add(d, where + "!" + p.Path, $"{p.Name} {p.Version} ({p.Ecosystem}) is affected by {m.AdvisoryId}" +
                                                 (m.Summary != null ? ": " + m.Summary : "") + (m.FixVersion != null ? $"; fixed in {m.FixVersion}." : "; no fix known."),
                        m.AdvisoryId + (m.Aliases.Count > 0 ? " (" + string.Join(", ", m.Aliases.Take(3)) + ")" : "") + " [layer " + p.LayerDigest + "]",
                        p.Name + "@" + p.Version + "\n" + m.AdvisoryId, m.Severity,
                        m.FixVersion != null ? $"Upgrade {p.Name} to {m.FixVersion} or later and rebuild the image." : null);
                }
            }
        }
        return findings;
    }

    internal static bool HasHealthcheck(JObject config)
    {
        var test = config["Healthcheck"]?["Test"] as JArray;
        return test != null && test.Count > 0 && test[0].ToString() != "NONE";
    }

    private static bool IsDeleted(ImageScanner.MergedView merged, string path, IReadOnlyList<LayerScan> scans, int layer)
    {
        for (int i = layer + 1; i < scans.Count; i++)
        {
            if (scans[i].Whiteouts.Any(w => path == w || path.StartsWith(w + "/", StringComparison.Ordinal)) ||
                scans[i].OpaqueDirectories.Any(d => d.Length == 0 || path.StartsWith(d + "/", StringComparison.Ordinal)))
            {
                return true;
            }
        }
        return false;
    }

    private static string? OsProduct(string id) => id switch
    {
        "debian" => "Debian",
        "ubuntu" => "Ubuntu",
        "alpine" => "Alpine",
        _ => null,
    };

    /// <summary>Python versions the image runs: <c>PYTHON_VERSION</c> of the official images, and the
    /// <c>lib/pythonX.Y</c> directories holding installed distributions.</summary>
    private static IEnumerable<string> PythonVersions(JObject config, ImageScanner.MergedView merged)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string env in Strings(config["Env"]))
        {
            if (env.StartsWith("PYTHON_VERSION=", StringComparison.Ordinal))
            {
                var parts = env.Substring(15).Split('.');
                if (parts.Length >= 2)
                {
                    found.Add(parts[0] + "." + parts[1]);
                }
            }
        }
        foreach (string path in merged.Files.Keys)
        {
            int at = path.IndexOf("lib/python", StringComparison.Ordinal);
            if (at >= 0 && merged.Files[path].Fact.Kind == FactKind.Python)
            {
                int end = path.IndexOf('/', at + 10);
                string v = end > 0 ? path.Substring(at + 10, end - at - 10) : "";
                if (v.Length >= 3 && v[0] == '3' && v[1] == '.' && char.IsDigit(v[2]))
                {
                    found.Add(v);
                }
            }
        }
        return found;
    }

    private static string EolMessage(EolCycle c, EolStatus status) => status == EolStatus.Ended
        ? $"{c.Display} reached its end of life on {c.EndOfLife:yyyy-MM-dd}."
        : $"{c.Display} reaches its end of life on {c.EndOfLife:yyyy-MM-dd}.";

    private static List<string> Strings(JToken? token) => token is JArray a ? a.Select(x => x.ToString()).ToList() : new List<string>();

    private static string Shorten(string s) => s.Length <= 200 ? s : s.Substring(0, 200) + "…";
}
