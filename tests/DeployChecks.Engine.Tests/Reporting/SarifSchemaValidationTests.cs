using System;
using System.IO;
using System.Linq;
using DeployChecks.Engine.Reporting;

namespace DeployChecks.Engine.Tests.Reporting;

/// <summary>Validates generated SARIF against the official SARIF 2.1.0 schema (ajv, draft 2020-12) and with
/// <c>sarif-multitool validate</c>. Needs <c>.ci/install-node-tools.sh</c>; skipped with the reason otherwise.</summary>
public class SarifSchemaValidationTests
{
    private static string WriteTemp(ChecklistReport report, string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "dc-sarif-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        string path = Path.Combine(dir, name);
        ReportWriters.WriteFile(report, ReportFormat.Sarif, path);
        return path;
    }

    /// <summary>When set, the generated SARIF files are written there and kept (for CI artifacts or debugging).</summary>
    private static readonly string? KeepDir = Environment.GetEnvironmentVariable("DEPLOYCHECKS_TEST_REPORTS_DIR");

    private static void Validate(bool multitool, params ChecklistReport[] reports)
    {
        var files = reports.Select((r, i) => WriteTemp(r, "report" + i + ".sarif")).ToList();
        if (!string.IsNullOrEmpty(KeepDir))
        {
            Directory.CreateDirectory(KeepDir);
            for (int i = 0; i < files.Count; i++)
            {
                File.Copy(files[i], Path.Combine(KeepDir, (multitool ? "multitool-" : "schema-") + "report" + i + ".sarif"), true);
            }
        }
        try
        {
            var args = (multitool ? new[] { "--multitool" } : Array.Empty<string>()).Concat(files).ToArray();
            var (exit, output) = NodeTools.RunValidator(args);
            Assert.True(exit == 0, "validate-sarif.mjs exited " + exit + ":\n" + output);
            Assert.Contains(multitool ? "sarif-multitool validate: no errors" : "valid against SARIF 2.1.0 schema", output);
        }
        finally
        {
            foreach (var f in files)
            {
                Directory.Delete(Path.GetDirectoryName(f)!, true);
            }
        }
    }

    [RequiresNodeToolsFact]
    public void Real_and_hand_built_reports_are_schema_valid()
    {
        Validate(false, ReportFixtures.Real, ReportFixtures.HandBuilt());
    }

    [RequiresNodeToolsFact]
    public void Validator_rejects_invalid_sarif()
    {
        string dir = Path.Combine(Path.GetTempPath(), "dc-sarif-bad-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(dir);
        try
        {
            string path = Path.Combine(dir, "bad.sarif");
            File.WriteAllText(path, "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{}},\"results\":[{\"level\":\"fatal\"}]}]}");
            var (exit, output) = NodeTools.RunValidator(path);
            Assert.NotEqual(0, exit);
            Assert.Contains("schema:", output);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [RequiresSarifMultitoolFact]
    public void Sarif_multitool_validate_reports_no_errors()
    {
        Validate(true, ReportFixtures.Real, ReportFixtures.HandBuilt());
    }

    /// <summary>The same official schema, validated in-process with NJsonSchema (needs only the schema file).</summary>
    [RequiresSarifSchemaFact]
    public void Reports_are_valid_by_NJsonSchema_in_process()
    {
        var schema = NJsonSchema.JsonSchema.FromFileAsync(NodeTools.SarifSchemaPath!).GetAwaiter().GetResult();
        foreach (var report in new[] { ReportFixtures.Real, ReportFixtures.HandBuilt() })
        {
            var errors = schema.Validate(ReportWriters.WriteToString(report, ReportFormat.Sarif));
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
        }
        // The validator really checks: bad levels and duplicate tags (a bug this caught once) are rejected.
        Assert.NotEmpty(schema.Validate("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{}},\"results\":[{\"level\":\"fatal\"}]}]}"));
        Assert.NotEmpty(schema.Validate("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\",\"rules\":[{\"id\":\"a\",\"properties\":{\"tags\":[\"s\",\"s\"]}}]}}}]}"));
    }
}
