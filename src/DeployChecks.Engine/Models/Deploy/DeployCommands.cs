using System.Collections.Generic;
using System.IO;
using System.Linq;
using System;
using DeployChecks.Engine.Artifacts.Dockerfile;
using DeployChecks.Engine.Artifacts.Yaml;
using DeployChecks.Engine.Artifacts.Shell;
using DeployChecks.Engine.Rules;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Deploy;

/// <summary>
/// The install and server commands of the run's deploy scripts — Dockerfiles (RUN shell/exec/heredoc, CMD,
/// ENTRYPOINT), Procfiles, docker-compose <c>command:</c>/<c>entrypoint:</c>, GitHub Actions <c>run:</c>, Azure
/// Pipelines <c>script:</c>/<c>bash:</c>/<c>pwsh:</c>/<c>powershell:</c>, GitLab CI
/// <c>script:</c>/<c>before_script:</c>/<c>after_script:</c> — each with file and line. Built once per run and shared
/// (<see cref="Artifacts.ArtifactCache.GetShared{T}"/>), like <see cref="Dependencies.DependencySet"/>. Files referenced by
/// installs (<c>-r</c>, <c>-c</c>, implicit locks) are mapped back to workspace files: through WORKDIR, COPY/ADD and
/// <c>RUN --mount=type=bind</c> in a Dockerfile, through <c>cd</c> and <c>working-directory</c> in CI, then by path
/// suffix or file name when that fails (<see cref="InstallFileReference.Note"/> says which).
/// </summary>
public sealed class DeployCommands
{
    private DeployCommands(List<InstallCommand> installs, List<ServerCommand> servers, List<DeployCommandProblem> problems,
        List<IndexSetting> indexSettings)
    {
        IndexSettings = indexSettings;
        Installs = installs;
        Servers = servers;
        Problems = problems;
    }

    public IReadOnlyList<InstallCommand> Installs { get; }

    public IReadOnlyList<ServerCommand> Servers { get; }

    /// <summary>Package-index settings outside the dependency files: Dockerfile <c>ENV</c>/<c>ARG</c> of pip's and uv's
    /// index variables, and index options on install command lines (outside development stages and files).</summary>
    public IReadOnlyList<IndexSetting> IndexSettings { get; }

    /// <summary>Malformed instructions and YAML; each is also a non-terminating error of the run.</summary>
    public IReadOnlyList<DeployCommandProblem> Problems { get; }

    /// <summary>The run's deploy commands, built by the first rule that asks; problems are reported to the run
    /// (once: the run de-duplicates errors by ID, file and line).</summary>
    public static DeployCommands For(RuleContext context)
    {
        var commands = context.Artifacts.GetShared(() => Build(context.Models));
        foreach (var p in commands.Problems)
        {
            context.InputProblem(p.ErrorId, p.File, p.Line, p.Message);
        }
        return commands;
    }

    /// <summary>The kinds of file the model reads.</summary>
    public static readonly ArtifactKind[] Kinds =
    {
        ArtifactKind.Dockerfile, ArtifactKind.Procfile, ArtifactKind.Compose, ArtifactKind.GitHubWorkflow,
        ArtifactKind.AzurePipeline, ArtifactKind.GitLabCi,
    };

    internal static DeployCommands Build(ModelContext context)
    {
        var b = new Builder(context.Workspace, f => context.TryGetText(f, out var t) ? t.Text : null, f => context.Get(f, YamlFileParser.Instance));
        foreach (var file in context.Workspace.Files)
        {
            if (Array.IndexOf(Kinds, file.Kind) < 0 || !context.TryGetText(file, out var text))
            {
                continue;
            }
            b.Read(file, text.Text);
        }
        return new DeployCommands(b.Installs, b.Servers, b.Problems, b.IndexSettings);
    }

    /// <summary>Reads files given as text (for tests and tools that have no run).</summary>
    internal static DeployCommands Build(Workspace.Workspace workspace, Func<WorkspaceFile, string?> text)
    {
        var b = new Builder(workspace, text, f => text(f) is string t ? YamlFileParser.Instance.Parse(f, new Text.SourceText(t)) : null);
        foreach (var file in workspace.Files)
        {
            if (Array.IndexOf(Kinds, file.Kind) >= 0 && text(file) is string t)
            {
                b.Read(file, t);
            }
        }
        return new DeployCommands(b.Installs, b.Servers, b.Problems, b.IndexSettings);
    }

    private sealed class Stage
    {
        public Stage(int index, string? name, string baseImage)
        {
            Index = index;
            Name = name;
            BaseImage = baseImage;
        }

        public int Index { get; }
        public string? Name { get; }
        public string BaseImage { get; set; }
        public string WorkDir { get; set; } = "/";
        public Dictionary<string, string> Vars { get; set; } = new(StringComparer.Ordinal);
        public List<(List<string> Sources, string Dest, bool DestIsDir)> Copies { get; set; } = new();
        public string Label => Name ?? "#" + Index;
        public bool PowerShell { get; set; }
    }

    private sealed class Builder
    {
        private readonly Workspace.Workspace _workspace;
        private readonly HashSet<string> _directories = new(StringComparer.Ordinal);
        private readonly Func<WorkspaceFile, string?> _read;
        private readonly Func<WorkspaceFile, YamlFile?> _yaml;

