using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using DeployChecks.Engine.Python.Semantics;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Configuration;

/// <summary>Where a deployment learns which variables to set — env templates, compose files, Dockerfiles, Procfiles,
/// CI workflows, docs — and which variables the production code reads. Built once per run, shared by DC1008/DC1009.</summary>
internal sealed class EnvDocumentation
{
    private static readonly Regex Word = new(@"[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

    private static readonly ArtifactKind[] DocumentingKinds =
    {
        ArtifactKind.EnvFile, ArtifactKind.Compose, ArtifactKind.Dockerfile, ArtifactKind.Procfile, ArtifactKind.Documentation,
        ArtifactKind.GitHubWorkflow, ArtifactKind.AzurePipeline, ArtifactKind.GitLabCi,
    };

    public HashSet<string> MentionedWords { get; } = new(StringComparer.Ordinal);

    /// <summary>Keys of committed env templates (.env.example …) with where they are declared.</summary>
    public List<(WorkspaceFile File, int Line, string Key)> TemplateKeys { get; } = new();

    public List<EnvRead> Reads { get; } = new();

    public Dictionary<EnvRead, PythonFileModel> ReadOrigin { get; } = new();

    /// <summary>Identifier-like words in all Python sources (production and tests), to tell a documented variable that
    /// some code we cannot follow uses from one nobody uses.</summary>
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
                    context.TryGet(file, Parsing.Env.EnvFileParser.Instance, out var env))
                {
                    foreach (var e in env.Entries)
                    {
                        doc.TemplateKeys.Add((file, e.Line, e.Key));
                    }
                }
            }
        }
        var project = PythonProject.For(context);
        foreach (var file in ws.OfKind(ArtifactKind.Python))
        {
            if (!context.TryGetText(file, out var text))
            {
                continue;
            }
            AddWords(doc.PythonWords, text.Text);
            if (file.IsNonProduction)
            {
                continue;
            }
            var model = project.Model(file);
            if (model == null)
            {
                continue;
            }
            foreach (var r in EnvironmentReads.Find(model))
            {
                doc.Reads.Add(r);
                doc.ReadOrigin[r] = model;
            }
        }
        return doc;
    }

    private static void AddWords(HashSet<string> set, string text)
    {
        try
        {
            foreach (Match m in Word.Matches(text))
            {
                set.Add(m.Value);
            }
        }
        catch (RegexMatchTimeoutException)
        {
        }
    }
}
