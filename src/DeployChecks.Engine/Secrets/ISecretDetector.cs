using System.Collections.Generic;

namespace DeployChecks.Engine.Secrets;

/// <summary>A credential found in a file's text. <see cref="Evidence"/> is already redacted.</summary>
public sealed record SecretHit(int Line, string Kind, string Evidence);

/// <summary>Finds credentials in one file's text: the one seam between scanners of file content (image layers today)
/// and the engine's secret knowledge (<see cref="ProviderPatterns"/>, <see cref="SensitiveNames"/>, the redactor).
/// Implementations are thread-safe and never return a secret unredacted.</summary>
public interface ISecretDetector
{
    /// <summary>Hits in <paramref name="text"/>, the content of the file at <paramref name="path"/> (the path decides
    /// which detectors apply: name=value assignments are only read in configuration-shaped files).</summary>
    IReadOnlyList<SecretHit> Scan(string path, string text);
}
