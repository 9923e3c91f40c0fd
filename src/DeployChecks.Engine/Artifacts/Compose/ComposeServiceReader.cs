using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts.Yaml;

namespace DeployChecks.Engine.Artifacts.Compose;

/// <summary>Types a service mapping: the short and long syntaxes of the compose specification
/// (compose-spec 05-services.md), values as written. Shapes the spec does not allow are reported, not thrown.</summary>
internal static class ComposeServiceReader
{
    public static ComposeService Read(string name, YamlMapping m, SourceLocation location, List<ArtifactProblem> problems)
    {
        var s = new ComposeService(name, m, location)
        {
            Image = m.GetString("image"),
            Build = Build(m["build"]),
            Command = Command(m["command"]),
            Entrypoint = Command(m["entrypoint"]),
            Environment = Variables(m["environment"]),
            EnvFiles = EnvFiles(m["env_file"]),
            Ports = Ports(m["ports"], problems),
            Expose = Strings(m["expose"]),
            Volumes = Volumes(m["volumes"]),
            Healthcheck = Healthcheck(m.GetMapping("healthcheck")),
            DependsOn = DependsOn(m["depends_on"]),
            Restart = m.GetString("restart"),
            User = m.GetString("user"),
            Privileged = m.GetBool("privileged") == true,
            ReadOnly = m.GetBool("read_only") == true,
            NetworkMode = m.GetString("network_mode"),
            CapAdd = Strings(m["cap_add"]),
            CapDrop = Strings(m["cap_drop"]),
            SecurityOpt = Strings(m["security_opt"]),
            Secrets = References(m["secrets"]),
            Configs = References(m["configs"]),
            Profiles = Strings(m["profiles"]),
            Networks = m["networks"] is YamlMapping nets ? Keys(nets) : Strings(m["networks"]),
            Labels = Variables(m["labels"]),
            WorkingDir = m.GetString("working_dir"),
            ContainerName = m.GetString("container_name"),
            LoggingDriver = m.GetMapping("logging")?.GetString("driver"),
        };
        if (m.GetMapping("deploy") is { } deploy)
        {
            s.Replicas = int.TryParse(deploy.GetString("replicas"), out int n) ? n : null;
            s.RestartPolicy = deploy.GetMapping("restart_policy")?.GetString("condition");
        }
        switch (m["extends"])
        {
            case YamlScalar { IsNull: false } e:
                s.Extends = (e.Value, null);
                break;
            case YamlMapping e when e.GetString("service") is { } base0:
                s.Extends = (base0, e.GetString("file"));
                break;
        }
        return s;
    }

    private static ComposeBuild? Build(YamlValue? node)
    {
        switch (node)
        {
            case YamlScalar { IsNull: false } context:
                return new ComposeBuild(context.Value, null, null, null, Array.Empty<ComposeVariable>(), context.Location);
            case YamlMapping b:
                return new ComposeBuild(b.GetString("context") ?? ".", b.GetString("dockerfile"), b.GetString("dockerfile_inline"), b.GetString("target"),
                    Variables(b["args"]), b.Location);
            default:
                return null;
        }
    }

    internal static ComposeCommand? Command(YamlValue? node)
    {
        switch (node)
        {
            case YamlSequence seq:
            {
                var words = new List<string>(seq.Count);
                foreach (var item in seq.Items)
                {
                    words.Add(item.String ?? "");
                }
                return new ComposeCommand(words, null, seq.Location, seq);
            }
            case YamlScalar { IsNull: false } text:
                return new ComposeCommand(null, text.Value, text.Location, text);
            default:
                return null;
        }
    }

    /// <summary><c>NAME=value</c> list items or <c>NAME: value</c> pairs; a name without a value has a null value.</summary>
    internal static IReadOnlyList<ComposeVariable> Variables(YamlValue? node)
    {
        var list = new List<ComposeVariable>();
        if (node is YamlMapping map)
        {
            foreach (var p in map.Pairs)
            {
                if (p.Name is { } name)
                {
                    list.Add(new ComposeVariable(name, p.Value is YamlScalar { IsNull: false } v ? v.Value : p.Value is YamlScalar ? null : p.Value.String, p.Key.Location));
                }
            }
        }
        else if (node is YamlSequence seq)
        {
            foreach (var item in seq.Items)
            {
                if (item is not YamlScalar { IsNull: false } s)
                {
                    continue;
                }
                int eq = s.Value.IndexOf('=');
                list.Add(eq < 0 ? new ComposeVariable(s.Value, null, s.Location) : new ComposeVariable(s.Value.Substring(0, eq), s.Value.Substring(eq + 1), s.Location));
            }
        }
        return list;
    }