        public Builder(Workspace.Workspace workspace, Func<WorkspaceFile, string?> read, Func<WorkspaceFile, YamlFile?> yaml)
        {
            _yaml = yaml;
            _workspace = workspace;
            _read = read;
            foreach (var f in workspace.Files)
            {
                string p = f.RelativePath;
                for (int slash = p.LastIndexOf('/'); slash > 0; slash = p.LastIndexOf('/', slash - 1))
                {
                    if (!_directories.Add(p.Substring(0, slash)))
                    {
                        break;
                    }
                }
            }
        }

        public List<InstallCommand> Installs { get; } = new();
        public List<ServerCommand> Servers { get; } = new();
        public List<DeployCommandProblem> Problems { get; } = new();
        public List<IndexSetting> IndexSettings { get; } = new();

        /// <summary>pip's and uv's environment variables that name where packages come from.</summary>
        private static readonly HashSet<string> IndexVariables = new(StringComparer.Ordinal)
        {
            "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_TRUSTED_HOST", "PIP_FIND_LINKS",
            "UV_INDEX_URL", "UV_EXTRA_INDEX_URL", "UV_DEFAULT_INDEX", "UV_INDEX", "UV_INSECURE_HOST", "UV_FIND_LINKS",
        };

        private void AddIndexVariables(WorkspaceFile file, DockerInstruction ins)
        {
            foreach (var (key, value) in Assignments(ins.Arguments))
            {
                if (IndexVariables.Contains(key) && value.Length > 0)
                {
                    IndexSettings.Add(new IndexSetting(file, ins.Line, key, value));
                }
            }
        }

        public void Read(WorkspaceFile file, string text)
        {
            switch (file.Kind)
            {
                case ArtifactKind.Dockerfile:
                    ReadDockerfile(file, text);
                    break;
                case ArtifactKind.Procfile:
                    ReadProcfile(file, text);
                    break;
                default:
                    ReadYaml(file);
                    break;
            }
        }

        // ------------------------------------------------------------------ Dockerfile

        private void ReadDockerfile(WorkspaceFile file, string text)
        {
            var problems = new List<(int Line, string Message)>();
            var instructions = DockerfileReader.Read(text, problems);
            foreach (var (line, message) in problems)
            {
                Problems.Add(new DeployCommandProblem("MalformedDockerfile", file, line, $"{file.RelativePath}:{line}: {message}"));
            }
            bool devFile = IsDevFile(file);
            var stages = new List<Stage>();
            Stage? stage = null;
            var globalArgs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var ins in instructions)
            {
                if (ins.Keyword == "FROM")
                {
                    var parts = ins.Arguments.Split(new[] { ' ', '\t', '\n' }, StringSplitOptions.RemoveEmptyEntries);
                    string image = parts.Length > 0 ? Substitute(parts[0], globalArgs) : "";
                    string? name = parts.Length >= 3 && parts[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[2] : null;
                    var parent = stages.LastOrDefault(s => s.Name != null && s.Name.Equals(image, StringComparison.OrdinalIgnoreCase));
                    stage = new Stage(stages.Count, name, parent?.BaseImage ?? image);
                    if (parent != null)
                    {
                        stage.WorkDir = parent.WorkDir;
                        stage.Vars = new Dictionary<string, string>(parent.Vars, StringComparer.Ordinal);
                        stage.Copies = new List<(List<string>, string, bool)>(parent.Copies);
                        stage.PowerShell = parent.PowerShell;
                    }
                    stages.Add(stage);
                    continue;
                }
                if (stage == null)
                {
                    if (ins.Keyword == "ARG")
                    {
                        SetVars(ins.Arguments, globalArgs, globalArgs);
                        if (!devFile)
                        {
                            AddIndexVariables(file, ins);
                        }
                    }
                    continue;
                }
                bool dev = devFile || IsDevStage(stage.Name);
                switch (ins.Keyword)
                {
                    case "ARG":
                    case "ENV":
                        SetVars(ins.Arguments, stage.Vars, globalArgs);
                        if (!dev)
                        {
                            AddIndexVariables(file, ins);
                        }
                        break;
                    case "WORKDIR":
                        stage.WorkDir = Combine(stage.WorkDir, Substitute(Unquote(ins.Arguments.Trim()), stage.Vars));
                        break;
                    case "COPY":
                    case "ADD":
                        AddCopy(stage, ins);
                        break;
                    case "SHELL":
                        stage.PowerShell = ins.ExecForm != null && ins.ExecForm.Count > 0 && IsPowerShell(ins.ExecForm[0]);
                        break;
                    case "RUN":
                    {
                        var mounts = Mounts(ins, stage);
                        var scope = new Scope(file, DeployCommandOrigin.Dockerfile, stage.Label, dev, runtime: false, stage, mounts, null);
                        if (ins.ExecForm != null)
                        {
                            RunWords(ins.ExecForm, ins.Line, scope, stage.WorkDir);
                        }
                        else if (ins.Heredoc != null)
                        {
                            // One script, so a quoted string may span lines as in the shell.
                            string body = string.Join("\n", ins.Heredoc.Select(h => h.Text));
                            int first = ins.Heredoc.Count > 0 ? ins.Heredoc[0].Line : ins.Line;
                            RunScript(body, offset => first + CountNewlines(body, offset), scope, stage.WorkDir, first);
                        }
                        else if (stage.PowerShell)
                        {
                            RunScript(FromPowerShell(ins.Arguments), ins.LineAt, scope, stage.WorkDir, ins.Line, quiet: true);
                        }
                        else
                        {
                            RunScript(ins.Arguments, ins.LineAt, scope, stage.WorkDir, ins.Line);
                        }
                        break;
                    }
                    case "CMD":
                    case "ENTRYPOINT":
                    {
                        var scope = new Scope(file, DeployCommandOrigin.Dockerfile, stage.Label, dev, runtime: true, stage, null, stage.BaseImage);
                        if (ins.ExecForm != null)
                        {
                            RunWords(ins.ExecForm, ins.Line, scope, stage.WorkDir);
                        }
                        else
                        {
                            RunScript(ins.Arguments, ins.LineAt, scope, stage.WorkDir, ins.Line);
                        }
                        break;
                    }
                }
            }
        }

