using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Python.Semantics;

/// <summary>The Python files of a workspace as modules: dotted names (flat and <c>src/</c> layouts), parsed modules
/// through the shared cache, import tables, and module-level settings with <c>from x import *</c> chains.</summary>
public sealed class PythonProject
{
    private readonly Workspace.Workspace _workspace;
    private readonly ArtifactCache _cache;
    private readonly Dictionary<string, WorkspaceFile> _byModule = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _moduleOfPath = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PythonFileModel?> _models = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ModuleSettings> _settings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PythonFileSummary> _summaries = new(StringComparer.Ordinal);

    public PythonProject(Workspace.Workspace workspace, ArtifactCache cache)
    {
        _workspace = workspace;
        _cache = cache;
        // When the runner is done with a file, drop its tree; its small summary stays for whole-workspace rules.
        cache.OnRelease(file =>
        {
            _models.TryRemove(file.RelativePath, out _);
            _settings.TryRemove(file.RelativePath, out _);
        });
        bool srcLayout = workspace.Find("src/__init__.py") == null;
        foreach (var f in workspace.OfKind(ArtifactKind.Python))
        {
            string path = f.RelativePath;
            if (srcLayout && path.StartsWith("src/", StringComparison.Ordinal))
            {
                path = path.Substring(4);
            }
            string name = path.Substring(0, path.Length - 3).Replace('/', '.');
            if (name.EndsWith(".__init__", StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - 9);
            }
            else if (name == "__init__")
            {
                name = "";
            }
            _moduleOfPath[f.RelativePath] = name;
            if (name.Length > 0 && !_byModule.ContainsKey(name))
            {
                _byModule[name] = f;
            }
        }
    }

    /// <summary>The project of a run, built once and shared by all rules.</summary>
    public static PythonProject For(Rules.RuleContext context) =>
        context.Artifacts.GetShared(() => new PythonProject(context.Workspace, context.Artifacts));

    public WorkspaceFile? FindModule(string dotted) => _byModule.TryGetValue(dotted, out var f) ? f : null;

    public string? ModuleNameOf(WorkspaceFile file) => _moduleOfPath.TryGetValue(file.RelativePath, out var n) ? n : null;

    /// <summary>The parsed file with its import table; null when unreadable (the error is the caller's to report).</summary>
    public PythonFileModel? Model(WorkspaceFile file) => _models.GetOrAdd(file.RelativePath, _ =>
    {
        PythonModule module;
        try
        {
            module = _cache.Get(file, PythonParser.Instance);
        }
        catch (ArtifactReadException)
        {
            return null;
        }
        string? name = ModuleNameOf(file);
        var imports = ImportTable.Build(module, name, file.Name == "__init__.py");
        var model = new PythonFileModel(file, module, imports, name);
        _summaries.TryAdd(file.RelativePath, PythonFileSummary.Of(model, _cache.GetText(file).Text));
        return model;
    });

    /// <summary>What whole-workspace rules need of a file, without its tree (kept after the file is released).
    /// Null when the file cannot be read.</summary>
    public PythonFileSummary? Summary(WorkspaceFile file)
    {
        if (_summaries.TryGetValue(file.RelativePath, out var s))
        {
            return s;
        }
        return Model(file) == null ? null : _summaries.TryGetValue(file.RelativePath, out s) ? s : null;
    }

    /// <summary>Module-level settings of <paramref name="file"/>, star-imported modules first (cycle-safe).</summary>
    public ModuleSettings Settings(WorkspaceFile file) => _settings.GetOrAdd(file.RelativePath, _ => BuildSettings(file, new HashSet<string>(StringComparer.Ordinal)));

    private ModuleSettings BuildSettings(WorkspaceFile file, HashSet<string> visiting)
    {
        var settings = new ModuleSettings();
        if (!visiting.Add(file.RelativePath))
        {
            return settings;
        }
        var model = Model(file);
        if (model == null)
        {
            return settings;
        }
        foreach (var star in model.Imports.StarModules)
        {
            var target = FindModule(star);
            if (target != null)
            {
                settings.Inherit(BuildSettings(target, visiting));
            }
        }
        settings.AddOwn(model);
        return settings;
    }
}

/// <summary>One parsed Python file with what rules need next to its tree.</summary>
public sealed class PythonFileModel
{
    private List<EnvRead>? _envReads;

    public PythonFileModel(WorkspaceFile file, PythonModule module, ImportTable imports, string? moduleName)
    {
        File = file;
        Module = module;
        Imports = imports;
        ModuleName = moduleName;
    }

    /// <summary>The file's environment reads, found once and shared by every rule.</summary>
    public IReadOnlyList<EnvRead> EnvReads => _envReads ??= EnvironmentReads.Find(this);

    public WorkspaceFile File { get; }
    public PythonModule Module { get; }
    public ImportTable Imports { get; }
    public string? ModuleName { get; }
}

/// <summary>One environment read without its syntax tree.</summary>
public sealed class EnvReadInfo
{
    public EnvReadInfo(EnvRead read)
    {
        Variable = read.Variable;
        Style = read.Style;
        HasDefault = read.HasDefault;
        Line = read.Node.Line;
        Column = read.Node.Column;
        ProvidesDefault = read.Node is Syntax.CallExpr { Func: Syntax.AttributeExpr { Attr: "setdefault" } };
    }

    /// <summary>True for <c>os.environ.setdefault(…)</c>, which sets the variable rather than needing it.</summary>
    public bool ProvidesDefault { get; }

    public string Variable { get; }
    public string Style { get; }
    public bool HasDefault { get; }
    public int Line { get; }
    public int Column { get; }
}

/// <summary>The small facts about a Python file that outlive its tree.</summary>
public sealed class PythonFileSummary
{
    private PythonFileSummary(WorkspaceFile file, IReadOnlyList<EnvReadInfo> envReads, HashSet<string> constantNames)
    {
        File = file;
        EnvReads = envReads;
        ConstantNames = constantNames;
    }

    /// <summary>Upper-case identifiers in the file (<c>SECRET_KEY</c>, <c>SENTRY_DSN</c>): the shape of environment
    /// variable names, kept so whole-workspace rules can tell which variables code mentions without re-reading it.</summary>
    public HashSet<string> ConstantNames { get; }

    public WorkspaceFile File { get; }

    public IReadOnlyList<EnvReadInfo> EnvReads { get; }

    public static PythonFileSummary Of(PythonFileModel model, string text)
    {
        var reads = new List<EnvReadInfo>();
        foreach (var r in model.EnvReads)
        {
            reads.Add(new EnvReadInfo(r));
        }
        return new PythonFileSummary(model.File, reads, UpperCaseWords(text));
    }

    /// <summary>Identifiers of two or more characters made of A–Z, 0–9 and _ only, starting with a letter or _.</summary>
    public static HashSet<string> UpperCaseWords(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')
            {
                int start = i;
                bool upper = true;
                while (i < text.Length && (text[i] == '_' || text[i] >= 'A' && text[i] <= 'Z' || text[i] >= 'a' && text[i] <= 'z' || text[i] >= '0' && text[i] <= '9'))
                {
                    upper &= !(text[i] >= 'a' && text[i] <= 'z');
                    i++;
                }
                if (upper && i - start > 1 && (text[start] != '_' || i - start > 2))
                {
                    set.Add(text.Substring(start, i - start));
                }
                continue;
            }
            if (c >= '0' && c <= '9')
            {
                while (i < text.Length && (text[i] == '_' || char.IsLetterOrDigit(text[i])))
                {
                    i++;
                }
                continue;
            }
            i++;
        }
        return set;
    }
}