    private static IReadOnlyList<ComposeEnvFile> EnvFiles(YamlValue? node)
    {
        var list = new List<ComposeEnvFile>();
        foreach (var item in node is YamlSequence seq ? seq.Items : node != null ? new[] { node } : Array.Empty<YamlValue>())
        {
            if (item is YamlScalar { IsNull: false } s)
            {
                list.Add(new ComposeEnvFile(s.Value, true, s.Location));
            }
            else if (item is YamlMapping m && m.GetString("path") is { } path)
            {
                list.Add(new ComposeEnvFile(path, m.GetBool("required") != false, m.Location));
            }
        }
        return list;
    }

    private static IReadOnlyList<ComposePort> Ports(YamlValue? node, List<ArtifactProblem> problems)
    {
        var list = new List<ComposePort>();
        if (node is not YamlSequence seq)
        {
            return list;
        }
        foreach (var item in seq.Items)
        {
            if (item is YamlScalar { IsNull: false } s)
            {
                if (ParseShortPort(s.Value, s.Location) is { } port)
                {
                    list.Add(port);
                }
                else
                {
                    problems.Add(new ArtifactProblem(ComposeFile.ErrorId, s.Line, s.Column, "a port must be [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]"));
                }
            }
            else if (item is YamlMapping m && m.GetString("target") is { } target)
            {
                string? hostIp = m.GetString("host_ip");
                string? published = m.GetString("published");
                string protocol = m.GetString("protocol") ?? "tcp";
                string text = (hostIp != null ? hostIp + ":" : "") + (published != null ? published + ":" : "") + target + "/" + protocol;
                list.Add(new ComposePort(text, hostIp, published, target, protocol, m.GetString("mode"), m.Location));
            }
        }
        return list;
    }

