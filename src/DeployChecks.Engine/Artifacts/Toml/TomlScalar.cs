using System;

namespace DeployChecks.Engine.Artifacts.Toml;

/// <summary>A string, boolean, number or date: <see cref="Value"/> is the .NET value (string, bool, long, double,
/// or the date's text).</summary>
public sealed class TomlScalar : TomlNode
{
    public TomlScalar(object? value, int line)
        : base(line)
    {
        Value = value;
    }

    public object? Value { get; }

    public string? AsString => Value as string;

    /// <summary>True for a TOML date/time (whose <see cref="Value"/> is its text).</summary>
    public bool IsDateTime { get; internal set; }

    public override string ToString() => Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
