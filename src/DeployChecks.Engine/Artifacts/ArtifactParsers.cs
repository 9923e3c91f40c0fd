using System;
using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Artifacts.Dockerfile;
using DeployChecks.Engine.Artifacts.Env;
using DeployChecks.Engine.Artifacts.Procfile;
using DeployChecks.Engine.Artifacts.Yaml;
using DeployChecks.Engine.Dependencies;
using DeployChecks.Engine.Dependencies.Parsers;
using DeployChecks.Engine.Python;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Artifacts;

/// <summary>
/// The one table of which parser reads which kind of file into which model. A file has one primary
/// <see cref="ArtifactKind"/> (from its path) but may have several views: a compose file is YAML and a compose model,
/// a model type may be produced by a different parser per kind (every dependency format gives a
/// <see cref="DependencyDocument"/>). Rules and run models ask by model type (<c>context.ArtifactsOf&lt;T&gt;()</c>); the
/// kinds a model is read from (<see cref="KindsOf(Type)"/>) decide which files a rule reads and its NotApplicable reason.
/// A new format adds one line here.
/// </summary>
public static class ArtifactParsers
{
    private static readonly List<Registration> Table = new()
    {
        Register(PythonParser.Instance, ArtifactKind.Python),
        Register(EnvFileParser.Instance, ArtifactKind.EnvFile),
        Register(DockerfileParser.Instance, ArtifactKind.Dockerfile),
        Register(ProcfileParser.Instance, ArtifactKind.Procfile),
        Register(YamlFileParser.Instance, ArtifactKind.Compose, ArtifactKind.GitHubWorkflow, ArtifactKind.AzurePipeline,
            ArtifactKind.GitLabCi, ArtifactKind.DeployChecksOptions),
        Register(RequirementsFileParser.Instance, ArtifactKind.Requirements),
        Register<DependencyDocument>(PyprojectParser.Instance, ArtifactKind.Pyproject),
        Register<DependencyDocument>(PipfileParser.Instance, ArtifactKind.Pipfile),
        Register<DependencyDocument>(PipfileLockParser.Instance, ArtifactKind.PipfileLock),
        Register<DependencyDocument>(PoetryLockParser.Instance, ArtifactKind.PoetryLock),
        Register<DependencyDocument>(UvLockParser.Instance, ArtifactKind.UvLock),
        Register<DependencyDocument>(PdmLockParser.Instance, ArtifactKind.PdmLock),
        Register<DependencyDocument>(PyLockParser.Instance, ArtifactKind.PyLock),
        Register<DependencyDocument>(SetupCfgParser.Instance, ArtifactKind.SetupCfg),
        Register<DependencyDocument>(SetupPyParser.Instance, ArtifactKind.SetupPy),
    };

    /// <summary>The parser that reads a file of <paramref name="kind"/> into a <typeparamref name="T"/>, or null when
    /// files of that kind have no such view.</summary>
    public static IArtifactParser<T>? For<T>(ArtifactKind kind) where T : class
    {
        foreach (var r in Table)
        {
            if (typeof(T).IsAssignableFrom(r.Model) && Array.IndexOf(r.Kinds, kind) >= 0)
            {
                return (IArtifactParser<T>)r.Parser;
            }
        }
        return null;
    }

    /// <summary>The kinds of file a model of <paramref name="model"/> is read from.</summary>
    public static IReadOnlyList<ArtifactKind> KindsOf(Type model) =>
        Table.Where(r => model.IsAssignableFrom(r.Model)).SelectMany(r => r.Kinds).Distinct().ToArray();

    public static IReadOnlyList<ArtifactKind> KindsOf<T>() => KindsOf(typeof(T));

    /// <summary>True when some parser produces <paramref name="model"/> from a file.</summary>
    public static bool IsArtifactModel(Type model) => Table.Any(r => model.IsAssignableFrom(r.Model));

    private static Registration Register<T>(IArtifactParser<T> parser, params ArtifactKind[] kinds) where T : class =>
        new(typeof(T), parser, kinds);

    private sealed class Registration
    {
        public Registration(Type model, object parser, ArtifactKind[] kinds)
        {
            Model = model;
            Parser = parser;
            Kinds = kinds;
        }

        public Type Model { get; }
        public object Parser { get; }
        public ArtifactKind[] Kinds { get; }
    }
}
