using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models;

/// <summary>
/// Marks a run model: a class with a static <c>Build(ModelContext)</c> method returning it, built once per run by the
/// first rule that asks (<c>context.Model&lt;T&gt;()</c>). <see cref="Reads"/> names the artifact models and run
/// models it is built from; the file kinds a rule reads are derived from them (<see cref="RunModels.KindsOf(Type)"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RunModelAttribute : Attribute
{
    public RunModelAttribute(params Type[] reads)
    {
        Reads = reads;
    }

    /// <summary>Artifact model types (<c>DockerfileModel</c>) and run model types (<c>DependencySet</c>) it reads.</summary>
    public IReadOnlyList<Type> Reads { get; }
}

/// <summary>Builds run models and answers which file kinds a model (and so a rule) reads.</summary>
public static class RunModels
{
    private static readonly ConcurrentDictionary<Type, Func<ModelContext, object>> Builders = new();
    private static readonly ConcurrentDictionary<Type, ArtifactKind[]> Kinds = new();

    /// <summary>The run's <typeparamref name="T"/>, built once per run.</summary>
    public static T Get<T>(ModelContext context) where T : class
    {
        var build = Builders.GetOrAdd(typeof(T), FindBuilder);
        return context.Cache.GetShared(() => (T)build(context));
    }

    /// <summary>True for a class marked <see cref="RunModelAttribute"/>.</summary>
    public static bool IsRunModel(Type type) => type.GetCustomAttribute<RunModelAttribute>() != null;

    /// <summary>The file kinds <paramref name="models"/> read: an artifact model's kinds from <see cref="ArtifactParsers"/>,
    /// a run model's from what it reads, recursively.</summary>
    public static IReadOnlyList<ArtifactKind> KindsOf(IEnumerable<Type> models)
    {
        var kinds = new List<ArtifactKind>();
        foreach (var m in models)
        {
            foreach (var k in KindsOf(m))
            {
                if (!kinds.Contains(k))
                {
                    kinds.Add(k);
                }
            }
        }
        return kinds;
    }

    public static IReadOnlyList<ArtifactKind> KindsOf(Type model) => Kinds.GetOrAdd(model, m => Collect(m, new HashSet<Type>()).Distinct().ToArray());

    private static IEnumerable<ArtifactKind> Collect(Type model, HashSet<Type> seen)
    {
        if (!seen.Add(model))
        {
            yield break;
        }
        if (model.GetCustomAttribute<RunModelAttribute>() is { } run)
        {
            foreach (var r in run.Reads)
            {
                foreach (var k in Collect(r, seen))
                {
                    yield return k;
                }
            }
            yield break;
        }
        if (!ArtifactParsers.IsArtifactModel(model))
        {
            throw new ArgumentException($"{model.Name} is neither an artifact model (ArtifactParsers) nor a run model ([RunModel])", nameof(model));
        }
        foreach (var k in ArtifactParsers.KindsOf(model))
        {
            yield return k;
        }
    }

    private static Func<ModelContext, object> FindBuilder(Type type)
    {
        if (type.GetCustomAttribute<RunModelAttribute>() == null)
        {
            throw new InvalidOperationException($"{type.Name} is not a run model: mark it [RunModel(...)] and give it a static Build(ModelContext)");
        }
        var method = type.GetMethod("Build", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, null, new[] { typeof(ModelContext) }, null);
        if (method == null || !type.IsAssignableFrom(method.ReturnType))
        {
            throw new InvalidOperationException($"run model {type.Name} has no static {type.Name} Build(ModelContext)");
        }
        var build = (Func<ModelContext, object>)Delegate.CreateDelegate(typeof(Func<ModelContext, object>), method);
        return build;
    }
}
