namespace DeployChecks.Engine.Artifacts.Toml;

/// <summary>A TOML value with the 1-based line it starts on.</summary>
public abstract class TomlNode
{
    protected TomlNode(int line)
    {
        Line = line;
    }

    /// <summary>1-based line; for a table, its header (or inline-table) line.</summary>
    public int Line { get; internal set; }
}
