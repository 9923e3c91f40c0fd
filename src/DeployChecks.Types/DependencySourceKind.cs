namespace DeployChecks;

/// <summary>The kind of file a <see cref="DependencyLockEntry"/> was read from.</summary>
public enum DependencySourceKind
{
    /// <summary>A pip requirements or constraints file (<c>requirements*.txt</c>, <c>*.in</c>).</summary>
    Requirements,
    Pipfile,
    PipfileLock,
    /// <summary><c>pyproject.toml</c>: PEP 621 <c>[project]</c> or PEP 735 <c>[dependency-groups]</c>.</summary>
    Pyproject,
    /// <summary><c>pyproject.toml</c>: Poetry's <c>[tool.poetry.*dependencies]</c>.</summary>
    PoetryPyproject,
    PoetryLock,
    UvLock,
    PdmLock,
    /// <summary>PEP 751 <c>pylock.toml</c> / <c>pylock.*.toml</c>.</summary>
    PyLock,
    SetupCfg,
    SetupPy,
}
