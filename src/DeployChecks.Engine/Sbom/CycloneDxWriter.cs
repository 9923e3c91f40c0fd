using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using DeployChecks.Engine.Dependencies;
using DeployChecks.Engine.Dependencies.Requirements;
using DeployChecks.Engine.Dependencies.Versioning;
using Newtonsoft.Json;

namespace DeployChecks.Engine.Sbom;

/// <summary>What goes into one SBOM: dependency entries (from files or the pipeline), the lock graph when the files
/// give one, the project described, and optionally the advisories that affect the components.</summary>
public sealed class SbomInput
{
    public List<DependencyLockEntry> Entries { get; } = new();

    /// <summary>Normalised package name → normalised names it depends on (see
    /// <see cref="DependencyDocument.PackageDependencies"/>).</summary>
    public Dictionary<string, HashSet<string>> Graph { get; } = new(StringComparer.Ordinal);

    /// <summary>The project the SBOM describes (<c>metadata.component</c>); none when null.</summary>
    public string? ProjectName { get; set; }

    public string? ProjectVersion { get; set; }

    public List<VulnerabilityMatch> Vulnerabilities { get; } = new();

    /// <summary>OS packages of a scanned image (dpkg, apk), written with their own purls; an image's Python
    /// packages go into <see cref="Entries"/> like any other PyPI dependency.</summary>
    public List<ImagePackage> OsPackages { get; } = new();

    /// <summary>Adds an image package: Python distributions as PyPI entries (source: image and path in it), OS
    /// packages as they are.</summary>
    public void Add(ImagePackage package)
    {
        if (package.Type == "python")
        {
            Entries.Add(new DependencyLockEntry
            {
                Name = package.Name,
                NormalizedName = Dependencies.Requirements.PackageName.NormalizeOrKeep(package.Name),
                Version = package.Version,
                IsPinned = true,
                IsDirect = false,
                Source = package.Image + "!" + package.Path,
            });
        }
        else
        {
            OsPackages.Add(package);
        }
    }

    /// <summary>Adds a parsed file: its entries, its lock graph, and the project name/version of a
    /// <c>pyproject.toml</c> <c>[project]</c> table (the first one read wins).</summary>
    public void Add(DependencyDocument doc)
    {
        Entries.AddRange(doc.Entries);
        foreach (var kv in doc.PackageDependencies)
        {
            if (!Graph.TryGetValue(kv.Key, out var set))
            {
                Graph[kv.Key] = set = new HashSet<string>(StringComparer.Ordinal);
            }
            set.UnionWith(kv.Value);
        }
        if (ProjectName == null && doc.Metadata.TryGetValue("name", out var name) &&
            (doc.Kind == DependencySourceKind.Pyproject || doc.Kind == DependencySourceKind.PoetryPyproject))
        {
            ProjectName = name;
            ProjectVersion = doc.Metadata.TryGetValue("version", out var v) ? v : null;
        }
    }
}

/// <summary>Options that make the output reproducible: with both set, the same input gives the same bytes.</summary>
public sealed class SbomOptions
{
    /// <summary>The <c>serialNumber</c> UUID; default: derived from the content (the same components, graph and
    /// project give the same number), so an unchanged project keeps its serial number.</summary>
    public Guid? SerialNumber { get; set; }

    /// <summary><c>metadata.timestamp</c>; default: now, or <c>SOURCE_DATE_EPOCH</c> when that is set
    /// (reproducible-builds.org).</summary>
    public DateTimeOffset? Timestamp { get; set; }

    public string ToolVersion { get; set; } = "0.0.0";
}

/// <summary>
/// CycloneDX 1.5 JSON (https://cyclonedx.org/docs/1.5/json/): one <c>library</c> component per distinct package
/// version, with a package URL (<c>pkg:pypi/name@version</c>, purl-spec PyPI rules: lower case, <c>_</c> → <c>-</c>,
/// percent-encoded version), the file hashes of locks under CycloneDX algorithm names, <c>scope</c> required for the
/// main group and optional for dev/extra groups, and <c>deploychecks:*</c> properties for source file, line and group;
/// <c>dependencies</c> from the lock graph and the project's direct dependencies; <c>vulnerabilities</c> when matches
/// are given. Everything except <c>serialNumber</c> and <c>timestamp</c> is a function of the input (sorted output).
/// </summary>
public static class CycloneDxWriter
{
    public const string SpecVersion = "1.5";

