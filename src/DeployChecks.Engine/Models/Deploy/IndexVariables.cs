using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts.Yaml;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Deploy;

/// <summary>pip's and uv's environment variables that name where packages come from, and where YAML files set them.</summary>
internal static class IndexVariables
{
    public static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_TRUSTED_HOST", "PIP_FIND_LINKS",
        "UV_INDEX_URL", "UV_EXTRA_INDEX_URL", "UV_DEFAULT_INDEX", "UV_INDEX", "UV_INSECURE_HOST", "UV_FIND_LINKS",
    };

    /// <summary>pip's and uv's index variables wherever a CI or compose file sets them: GitHub Actions and compose
    /// <c>env:</c>/<c>environment:</c>/<c>args:</c> mappings, GitLab <c>variables:</c> (plain or <c>{value: …}</c>),
    /// Azure <c>variables:</c> lists of <c>name:</c>/<c>value:</c>, and compose's <c>- VAR=value</c> lists.</summary>
    public static void FromYaml(WorkspaceFile file, YamlValue node, List<IndexSetting> into, int depth = 0)
    {
        if (depth > 12)
        {
            return;
        }
        switch (node)
        {
            case YamlMapping map:
                if (map.GetString("name") is { } named && Names.Contains(named) && map["value"] is YamlScalar { Value: { Length: > 0 } v } azure)
                {
                    into.Add(new IndexSetting(file, azure.Line, named, v));
                }
                foreach (var kv in map.Pairs)
                {
                    string? key = kv.Key.String;
                    var value = kv.Value is YamlMapping { } wrapped && key != null && Names.Contains(key) ? wrapped["value"] : kv.Value;
                    if (key != null && Names.Contains(key) && value is YamlScalar { Value: { Length: > 0 } text } scalar)
                    {
                        into.Add(new IndexSetting(file, scalar.Line, key, text));
                    }
                    else
                    {
                        FromYaml(file, kv.Value, into, depth + 1);
                    }
                }
                break;
            case YamlSequence seq:
                foreach (var item in seq.Items)
                {
                    if (item is YamlScalar { Value: { } entry } scalar && entry.IndexOf('=') is int eq && eq > 0 &&
                        Names.Contains(entry.Substring(0, eq)) && eq + 1 < entry.Length)
                    {
                        into.Add(new IndexSetting(file, scalar.Line, entry.Substring(0, eq), entry.Substring(eq + 1)));
                    }
                    else
                    {
                        FromYaml(file, item, into, depth + 1);
                    }
                }
                break;
        }
    }
}
