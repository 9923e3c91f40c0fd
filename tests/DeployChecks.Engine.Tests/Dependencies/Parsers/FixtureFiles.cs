using System.IO;
using DeployChecks.Engine.Dependencies.Parsers;
using DeployChecks.Engine.Text;

namespace DeployChecks.Engine.Tests.Dependencies.Parsers;

/// <summary>Reads files under Fixtures/dependencies, addressed by their path below that folder.</summary>
internal static class FixtureFiles
{
    public static string Root => Path.Combine(System.AppContext.BaseDirectory, "Fixtures", "dependencies");

    public static SourceText Text(string relative) => new(File.ReadAllText(Path.Combine(Root, relative)));

    public static bool Exists(string relative) => File.Exists(Path.Combine(Root, relative));

    /// <summary>A loader for <see cref="RequirementsIncludeResolver"/>: parses fixture files on demand.</summary>
    public static RequirementsFile? LoadRequirements(string relative) =>
        Exists(relative) ? RequirementsFileParser.Instance.Parse(relative, Text(relative)) : null;
}