    private static readonly Dictionary<string, (string Name, int HexLength)> HashAlgorithms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["md5"] = ("MD5", 32),
        ["sha1"] = ("SHA-1", 40),
        ["sha256"] = ("SHA-256", 64),
        ["sha384"] = ("SHA-384", 96),
        ["sha512"] = ("SHA-512", 128),
        ["sha3_256"] = ("SHA3-256", 64),
        ["sha3_384"] = ("SHA3-384", 96),
        ["sha3_512"] = ("SHA3-512", 128),
        ["blake2b"] = ("BLAKE2b-512", 128),
    };

    private sealed class Component
    {
        public string Name = "";
        public string Normalized = "";
        public string? Version;
        public string Purl = "";
        public bool Required;
        public bool Direct;
        public readonly SortedSet<string> Groups = new(StringComparer.Ordinal);
        public readonly SortedSet<string> Sources = new(StringComparer.Ordinal);
        public readonly SortedDictionary<string, SortedSet<string>> Hashes = new(StringComparer.Ordinal);
    }

    public static string WriteToString(SbomInput input, SbomOptions options)
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(input, options, sw);
        return sw.ToString();
    }

    public static void Write(SbomInput input, SbomOptions options, TextWriter output)
    {
        string? rootRef = input.ProjectName == null ? null : Purl(input.ProjectName, input.ProjectVersion);
        // The project itself is metadata.component, not one of its own components (bom-refs must be unique).
        var components = Components(input).Where(c => c.Purl != rootRef).ToList();
        var dependencies = Dependencies(input, components, rootRef);
        Guid serial = options.SerialNumber ?? ContentSerial(components, dependencies, rootRef);
        DateTimeOffset timestamp = options.Timestamp ?? SourceDateEpoch() ?? DateTimeOffset.UtcNow;

        using var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        w.WritePropertyName("$schema");
        w.WriteValue("http://cyclonedx.org/schema/bom-1.5.schema.json");
        w.WritePropertyName("bomFormat");
        w.WriteValue("CycloneDX");
        w.WritePropertyName("specVersion");
        w.WriteValue(SpecVersion);
        w.WritePropertyName("serialNumber");
        w.WriteValue("urn:uuid:" + serial.ToString("D"));
        w.WritePropertyName("version");
        w.WriteValue(1);

        w.WritePropertyName("metadata");
        w.WriteStartObject();
        w.WritePropertyName("timestamp");
        w.WriteValue(timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WritePropertyName("tools");
        w.WriteStartObject();
        w.WritePropertyName("components");
        w.WriteStartArray();
        w.WriteStartObject();
        Prop(w, "type", "application");
        Prop(w, "name", "DeployChecks");
        Prop(w, "version", options.ToolVersion);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        if (input.ProjectName != null)
        {
            w.WritePropertyName("component");
            w.WriteStartObject();
            Prop(w, "type", "application");
            Prop(w, "bom-ref", rootRef!);
            Prop(w, "name", input.ProjectName);
            if (input.ProjectVersion != null)
            {
                Prop(w, "version", input.ProjectVersion);
            }
            Prop(w, "purl", rootRef!);
            w.WriteEndObject();
        }
        w.WriteEndObject();

        w.WritePropertyName("components");
        w.WriteStartArray();
        foreach (var c in components)
        {
            WriteComponent(w, c);
        }
        w.WriteEndArray();

        if (dependencies.Count > 0)
        {
            w.WritePropertyName("dependencies");
            w.WriteStartArray();
            foreach (var kv in dependencies)
            {
                w.WriteStartObject();
                Prop(w, "ref", kv.Key);
                w.WritePropertyName("dependsOn");
                w.WriteStartArray();
                foreach (string d in kv.Value)
                {
                    w.WriteValue(d);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        if (input.Vulnerabilities.Count > 0)
        {
            WriteVulnerabilities(w, input.Vulnerabilities, components);
        }
        w.WriteEndObject();
        w.Flush();
        output.Write("\n");
    }

    /// <summary>The package URL of a PyPI package (purl-spec PURL-TYPES: name lower-cased, <c>_</c> → <c>-</c>;
    /// components percent-encoded).</summary>
    public static string Purl(string name, string? version)
    {
        string n = name.ToLowerInvariant().Replace('_', '-');
        return "pkg:pypi/" + Encode(n) + (string.IsNullOrEmpty(version) ? "" : "@" + Encode(version!));
    }

    private static string Encode(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(s))
        {
            char c = (char)b;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '.' or '-' or '_' or '~')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(((int)b).ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }

    private static List<Component> Components(SbomInput input)
    {
        // Constraint entries install nothing; an entry without a version only stands for its package when no file
        // gives that package a version (a manifest next to its lock adds nothing).
        var usable = input.Entries.Where(e => !e.IsConstraint && !string.IsNullOrEmpty(e.Name)).ToList();
        var versioned = new HashSet<string>(usable.Where(e => !string.IsNullOrEmpty(e.Version)).Select(Normalized), StringComparer.Ordinal);
        var byKey = new Dictionary<string, Component>(StringComparer.Ordinal);
        foreach (var e in usable)
        {
            string normalized = Normalized(e);
            string? version = string.IsNullOrEmpty(e.Version) ? null : e.Version;
            if (version == null && versioned.Contains(normalized))
            {
                continue;
            }
            string key = normalized + "@" + version;
            if (!byKey.TryGetValue(key, out var c))
            {
                // The purl keeps the name as written, as purl-spec says for PyPI (so zope.interface stays dotted).
                byKey[key] = c = new Component { Name = e.Name, Normalized = normalized, Version = version, Purl = Purl(e.Name, version) };
            }
            foreach (string g in (e.Group ?? "main").Split(','))
            {
                string group = g.Trim();
                if (group.Length > 0)
                {
                    c.Groups.Add(group);
                }
                c.Required |= group == "main" || group.Length == 0;
            }
            c.Direct |= e.IsDirect;
            if (!string.IsNullOrEmpty(e.Source))
            {
                c.Sources.Add(e.Line > 0 ? e.Source + ":" + e.Line.ToString(CultureInfo.InvariantCulture) : e.Source);
            }
            foreach (string h in e.Hashes ?? Array.Empty<string>())
            {
                int colon = h.IndexOf(':');
                if (colon <= 0 || !HashAlgorithms.TryGetValue(h.Substring(0, colon), out var alg))
                {
                    continue;
                }
                string hex = h.Substring(colon + 1).ToLowerInvariant();
                if (hex.Length != alg.HexLength || !hex.All(Uri.IsHexDigit))
                {
                    continue;
                }
                if (!c.Hashes.TryGetValue(alg.Name, out var set))
                {
                    c.Hashes[alg.Name] = set = new SortedSet<string>(StringComparer.Ordinal);
                }
                set.Add(hex);
            }
        }
        foreach (var p in input.OsPackages.Where(p => p.Name.Length > 0 && p.Purl.Length > 0))
        {
            string key = "os:" + p.Purl;
            if (!byKey.TryGetValue(key, out var c))
            {
                byKey[key] = c = new Component { Name = p.Name, Normalized = PackageName.NormalizeOrKeep(p.Name), Version = p.Version, Purl = p.Purl, Required = true };
            }
            c.Sources.Add(p.Image + "!" + p.Path);
        }
        return byKey.Values.OrderBy(c => c.Normalized, StringComparer.Ordinal)
            .ThenBy(c => c.Version, VersionOrder.Instance)
            .ToList();
    }

    /// <summary>PEP 440 order where both parse, then ordinal: a total order, so the output is deterministic.</summary>
    private sealed class VersionOrder : IComparer<string?>
    {
        public static readonly VersionOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            if (x == null || y == null)
            {
                return x == null ? (y == null ? 0 : -1) : 1;
            }
            if (Pep440Version.TryParse(x, out var a) && a != null &&
                Pep440Version.TryParse(y, out var b) && b != null)
            {
                int c = a.CompareTo(b);
                if (c != 0)
                {
                    return c;
                }
            }
            return string.CompareOrdinal(x, y);
        }
    }

    private static string Normalized(DependencyLockEntry e) =>
        string.IsNullOrEmpty(e.NormalizedName) ? PackageName.NormalizeOrKeep(e.Name) : e.NormalizedName;

    private static SortedDictionary<string, SortedSet<string>> Dependencies(SbomInput input, List<Component> components, string? rootRef)
    {
        var result = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var refsByName = components.GroupBy(c => c.Normalized, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Purl).ToList(), StringComparer.Ordinal);
        if (input.Graph.Count > 0)
        {
            foreach (var c in components)
            {
                var set = new SortedSet<string>(StringComparer.Ordinal);
                if (input.Graph.TryGetValue(c.Normalized, out var deps))
                {
                    foreach (string d in deps)
                    {
                        if (refsByName.TryGetValue(d, out var refs))
                        {
                            set.UnionWith(refs.Where(r => r != c.Purl));
                        }
                    }
                }
                result[c.Purl] = set;
            }
        }
        if (rootRef != null)
        {
            var direct = new SortedSet<string>(components.Where(c => c.Direct).Select(c => c.Purl), StringComparer.Ordinal);
            direct.Remove(rootRef);
            result[rootRef] = direct;
        }
        return result;
    }

    private static void WriteComponent(JsonTextWriter w, Component c)
    {
        w.WriteStartObject();
        Prop(w, "type", "library");
        Prop(w, "bom-ref", c.Purl);
        Prop(w, "name", c.Name);
        if (c.Version != null)
        {
            Prop(w, "version", c.Version);
        }
        Prop(w, "scope", c.Required ? "required" : "optional");
        if (c.Hashes.Count > 0)
        {
            w.WritePropertyName("hashes");
            w.WriteStartArray();
            foreach (var kv in c.Hashes)
            {
                foreach (string content in kv.Value)
                {
                    w.WriteStartObject();
                    Prop(w, "alg", kv.Key);
                    Prop(w, "content", content);
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
        }
        Prop(w, "purl", c.Purl);
        var properties = c.Sources.Select(s => ("deploychecks:source", s))
            .Concat(c.Groups.Select(g => ("deploychecks:group", g)))
            .Concat(new[] { ("deploychecks:direct", c.Direct ? "true" : "false") })
            .ToList();
        w.WritePropertyName("properties");
        w.WriteStartArray();
        foreach (var (name, value) in properties)
        {
            w.WriteStartObject();
            Prop(w, "name", name);
            Prop(w, "value", value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteVulnerabilities(JsonTextWriter w, List<VulnerabilityMatch> matches, List<Component> components)
    {
        var refs = components.Where(c => c.Version != null)
            .ToDictionary(c => c.Normalized + "@" + c.Version, c => c.Purl, StringComparer.Ordinal);
        var byAdvisory = matches
            .Select(m => (Match: m, Ref: refs.TryGetValue(PackageName.NormalizeOrKeep(m.Package) + "@" + m.Version, out var r) ? r : null))
            .Where(x => x.Ref != null)
            .GroupBy(x => x.Match.AdvisoryId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        w.WritePropertyName("vulnerabilities");
        w.WriteStartArray();
        foreach (var g in byAdvisory)
        {
            var m = g.First().Match;
            w.WriteStartObject();
            Prop(w, "bom-ref", "vulnerability:" + m.AdvisoryId);
            Prop(w, "id", m.AdvisoryId);
            w.WritePropertyName("source");
            w.WriteStartObject();
            Prop(w, "name", "OSV");
            Prop(w, "url", "https://osv.dev/vulnerability/" + Uri.EscapeDataString(m.AdvisoryId));
            w.WriteEndObject();
            var aliases = m.Aliases.Where(a => !string.IsNullOrEmpty(a)).Distinct(StringComparer.Ordinal).OrderBy(a => a, StringComparer.Ordinal).ToList();
            if (aliases.Count > 0)
            {
                w.WritePropertyName("references");
                w.WriteStartArray();
                foreach (string alias in aliases)
                {
                    w.WriteStartObject();
                    Prop(w, "id", alias);
                    w.WritePropertyName("source");
                    w.WriteStartObject();
                    Prop(w, "name", alias.StartsWith("CVE-", StringComparison.Ordinal) ? "NVD" : alias.StartsWith("GHSA-", StringComparison.Ordinal) ? "GitHub" : "OSV");
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WritePropertyName("ratings");
            w.WriteStartArray();
            w.WriteStartObject();
            if (m.Score is double score)
            {
                w.WritePropertyName("score");
                w.WriteValue(score);
            }
            Prop(w, "severity", m.Severity switch
            {
                Severity.Critical => "critical",
                Severity.High => "high",
                Severity.Medium => "medium",
                Severity.Low => "low",
                _ => "info",
            });
            if (m.Vector != null)
            {
                Prop(w, "method", m.Vector.StartsWith("CVSS:4.0/", StringComparison.Ordinal) ? "CVSSv4"
                    : m.Vector.StartsWith("CVSS:3.1/", StringComparison.Ordinal) ? "CVSSv31" : "CVSSv3");
                Prop(w, "vector", m.Vector);
            }
            w.WriteEndObject();
            w.WriteEndArray();
            if (!string.IsNullOrEmpty(m.Summary))
            {
                Prop(w, "description", m.Summary!);
            }
            var fixes = g.Select(x => x.Match.FixVersion).Where(f => f != null).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (fixes.Count > 0)
            {
                Prop(w, "recommendation", "Upgrade to " + string.Join(" / ", fixes) + " or later.");
            }
            var urls = m.References.Where(r => Uri.TryCreate(r, UriKind.Absolute, out _)).Distinct(StringComparer.Ordinal).ToList();
            if (urls.Count > 0)
            {
                w.WritePropertyName("advisories");
                w.WriteStartArray();
                foreach (string url in urls)
                {
                    w.WriteStartObject();
                    Prop(w, "url", url);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WritePropertyName("affects");
            w.WriteStartArray();
            foreach (string r in g.Select(x => x.Ref!).Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                Prop(w, "ref", r);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Prop(JsonTextWriter w, string name, string value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    /// <summary>A name-based UUID (RFC 4122 version 5 layout over SHA-1) of the components, graph and project.</summary>
    private static Guid ContentSerial(List<Component> components, SortedDictionary<string, SortedSet<string>> dependencies, string? rootRef)
    {
        var sb = new StringBuilder();
        sb.Append(rootRef).Append('\n');
        foreach (var c in components)
        {
            sb.Append(c.Purl).Append('|').Append(c.Required).Append('|').Append(string.Join(",", c.Sources)).Append('|')
                .Append(string.Join(",", c.Hashes.SelectMany(kv => kv.Value))).Append('\n');
        }
        foreach (var kv in dependencies)
        {
            sb.Append(kv.Key).Append("->").Append(string.Join(",", kv.Value)).Append('\n');
        }
        byte[] hash;
        using (var sha1 = SHA1.Create())
        {
            hash = sha1.ComputeHash(Encoding.UTF8.GetBytes(sb.ToString()));
        }
        var bytes = new byte[16];
        Array.Copy(hash, bytes, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        // Guid's first three fields are little-endian in its byte constructor; swap so the text matches RFC 4122.
        Array.Reverse(bytes, 0, 4);
        Array.Reverse(bytes, 4, 2);
        Array.Reverse(bytes, 6, 2);
        return new Guid(bytes);
    }

    private static DateTimeOffset? SourceDateEpoch()
    {
        string? value = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }
}
