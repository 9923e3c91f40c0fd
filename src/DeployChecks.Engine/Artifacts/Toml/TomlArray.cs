using System.Collections.Generic;

namespace DeployChecks.Engine.Artifacts.Toml;

public sealed class TomlArray : TomlNode
{
    public TomlArray(int line)
        : base(line)
    {
    }

    public List<TomlNode> Items { get; } = new();

    /// <summary>True for an array of tables (<c>[[x]]</c>).</summary>
    public bool IsTableArray { get; internal set; }
}
