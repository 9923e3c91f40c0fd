using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts.Yaml;

namespace DeployChecks.Engine.Artifacts.Compose;

/// <summary>
/// Merges compose files as <c>docker compose</c> does (compose-go <c>override/merge.go</c> and <c>uncity.go</c>, the
/// compose specification's 13-merge.md): mappings merge key by key; sequences append; <c>command</c>,
/// <c>entrypoint</c> and <c>healthcheck.test</c> are replaced; <c>environment</c>, <c>labels</c>, <c>build.args</c>,
/// <c>env_file</c>, <c>dns*</c>, <c>sysctls</c>, <c>tmpfs</c>… are turned into <c>KEY=value</c> sequences and appended;
/// <c>build</c> as a string is a context; <c>depends_on</c> and <c>networks</c> lists become mappings; <c>logging</c>
/// merges only for the same driver; <c>!reset</c> removes a value and <c>!override</c> replaces it. Then uniqueness:
/// <c>environment</c>/<c>labels</c>/… by key, <c>volumes</c> by target, <c>ports</c> by ip:published:target/protocol,
/// <c>secrets</c>/<c>configs</c> by target, <c>env_file</c> by path — a later entry replaces an earlier one in place.
/// Merged nodes keep their source file and line.
/// </summary>
internal static class ComposeMerge
{
    private enum Rule
    {
        Default,
        Override,
        Build,
        ToSequence,
        ExtraHosts,
        DependsOn,
        ToMapping,
        Logging,
    }

    private static readonly (string Pattern, Rule Rule)[] Specials =
    {
        ("networks.*.labels", Rule.ToSequence),
        ("volumes.*.labels", Rule.ToSequence),
        ("services.*.annotations", Rule.ToSequence),
        ("services.*.build", Rule.Build),
        ("services.*.build.args", Rule.ToSequence),
        ("services.*.build.additional_contexts", Rule.ToSequence),
        ("services.*.build.extra_hosts", Rule.ExtraHosts),
        ("services.*.build.labels", Rule.ToSequence),
        ("services.*.command", Rule.Override),
        ("services.*.depends_on", Rule.DependsOn),
        ("services.*.deploy.labels", Rule.ToSequence),
        ("services.*.dns", Rule.ToSequence),
        ("services.*.dns_opt", Rule.ToSequence),
        ("services.*.dns_search", Rule.ToSequence),
        ("services.*.entrypoint", Rule.Override),
        ("services.*.env_file", Rule.ToSequence),
        ("services.*.label_file", Rule.ToSequence),
        ("services.*.environment", Rule.ToSequence),
        ("services.*.extra_hosts", Rule.ExtraHosts),
        ("services.*.healthcheck.test", Rule.Override),
        ("services.*.labels", Rule.ToSequence),
        ("services.*.volumes.*.volume.labels", Rule.ToSequence),
        ("services.*.logging", Rule.Logging),
        ("services.*.models", Rule.ToMapping),
        ("services.*.networks", Rule.ToMapping),
        ("services.*.sysctls", Rule.ToSequence),
        ("services.*.tmpfs", Rule.ToSequence),
        ("services.*.ulimits.*", Rule.Override),
    };

    private enum Index
    {
        KeyValue,
        Volume,
        Port,
        Mount,
        Secret,
        EnvFile,
        Expose,
    }

    private static readonly (string Pattern, Index Index)[] Unique =
    {
        ("networks.*.labels", Index.KeyValue),
        ("networks.*.ipam.options", Index.KeyValue),
        ("services.*.annotations", Index.KeyValue),
        ("services.*.build.args", Index.KeyValue),
        ("services.*.build.additional_contexts", Index.KeyValue),
        ("services.*.build.platform", Index.KeyValue),
        ("services.*.build.tags", Index.KeyValue),
        ("services.*.build.labels", Index.KeyValue),
        ("services.*.cap_add", Index.KeyValue),
        ("services.*.cap_drop", Index.KeyValue),
        ("services.*.configs", Index.Mount),
        ("services.*.deploy.labels", Index.KeyValue),
        ("services.*.dns", Index.KeyValue),
        ("services.*.dns_opt", Index.KeyValue),
        ("services.*.dns_search", Index.KeyValue),
        ("services.*.environment", Index.KeyValue),
        ("services.*.env_file", Index.EnvFile),
        ("services.*.expose", Index.Expose),
        ("services.*.labels", Index.KeyValue),
        ("services.*.links", Index.KeyValue),
        ("services.*.networks.*.aliases", Index.KeyValue),
        ("services.*.networks.*.link_local_ips", Index.KeyValue),
        ("services.*.ports", Index.Port),
        ("services.*.profiles", Index.KeyValue),
        ("services.*.secrets", Index.Secret),
        ("services.*.sysctls", Index.KeyValue),
        ("services.*.tmpfs", Index.KeyValue),
        ("services.*.volumes", Index.Volume),
    };

