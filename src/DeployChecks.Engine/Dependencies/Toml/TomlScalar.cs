using System;

namespace DeployChecks.Engine.Dependencies.Toml;

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

    public override string ToString() => Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
