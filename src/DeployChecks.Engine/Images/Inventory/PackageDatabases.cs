using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Images.Inventory;

/// <summary>An installed OS package as its database records it.</summary>
public sealed record OsPackage(string Name, string Version, string SourceName, string SourceVersion, string? Architecture);

/// <summary>The package databases and release files of an image's file system, parsed from their text. Malformed
/// records are skipped, never thrown.</summary>
public static class PackageDatabases
{
    /// <summary><c>/etc/os-release</c>: <c>KEY=value</c> lines, values optionally quoted (shell rules, simplified).</summary>
    public static IReadOnlyDictionary<string, string> OsRelease(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            int eq = line.IndexOf('=');
            if (line.Length == 0 || line[0] == '#' || eq <= 0)
            {
                continue;
            }
            string value = line.Substring(eq + 1).Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
            {
                value = value.Substring(1, value.Length - 2).Replace("\\\"", "\"").Replace("\\\\", "\\");
            }
            result[line.Substring(0, eq)] = value;
        }
        return result;
    }

    /// <summary>dpkg's <c>status</c> (or a distroless <c>status.d/NAME</c> file): RFC 822 paragraphs; only packages
    /// whose <c>Status</c> says installed (status.d paragraphs carry no Status and are installed by construction).</summary>
    public static List<OsPackage> Dpkg(string text)
    {
        var result = new List<OsPackage>();
        foreach (var fields in Paragraphs(text, ':'))
        {
            if (!fields.TryGetValue("Package", out var name) || !fields.TryGetValue("Version", out var version) || name.Length == 0 || version.Length == 0)
            {
                continue;
            }
            if (fields.TryGetValue("Status", out var status))
            {
                var words = status.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length < 3 || words[2] != "installed")
                {
                    continue;
                }
            }
            string sourceName = name, sourceVersion = version;
            if (fields.TryGetValue("Source", out var source) && source.Length > 0)
            {
                // "Source: openssl" or "Source: glibc (2.36-9+deb12u4)" when the binary version differs
                int paren = source.IndexOf('(');
                sourceName = (paren > 0 ? source.Substring(0, paren) : source).Trim();
                if (paren > 0 && source.IndexOf(')', paren) is int close && close > paren)
                {
                    sourceVersion = source.Substring(paren + 1, close - paren - 1).Trim();
                }
            }
            fields.TryGetValue("Architecture", out var arch);
            result.Add(new OsPackage(name, version, sourceName, sourceVersion, arch));
        }
        return result;
    }

    /// <summary>apk's <c>lib/apk/db/installed</c>: records of <c>X:value</c> lines (P name, V version, A arch, o origin).</summary>
    public static List<OsPackage> Apk(string text)
    {
        var result = new List<OsPackage>();
        foreach (var fields in Paragraphs(text, ':', singleLetter: true))
        {
            if (!fields.TryGetValue("P", out var name) || !fields.TryGetValue("V", out var version) || name.Length == 0 || version.Length == 0)
            {
                continue;
            }
            fields.TryGetValue("o", out var origin);
            fields.TryGetValue("A", out var arch);
            result.Add(new OsPackage(name, version, string.IsNullOrEmpty(origin) ? name : origin!, version, arch));
        }
        return result;
    }

    /// <summary>Name and Version of a core-metadata file (<c>METADATA</c>, <c>PKG-INFO</c>): the header block only.</summary>
    public static (string Name, string Version)? PythonMetadata(string text)
    {
        string? name = null, version = null;
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                break;
            }
            if (line.StartsWith("Name:", StringComparison.OrdinalIgnoreCase) && name == null)
            {
                name = line.Substring(5).Trim();
            }
            else if (line.StartsWith("Version:", StringComparison.OrdinalIgnoreCase) && version == null)
            {
                version = line.Substring(8).Trim();
            }
        }
        return string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version) ? null : (name!, version!);
    }

    private static IEnumerable<Dictionary<string, string>> Paragraphs(string text, char separator, bool singleLetter = false)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        int pos = 0;
        while (pos <= text.Length)
        {
            int end = text.IndexOf('\n', pos);
            if (end < 0)
            {
                end = text.Length;
            }
            string line = text.Substring(pos, end - pos).TrimEnd('\r');
            pos = end + 1;
            if (line.Trim().Length == 0)
            {
                if (fields.Count > 0)
                {
                    yield return fields;
                    fields = new Dictionary<string, string>(StringComparer.Ordinal);
                }
                if (end == text.Length)
                {
                    break;
                }
                continue;
            }
            if (line[0] == ' ' || line[0] == '\t')
            {
                continue; // continuation of a multi-line field (Description, Conffiles)
            }
            int colon = line.IndexOf(separator);
            if (colon <= 0 || singleLetter && colon != 1)
            {
                continue;
            }
            string key = line.Substring(0, colon);
            if (!fields.ContainsKey(key))
            {
                fields[key] = line.Substring(colon + 1).Trim();
            }
        }
        if (fields.Count > 0)
        {
            yield return fields;
        }
    }
}
