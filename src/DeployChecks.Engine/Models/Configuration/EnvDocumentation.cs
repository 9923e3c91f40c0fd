using System.Collections.Generic;
using System;
using DeployChecks.Engine.Python.Semantics;
using DeployChecks.Engine.Rules;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Configuration;

/// <summary>Where a deployment learns which variables to set — env templates, compose files, Dockerfiles, Procfiles,
/// CI workflows, docs — and which variables the production code reads. Built once per run, shared by DC1008/DC1009.</summary>
internal sealed class EnvDocumentation
{
    private static readonly ArtifactKind[] DocumentingKinds =
    {
        ArtifactKind.EnvFile, ArtifactKind.Compose, ArtifactKind.Dockerfile, ArtifactKind.Procfile, ArtifactKind.Documentation,
        ArtifactKind.GitHubWorkflow, ArtifactKind.AzurePipeline, ArtifactKind.GitLabCi,
    };

    public HashSet<string> MentionedWords { get; } = new(StringComparer.Ordinal);

    /// <summary>Keys of committed env templates (.env.example …) with where they are declared.</summary>
    public List<(WorkspaceFile File, int Line, string Key)> TemplateKeys { get; } = new();

    public List<(WorkspaceFile File, EnvReadInfo Read)> Reads { get; } = new();

    /// <summary>The env-template keys that appear as words in some Python source (production or tests), to tell a
    /// documented variable that code we cannot follow uses from one nobody uses.</summary>
    public HashSet<string> PythonWords { get; } = new(StringComparer.Ordinal);

    public int DocumentingFiles { get; private set; }

    public static EnvDocumentation For(RuleContext context) => context.Artifacts.GetShared(() => Build(context));

    private static EnvDocumentation Build(RuleContext context)
    {
        var doc = new EnvDocumentation();
        var ws = context.Workspace;
        foreach (var kind in DocumentingKinds)
        {
            foreach (var file in ws.OfKind(kind))
            {
                if (!context.TryGetText(file, out var text))
                {
                    continue;
                }
                doc.DocumentingFiles++;
                AddWords(doc.MentionedWords, text.Text);
                if (kind == ArtifactKind.EnvFile && ArtifactClassifier.IsEnvTemplateName(file.Name) && !file.IsNonProduction &&
                    context.TryGet(file, Artifacts.Env.EnvFileParser.Instance, out var env))
                {
                    foreach (var e in env.Entries)
                    {
                        doc.TemplateKeys.Add((file, e.Line, e.Key));
                    }
                }
            }
        }
        var templateKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, _, key) in doc.TemplateKeys)
        {
            templateKeys.Add(key);
        }
        var project = PythonProject.For(context);
        foreach (var file in ws.OfKind(ArtifactKind.Python))
        {
            if (file.IsNonProduction)
            {
                // Tests are never modelled by the rules: read them here, for the words only.
                if (doc.TemplateKeys.Count > 0 && context.TryGetText(file, out var text))
                {
                    AddWords(doc.PythonWords, text.Text, templateKeys);
                    context.Artifacts.Release(file);
                }
                continue;
            }
            var summary = project.Summary(file);
            if (summary == null)
            {
                continue;
            }
            foreach (var r in summary.EnvReads)
            {
                doc.Reads.Add((file, r));
            }
            foreach (var key in templateKeys)
            {
                if (summary.ConstantNames.Contains(key))
                {
                    doc.PythonWords.Add(key);
                }
            }
        }
        return doc;
    }

    /// <summary>Adds the identifier-like words of <paramref name="text"/> (one linear scan, no regex); with
    /// <paramref name="only"/>, just the words in that set (checked by length and first character before any
    /// substring is allocated, so scanning large sources stays cheap).</summary>
    internal static void AddWords(HashSet<string> set, string text, HashSet<string>? only = null)
    {
        bool[]? lengths = null;
        if (only != null)
        {
            lengths = new bool[256];
            foreach (var w in only)
            {
                if (w.Length < 256)
                {
                    lengths[w.Length] = true;
                }
            }
        }
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')
            {
                int start = i;
                while (i < text.Length && (text[i] == '_' || text[i] >= 'A' && text[i] <= 'Z' || text[i] >= 'a' && text[i] <= 'z' || text[i] >= '0' && text[i] <= '9'))
                {
                    i++;
                }
                int len = i - start;
                if (len > 1 && (lengths == null || len < 256 && lengths[len]))
                {
                    string word = text.Substring(start, len);
                    if (only == null || only.Contains(word))
                    {
                        set.Add(word);
                    }
                }
                continue;
            }
            i++;
        }
    }
}
