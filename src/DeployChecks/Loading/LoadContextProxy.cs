using System;
using System.Reflection;

namespace DeployChecks.Loading;

/// <summary>
/// A <c>System.Runtime.Loader.AssemblyLoadContext</c> reached through reflection, because this assembly targets
/// netstandard2.0, which has no such type. Only exists on .NET (Core); <see cref="TryCreate"/> returns null on
/// .NET Framework (Windows PowerShell 5.1).
/// </summary>
internal sealed class LoadContextProxy
{
    private readonly object _context;
    private readonly MethodInfo _loadFromAssemblyPath;

    private LoadContextProxy(object context, MethodInfo loadFromAssemblyPath)
    {
        _context = context;
        _loadFromAssemblyPath = loadFromAssemblyPath;
    }

    /// <summary>The context's name as .NET reports it (visible in <c>AssemblyLoadContext.All</c>).</summary>
    public string Name { get; private set; } = "";

    public static LoadContextProxy? TryCreate(string name)
    {
        // On .NET the type lives in System.Private.CoreLib, which Type.GetType searches without an assembly name.
        Type? type = Type.GetType("System.Runtime.Loader.AssemblyLoadContext", throwOnError: false);
        if (type == null)
        {
            return null;
        }
        ConstructorInfo? ctor = type.GetConstructor(new[] { typeof(string), typeof(bool) });
        MethodInfo? load = type.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });
        if (ctor == null || load == null)
        {
            return null;
        }
        object context = ctor.Invoke(new object[] { name, false });
        return new LoadContextProxy(context, load) { Name = name };
    }

    public Assembly LoadFromAssemblyPath(string path)
    {
        try
        {
            return (Assembly)_loadFromAssemblyPath.Invoke(_context, new object[] { path });
        }
        catch (TargetInvocationException ex) when (ex.InnerException != null)
        {
            throw ex.InnerException;
        }
    }
}
