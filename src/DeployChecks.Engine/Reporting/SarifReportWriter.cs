using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DeployChecks.Engine.Reporting;

/// <summary>
/// SARIF 2.1.0 with one run, shaped for GitHub code scanning and Azure DevOps: rules carry the peer-tool
/// equivalents, CWEs and a <c>security-severity</c>; results carry relative URIs under <c>SRCROOT</c>,
/// stable <c>partialFingerprints</c> and, for suppressed findings, <c>suppressions</c>. Only the redacted
/// evidence the rules recorded is written, never file content.
/// </summary>
public static class SarifReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SarifVersion = "2.1.0";
    public const string InformationUri = "https://github.com/deploychecks/deploychecks";
    public const string UriBaseId = "SRCROOT";
    public const string FingerprintKey = "deploychecks/v1";

    public static void Write(ChecklistReport report, TextWriter writer)
    {
        if (report == null)
        {
            throw new ArgumentNullException(nameof(report));
        }
        using var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, CloseOutput = false };
        Build(report).WriteTo(json);
        json.Flush();
        writer.WriteLine();
    }

    /// <summary>SARIF <c>level</c> for a severity: critical/high → error, medium → warning, low/info → note.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary>GitHub's <c>security-severity</c> score (0.0–10.0) for a severity.</summary>
    public static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "3.0",
        _ => "0.0",
    };

    /// <summary>GitHub's <c>problem.severity</c> (error, warning, recommendation) for a severity.</summary>
    public static string ProblemSeverity(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "recommendation",
    };

    public static JObject Build(ChecklistReport report)
    {
        var rules = CollectRules(report);
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < rules.Count; i++)
        {
            ruleIndex[rules[i].Id] = i;
        }

        string version = string.IsNullOrEmpty(report.ToolVersion) ? "0.0.0" : report.ToolVersion;
        var driver = new JObject
        {
            ["name"] = "DeployChecks",
            ["fullName"] = "DeployChecks " + version,
            ["version"] = version,
            ["semanticVersion"] = version,
            ["informationUri"] = InformationUri,
            ["rules"] = new JArray(rules.Select(Rule)),
        };

        var run = new JObject
        {
            ["tool"] = new JObject { ["driver"] = driver },
        };
        string? root = RootUri(report.Target);
        if (root != null)
        {
            run["originalUriBaseIds"] = new JObject { [UriBaseId] = new JObject { ["uri"] = root } };
        }
        run["invocations"] = new JArray(Invocation(report, ruleIndex));
        run["results"] = new JArray(ReportFacts.Ordered(report.Findings).Select(f => Result(f, ruleIndex)));
        run["columnKind"] = "utf16CodeUnits";
        run["properties"] = new JObject
        {
            ["filesScanned"] = report.FilesScanned,
            ["verdict"] = ReportFacts.CamelCase(ReportFacts.Verdict(report).ToString()),
        };

        return new JObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = SarifVersion,
            ["runs"] = new JArray(run),
        };
    }

    /// <summary>The rules that ran, plus a stub for any rule a finding names that the report does not describe.</summary>
    private static List<RuleInfo> CollectRules(ChecklistReport report)
    {
        var rules = ReportFacts.OrderedRules(report).ToList();
        var known = new HashSet<string>(rules.Select(r => r.Id), StringComparer.Ordinal);
        var extra = new List<RuleInfo>();
        foreach (var f in report.Findings)
        {
            if (known.Add(f.RuleId))
            {
                var check = report.Checks.FirstOrDefault(c => c.RuleId == f.RuleId);
                extra.Add(new RuleInfo
                {
                    Id = f.RuleId,
                    Name = f.RuleName,
                    Area = f.Area,
                    DefaultSeverity = check?.Severity ?? f.Severity,
                    Title = check?.Title ?? f.RuleName,
                    Remediation = f.Remediation ?? "",
                    HelpUri = f.HelpUri ?? "",
                });
            }
        }
        rules.AddRange(extra.OrderBy(r => r.Id, StringComparer.Ordinal));
        return rules;
    }

    private static JObject Rule(RuleInfo r)
    {
        // SARIF requires tags to be unique.
        var tags = new List<string>();
        void AddTag(string tag)
        {
            if (!string.IsNullOrWhiteSpace(tag) && !tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(tag);
            }
        }
        AddTag(ReportFacts.AreaName(r.Area));
        if (ReportFacts.IsSecurityRelated(r))
        {
            AddTag("security");
        }
        foreach (var t in r.Tags)
        {
            AddTag(t);
        }
        foreach (var c in r.Cwe)
        {
            // GitHub shows CWEs from tags of the form external/cwe/cwe-798.
            AddTag("external/cwe/" + c.ToLowerInvariant());
        }

        string title = NonEmpty(r.Title, r.Name, r.Id);
        var help = new StringBuilder();
        help.Append(NonEmpty(r.Remediation, title));
        // Descriptor text is authored in this repository with Markdown in mind (`code` spans), so it goes in as is.
        var markdown = new StringBuilder();
        markdown.Append("**").Append(title).Append("**\n\n");
        if (!string.IsNullOrEmpty(r.Rationale))
        {
            markdown.Append(r.Rationale).Append("\n\n");
        }
        if (!string.IsNullOrEmpty(r.Remediation))
        {
            markdown.Append("**Remediation:** ").Append(r.Remediation).Append("\n\n");
        }
        if (r.Equivalents.Count > 0)
        {
            markdown.Append("Equivalent checks: ").Append(string.Join(", ", r.Equivalents.Select(e => "`" + e.Replace("`", "") + "`"))).Append("\n\n");
        }
        if (IsAbsoluteUri(r.HelpUri))
        {
            markdown.Append("[Rule documentation](").Append(r.HelpUri).Append(')');
            help.Append(" See ").Append(r.HelpUri);
        }

        var rule = new JObject
        {
            ["id"] = r.Id,
            ["name"] = NonEmpty(r.Name, r.Id),
            ["shortDescription"] = new JObject { ["text"] = title },
            ["fullDescription"] = new JObject { ["text"] = NonEmpty(r.Rationale, title) },
            ["help"] = new JObject { ["text"] = help.ToString().TrimEnd(), ["markdown"] = markdown.ToString().TrimEnd() },
        };
        if (IsAbsoluteUri(r.HelpUri))
        {
            rule["helpUri"] = r.HelpUri;
        }
        rule["defaultConfiguration"] = new JObject { ["level"] = Level(r.DefaultSeverity) };
        rule["properties"] = new JObject
        {
            ["tags"] = new JArray(tags),
            ["equivalents"] = new JArray(r.Equivalents),
            ["cwe"] = new JArray(r.Cwe),
            ["area"] = ReportFacts.AreaName(r.Area),
            ["severity"] = ReportFacts.SeverityName(r.DefaultSeverity),
            ["security-severity"] = SecuritySeverity(r.DefaultSeverity),
            ["problem.severity"] = ProblemSeverity(r.DefaultSeverity),
        };
        return rule;
    }

    private static JObject Result(Finding f, IReadOnlyDictionary<string, int> ruleIndex)
    {
        var result = new JObject
        {
            ["ruleId"] = f.RuleId,
            ["ruleIndex"] = ruleIndex[f.RuleId],
            ["level"] = Level(f.Severity),
            ["message"] = new JObject { ["text"] = NonEmpty(f.Message, f.RuleName, f.RuleId) },
        };
        var location = PhysicalLocation(f.Path, f.Line, f.Column);
        if (location != null)
        {
            result["locations"] = new JArray(new JObject { ["physicalLocation"] = location });
        }
        result["partialFingerprints"] = new JObject { [FingerprintKey] = f.Fingerprint };
        if (f.IsSuppressed)
        {
            bool inline = f.Suppression!.StartsWith("inline:", StringComparison.Ordinal);
            result["suppressions"] = new JArray(new JObject
            {
                ["kind"] = inline ? "inSource" : "external",
                ["status"] = "accepted",
                ["justification"] = f.Suppression,
            });
        }
        var properties = new JObject
        {
            ["severity"] = ReportFacts.SeverityName(f.Severity),
            ["area"] = ReportFacts.AreaName(f.Area),
        };
        if (!string.IsNullOrEmpty(f.Evidence))
        {
            properties["evidence"] = f.Evidence;
        }
        result["properties"] = properties;
        return result;
    }

    private static JObject? PhysicalLocation(string? path, int line, int column)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }
        var location = new JObject
        {
            ["artifactLocation"] = new JObject { ["uri"] = RelativeUri(path!), ["uriBaseId"] = UriBaseId },
        };
        if (line > 0)
        {
            var region = new JObject { ["startLine"] = line };
            if (column > 0)
            {
                region["startColumn"] = column;
            }
            location["region"] = region;
        }
        return location;
    }

    private static JObject Invocation(ChecklistReport report, IReadOnlyDictionary<string, int> ruleIndex)
    {
        var notifications = new JArray();
        foreach (var e in ReportFacts.OrderedErrors(report))
        {
            var n = new JObject
            {
                ["level"] = e.IsError ? "error" : "warning",
                ["message"] = new JObject { ["text"] = NonEmpty(e.Message, e.ErrorId, "error") },
            };
            var location = PhysicalLocation(e.Path, e.Line, 0);
            if (location != null)
            {
                n["locations"] = new JArray(new JObject { ["physicalLocation"] = location });
            }
            n["descriptor"] = new JObject { ["id"] = NonEmpty(e.ErrorId, "DeployChecksError") };
            if (!string.IsNullOrEmpty(e.RuleId))
            {
                var rule = new JObject { ["id"] = e.RuleId };
                if (ruleIndex.TryGetValue(e.RuleId!, out int index))
                {
                    rule["index"] = index;
                }
                n["associatedRule"] = rule;
            }
            notifications.Add(n);
        }
        var invocation = new JObject
        {
            ["executionSuccessful"] = !report.Errors.Any(e => e.IsError),
            ["startTimeUtc"] = report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["endTimeUtc"] = (report.StartedAt + report.Duration).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (notifications.Count > 0)
        {
            invocation["toolExecutionNotifications"] = notifications;
        }
        return invocation;
    }

    /// <summary>A target-relative path as a relative URI reference: <c>/</c> separators, each segment percent-encoded.</summary>
    public static string RelativeUri(string path)
    {
        var segments = path.Replace('\\', '/').TrimStart('/').Split('/');
        return string.Join("/", segments.Select(Uri.EscapeDataString));
    }

    /// <summary>The target directory as an absolute <c>file:</c> URI ending in <c>/</c>, or null when it has no usable path.</summary>
    public static string? RootUri(string? target)
    {
        if (string.IsNullOrWhiteSpace(target) || !Path.IsPathRooted(target))
        {
            return null;
        }
        try
        {
            string full = Path.GetFullPath(target);
            if (!full.EndsWith("/", StringComparison.Ordinal) && !full.EndsWith("\\", StringComparison.Ordinal))
            {
                full += Path.DirectorySeparatorChar;
            }
            string uri = new Uri(full).AbsoluteUri;
            return uri.EndsWith("/", StringComparison.Ordinal) ? uri : uri + "/";
        }
        catch (Exception ex) when (ex is UriFormatException || ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
        {
            return null;
        }
    }

    private static bool IsAbsoluteUri(string? uri) =>
        !string.IsNullOrEmpty(uri) && Uri.TryCreate(uri, UriKind.Absolute, out _);

    private static string NonEmpty(params string?[] candidates)
    {
        foreach (var c in candidates)
        {
            if (!string.IsNullOrWhiteSpace(c))
            {
                return c!;
            }
        }
        return "-";
    }
}