    public const string ResetTag = "!reset";
    public const string OverrideTag = "!override";

    /// <summary>Merges <paramref name="other"/> over <paramref name="value"/> at <paramref name="path"/>.</summary>
    public static YamlValue Merge(YamlValue value, YamlValue other, List<string> path, List<ArtifactProblem> problems)
    {
        if (other.Tag == OverrideTag)
        {
            return other;
        }
        switch (RuleAt(path))
        {
            case Rule.Override:
                return other;
            case Rule.Build:
                return MergeMappings(AsBuild(value), AsBuild(other), path, problems);
            case Rule.ToSequence:
                return Append(WithoutReset(ToSequence(value), other), ToSequence(other), dedupe: false);
            case Rule.ExtraHosts:
                return Append(ToSequence(value), ToSequence(other), dedupe: true);
            case Rule.DependsOn:
                return MergeMappings(ToMapping(value, dependsOn: true), ToMapping(other, dependsOn: true), path, problems);
            case Rule.ToMapping:
                return MergeMappings(ToMapping(value, dependsOn: false), ToMapping(other, dependsOn: false), path, problems);
            case Rule.Logging:
                if (value is YamlMapping lv && other is YamlMapping lo && lo.GetString("driver") is { } d && lv.GetString("driver") is { } b && d != b)
                {
                    return other;
                }
                break;
        }
        if (other.IsNull && other.Tag == null)
        {
            return value;
        }
        switch (value)
        {
            case YamlMapping map when other is YamlMapping otherMap:
                return MergeMappings(map, otherMap, path, problems);
            case YamlSequence seq when other is YamlSequence otherSeq:
                return Append(seq, otherSeq, dedupe: false);
            case YamlMapping or YamlSequence:
                problems.Add(new ArtifactProblem(ComposeFile.ErrorId, other.Line, other.Column,
                    $"cannot override {string.Join(".", path)} with a value of another shape; the later value is used"));
                return other;
            default:
                return other;
        }
    }

