using System;
using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Dependencies.Requirements;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Models.Deploy;

/// <summary>pip's, uv's and the lock tools' command-line arguments: which options take a value (so a value is never read
/// as a package), requirement and constraint files, packages, index options, lock enforcement and group selection.
/// pip's options follow <c>pip install --help</c> (pip 24/25).</summary>
internal static class PipArguments
{
    /// <summary>pip options that take a value (install, wheel, download; general options included).</summary>
    internal static readonly HashSet<string> PipValueOptions = new(StringComparer.Ordinal)
    {
        "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root",
        "--trusted-host", "--platform", "--python-version", "--implementation", "--abi", "--only-binary", "--no-binary",
        "--progress-bar", "--cache-dir", "--src", "--upgrade-strategy", "--log", "--log-file", "--timeout", "--retries",
        "--proxy", "--cert", "--client-cert", "-C", "--config-settings", "--global-option", "--build-option",
        "--install-option", "--report", "--root-user-action", "--python", "--exists-action", "--keyring-provider",
        "--use-feature", "--use-deprecated", "-w", "--wheel-dir", "-d", "--dest", "--group", "--resume-retries",
        // uv pip
        "-p", "--index", "--default-index", "--index-strategy", "--resolution", "--prerelease", "--extra", "-o",
        "--output-file", "--python-platform", "--exclude-newer", "--link-mode", "--refresh-package", "--reinstall-package",
        "--upgrade-package", "-P", "--override", "--overrides", "--build-constraint", "--build-constraints", "-b",
    };

