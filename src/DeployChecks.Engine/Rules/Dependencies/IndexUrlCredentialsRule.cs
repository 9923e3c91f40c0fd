using System.Collections.Generic;
using System;
using DeployChecks.Engine.Models.Dependencies;
using DeployChecks.Engine.Models.Deploy;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Dependencies;

/// <summary>DC2010: a password or token written into a package index URL (or a dependency's URL).</summary>
public sealed class IndexUrlCredentialsRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC2010", "index-url-credentials", CheckArea.Dependencies, Severity.Critical,
        "A package index URL carries a password or token",
        "A token written into --index-url, --extra-index-url, a Pipfile [[source]], [tool.poetry.source], " +
        "[[tool.uv.index]] or [[tool.pdm.source]] URL is committed with the code and copied into lock files, CI logs " +
        "(pip prints the index URL it uses) and every image layer that holds the file. Anyone who can read the " +
        "repository can then read — and often publish to — the private index.",
        "Write an environment placeholder instead (pip, Pipenv and PDM expand ${PIP_TOKEN}; uv and Poetry read " +
        "UV_INDEX_<NAME>_PASSWORD / POETRY_HTTP_BASIC_<NAME>_PASSWORD, or use keyring/netrc), rotate the exposed " +
        "token, and give the build its credentials as a CI secret or a BuildKit secret mount.",
        tags: new[] { "dependencies", "secrets" }, cwe: new[] { "CWE-798", "CWE-522" });

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => DependencyKinds.ManifestsLocksAndInstallers;

    public override void Check(RuleContext context)
    {
        foreach (var file in DependencySet.For(context).Production)
        {
            foreach (var source in file.Document.Sources)
            {
                if (!source.IsTrustedHost && DependencyHygiene.HasCredential(source.Url, out string redacted))
                {
                    string what = Describe(file, source.Name);
                    context.Report(file.File, source.Line, 1,
                        $"{what} in {file.File.RelativePath} holds a credential ({redacted}): it is committed with the code and copied into locks, logs and images",
                        redacted, "source:" + DependencyHygiene.HostOf(source.Url) + ":" + source.Name);
                }
            }
            foreach (var entry in file.Document.Entries)
            {
                if (entry.Url != null && DependencyHygiene.HasCredential(entry.Url, out string redacted))
                {
                    context.Report(file.File, entry.Line, 1,
                        $"{entry.Name} is installed from a URL that holds a credential ({redacted}) in {file.File.RelativePath}",
                        redacted, "entry:" + entry.NormalizedName);
                }
            }
        }
        CheckInstallers(context);
    }

    /// <summary>Index settings on install command lines and in Dockerfile ENV/ARG: a credential there is in the
    /// repository, and an ENV or ARG value is also in the image's history for anyone who pulls it.</summary>
    private static void CheckInstallers(RuleContext context)
    {
        foreach (var setting in DeployCommands.For(context).IndexSettings)
        {
            if (setting.IsTrustedHost || setting.File.IsNonProduction)
            {
                continue;
            }
            foreach (string url in setting.Values)
            {
                if (DependencyHygiene.HasCredential(url, out string redacted))
                {
                    string where = setting.Name.StartsWith("-", StringComparison.Ordinal)
                        ? $"{setting.Name} on the install command at {setting.File.RelativePath}:{setting.Line}"
                        : $"{setting.Name} set in {setting.File.RelativePath}:{setting.Line}";
                    string extra = setting.Name.StartsWith("-", StringComparison.Ordinal)
                        ? "it is committed with the code and printed in build logs"
                        : setting.File.Kind == ArtifactKind.Dockerfile
                            ? "it is committed with the code and stays in the image history (docker history shows ENV and ARG values)"
                            : "it is committed with the code; use the CI system's secret variables instead";
                    context.Report(setting.File, setting.Line, 1, $"{where} holds a credential ({redacted}): {extra}", redacted,
                        "setting:" + setting.Name + ":" + DependencyHygiene.HostOf(url));
                }
            }
        }
    }

    private static string Describe(ParsedDependencyFile file, string? name) => file.Kind switch
    {
        DeployChecks.DependencySourceKind.Requirements => "--" + (name == "index-url" ? "index-url" : name ?? "index-url"),
        DeployChecks.DependencySourceKind.Pipfile => $"[[source]] '{name}'",
        DeployChecks.DependencySourceKind.PipfileLock => $"_meta.sources '{name}'",
        DeployChecks.DependencySourceKind.PoetryLock => $"the recorded source '{name}'",
        DeployChecks.DependencySourceKind.UvLock => "the recorded registry",
        _ => name is "index-url" or "extra-index-url" or "find-links" ? "tool.uv." + name : $"the index '{name}'",
    };
}
