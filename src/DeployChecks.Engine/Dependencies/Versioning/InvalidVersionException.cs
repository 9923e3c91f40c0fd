using System;

namespace DeployChecks.Engine.Dependencies.Versioning;

/// <summary>A string that is not a valid PEP 440 version (packaging's <c>InvalidVersion</c>).</summary>
[Serializable]
public sealed class InvalidVersionException : FormatException
{
    public InvalidVersionException(string version)
        : base($"Invalid version: '{version}'")
    {
        Version = version;
    }

    public string Version { get; }
}
