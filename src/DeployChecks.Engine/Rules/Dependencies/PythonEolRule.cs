using System.Collections.Generic;
using System.Globalization;
using System;
using DeployChecks.Engine.Dependencies.Versioning;
using DeployChecks.Engine.Models.Catalogs;
using DeployChecks.Engine.Models.Dependencies;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Dependencies;

/// <summary>DC2013: the project runs on, or admits, a Python version past (or near) its end of life.</summary>
public sealed class PythonEolRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC2013", "python-eol", CheckArea.Dependencies, Severity.Medium,
        "The project targets an end-of-life Python version",
        "A CPython branch past its end of life gets no security fixes: vulnerabilities in the interpreter and its " +
        "standard library (ssl, http, xml, tarfile…) stay open, and libraries drop it, so security releases of the " +
        "application's dependencies stop installing. .python-version, runtime.txt and Pipfile [requires] choose the " +
        "interpreter a deploy uses; requires-python's lowest admitted version is one a deploy may still use.",
        "Upgrade to a supported Python (see devguide.python.org/versions), then raise .python-version, runtime.txt, " +
        "Pipfile python_version and the lower bound of requires-python / Poetry's python constraint.",
        tags: new[] { "dependencies", "python", "eol" }, cwe: new[] { "CWE-1104" });

    private static readonly ArtifactKind[] ReadKinds =
    {
        ArtifactKind.PythonVersion, ArtifactKind.Pyproject, ArtifactKind.Pipfile, ArtifactKind.SetupCfg, ArtifactKind.SetupPy,
    };

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => ReadKinds;

    public override void Check(RuleContext context)
    {
        foreach (var file in context.Workspace.OfKind(ArtifactKind.PythonVersion))
        {
            if (!file.IsNonProduction && context.TryGetText(file, out var text))
            {
                CheckVersionFile(context, file, text.Text);
            }
        }
        foreach (var file in DependencySet.For(context).Production)
        {
            if (file.IsLock)
            {
                continue;
            }
            var doc = file.Document;
            if (doc.Metadata.TryGetValue("requires-python", out string? requires))
            {
                CheckRequiresPython(context, file.File, doc.MetadataLines["requires-python"], requires,
                    file.Kind is DeployChecks.DependencySourceKind.SetupPy or DeployChecks.DependencySourceKind.SetupCfg ? "python_requires"
                    : file.Kind == DeployChecks.DependencySourceKind.Pyproject && IsPoetryOnly(doc) ? "tool.poetry python" : "requires-python");
            }
            foreach (string key in new[] { "python_full_version", "python_version" })
            {
                if (file.Kind == DeployChecks.DependencySourceKind.Pipfile && doc.Metadata.TryGetValue(key, out string? v))
                {
                    if (TryMinor(v, out int major, out int minor))
                    {
                        Report(context, file.File, doc.MetadataLines[key], major, minor, $"[requires] {key} = \"{v}\" runs Python {major}.{minor}", "pipfile:" + key);
                    }
                    break;
                }
            }
        }
    }

    private static bool IsPoetryOnly(DeployChecks.Engine.Dependencies.DependencyDocument doc) =>
        !doc.Metadata.ContainsKey("name") && doc.Entries.Exists(e => e.Kind == DeployChecks.DependencySourceKind.PoetryPyproject);

    // .python-version (pyenv: one version per line, the first is used, '#' comments) and runtime.txt (Heroku and
    // friends: "python-3.8.10").
    private static void CheckVersionFile(RuleContext context, WorkspaceFile file, string text)
    {
        bool runtime = file.Name.Equals("runtime.txt", StringComparison.OrdinalIgnoreCase);
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }
            string version = line;
            if (runtime)
            {
                if (!version.StartsWith("python-", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                version = version.Substring(7);
            }
            else if (version.StartsWith("cpython-", StringComparison.OrdinalIgnoreCase))
            {
                version = version.Substring(8);
            }
            if (TryMinor(version, out int major, out int minor))
            {
                Report(context, file, i + 1, major, minor, $"{file.Name} selects Python {version}", "file:" + major + "." + minor);
            }
            if (runtime)
            {
                break;
            }
        }
    }

    private static void CheckRequiresPython(RuleContext context, WorkspaceFile file, int line, string requires, string label)
    {
        if (!Pep440SpecifierSet.TryParse(requires, out var set))
        {
            return;
        }
        foreach (var (major, minor, _) in PythonReleases.All)
        {
            if (Admits(set!, major, minor))
            {
                Report(context, file, line, major, minor, $"{label} '{requires}' admits Python {major}.{minor}", "requires:" + major + "." + minor);
                return;
            }
        }
    }

    // The specifier admits some final release of major.minor (3.8.0 … 3.8.40: '>=3.8.1' and '!=3.8.0' still admit 3.8).
    private static bool Admits(Pep440SpecifierSet set, int major, int minor)
    {
        for (int patch = 0; patch <= 40; patch++)
        {
            if (set.Contains(major.ToString(CultureInfo.InvariantCulture) + "." + minor.ToString(CultureInfo.InvariantCulture) + "." + patch.ToString(CultureInfo.InvariantCulture)))
            {
                return true;
            }
        }
        return false;
    }

    private static void Report(RuleContext context, WorkspaceFile file, int line, int major, int minor, string what, string key)
    {
        var eol = PythonReleases.EndOfLife(major, minor);
        if (eol == null)
        {
            return;
        }
        string date = eol.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (context.Today >= eol.Value)
        {
            context.Report(file, line, 1, $"{what}, which reached end of life on {date} and gets no security fixes ({PythonReleases.SourceUrl})",
                $"Python {major}.{minor} (end of life {date})", key);
        }
        else if (eol.Value - context.Today <= PythonReleases.Warning)
        {
            int days = (int)(eol.Value - context.Today).TotalDays;
            context.Report(file, line, 1, $"{what}, which reaches end of life on {date}, in {days} days ({PythonReleases.SourceUrl})",
                $"Python {major}.{minor} (end of life {date})", key, Severity.Low);
        }
    }

    /// <summary>Major and minor of "3.8", "3.8.10", "3.12t", "3.13-dev"; false for "system", "pypy3.9", "latest".</summary>
    internal static bool TryMinor(string text, out int major, out int minor)
    {
        major = minor = 0;
        string s = text.Trim();
        int i = 0;
        while (i < s.Length && char.IsDigit(s[i]))
        {
            major = major * 10 + (s[i] - '0');
            i++;
        }
        if (i == 0 || i > 2 || i >= s.Length || s[i] != '.')
        {
            return false;
        }
        int start = ++i;
        while (i < s.Length && char.IsDigit(s[i]) && i - start < 3)
        {
            minor = minor * 10 + (s[i] - '0');
            i++;
        }
        return i > start;
    }
}