    public static YamlMapping MergeMappings(YamlMapping value, YamlMapping other, List<string> path, List<ArtifactProblem> problems)
    {
        var entries = new List<YamlEntry>(value.Pairs.Count + other.Pairs.Count);
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in value.Pairs)
        {
            if (p.Name is { } name)
            {
                at[name] = entries.Count;
            }
            entries.Add(p);
        }
        var removed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in other.Pairs)
        {
            if (p.Name is not { } name)
            {
                continue;
            }
            if (p.Value.Tag == ResetTag)
            {
                removed.Add(name);
                continue;
            }
            if (!at.TryGetValue(name, out int i) || removed.Contains(name))
            {
                removed.Remove(name);
                at[name] = entries.Count;
                entries.Add(p);
                continue;
            }
            path.Add(name);
            var merged = Merge(entries[i].Value, p.Value, path, problems);
            path.RemoveAt(path.Count - 1);
            entries[i] = new YamlEntry(entries[i].Key, merged);
        }
        if (removed.Count > 0)
        {
            entries.RemoveAll(e => e.Name != null && removed.Contains(e.Name));
        }
        return Synthesize(value, entries);
    }

    /// <summary>Removes <c>!reset</c> values from a file's tree (what compose does when it loads a file).</summary>
    public static YamlMapping StripResets(YamlMapping map)
    {
        List<YamlEntry>? kept = null;
        for (int i = 0; i < map.Pairs.Count; i++)
        {
            var p = map.Pairs[i];
            var value = p.Value is YamlMapping child ? StripResets(child) : p.Value;
            bool drop = p.Value.Tag == ResetTag;
            if (kept == null && (drop || !ReferenceEquals(value, p.Value)))
            {
                kept = new List<YamlEntry>(map.Pairs.Count);
                for (int j = 0; j < i; j++)
                {
                    kept.Add(map.Pairs[j]);
                }
            }
            if (!drop)
            {
                kept?.Add(ReferenceEquals(value, p.Value) ? p : new YamlEntry(p.Key, value));
            }
        }
        return kept == null ? map : Synthesize(map, kept);
    }

    /// <summary>Uniqueness of the listed sequences: a later entry with the same key replaces the earlier one in place.</summary>
    public static YamlMapping EnforceUniqueness(YamlMapping root) => (YamlMapping)Unify(root, new List<string>());

    private static YamlValue Unify(YamlValue node, List<string> path)
    {
        switch (node)
        {
            case YamlMapping map:
            {
                List<YamlEntry>? changed = null;
                for (int i = 0; i < map.Pairs.Count; i++)
                {
                    var p = map.Pairs[i];
                    if (p.Name == null || path.Count > 4)
                    {
                        continue;
                    }
                    path.Add(p.Name);
                    var u = Unify(p.Value, path);
                    path.RemoveAt(path.Count - 1);
                    if (!ReferenceEquals(u, p.Value))
                    {
                        changed ??= new List<YamlEntry>(map.Pairs);
                        changed[i] = new YamlEntry(p.Key, u);
                    }
                }
                return changed == null ? map : Synthesize(map, changed);
            }
            case YamlSequence seq when IndexAt(path) is { } index:
            {
                var items = new List<YamlValue>(seq.Count);
                var keys = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var item in seq.Items)
                {
                    string key = Key(item, index);
                    if (keys.TryGetValue(key, out int j))
                    {
                        items[j] = item;
                    }
                    else
                    {
                        keys[key] = items.Count;
                        items.Add(item);
                    }
                }
                return items.Count == seq.Count && Same(items, seq.Items) ? seq : new YamlSequence(seq.Line, seq.Column, seq.Tag, items, seq.Weight) { File = seq.File };
            }
            default:
                return node;
        }
    }

    private static bool Same(List<YamlValue> a, IReadOnlyList<YamlValue> b)
    {
        for (int i = 0; i < a.Count; i++)
        {
            if (!ReferenceEquals(a[i], b[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static string Key(YamlValue item, Index index)
    {
        switch (index)
        {
            case Index.KeyValue:
            {
                string s = item.String ?? "";
                int eq = s.IndexOf('=');
                return eq >= 0 ? s.Substring(0, eq) : s;
            }
            case Index.Volume:
                return item is YamlMapping vm ? vm.GetString("target") ?? "" : ComposeServiceReader.ParseShortVolume(item.String ?? "", default).Target;
            case Index.Port:
                return item is YamlMapping pm
                    ? (pm.GetString("host_ip") ?? "0.0.0.0") + ":" + pm.GetString("published") + ":" + pm.GetString("target") + "/" + (pm.GetString("protocol") ?? "tcp")
                    : item.String ?? "";
            case Index.Secret:
                return item is YamlMapping sm ? sm.GetString("target") ?? "/run/secrets/" + sm.GetString("source") : "/run/secrets/" + item.String;
            case Index.Mount:
                return item is YamlMapping cm ? cm.GetString("target") ?? "/" + cm.GetString("source") : "/" + item.String;
            case Index.EnvFile:
                return item is YamlMapping em ? em.GetString("path") ?? "" : item.String ?? "";
            default:
                return item.String ?? "";
        }
    }

    private static Rule RuleAt(List<string> path)
    {
        foreach (var (pattern, rule) in Specials)
        {
            if (Matches(path, pattern))
            {
                return rule;
            }
        }
        return Rule.Default;
    }

    private static Index? IndexAt(List<string> path)
    {
        foreach (var (pattern, index) in Unique)
        {
            if (Matches(path, pattern))
            {
                return index;
            }
        }
        return null;
    }

    private static bool Matches(List<string> path, string pattern)
    {
        var parts = pattern.Split('.');
        if (parts.Length != path.Count)
        {
            return false;
        }
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i] != "*" && parts[i] != path[i])
            {
                return false;
            }
        }
        return true;
    }

    private static YamlMapping AsBuild(YamlValue value) =>
        value as YamlMapping ?? Synthesize(value, new List<YamlEntry> { new(Scalar(value, "context"), value) });

    /// <summary>A mapping becomes sorted <c>KEY=value</c> items (a list value gives one item per element); a string one item.</summary>
    private static YamlSequence ToSequence(YamlValue value)
    {
        switch (value)
        {
            case YamlSequence seq:
                return seq;
            case YamlMapping map:
            {
                var items = new List<(string Text, YamlValue At)>();
                foreach (var p in map.Pairs)
                {
                    if (p.Name is not { } k)
                    {
                        continue;
                    }
                    if (p.Value.Tag == ResetTag)
                    {
                        continue;
                    }
                    if (p.Value is YamlSequence many)
                    {
                        foreach (var v in many.Items)
                        {
                            items.Add((k + "=" + v.String, v));
                        }
                    }
                    else
                    {
                        items.Add((p.Value.IsNull ? k : k + "=" + p.Value.String, p.Key));
                    }
                }
                items.Sort((a, b) => string.CompareOrdinal(a.Text, b.Text));
                var list = new List<YamlValue>(items.Count);
                foreach (var (text, at) in items)
                {
                    list.Add(Scalar(at, text));
                }
                return new YamlSequence(map.Line, map.Column, null, list, map.Weight) { File = map.File };
            }
            default:
                return new YamlSequence(value.Line, value.Column, null, value.IsNull ? Array.Empty<YamlValue>() : new[] { value }, value.Weight + 1) { File = value.File };
        }
    }

    private static YamlMapping ToMapping(YamlValue value, bool dependsOn)
    {
        if (value is YamlMapping map)
        {
            return map;
        }
        var entries = new List<YamlEntry>();
        if (value is YamlSequence seq)
        {
            foreach (var item in seq.Items)
            {
                if (item.String is not { } name)
                {
                    continue;
                }
                YamlValue v = dependsOn
                    ? Synthesize(item, new List<YamlEntry> { new(Scalar(item, "condition"), Scalar(item, "service_started")), new(Scalar(item, "required"), Scalar(item, "true")) })
                    : Scalar(item, "");
                entries.Add(new YamlEntry(item, v));
            }
        }
        return Synthesize(value, entries);
    }

    /// <summary>A <c>KEY: !reset</c> in an override mapping removes <c>KEY</c> from the base sequence.</summary>
    private static YamlSequence WithoutReset(YamlSequence seq, YamlValue other)
    {
        if (other is not YamlMapping map)
        {
            return seq;
        }
        HashSet<string>? reset = null;
        foreach (var p in map.Pairs)
        {
            if (p.Value.Tag == ResetTag && p.Name != null)
            {
                (reset ??= new HashSet<string>(StringComparer.Ordinal)).Add(p.Name);
            }
        }
        if (reset == null)
        {
            return seq;
        }
        var items = new List<YamlValue>(seq.Count);
        foreach (var item in seq.Items)
        {
            if (!reset.Contains(Key(item, Index.KeyValue)))
            {
                items.Add(item);
            }
        }
        return new YamlSequence(seq.Line, seq.Column, seq.Tag, items, seq.Weight) { File = seq.File };
    }

    private static YamlSequence Append(YamlSequence a, YamlSequence b, bool dedupe)
    {
        var items = new List<YamlValue>(a.Count + b.Count);
        items.AddRange(a.Items);
        foreach (var item in b.Items)
        {
            if (!dedupe || !items.Exists(x => x.String != null && x.String == item.String))
            {
                items.Add(item);
            }
        }
        return new YamlSequence(a.Line, a.Column, a.Tag, items, a.Weight + b.Weight) { File = a.File };
    }

    private static YamlScalar Scalar(YamlValue at, string text) =>
        new(at.Line, at.Column, null, text, YamlScalarStyle.Plain) { File = at.File };

    private static YamlMapping Synthesize(YamlValue at, List<YamlEntry> entries)
    {
        long weight = 1;
        foreach (var e in entries)
        {
            weight += e.Key.Weight + e.Value.Weight;
        }
        return new YamlMapping(at.Line, at.Column, at.Tag == ResetTag || at.Tag == OverrideTag ? null : at.Tag, entries, Math.Min(weight, YamlLoader.MaxExpandedNodes + 1), out _) { File = at.File };
    }
}