        private static bool IsDevFile(WorkspaceFile file) => file.IsNonProduction || IsDevName(file.Name) || IsDevContainer(file.RelativePath);

        private static bool IsDevName(string name)
        {
            string n = name.ToLowerInvariant();
            return n.Contains(".dev") || n.StartsWith("dev.", StringComparison.Ordinal) || n.Contains("test") || n.Contains(".local") ||
                   n.Contains("override") || n.Contains("-dev.") || n.Contains("_dev.") || n.Contains(".ci.") || n.EndsWith(".ci", StringComparison.Ordinal);
        }

        private static bool IsDevStage(string? name) =>
            name != null && (name.Equals("dev", StringComparison.OrdinalIgnoreCase) || name.Equals("development", StringComparison.OrdinalIgnoreCase) ||
                             name.StartsWith("test", StringComparison.OrdinalIgnoreCase) || name.Equals("lint", StringComparison.OrdinalIgnoreCase) ||
                             name.Equals("ci", StringComparison.OrdinalIgnoreCase) || name.Equals("debug", StringComparison.OrdinalIgnoreCase) ||
                             name.EndsWith("-dev", StringComparison.OrdinalIgnoreCase) || name.EndsWith("_dev", StringComparison.OrdinalIgnoreCase));

        private static void SetVars(string arguments, Dictionary<string, string> into, Dictionary<string, string> lookup)
        {
            foreach (var (key, value) in Assignments(arguments))
            {
                into[key] = Substitute(value, lookup);
            }
        }

        /// <summary>The assignments of an ENV or ARG instruction as Docker reads them: <c>KEY=value …</c>, or the
        /// legacy <c>ENV KEY value words</c> (first word without <c>=</c>: the rest of the line is the value).
        /// <c>ARG NAME</c> without a default assigns nothing.</summary>
        private static IEnumerable<(string Key, string Value)> Assignments(string arguments)
        {
            var words = ShellScript.Split(arguments.Replace('\n', ' '), out _);
            if (words.Count == 0 || words[0].Words.Count == 0)
            {
                yield break;
            }
            var list = words[0].Words;
            if (list[0].IndexOf('=') < 0)
            {
                if (list.Count > 1)
                {
                    yield return (list[0], string.Join(" ", list.Skip(1)));
                }
                yield break;
            }
            foreach (var w in list)
            {
                int eq = w.IndexOf('=');
                if (eq > 0)
                {
                    yield return (w.Substring(0, eq), w.Substring(eq + 1));
                }
            }
        }

