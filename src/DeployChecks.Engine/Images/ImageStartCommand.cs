using System;
using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Artifacts.Shell;
using DeployChecks.Engine.Models.Deploy;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Images;

/// <summary>Reads an image's Entrypoint + Cmd with the same command recognizer the Dockerfile rules use (shells,
/// <c>sh -c</c> scripts, wrappers such as tini, gosu, env and exec are seen through).</summary>
internal static class ImageStartCommand
{
    private static readonly WorkspaceFile ConfigFile = new("image-config", "image-config", 0, ArtifactKind.Other, GitStatus.NoRepository);

    /// <summary>The development servers the command starts: runserver, flask run, fastapi dev, or a server with --reload.</summary>
    public static IEnumerable<string> DevServers(IReadOnlyList<string> entrypoint, IReadOnlyList<string> cmd)
    {
        var words = entrypoint.Concat(cmd).ToList();
        var found = new List<string>();
        Visit(words, 0, found);
        return found.Distinct();
    }

    private static void Visit(IReadOnlyList<string> words, int depth, List<string> found)
    {
        if (words.Count == 0 || depth > 3)
        {
            return;
        }
        var recognized = CommandRecognizer.Recognize(words, ConfigFile, 0, DeployCommandOrigin.Dockerfile);
        if (recognized?.NestedScript is { } script)
        {
            foreach (var command in ShellScript.Split(script, out _))
            {
                Visit(command.Words, depth + 1, found);
            }
            return;
        }
        if (recognized?.Server is { } server)
        {
            if (server.IsDevServer)
            {
                found.Add(server.Server);
            }
            else if (server.Arguments.Any(a => a == "--reload" || a.StartsWith("--reload=", StringComparison.Ordinal)))
            {
                found.Add(server.Server + " --reload");
            }
        }
    }
}
