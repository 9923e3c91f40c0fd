using System;

namespace DeployChecks.Engine.Dependencies.Versioning;

/// <summary>A string that is not a valid PEP 440 specifier (packaging's <c>InvalidSpecifier</c>).</summary>
[Serializable]
public sealed class InvalidSpecifierException : FormatException
{
    public InvalidSpecifierException(string specifier)
        : base($"Invalid specifier: '{specifier}'")
    {
        Specifier = specifier;
    }

    public string Specifier { get; }
}
