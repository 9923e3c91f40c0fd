using System;
using System.Globalization;
using System.IO;
using DeployChecks.Engine.Artifacts.Yaml;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DeployChecks.Engine.Vulnerabilities;

/// <summary>Reads one OSV advisory from JSON or YAML text. Malformed input is an <see cref="InvalidDataException"/>
/// naming the source.</summary>
public static class OsvReader
{
    public static OsvAdvisory Read(string text, string source)
    {
        JToken root;
        bool yaml = source.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || source.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        try
        {
            root = yaml ? FromYaml(text, source) : JToken.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not a valid OSV advisory: {ex.Message}", ex);
        }
        if (root is not JObject o || o["id"]?.Type != JTokenType.String)
        {
            throw new InvalidDataException($"{source}: not an OSV advisory (no 'id')");
        }
        var adv = new OsvAdvisory { Id = (string)o["id"]!, Source = source };
        adv.Summary = Str(o["summary"]);
        adv.Details = Str(o["details"]);
        adv.Withdrawn = Date(o["withdrawn"]);
        adv.Modified = Date(o["modified"]);
        foreach (var a in Array(o["aliases"]))
        {
            if (Str(a) is { } alias)
            {
                adv.Aliases.Add(alias);
            }
        }
        foreach (var s in Array(o["severity"]))
        {
            if (Str(s["type"]) is { } type && Str(s["score"]) is { } score)
            {
                adv.Severity.Add((type, score));
            }
        }
        adv.DatabaseSeverity = Str(o["database_specific"]?["severity"]);
        foreach (var r in Array(o["references"]))
        {
            if (Str(r["url"]) is { } url)
            {
                adv.References.Add(url);
            }
        }
        foreach (var aff in Array(o["affected"]))
        {
            var affected = new OsvAffected
            {
                Ecosystem = Str(aff["package"]?["ecosystem"]) ?? "",
                Name = Str(aff["package"]?["name"]) ?? "",
            };
            foreach (var v in Array(aff["versions"]))
            {
                if (Str(v) is { } version)
                {
                    affected.Versions.Add(version);
                }
            }
            foreach (var rg in Array(aff["ranges"]))
            {
                var range = new OsvRange { Type = Str(rg["type"]) ?? "" };
                foreach (var ev in Array(rg["events"]))
                {
                    range.Events.Add(new OsvEvent
                    {
                        Introduced = Str(ev["introduced"]),
                        Fixed = Str(ev["fixed"]),
                        LastAffected = Str(ev["last_affected"]),
                        Limit = Str(ev["limit"]),
                    });
                }
                affected.Ranges.Add(range);
            }
            adv.Affected.Add(affected);
        }
        return adv;
    }

    private static JArray Array(JToken? t) => t as JArray ?? new JArray();

    private static string? Str(JToken? t) => t == null || t.Type == JTokenType.Null ? null : t.Type is JTokenType.Object or JTokenType.Array ? null : t.ToString();

    private static DateTimeOffset? Date(JToken? t)
    {
        if (t == null || t.Type == JTokenType.Null)
        {
            return null;
        }
        if (t.Type == JTokenType.Date)
        {
            return new DateTimeOffset((DateTime)t!);
        }
        return DateTimeOffset.TryParse(t.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
    }

    /// <summary>YAML to JSON tokens through the bounded loader; scalars stay text (versions like <c>1.10</c> must not
    /// become numbers).</summary>
    private static JToken FromYaml(string text, string source)
    {
        var content = YamlLoader.Load(text);
        if (content.Problems.Count > 0)
        {
            throw new InvalidDataException($"{source}: not a valid OSV advisory: line {content.Problems[0].Line}: {content.Problems[0].Message}");
        }
        return content.Documents.Count == 0 || content.Documents[0] is null ? JValue.CreateNull() : Convert(content.Documents[0]!);
    }

    private static JToken Convert(YamlValue node) => node switch
    {
        YamlMapping map => ConvertMap(map),
        YamlSequence seq => new JArray(System.Linq.Enumerable.Select(seq.Items, Convert)),
        YamlScalar s => s.Style == YamlScalarStyle.Plain && (s.Value == "null" || s.Value == "~" || s.Value.Length == 0)
            ? JValue.CreateNull()
            : new JValue(s.Value),
        _ => JValue.CreateNull(),
    };

    private static JObject ConvertMap(YamlMapping map)
    {
        var o = new JObject();
        foreach (var kv in map.Pairs)
        {
            if (kv.Key is YamlScalar { Value: { } key })
            {
                o[key] = Convert(kv.Value);
            }
        }
        return o;
    }
}
