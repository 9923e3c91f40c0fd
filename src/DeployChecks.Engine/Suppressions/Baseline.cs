using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DeployChecks.Engine.Suppressions;

/// <summary>
/// A baseline: the fingerprints of findings accepted at one point in time, so CI fails only on new ones.
/// File format (JSON): <c>{"version":1,"tool":"DeployChecks","created":"…","findings":[{"fingerprint":"…",
/// "ruleId":"DC1001","path":".env"}]}</c>. Only fingerprints are compared; rule and path are for humans.
/// </summary>
public sealed class Baseline
{
    private readonly HashSet<string> _fingerprints;

    public Baseline(IEnumerable<string> fingerprints)
    {
        _fingerprints = new HashSet<string>(fingerprints, StringComparer.Ordinal);
    }

    public int Count => _fingerprints.Count;

    public bool Contains(string fingerprint) => _fingerprints.Contains(fingerprint);

    /// <summary>Reads a baseline file; throws <see cref="InvalidDataException"/> naming the file when it is not one.</summary>
    public static Baseline Load(string path)
    {
        JObject root;
        try
        {
            root = JObject.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a DeployChecks baseline: {ex.Message}", ex);
        }
        if (root["findings"] is not JArray findings)
        {
            throw new InvalidDataException($"{path}: not a DeployChecks baseline: no 'findings' array");
        }
        var prints = new List<string>();
        foreach (var f in findings)
        {
            if (f is JObject o && o["fingerprint"]?.Type == JTokenType.String)
            {
                prints.Add((string)o["fingerprint"]!);
            }
            else if (f.Type == JTokenType.String)
            {
                prints.Add((string)f!);
            }
            else
            {
                throw new InvalidDataException($"{path}: baseline entry without a 'fingerprint'");
            }
        }
        return new Baseline(prints);
    }

    /// <summary>Writes the active findings of a report as a baseline.</summary>
    public static void Write(ChecklistReport report, TextWriter writer)
    {
        var root = new JObject
        {
            ["version"] = 1,
            ["tool"] = "DeployChecks",
            ["toolVersion"] = report.ToolVersion,
            ["created"] = report.StartedAt.ToString("o"),
            ["findings"] = new JArray(report.Findings
                .Where(f => !f.IsSuppressed)
                .OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.RuleId, StringComparer.Ordinal)
                .Select(f => new JObject { ["fingerprint"] = f.Fingerprint, ["ruleId"] = f.RuleId, ["path"] = f.Path })),
        };
        using var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, CloseOutput = false };
        root.WriteTo(json);
        writer.WriteLine();
    }
}
