using System.Collections.Generic;
using DeployChecks.Engine.Models.Dependencies;
using DeployChecks.Engine.Models.Deploy;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules.Dependencies;

/// <summary>DC2011: packages fetched over plain HTTP or with TLS verification turned off.</summary>
public sealed class InsecurePackageIndexRule : Rule
{
    public static readonly RuleDescriptor Definition = new(
        "DC2011", "insecure-package-index", CheckArea.Dependencies, Severity.High,
        "Packages are downloaded over plain HTTP or without TLS verification",
        "An index or find-links URL over http://, a pip --trusted-host, Pipenv/PDM verify_ssl = false or uv " +
        "allow-insecure-host lets anyone on the network path between the build and the index (a compromised " +
        "router, a hostile Wi-Fi, a DNS spoof) answer with their own package: it is installed and runs with the " +
        "application's privileges. Hash checking (--require-hashes, locks with hashes) limits the damage, but the " +
        "index listing itself and any unhashed package remain open to tampering.",
        "Serve the index over HTTPS with a certificate the build trusts (add the private CA with PIP_CERT / " +
        "REQUESTS_CA_BUNDLE / SSL_CERT_FILE instead of disabling verification), and remove --trusted-host, " +
        "verify_ssl = false and allow-insecure-host. Loopback URLs (localhost, 127.0.0.1) are not reported.",
        tags: new[] { "dependencies", "tls", "supply-chain" }, cwe: new[] { "CWE-319", "CWE-295", "CWE-494" });

    public override RuleDescriptor Descriptor => Definition;

    public override IReadOnlyList<ArtifactKind> Reads => DependencyKinds.ManifestsLocksAndInstallers;

    public override void Check(RuleContext context)
    {
        var set = DependencySet.For(context);
        foreach (var file in set.Production)
        {
            foreach (var source in file.Document.Sources)
            {
                string host = DependencyHygiene.HostOf(source.Url);
                if (DependencyHygiene.IsLoopback(host) || (file.IsLock && DependencyHygiene.ManifestBesideHasSource(set, file, source.Url)))
                {
                    continue;
                }
                string shown = DependencyHygiene.Redact(source.Url);
                string? why = null;
                if (source.IsTrustedHost)
                {
                    why = source.Name == "allow-insecure-host"
                        ? $"tool.uv.allow-insecure-host '{shown}': uv skips certificate verification for this host and accepts plain HTTP from it"
                        : $"--trusted-host {shown}: pip skips certificate verification for this host and accepts plain HTTP from it";
                }
                else if (DependencyHygiene.IsPlainHttp(source.Url))
                {
                    why = $"{Option(file, source.Name)} {shown} is plain HTTP: anyone on the network path can serve altered packages";
                }
                else if (!source.VerifySsl)
                {
                    why = $"source '{source.Name}' ({shown}) sets verify_ssl = false: any certificate is accepted, so anyone on the network path can impersonate the index";
                }
                if (why != null)
                {
                    context.Report(file.File, source.Line, 1, $"{file.File.RelativePath}: {why}", shown,
                        "source:" + host + ":" + (source.IsTrustedHost ? "trusted" : source.Name));
                }
            }
            if (file.IsLock)
            {
                continue;
            }
            foreach (var entry in file.Document.Entries)
            {
                if (entry.Url != null && entry.Hashes.Length == 0 && DependencyHygiene.IsPlainHttp(entry.Url) &&
                    !DependencyHygiene.IsLoopback(DependencyHygiene.HostOf(entry.Url)))
                {
                    string shown = DependencyHygiene.Redact(entry.Url);
                    context.Report(file.File, entry.Line, 1,
                        $"{file.File.RelativePath}: {entry.Name} is downloaded over plain HTTP ({shown}) with no hash to check it",
                        shown, "entry:" + entry.NormalizedName);
                }
            }
        }
        CheckInstallers(context);
    }

    /// <summary>Index settings on install command lines and in Dockerfile ENV/ARG (<c>--trusted-host</c>,
    /// <c>PIP_TRUSTED_HOST</c>, <c>UV_INSECURE_HOST</c>, plain-HTTP index URLs).</summary>
    private static void CheckInstallers(RuleContext context)
    {
        foreach (var setting in DeployCommands.For(context).IndexSettings)
        {
            if (setting.File.IsNonProduction)
            {
                continue;
            }
            foreach (string value in setting.Values)
            {
                string host = setting.IsTrustedHost ? value : DependencyHygiene.HostOf(value);
                if (DependencyHygiene.IsLoopback(host))
                {
                    continue;
                }
                string shown = DependencyHygiene.Redact(value);
                string? why = setting.IsTrustedHost
                    ? $"{setting.Name} {shown}: the installer skips certificate verification for this host and accepts plain HTTP from it"
                    : DependencyHygiene.IsPlainHttp(value)
                        ? $"{setting.Name} {shown} is plain HTTP: anyone on the network path can serve altered packages"
                        : null;
                if (why != null)
                {
                    context.Report(setting.File, setting.Line, 1, $"{setting.File.RelativePath}:{setting.Line}: {why}", shown,
                        "setting:" + setting.Name + ":" + host);
                }
            }
        }
    }

    private static string Option(ParsedDependencyFile file, string? name) =>
        file.Kind == DeployChecks.DependencySourceKind.Requirements && name is "index-url" or "extra-index-url" or "find-links"
            ? "--" + name
            : $"index '{name}'";
}
