using System.Collections.Generic;
using System;
using DeployChecks.Engine.Dependencies;
using DeployChecks.Engine.Models.Dependencies;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Dependencies;

/// <summary>DC2015: a dependency file the installer will refuse (bad requirement, bad specifier, broken TOML/JSON,
/// a missing or cyclic -r include).</summary>
public sealed class DependencyFileMalformedRule : Rule
{
    public const string ErrorId = "MalformedDependencyFile";

    public static readonly RuleDescriptor Definition = new(
        "DC2015", "dependency-file-malformed", CheckArea.Dependencies, Severity.High,
        "A dependency file has content the installer will refuse",
        "pip stops at the first requirement line it cannot parse, Poetry, uv and Pipenv refuse a pyproject.toml, " +
        "Pipfile or lock that is not valid TOML/JSON, and a -r include that is missing or loops fails the whole " +
        "install. The deploy then breaks at build time — or, worse, an older image keeps running while the fix " +
        "that depended on the new requirement never ships. Every other dependency check also sees less than the " +
        "installer would.",
        "Fix the line named in the finding: a valid PEP 508 requirement or pip option, a valid PEP 440 specifier, " +
        "valid TOML/JSON, an include path that exists relative to the including file. `pip install -r FILE " +
        "--dry-run`, `poetry check`, `uv lock --check` and `pipenv verify` reproduce the installer's view.",
        tags: new[] { "dependencies" });

    private static readonly ArtifactKind[] ReadKinds =
    {
        ArtifactKind.Requirements, ArtifactKind.Pyproject, ArtifactKind.Pipfile, ArtifactKind.PipfileLock, ArtifactKind.PoetryLock,
        ArtifactKind.UvLock, ArtifactKind.PdmLock, ArtifactKind.PyLock, ArtifactKind.SetupCfg,
    };

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => ReadKinds;

    public override void Check(RuleContext context)
    {
        var set = DependencySet.For(context);
        var seen = new HashSet<(string, int, string)>();
        foreach (var file in set.Production)
        {
            // setup.py is a program: its "problems" are what a static reader cannot evaluate (a computed
            // install_requires), not something setuptools refuses; its syntax errors are the Python rules' to report.
            if (file.Kind == DeployChecks.DependencySourceKind.SetupPy)
            {
                continue;
            }
            foreach (var p in file.Document.Problems)
            {
                Report(context, file.File, p, seen);
            }
        }
        // Include problems (a missing -r file, a cycle) exist only once the includes are followed; the resolved
        // result also repeats each file's own problems, which the seen-set drops.
        foreach (var file in set.Production)
        {
            if (file.Kind == DeployChecks.DependencySourceKind.Requirements)
            {
                foreach (var p in set.Resolve(file).Problems)
                {
                    if (context.Workspace.Find(p.Source) is WorkspaceFile from && !from.IsNonProduction)
                    {
                        Report(context, from, p, seen);
                    }
                }
            }
        }
    }

    private static void Report(RuleContext context, WorkspaceFile file, DependencyProblem p, HashSet<(string, int, string)> seen)
    {
        // A malformed line can hold an index URL with a token: the message is shown only redacted.
        string message = Redactor.TryRedactUrl(p.Message, out string redacted) ? redacted : p.Message;
        if (!seen.Add((p.Source, p.Line, message)))
        {
            return;
        }
        int line = Math.Max(1, p.Line);
        context.Report(file, line, 1, $"{file.RelativePath}:{line}: {message}; {Installer(file.Kind)} will refuse the file",
            null, "problem:" + message);
        context.InputProblem(ErrorId, file, line, $"{file.RelativePath}:{line}: {message}");
    }

    private static string Installer(ArtifactKind kind) => kind switch
    {
        ArtifactKind.Requirements => "pip",
        ArtifactKind.Pipfile or ArtifactKind.PipfileLock => "pipenv",
        ArtifactKind.PoetryLock => "poetry",
        ArtifactKind.UvLock => "uv",
        ArtifactKind.PdmLock => "pdm",
        ArtifactKind.SetupCfg => "setuptools",
        ArtifactKind.Pyproject => "pip, Poetry and uv",
        _ => "the installer",
    };
}
