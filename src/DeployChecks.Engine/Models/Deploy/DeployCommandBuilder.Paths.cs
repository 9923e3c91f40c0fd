using System;
using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Artifacts.Dockerfile;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Deploy;

/// <summary>Image path mapping: a file an install command names (<c>-r</c>, <c>-c</c>, a lock) or a script a start
/// command runs, mapped back to a workspace file — through WORKDIR, COPY/ADD and bind mounts in a Dockerfile, through
/// the working directory elsewhere, then by a unique path suffix or file name (with a note saying so).</summary>
internal sealed partial class DeployCommandBuilder
{
    private void MapFile(InstallFileReference f, Scope scope, string cwd)
    {
        string written = f.Written;
        if (written.IndexOf("://", StringComparison.Ordinal) > 0)
        {
            f.Note = "a URL, not a workspace file";
            return;
        }
        if (scope.Image != null)
        {
            string inImage = PosixPath.Combine(cwd, DockerWords.Expand(written, scope.Image.Vars));
            f.ResolvedPath = inImage;
            string? context = FromCopies(inImage, scope.Mounts) ?? FromCopies(inImage, scope.Image.Copies);
            if (context != null)
            {
                // The build context is normally the Dockerfile's directory; compose files often use a parent.
                string dir = PosixPath.DirectoryOf(scope.File.RelativePath);
                while (true)
                {
                    string candidate = PosixPath.Normalize(dir.Length == 0 ? context : dir + "/" + context);
                    if (_workspace.Find(candidate) is WorkspaceFile found)
                    {
                        f.File = found;
                        return;
                    }
                    if (dir.Length == 0)
                    {
                        break;
                    }
                    dir = PosixPath.DirectoryOf(dir);
                }
            }
            else
            {
                f.Note = $"no COPY, ADD or bind mount brings {inImage} into the image";
            }
            Guess(f, written, f.Note == null ? $"{context} is not in the workspace" : f.Note);
            return;
        }
        string rel = PosixPath.Normalize(PosixPath.Combine(cwd, written).TrimStart('/'));
        f.ResolvedPath = rel;
        if (_workspace.Find(rel) is WorkspaceFile file)
        {
            f.File = file;
            return;
        }
        Guess(f, written, $"{rel} is not in the workspace");
    }

    /// <summary>The workspace file of a script a start command runs: through WORKDIR and COPY/ADD in a
    /// Dockerfile, relative to the file's directory elsewhere, then by path suffix or a unique file name.</summary>
    private WorkspaceFile? ResolveScript(string written, Scope scope, string cwd)
    {
        var f = new InstallFileReference(written, InstallFileRole.Requirements);
        if (scope.Image == null)
        {
            string dir = PosixPath.DirectoryOf(scope.File.RelativePath);
            string rel = PosixPath.Normalize((dir.Length == 0 ? "" : dir + "/") + PosixPath.Combine(cwd, written).TrimStart('/'));
            if (_workspace.Find(rel) is WorkspaceFile beside)
            {
                return beside;
            }
        }
        MapFile(f, scope, cwd);
        return f.File;
    }

    /// <summary>Best effort when the path cannot be followed: a unique workspace file with the same path suffix,
    /// else with the same name.</summary>
    private void Guess(InstallFileReference f, string written, string why)
    {
        string suffix = PosixPath.Normalize(written.TrimStart('/'));
        while (suffix.StartsWith("../", StringComparison.Ordinal))
        {
            suffix = suffix.Substring(3);
        }
        string name = suffix.Substring(suffix.LastIndexOf('/') + 1);
        if (suffix.Length == 0 || name.IndexOf('$') >= 0)
        {
            f.Note = why + "; not mapped";
            return;
        }
        var bySuffix = _workspace.Files.Where(w => (w.RelativePath == suffix || w.RelativePath.EndsWith("/" + suffix, StringComparison.Ordinal)) && !w.IsNonProduction).ToList();
        if (bySuffix.Count == 1)
        {
            f.File = bySuffix[0];
            f.Note = why + "; matched by path suffix";
            return;
        }
        var byName = _workspace.Files.Where(w => w.Name == name && !w.IsNonProduction).ToList();
        if (bySuffix.Count == 0 && byName.Count == 1)
        {
            f.File = byName[0];
            f.Note = why + "; matched by file name";
            return;
        }
        int count = Math.Max(bySuffix.Count, byName.Count);
        f.Note = count == 0 ? why + "; no workspace file of that name" : $"{why}; {count} workspace files could match, none chosen";
    }

    /// <summary>The build-context path a COPY/ADD/mount puts at <paramref name="inImage"/>, latest first.</summary>
    private static string? FromCopies(string inImage, List<CopyMapping>? copies)
    {
        if (copies == null)
        {
            return null;
        }
        for (int i = copies.Count - 1; i >= 0; i--)
        {
            var copy = copies[i];
            foreach (var src in copy.Sources)
            {
                string s = PosixPath.Normalize(src.TrimStart('/'));
                if (!copy.DestinationIsDirectory)
                {
                    if (inImage == copy.Destination)
                    {
                        return s;
                    }
                    continue;
                }
                string prefix = copy.Destination == "/" ? "/" : copy.Destination + "/";
                if (!inImage.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }
                string rest = inImage.Substring(prefix.Length);
                if (s.Length == 0 || s == ".")
                {
                    return rest; // COPY . /app
                }
                if (s.IndexOf('*') >= 0 || s.IndexOf('?') >= 0)
                {
                    string dir = PosixPath.DirectoryOf(s);
                    if (rest.IndexOf('/') < 0 && Wildcard.IsMatch(s.Substring(dir.Length == 0 ? 0 : dir.Length + 1), rest))
                    {
                        return dir.Length == 0 ? rest : dir + "/" + rest;
                    }
                    continue;
                }
                string srcName = s.Substring(s.LastIndexOf('/') + 1);
                if (rest == srcName)
                {
                    return s; // COPY requirements.txt /app/
                }
                return s + "/" + rest; // COPY requirements/ /app/ : directory contents
            }
        }
        return null;
    }
}

/// <summary>Entrypoint and start scripts: which files are shell scripts, and which run their arguments.</summary>
internal static class EntrypointScripts
{
    /// <summary>For a file executed directly: a <c>.sh</c>/<c>.bash</c> name, or a <c>#!</c> line naming a POSIX shell
    /// (<c>#!/bin/sh</c>, <c>#!/usr/bin/env bash</c>); a Python or other script is not read as shell.</summary>
    public static bool IsShellScript(string written, string body)
    {
        if (written.EndsWith(".sh", StringComparison.Ordinal) || written.EndsWith(".bash", StringComparison.Ordinal))
        {
            return true;
        }
        if (!body.StartsWith("#!", StringComparison.Ordinal))
        {
            return false;
        }
        int eol = body.IndexOf('\n');
        var shebang = (eol < 0 ? body : body.Substring(0, eol)).Substring(2).Trim().Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        string interpreter = shebang.Length == 0 ? "" : CommandUnwrapper.BaseName(shebang[0]);
        if (interpreter == "env" && shebang.Length > 1)
        {
            interpreter = shebang[shebang.Length - 1];
        }
        return interpreter is "sh" or "bash" or "dash" or "ash" or "zsh" or "ksh";
    }

    /// <summary>True when the script runs the arguments it was given (<c>exec "$@"</c>), as most entrypoints do.</summary>
    public static bool RunsItsArguments(string body) =>
        body.IndexOf("$@", StringComparison.Ordinal) >= 0 || body.IndexOf("$*", StringComparison.Ordinal) >= 0;
}