    /// <summary><c>[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]</c>, IPv6 host addresses in brackets.</summary>
    internal static ComposePort? ParseShortPort(string text, SourceLocation location)
    {
        string spec = text.Trim();
        string protocol = "tcp";
        int slash = spec.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = spec.Substring(slash + 1).ToLowerInvariant();
            spec = spec.Substring(0, slash);
        }
        string? ip = null;
        if (spec.StartsWith("[", StringComparison.Ordinal))
        {
            int close = spec.IndexOf(']');
            if (close < 0 || close + 1 >= spec.Length || spec[close + 1] != ':')
            {
                return null;
            }
            ip = spec.Substring(1, close - 1);
            spec = spec.Substring(close + 2);
        }
        var parts = spec.Split(':');
        string? published = null;
        string target;
        switch (parts.Length)
        {
            case 1:
                target = parts[0];
                break;
            case 2:
                published = parts[0];
                target = parts[1];
                break;
            default:
                ip ??= string.Join(":", parts, 0, parts.Length - 2);
                published = parts[parts.Length - 2];
                target = parts[parts.Length - 1];
                break;
        }
        if (target.Length == 0 || !IsPortOrRange(target) || (published != null && published.Length > 0 && !IsPortOrRange(published)))
        {
            return null;
        }
        return new ComposePort(text, string.IsNullOrEmpty(ip) ? null : ip, string.IsNullOrEmpty(published) ? null : published, target, protocol, null, location);
    }

    private static bool IsPortOrRange(string s)
    {
        if (s.IndexOf('$') >= 0)
        {
            return true; // interpolated at run time
        }
        foreach (char c in s)
        {
            if (!(char.IsDigit(c) || c == '-'))
            {
                return false;
            }
        }
        return s.Length > 0;
    }

    private static IReadOnlyList<ComposeVolume> Volumes(YamlValue? node)
    {
        var list = new List<ComposeVolume>();
        if (node is not YamlSequence seq)
        {
            return list;
        }
        foreach (var item in seq.Items)
        {
            if (item is YamlScalar { IsNull: false } s)
            {
                list.Add(ParseShortVolume(s.Value, s.Location));
            }
            else if (item is YamlMapping m && m.GetString("target") is { } target)
            {
                string? source = m.GetString("source");
                string type = m.GetString("type") ?? (source == null ? "volume" : IsHostPath(source) ? "bind" : "volume");
                list.Add(new ComposeVolume(type, source, target, m.GetBool("read_only") == true, (source != null ? source + ":" : "") + target, m.Location));
            }
        }
        return list;
    }

    /// <summary><c>[SOURCE:]TARGET[:MODE]</c>; a source that is a path (<c>.</c>, <c>/</c>, <c>~</c>, a drive letter) is a
    /// bind mount, else a named volume.</summary>
    internal static ComposeVolume ParseShortVolume(string text, SourceLocation location)
    {
        string spec = text.Trim();
        int start = spec.Length > 2 && char.IsLetter(spec[0]) && spec[1] == ':' && (spec[2] == '\\' || spec[2] == '/') ? 2 : 0;
        int first = spec.IndexOf(':', start);
        if (first < 0)
        {
            return new ComposeVolume("volume", null, spec, false, text, location);
        }
        string source = spec.Substring(0, first);
        string rest = spec.Substring(first + 1);
        int targetStart = rest.Length > 2 && char.IsLetter(rest[0]) && rest[1] == ':' && (rest[2] == '\\' || rest[2] == '/') ? 2 : 0;
        int second = rest.IndexOf(':', targetStart);
        string target = second < 0 ? rest : rest.Substring(0, second);
        string mode = second < 0 ? "" : rest.Substring(second + 1);
        bool readOnly = Array.IndexOf(mode.Split(','), "ro") >= 0;
        return new ComposeVolume(IsHostPath(source) ? "bind" : "volume", source, target, readOnly, text, location);
    }

    private static bool IsHostPath(string source) =>
        source.StartsWith(".", StringComparison.Ordinal) || source.StartsWith("/", StringComparison.Ordinal) || source.StartsWith("~", StringComparison.Ordinal) ||
        source.StartsWith("$", StringComparison.Ordinal) || source.IndexOf('/') >= 0 || source.IndexOf('\\') >= 0 ||
        (source.Length >= 2 && char.IsLetter(source[0]) && source[1] == ':');

    private static ComposeHealthcheck? Healthcheck(YamlMapping? h)
    {
        if (h == null)
        {
            return null;
        }
        var test = Command(h["test"]);
        bool none = test?.Words is { Count: > 0 } w && w[0] == "NONE";
        return new ComposeHealthcheck(test, h.GetBool("disable") == true || none, h.GetString("interval"), h.GetString("timeout"), h.GetString("start_period"),
            int.TryParse(h.GetString("retries"), out int r) ? r : null, h.Location);
    }

    private static IReadOnlyList<ComposeDependency> DependsOn(YamlValue? node)
    {
        var list = new List<ComposeDependency>();
        if (node is YamlSequence seq)
        {
            foreach (var item in seq.Items)
            {
                if (item is YamlScalar { IsNull: false } s)
                {
                    list.Add(new ComposeDependency(s.Value, "service_started", true, false, s.Location));
                }
            }
        }
        else if (node is YamlMapping map)
        {
            foreach (var p in map.Pairs)
            {
                if (p.Name is { } name)
                {
                    var d = p.Value as YamlMapping;
                    list.Add(new ComposeDependency(name, d?.GetString("condition") ?? "service_started", d?.GetBool("required") != false, d?.GetBool("restart") == true, p.Key.Location));
                }
            }
        }
        return list;
    }

    private static IReadOnlyList<ComposeResourceRef> References(YamlValue? node)
    {
        var list = new List<ComposeResourceRef>();
        if (node is not YamlSequence seq)
        {
            return list;
        }
        foreach (var item in seq.Items)
        {
            if (item is YamlScalar { IsNull: false } s)
            {
                list.Add(new ComposeResourceRef(s.Value, null, s.Location));
            }
            else if (item is YamlMapping m && m.GetString("source") is { } source)
            {
                list.Add(new ComposeResourceRef(source, m.GetString("target"), m.Location));
            }
        }
        return list;
    }

    internal static IReadOnlyList<string> Strings(YamlValue? node)
    {
        var list = new List<string>();
        if (node is YamlSequence seq)
        {
            foreach (var item in seq.Items)
            {
                if (item is YamlScalar { IsNull: false } s)
                {
                    list.Add(s.Value);
                }
            }
        }
        else if (node is YamlScalar { IsNull: false } one)
        {
            list.Add(one.Value);
        }
        return list;
    }

    private static IReadOnlyList<string> Keys(YamlMapping map)
    {
        var list = new List<string>();
        foreach (var p in map.Pairs)
        {
            if (p.Name != null)
            {
                list.Add(p.Name);
            }
        }
        return list;
    }
}