        /// <summary>Expands <c>$VAR</c>, <c>${VAR}</c> and <c>${VAR:-default}</c> from the known ARG/ENV values.</summary>
        private static string Substitute(string s, Dictionary<string, string> vars)
        {
            if (s.IndexOf('$') < 0)
            {
                return s;
            }
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] != '$' || i + 1 >= s.Length)
                {
                    sb.Append(s[i]);
                    continue;
                }
                string name;
                string? fallback = null;
                int next;
                if (s[i + 1] == '{')
                {
                    int close = s.IndexOf('}', i + 2);
                    if (close < 0)
                    {
                        sb.Append(s[i]);
                        continue;
                    }
                    name = s.Substring(i + 2, close - i - 2);
                    int colon = name.IndexOf(":-", StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        fallback = name.Substring(colon + 2);
                        name = name.Substring(0, colon);
                    }
                    next = close + 1;
                }
                else
                {
                    int j = i + 1;
                    while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] == '_'))
                    {
                        j++;
                    }
                    name = s.Substring(i + 1, j - i - 1);
                    next = j;
                }
                if (vars.TryGetValue(name, out var v) && v.Length > 0)
                {
                    sb.Append(v);
                }
                else if (fallback != null)
                {
                    sb.Append(fallback);
                }
                else
                {
                    sb.Append(s, i, next - i);
                }
                i = next - 1;
            }
            return sb.ToString();
        }

        private void AddCopy(Stage stage, DockerInstruction ins)
        {
            if (ins.Flags.Any(f => f.StartsWith("from=", StringComparison.OrdinalIgnoreCase)))
            {
                return; // from another stage or image: not from the build context
            }
            List<string> parts = ins.ExecForm ?? ins.Arguments.Split(new[] { ' ', '\t', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(Unquote).ToList();
            if (parts.Count < 2)
            {
                return;
            }
            string dest = Substitute(parts[parts.Count - 1], stage.Vars);
            var sources = parts.Take(parts.Count - 1).Select(s => Substitute(s, stage.Vars)).ToList();
            bool destIsDir = dest.EndsWith("/", StringComparison.Ordinal) || dest == "." || sources.Count > 1 ||
                             sources.Any(s => s == "." || s.EndsWith("/", StringComparison.Ordinal) || s.IndexOf('*') >= 0 || _directories.Contains(Normalize(s)));
            stage.Copies.Add((sources, Combine(stage.WorkDir, dest), destIsDir));
        }

        /// <summary><c>RUN --mount=type=bind,source=X,target=Y</c>: the context file X is visible at Y for this RUN.</summary>
        private static List<(List<string>, string, bool)>? Mounts(DockerInstruction ins, Stage stage)
        {
            List<(List<string>, string, bool)>? result = null;
            foreach (var flag in ins.Flags)
            {
                if (!flag.StartsWith("mount=", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                string type = "bind";
                string? source = null;
                string? target = null;
                bool fromStage = false;
                foreach (var kv in flag.Substring(6).Split(','))
                {
                    int eq = kv.IndexOf('=');
                    string k = eq > 0 ? kv.Substring(0, eq).Trim() : kv.Trim();
                    string v = eq > 0 ? Unquote(kv.Substring(eq + 1).Trim()) : "";
                    switch (k)
                    {
                        case "type":
                            type = v;
                            break;
                        case "source":
                        case "src":
                            source = v;
                            break;
                        case "target":
                        case "dst":
                        case "destination":
                            target = v;
                            break;
                        case "from":
                            fromStage = true;
                            break;
                    }
                }
                if (type == "bind" && target != null && !fromStage)
                {
                    string src = source ?? ".";
                    result ??= new List<(List<string>, string, bool)>();
                    string dir = src == "." || src.EndsWith("/", StringComparison.Ordinal) ? "/" : "";
                    result.Add((new List<string> { src }, Combine(stage.WorkDir, target), dir.Length > 0));
                }
            }
            return result;
        }

        // ------------------------------------------------------------------ Procfile

        private void ReadProcfile(WorkspaceFile file, string text)
        {
            string[] lines = text.Replace("\r\n", "\n").Split('\n');
            bool dev = file.IsNonProduction;
            for (int i = 0; i < lines.Length; i++)
            {
                string l = lines[i].Trim();
                if (l.Length == 0 || l[0] == '#')
                {
                    continue;
                }
                int colon = l.IndexOf(':');
                if (colon <= 0 || l.Substring(0, colon).Any(c => !(char.IsLetterOrDigit(c) || c == '_' || c == '-')))
                {
                    Problems.Add(new DeployCommandProblem("MalformedProcfile", file, i + 1,
                        $"{file.RelativePath}:{i + 1}: not a 'process: command' line"));
                    continue;
                }
                string process = l.Substring(0, colon);
                int line = i + 1;
                var scope = new Scope(file, DeployCommandOrigin.Procfile, process, dev, runtime: true, null, null, null);
                RunScript(l.Substring(colon + 1), _ => line, scope, "", line);
            }
        }

        // ------------------------------------------------------------------ YAML (compose, CI)

        private void ReadYaml(WorkspaceFile file)
        {
            if (_yaml(file) is not { } yaml)
            {
                return;
            }
            foreach (var p in yaml.Problems)
            {
                Problems.Add(new DeployCommandProblem(p.ErrorId, file, p.Line, p.Describe(file)));
            }
            foreach (var doc in yaml.Documents)
            {
                if (doc is not YamlMapping root)
                {
                    continue;
                }
                if (!file.IsNonProduction)
                {
                    AddYamlIndexVariables(file, root, 0);
                }
                switch (file.Kind)
                {
                    case ArtifactKind.Compose:
                        ReadCompose(file, root);
                        break;
                    case ArtifactKind.GitHubWorkflow:
                        ReadGitHub(file, root);
                        break;
                    case ArtifactKind.AzurePipeline:
                        ReadAzure(file, root, null, "");
                        break;
                    case ArtifactKind.GitLabCi:
                        ReadGitLab(file, root);
                        break;
                }
            }
        }

        /// <summary>pip's and uv's index variables wherever a CI or compose file sets them: GitHub Actions and compose
        /// <c>env:</c>/<c>environment:</c>/<c>args:</c> mappings, GitLab <c>variables:</c> (plain or <c>{value: …}</c>),
        /// Azure <c>variables:</c> lists of <c>name:</c>/<c>value:</c>, and compose's <c>- VAR=value</c> lists.</summary>
        private void AddYamlIndexVariables(WorkspaceFile file, YamlValue node, int depth)
        {
            if (depth > 12)
            {
                return;
            }
            switch (node)
            {
                case YamlMapping map:
                    if (Scalar(Get(map, "name")) is { } named && IndexVariables.Contains(named) && Get(map, "value") is YamlScalar { Value: { Length: > 0 } v } azure)
                    {
                        IndexSettings.Add(new IndexSetting(file, azure.Line, named, v));
                    }
                    foreach (var kv in map.Pairs)
                    {
                        string? key = Scalar(kv.Key);
                        var value = kv.Value is YamlMapping { } wrapped && key != null && IndexVariables.Contains(key) ? Get(wrapped, "value") : kv.Value;
                        if (key != null && IndexVariables.Contains(key) && value is YamlScalar { Value: { Length: > 0 } text } scalar)
                        {
                            IndexSettings.Add(new IndexSetting(file, scalar.Line, key, text));
                        }
                        else
                        {
                            AddYamlIndexVariables(file, kv.Value, depth + 1);
                        }
                    }
                    break;
                case YamlSequence seq:
                    foreach (var item in seq.Items)
                    {
                        if (item is YamlScalar { Value: { } entry } scalar && entry.IndexOf('=') is int eq && eq > 0 &&
                            IndexVariables.Contains(entry.Substring(0, eq)) && eq + 1 < entry.Length)
                        {
                            IndexSettings.Add(new IndexSetting(file, scalar.Line, entry.Substring(0, eq), entry.Substring(eq + 1)));
                        }
                        else
                        {
                            AddYamlIndexVariables(file, item, depth + 1);
                        }
                    }
                    break;
            }
        }

        private static YamlValue? Get(YamlMapping map, string key) => map[key];

        private static string? Scalar(YamlValue? node) => node is YamlScalar s ? s.Value : null;

        private void ReadCompose(WorkspaceFile file, YamlMapping root)
        {
            if (Get(root, "services") is not YamlMapping services)
            {
                return;
            }
            bool devFile = IsDevFile(file);
            foreach (var kv in services.Pairs)
            {
                if (kv.Value is not YamlMapping service)
                {
                    continue;
                }
                string name = Scalar(kv.Key) ?? "";
                // A service built here runs this repository's image; one with only image: runs someone else's.
                string? image = Get(service, "build") == null ? Scalar(Get(service, "image")) : null;
                string cwd = Scalar(Get(service, "working_dir")) ?? "";
                var scope = new Scope(file, DeployCommandOrigin.Compose, name, devFile, runtime: true, null, null, image);
                // entrypoint + command run together; each is recognised on its own, which is what matters here.
                foreach (var key in new[] { "entrypoint", "command" })
                {
                    var node = Get(service, key);
                    if (node is YamlSequence seq)
                    {
                        var words = seq.Items.Select(c => Scalar(c) ?? "").ToList();
                        RunWords(words, seq.Line, scope, cwd);
                    }
                    else if (node is YamlScalar { Value: { Length: > 0 } value } scalar)
                    {
                        // Compose splits a string command shell-like but does not run a shell.
                        RunYamlScript(value, scalar, scope, cwd);
                    }
                }
            }
        }

        private void ReadGitHub(WorkspaceFile file, YamlMapping root)
        {
            string baseDir = WorkingDirectory(root, "defaults") ?? "";
            string? baseShell = DefaultShell(root);
            if (Get(root, "jobs") is not YamlMapping jobs)
            {
                return;
            }
            foreach (var kv in jobs.Pairs)
            {
                if (kv.Value is not YamlMapping job)
                {
                    continue;
                }
                string jobDir = WorkingDirectory(job, "defaults") ?? baseDir;
                string? jobShell = DefaultShell(job) ?? baseShell;
                if (Get(job, "steps") is not YamlSequence steps)
                {
                    continue;
                }
                var scope = new Scope(file, DeployCommandOrigin.GitHubActions, Scalar(kv.Key), file.IsNonProduction, runtime: false, null, null, null);
                foreach (var step in steps.Items.OfType<YamlMapping>())
                {
                    if (Get(step, "run") is YamlScalar { Value: { } run } scalar)
                    {
                        string dir = Scalar(Get(step, "working-directory")) ?? jobDir;
                        string? shell = Scalar(Get(step, "shell")) ?? jobShell;
                        RunYamlScript(run, scalar, scope, dir, shell != null && IsPowerShell(shell));
                    }
                }
            }
        }

        private static string? DefaultShell(YamlMapping map) =>
            Get(map, "defaults") is YamlMapping d && Get(d, "run") is YamlMapping r ? Scalar(Get(r, "shell")) : null;

        private static string? WorkingDirectory(YamlMapping map, string key) =>
            Get(map, key) is YamlMapping d && Get(d, "run") is YamlMapping r ? Scalar(Get(r, "working-directory")) : null;

        private void ReadAzure(WorkspaceFile file, YamlValue node, string? scopeName, string dir, int depth = 0, HashSet<YamlValue>? seen = null)
        {
            // Aliases can make the node graph a DAG (or, in YamlDotNet, a cycle): visit each node once, bounded depth.
            seen ??= new HashSet<YamlValue>(NodeIdentity.Instance);
            if (depth > 64 || !seen.Add(node))
            {
                return;
            }
            if (node is YamlSequence seq)
            {
                foreach (var c in seq.Items)
                {
                    ReadAzure(file, c, scopeName, dir, depth + 1, seen);
                }
                return;
            }
            if (node is not YamlMapping map)
            {
                return;
            }
            string? name = Scalar(Get(map, "job")) ?? Scalar(Get(map, "deployment")) ?? Scalar(Get(map, "stage")) ?? scopeName;
            string stepDir = Scalar(Get(map, "workingDirectory")) ?? dir;
            foreach (var kv in map.Pairs)
            {
                string key = Scalar(kv.Key) ?? "";
                if (key is "script" or "bash" or "pwsh" or "powershell" && kv.Value is YamlScalar { Value: { } script } scalar)
                {
                    var scope = new Scope(file, DeployCommandOrigin.AzurePipelines, name, file.IsNonProduction, runtime: false, null, null, null);
                    RunYamlScript(script, scalar, scope, stepDir.Replace("$(System.DefaultWorkingDirectory)", "").Replace("$(Build.SourcesDirectory)", "").TrimStart('/'),
                        key is "pwsh" or "powershell");
                }
                else if (kv.Value is YamlMapping or YamlSequence)
                {
                    ReadAzure(file, kv.Value, name, dir, depth + 1, seen);
                }
            }
        }

        private void ReadGitLab(WorkspaceFile file, YamlMapping root)
        {
            foreach (var kv in root.Pairs)
            {
                string jobName = Scalar(kv.Key) ?? "";
                if (jobName is "before_script" or "after_script")
                {
                    // Top-level before_script/after_script (the older spelling of default:) run around every job
                    // (the GitLab Django template and many real pipelines use it for `pip install -r requirements.txt`).
                    RunGitLabScript(kv.Value, new Scope(file, DeployCommandOrigin.GitLabCi, "default", file.IsNonProduction, runtime: false, null, null, null));
                    continue;
                }
                if (kv.Value is not YamlMapping job)
                {
                    continue;
                }
                var scope = new Scope(file, DeployCommandOrigin.GitLabCi, jobName, file.IsNonProduction, runtime: false, null, null, null);
                foreach (var key in new[] { "before_script", "script", "after_script" })
                {
                    RunGitLabScript(Get(job, key), scope);
                }
            }
        }

        private void RunGitLabScript(YamlValue? node, Scope scope)
        {
            if (node is YamlScalar { Value: { } s } scalar)
            {
                RunYamlScript(s, scalar, scope, "");
            }
            else if (node is YamlSequence seq)
            {
                foreach (var item in seq.Items.OfType<YamlScalar>())
                {
                    if (item.Value != null)
                    {
                        RunYamlScript(item.Value, item, scope, "");
                    }
                }
            }
        }

        /// <summary>Runs a YAML scalar as a script: a block scalar's content starts on the line after its indicator.</summary>
        private void RunYamlScript(string script, YamlScalar scalar, Scope scope, string dir, bool powerShell = false)
        {
            if (powerShell)
            {
                script = FromPowerShell(script);
            }
            int first = scalar.Line;
            bool block = scalar.Style is YamlScalarStyle.Literal or YamlScalarStyle.Folded;
            int baseLine = block ? first + 1 : first;
            bool literal = scalar.Style == YamlScalarStyle.Literal;
            RunScript(script, offset => literal ? baseLine + CountNewlines(script, offset) : baseLine, scope, Normalize(dir), baseLine, quiet: powerShell);
        }

        private static bool IsPowerShell(string shell)
        {
            string b = CommandRecognizer.BaseName(shell.Trim().Split(' ')[0]).ToLowerInvariant();
            return b is "pwsh" or "powershell";
        }

        /// <summary>PowerShell text made readable by the shell splitter: backtick continuations joined, backtick escapes
        /// dropped (quotes differ too; problems in such scripts are not reported).</summary>
        private static string FromPowerShell(string script) =>
            script.Replace("`\r\n", "  ").Replace("`\n", " ").Replace("`", "");

        private static int CountNewlines(string s, int end)
        {
            int n = 0;
            for (int i = 0; i < end && i < s.Length; i++)
            {
                if (s[i] == '\n')
                {
                    n++;
                }
            }
            return n;
        }

        // ------------------------------------------------------------------ commands

        private sealed class Scope
        {
            public Scope(WorkspaceFile file, DeployCommandOrigin origin, string? name, bool dev, bool runtime, Stage? stage,
                List<(List<string> Sources, string Dest, bool DestIsDir)>? mounts, string? baseImage)
            {
                File = file;
                Origin = origin;
                Name = name;
                Dev = dev;
                Runtime = runtime;
                Stage = stage;
                Mounts = mounts;
                BaseImage = baseImage;
            }

            public WorkspaceFile File { get; }
            public DeployCommandOrigin Origin { get; }
            public string? Name { get; }
            public bool Dev { get; }
            public bool Runtime { get; }
            public Stage? Stage { get; }
            public List<(List<string> Sources, string Dest, bool DestIsDir)>? Mounts { get; }
            public string? BaseImage { get; }

            /// <summary>Set for the commands of a script the start command runs: where that start command is.</summary>
            public string? StartedFrom { get; set; }

            /// <summary>The same scope, reading a script file that the command at <paramref name="from"/> runs.</summary>
            public Scope ForScript(WorkspaceFile script, string from) =>
                new(script, Origin, Name, Dev, Runtime, Stage, Mounts, BaseImage) { StartedFrom = StartedFrom ?? from };
        }

        /// <summary>Splits and runs a shell script; returns the working directory after it (for <c>cd</c>).</summary>
        private string RunScript(string script, Func<int, int> lineOf, Scope scope, string cwd, int firstLine, int depth = 0, bool quiet = false)
        {
            var commands = ShellScript.Split(script, out string? error);
            if (error != null && !quiet)
            {
                Problems.Add(new DeployCommandProblem("MalformedShellCommand", scope.File, firstLine,
                    $"{scope.File.RelativePath}:{firstLine}: {error}; the rest of the command is not read"));
            }
            foreach (var c in commands)
            {
                int line = lineOf(c.Offset);
                cwd = Handle(c.Words, line, scope, cwd, depth, lineOf);
            }
            return cwd;
        }

        private void RunWords(IReadOnlyList<string> words, int line, Scope scope, string cwd) => Handle(words, line, scope, cwd, 0, _ => line);

        private string Handle(IReadOnlyList<string> words, int line, Scope scope, string cwd, int depth, Func<int, int> lineOf)
        {
            if (scope.Stage != null && words.Any(w => w.IndexOf('$') >= 0))
            {
                // ARG/ENV values known at this point of the Dockerfile (ARG defaults: what a plain build uses).
                var vars = scope.Stage.Vars;
                words = words.Select(w => Substitute(w, vars)).ToList();
            }
            var r = CommandRecognizer.Recognize(words, scope.File, line, scope.Origin);
            if (r == null)
            {
                return cwd;
            }
            if (r.ChangeDirectory != null)
            {
                return r.ChangeDirectory is "~" or "-" ? cwd : Combine(cwd, r.ChangeDirectory);
            }
            if (r.NestedScript != null)
            {
                // The nested script's lines are the outer command's line (offsets are relative to the inner text).
                return depth < 4 ? RunScript(r.NestedScript, _ => line, scope, cwd, line, depth + 1) : cwd;
            }
            if (r.ScriptFile != null)
            {
                // A start command that runs a script (ENTRYPOINT ["./docker-entrypoint.sh"], Procfile `web: sh start.sh`):
                // the script's own commands are what starts the server. Followed for start commands only; build
                // steps and CI scripts are not read (their installs would need the script's own cwd and context).
                if (scope.Runtime && depth < 4 && ResolveScript(r.ScriptFile, scope, cwd) is WorkspaceFile script &&
                    script != scope.File && _read(script) is string body && (r.ScriptRunByShell || IsShellScript(r.ScriptFile, body)))
                {
                    var inner = scope.ForScript(script, $"{scope.File.RelativePath}:{line}");
                    RunScript(body, offset => 1 + CountNewlines(body, offset), inner, cwd, 1, depth + 1, quiet: true);
                    if (r.ScriptArguments.Count > 0 && (body.IndexOf("$@", StringComparison.Ordinal) >= 0 || body.IndexOf("$*", StringComparison.Ordinal) >= 0))
                    {
                        // The usual entrypoint ends in exec "$@": the arguments are the command it runs.
                        Handle(r.ScriptArguments, line, scope, cwd, depth + 1, lineOf);
                    }
                }
                return cwd;
            }
            DeployCommand cmd = (DeployCommand?)r.Install ?? r.Server!;
            cmd.Scope = scope.Name;
            cmd.IsDevelopment = scope.Dev;
            if (r.Install != null)
            {
                foreach (var f in r.Install.Files)
                {
                    MapFile(f, scope, cwd);
                }
                Installs.Add(r.Install);
                if (!scope.Dev)
                {
                    IndexSettings.AddRange(r.Install.IndexOptions);
                }
            }
            else if (r.Server != null)
            {
                r.Server.IsRuntime = scope.Runtime;
                r.Server.BaseImage = scope.BaseImage;
                r.Server.StartedFrom = scope.StartedFrom;
                Servers.Add(r.Server);
            }
            return cwd;
        }

        // ------------------------------------------------------------------ paths

        private void MapFile(InstallFileReference f, Scope scope, string cwd)
        {
            string written = f.Written;
            if (written.IndexOf("://", StringComparison.Ordinal) > 0)
            {
                f.Note = "a URL, not a workspace file";
                return;
            }
            if (scope.Stage != null)
            {
                string inImage = Combine(cwd, Substitute(written, scope.Stage.Vars));
                f.ResolvedPath = inImage;
                string? context = FromCopies(inImage, scope.Mounts) ?? FromCopies(inImage, scope.Stage.Copies);
                if (context != null)
                {
                    // The build context is normally the Dockerfile's directory; compose files often use a parent.
                    string dir = DirectoryOf(scope.File.RelativePath);
                    while (true)
                    {
                        string candidate = Normalize(dir.Length == 0 ? context : dir + "/" + context);
                        if (_workspace.Find(candidate) is WorkspaceFile found)
                        {
                            f.File = found;
                            return;
                        }
                        if (dir.Length == 0)
                        {
                            break;
                        }
                        dir = DirectoryOf(dir);
                    }
                }
                else
                {
                    f.Note = $"no COPY, ADD or bind mount brings {inImage} into the image";
                }
                Guess(f, written, f.Note == null ? $"{context} is not in the workspace" : f.Note);
                return;
            }
            string rel = Normalize(Combine(cwd, written).TrimStart('/'));
            f.ResolvedPath = rel;
            if (_workspace.Find(rel) is WorkspaceFile file)
            {
                f.File = file;
                return;
            }
            Guess(f, written, $"{rel} is not in the workspace");
        }

        /// <summary>For a file executed directly: a <c>.sh</c>/<c>.bash</c> name, or a <c>#!</c> line naming a POSIX shell (<c>#!/bin/sh</c>,
        /// <c>#!/usr/bin/env bash</c>); a Python or other script is not read as shell.</summary>
        private static bool IsShellScript(string written, string body)
        {
            if (written.EndsWith(".sh", StringComparison.Ordinal) || written.EndsWith(".bash", StringComparison.Ordinal))
            {
                return true;
            }
            if (!body.StartsWith("#!", StringComparison.Ordinal))
            {
                return false;
            }
            int eol = body.IndexOf('\n');
            var shebang = (eol < 0 ? body : body.Substring(0, eol)).Substring(2).Trim().Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            string interpreter = shebang.Length == 0 ? "" : CommandRecognizer.BaseName(shebang[0]);
            if (interpreter == "env" && shebang.Length > 1)
            {
                interpreter = shebang[shebang.Length - 1];
            }
            return interpreter is "sh" or "bash" or "dash" or "ash" or "zsh" or "ksh";
        }

        /// <summary>The workspace file of a script a start command runs: through WORKDIR and COPY/ADD in a
        /// Dockerfile, relative to the file's directory elsewhere, then by path suffix or a unique file name.</summary>
        private WorkspaceFile? ResolveScript(string written, Scope scope, string cwd)
        {
            var f = new InstallFileReference(written, InstallFileRole.Requirements);
            if (scope.Stage == null)
            {
                string dir = DirectoryOf(scope.File.RelativePath);
                string rel = Normalize((dir.Length == 0 ? "" : dir + "/") + Combine(cwd, written).TrimStart('/'));
                if (_workspace.Find(rel) is WorkspaceFile beside)
                {
                    return beside;
                }
            }
            MapFile(f, scope, cwd);
            return f.File;
        }

        /// <summary>Best effort when the path cannot be followed: a unique workspace file with the same path suffix,
        /// else with the same name.</summary>
        private void Guess(InstallFileReference f, string written, string why)
        {
            string suffix = Normalize(written.TrimStart('/'));
            while (suffix.StartsWith("../", StringComparison.Ordinal))
            {
                suffix = suffix.Substring(3);
            }
            string name = suffix.Substring(suffix.LastIndexOf('/') + 1);
            if (suffix.Length == 0 || name.IndexOf('$') >= 0)
            {
                f.Note = why + "; not mapped";
                return;
            }
            var bySuffix = _workspace.Files.Where(w => (w.RelativePath == suffix || w.RelativePath.EndsWith("/" + suffix, StringComparison.Ordinal)) && !w.IsNonProduction).ToList();
            if (bySuffix.Count == 1)
            {
                f.File = bySuffix[0];
                f.Note = why + "; matched by path suffix";
                return;
            }
            var byName = _workspace.Files.Where(w => w.Name == name && !w.IsNonProduction).ToList();
            if (bySuffix.Count == 0 && byName.Count == 1)
            {
                f.File = byName[0];
                f.Note = why + "; matched by file name";
                return;
            }
            int count = Math.Max(bySuffix.Count, byName.Count);
            f.Note = count == 0 ? why + "; no workspace file of that name" : $"{why}; {count} workspace files could match, none chosen";
        }

        /// <summary>The build-context path a COPY/ADD/mount puts at <paramref name="inImage"/>, latest first.</summary>
        private static string? FromCopies(string inImage, List<(List<string> Sources, string Dest, bool DestIsDir)>? copies)
        {
            if (copies == null)
            {
                return null;
            }
            for (int i = copies.Count - 1; i >= 0; i--)
            {
                var (sources, dest, destIsDir) = copies[i];
                foreach (var src in sources)
                {
                    string s = Normalize(src.TrimStart('/'));
                    if (!destIsDir)
                    {
                        if (inImage == dest)
                        {
                            return s;
                        }
                        continue;
                    }
                    string prefix = dest == "/" ? "/" : dest + "/";
                    if (!inImage.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        continue;
                    }
                    string rest = inImage.Substring(prefix.Length);
                    if (s.Length == 0 || s == ".")
                    {
                        return rest; // COPY . /app
                    }
                    if (s.IndexOf('*') >= 0 || s.IndexOf('?') >= 0)
                    {
                        string dir = DirectoryOf(s);
                        if (rest.IndexOf('/') < 0 && Glob(s.Substring(dir.Length == 0 ? 0 : dir.Length + 1), rest))
                        {
                            return dir.Length == 0 ? rest : dir + "/" + rest;
                        }
                        continue;
                    }
                    string srcName = s.Substring(s.LastIndexOf('/') + 1);
                    if (rest == srcName)
                    {
                        return s; // COPY requirements.txt /app/
                    }
                    return s + "/" + rest; // COPY requirements/ /app/ : directory contents
                }
            }
            return null;
        }

        private static bool Glob(string pattern, string name)
        {
            int p = 0, n = 0, star = -1, mark = 0;
            while (n < name.Length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
                {
                    p++;
                    n++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    mark = n;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    n = ++mark;
                }
                else
                {
                    return false;
                }
            }
            while (p < pattern.Length && pattern[p] == '*')
            {
                p++;
            }
            return p == pattern.Length;
        }
    }

    /// <summary>Reference identity for YAML nodes (their Equals compares content, which is slow and not what a visit
    /// set needs).</summary>
    private sealed class NodeIdentity : IEqualityComparer<YamlValue>
    {
        public static readonly NodeIdentity Instance = new();

        public bool Equals(YamlValue? x, YamlValue? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlValue obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    /// <summary>A VS Code / Codespaces dev container: a development environment, not a deployment.</summary>
    internal static bool IsDevContainer(string relativePath) =>
        relativePath.StartsWith(".devcontainer/", StringComparison.Ordinal) || relativePath.IndexOf("/.devcontainer/", StringComparison.Ordinal) >= 0;

    private static string Unquote(string s) =>
        s.Length >= 2 && (s[0] == '"' || s[0] == '\'') && s[s.Length - 1] == s[0] ? s.Substring(1, s.Length - 2) : s;

    private static string DirectoryOf(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash > 0 ? path.Substring(0, slash) : "";
    }

    /// <summary>Joins a path to a directory (an absolute path replaces it) and normalises it.</summary>
    internal static string Combine(string dir, string path)
    {
        if (path.StartsWith("/", StringComparison.Ordinal))
        {
            return NormalizeAbsolute(path);
        }
        if (dir.StartsWith("/", StringComparison.Ordinal))
        {
            return NormalizeAbsolute(dir.TrimEnd('/') + "/" + path);
        }
        return Normalize(dir.Length == 0 ? path : dir.TrimEnd('/') + "/" + path);
    }

    private static string NormalizeAbsolute(string path) => "/" + Normalize(path);

    /// <summary>Drops <c>.</c> segments and empty segments, folds <c>..</c>; no leading slash.</summary>
    internal static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var seg in path.Replace('\\', '/').Split('/'))
        {
            if (seg.Length == 0 || seg == ".")
            {
                continue;
            }
            if (seg == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(seg);
        }
        return string.Join("/", parts);
    }
}