    internal static void GroupsAndFlags(InstallCommand cmd, IEnumerable<string> args)
    {
        var list = args.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            string a = list[i];
            switch (a)
            {
                case "--locked":
                case "--frozen":
                case "--sync":
                    cmd.LockEnforced = true;
                    break;
                case "--without-hashes":
                    cmd.WithoutHashes = true;
                    break;
                case "--no-dev":
                case "--only-dev":
                case "--all-groups":
                    cmd.GroupOptions.Add(a);
                    break;
                case "--only":
                case "--without":
                case "--with":
                case "--group":
                case "--no-group":
                case "--extra":
                    if (i + 1 < list.Count)
                    {
                        cmd.GroupOptions.Add(a + " " + list[++i]);
                    }
                    break;
                default:
                    if (a.StartsWith("--only=", StringComparison.Ordinal) || a.StartsWith("--without=", StringComparison.Ordinal) ||
                        a.StartsWith("--with=", StringComparison.Ordinal) || a.StartsWith("--group=", StringComparison.Ordinal) ||
                        a.StartsWith("--no-group=", StringComparison.Ordinal))
                    {
                        cmd.GroupOptions.Add(a.Replace('=', ' '));
                    }
                    break;
            }
        }
    }

    internal static RecognizedCommand? Pip(string tool, string action, List<string> args, string text, WorkspaceFile file, int line, DeployCommandOrigin origin)
    {
        if (action != "install" && action != "wheel" && action != "download" && action != "sync")
        {
            return null;
        }
        var cmd = new InstallCommand(file, line, origin, text, tool, action);
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a == "--")
            {
                for (int j = i + 1; j < args.Count; j++)
                {
                    Positional(cmd, args[j], tool, action);
                }
                break;
            }
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                int eq = a.IndexOf('=');
                string name = eq > 0 ? a.Substring(0, eq) : a;
                string? value = eq > 0 ? a.Substring(eq + 1) : null;
                switch (name)
                {
                    case "--requirement":
                    case "--constraint":
                    case "--editable":
                        value ??= i + 1 < args.Count ? args[++i] : null;
                        if (value != null)
                        {
                            if (name == "--editable")
                            {
                                cmd.OtherTargets.Add(value);
                            }
                            else
                            {
                                cmd.Files.Add(new InstallFileReference(value, name == "--requirement" ? InstallFileRole.Requirements : InstallFileRole.Constraints));
                            }
                        }
                        continue;
                    case "--index-url":
                    case "--extra-index-url":
                    case "--trusted-host":
                    case "--find-links":
                        value ??= i + 1 < args.Count ? args[++i] : null;
                        if (value != null)
                        {
                            cmd.IndexOptions.Add(new IndexSetting(cmd.File, cmd.Line, name, value));
                        }
                        continue;
                    case "--require-hashes":
                        cmd.RequireHashes = true;
                        continue;
                    case "--no-deps":
                        cmd.NoDeps = true;
                        continue;
                }
                if (value == null && PipValueOptions.Contains(name) && i + 1 < args.Count)
                {
                    i++;
                }
                continue;
            }
            if (a.Length > 1 && a[0] == '-')
            {
                // Short options, possibly bundled (-qU) or with the value attached (-rreq.txt).
                for (int k = 1; k < a.Length; k++)
                {
                    char o = a[k];
                    if (o is 'r' or 'c' or 'e')
                    {
                        string? value = k + 1 < a.Length ? a.Substring(k + 1) : (i + 1 < args.Count ? args[++i] : null);
                        if (value != null)
                        {
                            if (o == 'e')
                            {
                                cmd.OtherTargets.Add(value);
                            }
                            else
                            {
                                cmd.Files.Add(new InstallFileReference(value, o == 'r' ? InstallFileRole.Requirements : InstallFileRole.Constraints));
                            }
                        }
                        break;
                    }
                    if (o is 'i' or 'f')
                    {
                        string? value = k + 1 < a.Length ? a.Substring(k + 1) : (i + 1 < args.Count ? args[++i] : null);
                        if (value != null)
                        {
                            cmd.IndexOptions.Add(new IndexSetting(cmd.File, cmd.Line, o == 'i' ? "--index-url" : "--find-links", value));
                        }
                        break;
                    }
                    if (PipValueOptions.Contains("-" + o))
                    {
                        if (k + 1 == a.Length && i + 1 < args.Count)
                        {
                            i++;
                        }
                        break;
                    }
                }
                continue;
            }
            Positional(cmd, a, tool, action);
        }
        if (cmd.Files.Count == 0 && cmd.Packages.Count == 0 && cmd.OtherTargets.Count == 0 && cmd.Unreadable.Count == 0)
        {
            return null; // pip install --upgrade (nothing), pip install with only options
        }
        return new RecognizedCommand { Install = cmd };
    }

    private static void Positional(InstallCommand cmd, string a, string tool, string action)
    {
        if (tool == "uv pip" && action == "sync")
        {
            cmd.Files.Add(new InstallFileReference(a, InstallFileRole.Requirements));
            return;
        }
        AddPackage(cmd, a);
    }

    internal static void AddPackage(InstallCommand cmd, string a)
    {
        if (a.Length == 0)
        {
            return;
        }
        if (a.IndexOf('$') > 0 && a.IndexOf('*') < 0 && a.IndexOf('/') < 0)
        {
            // gunicorn==${GUNICORN_VERSION}: the name is known, the version is not.
            int cut = a.IndexOfAny(new[] { '=', '<', '>', '!', '~', '[', ';', '@', ' ', '$' });
            if (cut > 0 && Pep508Requirement.TryParse(a.Substring(0, cut), out var named, out _) && named != null)
            {
                cmd.Packages.Add(new InstalledPackage(a, named) { VersionFromVariable = true });
                return;
            }
        }
        if (a.IndexOf('$') >= 0 || a.IndexOf('*') >= 0 || a.IndexOf('`') >= 0 || DirectReference.LooksLikeUrlOrPath(a) ||
            a.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) || a.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) ||
            a.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            cmd.OtherTargets.Add(a);
            return;
        }
        if (Pep508Requirement.TryParse(a, out var req, out _) && req != null)
        {
            if (req.Url != null)
            {
                cmd.OtherTargets.Add(a);
            }
            else
            {
                cmd.Packages.Add(new InstalledPackage(a, req));
            }
            return;
        }
        cmd.Unreadable.Add(a);
    }
}
