using System;
using System.Globalization;
using System.IO;
using System.Linq;
using DeployChecks.Engine.Images;
using DeployChecks.Engine.Vulnerabilities;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace DeployChecks.Cli;

/// <summary><c>deploychecks image-scan ARCHIVE</c>: Invoke-ImageScan for runners without pwsh. Exit 0, 1 when
/// <c>--fail-on</c> trips, 2 when the archive cannot be scanned (the message names the entry at fault).</summary>
internal static class ImageScanCommand
{
    public static int Run(CliOptions cli, TextWriter stdout, TextWriter stderr)
    {
        if (cli.Paths.Count == 0)
        {
            stderr.WriteLine("deploychecks: image-scan needs an archive or OCI layout directory");
            return CliApplication.ExitUsage;
        }
        var request = new ImageScanRequest(Path.GetFullPath(cli.Paths[0]))
        {
            Platform = cli.Platform ?? ImageScanRequest.DefaultPlatform,
            Reference = cli.Reference,
            Secrets = cli.NoSecretScan ? null : Engine.Secrets.TextSecretDetector.Instance,
        };
        if (cli.AsOf != null)
        {
            if (!DateTime.TryParseExact(cli.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                stderr.WriteLine($"deploychecks: --as-of '{cli.AsOf}' is not a yyyy-mm-dd date");
                return CliApplication.ExitUsage;
            }
            request.Today = day;
        }
        Severity? failOn = null;
        if (cli.FailOn != null)
        {
            if (!Enum.TryParse<Severity>(cli.FailOn, true, out var s))
            {
                stderr.WriteLine($"deploychecks: --fail-on '{cli.FailOn}' is not a severity (info, low, medium, high, critical)");
                return CliApplication.ExitUsage;
            }
            failOn = s;
        }
        string? db = cli.VulnerabilityDatabase ?? Environment.GetEnvironmentVariable("DEPLOYCHECKS_VULN_DB");
        if (!string.IsNullOrEmpty(db))
        {
            request.Vulnerabilities = OsvDatabase.Load(db!);
        }
        ImageScanResult result;
        try
        {
            result = ImageScanner.Scan(request);
        }
        catch (ImageScanException ex)
        {
            stderr.WriteLine($"deploychecks: {ex.ErrorId}: {ex.Message}");
            return CliApplication.ExitUsage;
        }
        if (string.Equals(cli.Format, "json", StringComparison.OrdinalIgnoreCase))
        {
            stdout.WriteLine(JsonConvert.SerializeObject(result, Formatting.Indented, new StringEnumConverter()));
        }
        else if (cli.Format != null && !string.Equals(cli.Format, "text", StringComparison.OrdinalIgnoreCase))
        {
            stderr.WriteLine($"deploychecks: image-scan writes text or json, not '{cli.Format}'");
            return CliApplication.ExitUsage;
        }
        else
        {
            WriteText(result, stdout);
        }
        return failOn is { } threshold && result.Findings.Any(f => f.Severity >= threshold) ? CliApplication.ExitGateFailed : CliApplication.ExitOk;
    }

    private static void WriteText(ImageScanResult r, TextWriter o)
    {
        o.WriteLine($"{r.Image}  {r.Format}  {r.Platform}  {r.OsName ?? "no os-release"}");
        if (r.PlatformNote != null)
        {
            o.WriteLine("  " + r.PlatformNote);
        }
        o.WriteLine($"  {r.Layers.Count} layers, {r.CompressedSize:N0} bytes ({r.UncompressedSize:N0} uncompressed); " +
                    $"{r.Packages.Count(p => p.Type != "python")} OS packages, {r.Packages.Count(p => p.Type == "python")} Python packages");
        foreach (var l in r.Layers)
        {
            o.WriteLine($"  [{l.Index}] {l.Size,12:N0}  {l.Compression,-4}  {Shorten(l.CreatedBy ?? l.Digest, 90)}");
        }
        o.WriteLine(r.Findings.Count == 0 ? "No findings." : $"{r.Findings.Count} findings:");
        foreach (var f in r.Findings.OrderByDescending(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal))
        {
            o.WriteLine($"  {f.RuleId} {f.Severity,-8} {f.Message}" + (f.Evidence != null ? "  [" + Shorten(f.Evidence, 120) + "]" : ""));
        }
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s.Substring(0, max - 1) + "…";
}
