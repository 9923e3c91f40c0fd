using System.Numerics;

namespace DeployChecks.Engine.Dependencies.Versioning;

/// <summary>The pieces of a version string as packaging's <c>VERSION_PATTERN</c> captures them.</summary>
internal sealed class Pep440Parts
{
    public BigInteger Epoch;
    public BigInteger[] Release = System.Array.Empty<BigInteger>();
    public string? PreLetter;
    public BigInteger PreNumber;
    public BigInteger? Post;
    public BigInteger? Dev;
    public string? Local;
    public bool Wildcard;
}
