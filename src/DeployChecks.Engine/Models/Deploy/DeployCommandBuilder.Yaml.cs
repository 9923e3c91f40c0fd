using System;
using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Artifacts.Procfile;
using DeployChecks.Engine.Artifacts.Yaml;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Deploy;

/// <summary>Commands of Procfiles (start commands), compose <c>command:</c>/<c>entrypoint:</c> (start commands) and CI
/// steps (GitHub Actions <c>run:</c>, Azure Pipelines <c>script:</c>/<c>bash:</c>/<c>pwsh:</c>/<c>powershell:</c>,
/// GitLab <c>script:</c>/<c>before_script:</c>/<c>after_script:</c>).</summary>
internal sealed partial class DeployCommandBuilder
{
    public void Read(ProcfileModel procfile)
    {
        var file = procfile.File;
        foreach (var p in procfile.Problems)
        {
            Problems.Add(new DeployCommandProblem(p.ErrorId, file, p.Line, p.Describe(file)));
        }
        bool dev = file.IsNonProduction;
        foreach (var process in procfile.Processes)
        {
            var scope = new Scope(file, DeployCommandOrigin.Procfile, process.Name, dev, runtime: true, null, null, null);
            int line = process.Line;
            RunScript(process.Command, _ => line, scope, "", line);
        }
    }

    public void Read(YamlFile yaml)
    {
        var file = yaml.File;
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
                IndexVariables.FromYaml(file, root, IndexSettings);
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

    private static YamlValue? Get(YamlMapping map, string key) => map[key];

    private static string? Scalar(YamlValue? node) => node is YamlScalar s ? s.Value : null;

    private void ReadCompose(WorkspaceFile file, YamlMapping root)
    {
        if (Get(root, "services") is not YamlMapping services)
        {
            return;
        }
        bool devFile = DevelopmentSettings.IsDevFile(file);
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
        seen ??= new HashSet<YamlValue>(ReferenceComparer.Instance);
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
        RunScript(script, offset => literal ? scalar.LineAt(offset) : baseLine, scope, PosixPath.Normalize(dir), baseLine, quiet: powerShell);
    }

    /// <summary>Reference identity for YAML nodes (aliases share nodes; a visit set needs identity, not content).</summary>
    private sealed class ReferenceComparer : IEqualityComparer<YamlValue>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(YamlValue? x, YamlValue? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlValue obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
