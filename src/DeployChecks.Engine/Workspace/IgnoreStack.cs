using System.Collections.Generic;

namespace DeployChecks.Engine.Workspace;

/// <summary>The ignore files in force for one directory during the walk: deeper files override shallower
/// ones; <c>.git/info/exclude</c> sits below the root <c>.gitignore</c>.</summary>
public sealed class IgnoreStack
{
    private readonly IgnoreStack? _parent;
    private readonly IgnoreFile? _file;

    private IgnoreStack(IgnoreStack? parent, IgnoreFile? file)
    {
        _parent = parent;
        _file = file;
    }

    public static IgnoreStack Empty { get; } = new(null, null);

    public IgnoreStack Push(IgnoreFile file) => file.Count == 0 ? this : new IgnoreStack(this, file);

    public bool IsIgnored(string relativePath, bool isDirectory)
    {
        for (var s = this; s != null; s = s._parent)
        {
            if (s._file == null)
            {
                continue;
            }
            var r = s._file.Match(relativePath, isDirectory);
            if (r.HasValue)
            {
                return r.Value;
            }
        }
        return false;
    }

    public IEnumerable<IgnoreFile> Files
    {
        get
        {
            for (var s = this; s != null; s = s._parent)
            {
                if (s._file != null)
                {
                    yield return s._file;
                }
            }
        }
    }
}
