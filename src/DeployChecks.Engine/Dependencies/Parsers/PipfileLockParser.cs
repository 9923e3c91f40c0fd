using System;
using System.Collections.Generic;
using System.IO;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>
/// <c>Pipfile.lock</c> (JSON): <c>default</c> (group <c>main</c>), <c>develop</c> (<c>dev</c>) and other
/// categories, each package's <c>version</c>, <c>hashes</c>, <c>markers</c>, <c>index</c>, VCS fields; <c>_meta</c>
/// (<c>hash.sha256</c> as metadata <c>hash-sha256</c>, <c>pipfile-spec</c>, <c>requires</c>, <c>sources</c>).
/// </summary>
public sealed class PipfileLockParser : IArtifactParser<DependencyDocument>
{
    public static PipfileLockParser Instance { get; } = new();

    public DependencyDocument Parse(WorkspaceFile file, SourceText text) => Parse(file.RelativePath, text);

    public DependencyDocument Parse(string source, SourceText text)
    {
        var doc = new DependencyDocument(source, DependencySourceKind.PipfileLock);
        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text.Text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            var token = JToken.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Replace });
            if (token is not JObject obj)
            {
                doc.AddProblem(1, "Pipfile.lock should be a JSON object");
                return doc;
            }
            root = obj;
        }
        catch (JsonException ex)
        {
            int line = ex is JsonReaderException r ? r.LineNumber : 0;
            doc.AddProblem(line, "invalid JSON: " + ex.Message);
            return doc;
        }
        if (root["_meta"] is JObject meta)
        {
            ReadMeta(doc, meta);
        }
        foreach (var property in root.Properties())
        {
            if (property.Name == "_meta")
            {
                continue;
            }
            string group = property.Name switch
            {
                "default" => "main",
                "develop" => "dev",
                _ => property.Name,
            };
            if (property.Value is not JObject packages)
            {
                doc.AddProblem(Line(property), $"'{property.Name}' should be an object of packages");
                continue;
            }
            foreach (var package in packages.Properties())
            {
                ReadPackage(doc, package, group);
            }
        }
        return doc;
    }

    private static void ReadMeta(DependencyDocument doc, JObject meta)
    {
        if (meta["hash"] is JObject hash && hash["sha256"] is JValue { Type: JTokenType.String } sha)
        {
            doc.SetMetadata("hash-sha256", (string)sha!, Line(sha));
        }
        if (meta["pipfile-spec"] is JValue spec)
        {
            doc.SetMetadata("pipfile-spec", Convert.ToString(spec.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "", Line(spec));
        }
        if (meta["requires"] is JObject requires)
        {
            foreach (var p in requires.Properties())
            {
                if (p.Value is JValue { Type: JTokenType.String } v)
                {
                    doc.SetMetadata(p.Name, (string)v!, Line(p));
                }
            }
        }
        if (meta["sources"] is JArray sources)
        {
            foreach (var s in sources)
            {
                if (s is JObject o && o["url"] is JValue { Type: JTokenType.String } url)
                {
                    bool verify = o["verify_ssl"] is not JValue { Type: JTokenType.Boolean } b || (bool)b!;
                    doc.Sources.Add(new PackageIndexSource((string?)(o["name"] as JValue), (string)url!, verify, Line(url)));
                }
            }
        }
    }

    private static void ReadPackage(DependencyDocument doc, JProperty package, string group)
    {
        int line = Line(package);
        if (package.Value is not JObject p)
        {
            doc.AddProblem(line, $"{package.Name}: expected an object");
            return;
        }
        string? version = Str(p, "version");
        string? exact = version != null && version.StartsWith("==", StringComparison.Ordinal) ? version.Substring(2) : null;
        var entry = EntryFactory.Locked(doc, package.Name, exact, line, group, DependencySourceKind.PipfileLock);
        if (version != null && exact == null)
        {
            entry.Specifier = version;
        }
        entry.Markers = Str(p, "markers");
        entry.Index = Str(p, "index");
        entry.IsEditable = p["editable"] is JValue { Type: JTokenType.Boolean } e && (bool)e!;
        foreach (string vcs in new[] { "git", "hg", "svn", "bzr" })
        {
            if (Str(p, vcs) is string url)
            {
                entry.Url = url;
                entry.Vcs = vcs;
                entry.VcsRef = Str(p, "ref");
                entry.IsPinned = entry.VcsRef != null && entry.VcsRef.Length >= 40;
            }
        }
        entry.Url ??= Str(p, "path") ?? Str(p, "file");
        if (p["hashes"] is JArray hashes)
        {
            var list = new List<string>();
            foreach (var h in hashes)
            {
                if (h is JValue { Type: JTokenType.String } hv)
                {
                    EntryFactory.AddHash(list, (string)hv!);
                }
            }
            entry.Hashes = EntryFactory.ToArray(list);
        }
        if (p["extras"] is JArray extras)
        {
            var list = new List<string>();
            foreach (var x in extras)
            {
                if (x is JValue { Type: JTokenType.String } xv)
                {
                    list.Add((string)xv!);
                }
            }
            entry.Extras = list.ToArray();
        }
        doc.Entries.Add(entry);
    }

    private static string? Str(JObject o, string key) => o[key] is JValue { Type: JTokenType.String } v ? (string?)v : null;

    private static int Line(JToken token) => token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
}
