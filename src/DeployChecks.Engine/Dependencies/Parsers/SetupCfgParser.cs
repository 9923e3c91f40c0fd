using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Dependencies.Parsers;

/// <summary>
/// setuptools' <c>setup.cfg</c> (INI, as <c>configparser</c> reads it): <c>[options] install_requires</c> (group
/// <c>main</c>), <c>[options.extras_require]</c> (group = extra), <c>python_requires</c>. List values are one
/// requirement per line, or comma-separated on a single line, as setuptools splits them.
/// </summary>
public sealed class SetupCfgParser : IArtifactParser<DependencyDocument>
{
    public static SetupCfgParser Instance { get; } = new();

    public DependencyDocument Parse(WorkspaceFile file, SourceText text) => Parse(file.RelativePath, text);

    public DependencyDocument Parse(string source, SourceText text)
    {
        var doc = new DependencyDocument(source, DependencySourceKind.SetupCfg);
        foreach (var option in ReadIni(doc, text))
        {
            if (option.Section == "options" && option.Key == "install_requires")
            {
                AddList(doc, option, "main");
            }
            else if (option.Section == "options" && option.Key == "python_requires" && option.Values.Count > 0)
            {
                doc.SetMetadata("requires-python", option.Values[0].Text, option.Values[0].Line);
            }
            else if (option.Section == "options.extras_require")
            {
                AddList(doc, option, option.Key);
            }
        }
        return doc;
    }

    private static void AddList(DependencyDocument doc, IniOption option, string group)
    {
        var values = option.Values;
        if (values.Count == 1 && values[0].Text.IndexOf(',') >= 0)
        {
            // Single-line value: setuptools splits on commas.
            var single = values[0];
            values = new List<(string, int)>();
            foreach (string part in single.Text.Split(','))
            {
                values.Add((part.Trim(), single.Line));
            }
        }
        foreach (var (text, line) in values)
        {
            if (text.Length == 0 || text.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }
            PyprojectParser.Add(doc, EntryFactory.FromPep508(doc, text, line, group, DependencySourceKind.SetupCfg));
        }
    }

    private sealed class IniOption
    {
        public IniOption(string section, string key)
        {
            Section = section;
            Key = key;
        }

        public string Section { get; }

        public string Key { get; }

        public List<(string Text, int Line)> Values { get; set; } = new();
    }

    private static List<IniOption> ReadIni(DependencyDocument doc, SourceText text)
    {
        var options = new List<IniOption>();
        string? section = null;
        IniOption? current = null;
        for (int n = 1; n <= text.LineCount; n++)
        {
            string raw = text.GetLine(n);
            string trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed[0] == ';')
            {
                continue;
            }
            bool indented = char.IsWhiteSpace(raw[0]);
            if (indented && current != null)
            {
                current.Values.Add((trimmed, n));
                continue;
            }
            current = null;
            if (trimmed[0] == '[')
            {
                int close = trimmed.IndexOf(']');
                if (close < 0)
                {
                    doc.AddProblem(n, $"section header '{trimmed}' has no closing ']'");
                    section = null;
                    continue;
                }
                section = trimmed.Substring(1, close - 1).Trim();
                continue;
            }
            int eq = trimmed.IndexOfAny(new[] { '=', ':' });
            if (eq <= 0)
            {
                doc.AddProblem(n, $"cannot read '{trimmed}': expected 'key = value'");
                continue;
            }
            if (section == null)
            {
                doc.AddProblem(n, "option before any [section] header");
                continue;
            }
            current = new IniOption(section, trimmed.Substring(0, eq).Trim().ToLowerInvariant());
            string value = trimmed.Substring(eq + 1).Trim();
            if (value.Length > 0)
            {
                current.Values.Add((value, n));
            }
            options.Add(current);
        }
        return options;
    }
}
