using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace DeployChecks.Module.Tests;

/// <summary>Export-DependencySbom in the hosted engine.</summary>
public class SbomCmdletTests
{
    private static string OsvFixture => Path.Combine(Repo.Root, "tests", "DeployChecks.Engine.Tests", "Fixtures", "osv");

    private static TestApp App()
    {
        var app = new TestApp();
        app.Write("pyproject.toml", "[project]\nname = \"shop\"\nversion = \"1.4.0\"\ndependencies = [\"flask>=2.3\"]\n");
        app.Write("poetry.lock", """
            [[package]]
            name = "flask"
            version = "2.3.1"
            description = "A simple framework"
            optional = false
            python-versions = ">=3.8"
            files = []

            [package.dependencies]
            werkzeug = ">=2.3"

            [[package]]
            name = "werkzeug"
            version = "2.3.8"
            description = "WSGI"
            optional = false
            python-versions = ">=3.8"
            files = []

            [metadata]
            lock-version = "2.0"
            python-versions = "^3.11"
            content-hash = "abc"
            """);
        app.Write("requirements-dev.txt", "pytest==8.0.0\n");
        return app;
    }

    [Fact]
    public void Writes_a_cyclonedx_bom_of_a_directory_to_the_pipeline()
    {
        using var app = App();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Export-DependencySbom -Path $args[0] -Format CycloneDx -SerialNumber 3e671687-395b-41f5-a30f-a58921a69b79", app.Root);
        Assert.Empty(r.Errors);
        var bom = JObject.Parse(Assert.Single(r.Output).ToString());
        Assert.Equal("CycloneDX", (string?)bom["bomFormat"]);
        Assert.Equal("1.5", (string?)bom["specVersion"]);
        Assert.Equal("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", (string?)bom["serialNumber"]);
        Assert.Equal("shop", (string?)bom["metadata"]!["component"]!["name"]);
        Assert.Equal(new[] { "pkg:pypi/flask@2.3.1", "pkg:pypi/pytest@8.0.0", "pkg:pypi/werkzeug@2.3.8" },
            bom["components"]!.Select(c => (string)c["purl"]!));
        var flask = bom["dependencies"]!.Single(d => (string?)d["ref"] == "pkg:pypi/flask@2.3.1");
        Assert.Equal("pkg:pypi/werkzeug@2.3.8", (string?)flask["dependsOn"]![0]);
    }

    [Fact]
    public void Takes_entries_from_the_pipeline_and_adds_vulnerabilities_from_a_database()
    {
        using var app = App();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Get-DependencyLock $args[0] | Where-Object Group -eq 'main' | Export-DependencySbom -DatabasePath $args[1]", app.Root, OsvFixture);
        Assert.Empty(r.Errors);
        var bom = JObject.Parse(Assert.Single(r.Output).ToString());
        Assert.DoesNotContain(bom["components"]!, c => (string?)c["name"] == "pytest");
        Assert.Null(bom["metadata"]!["component"]);
        var v = Assert.Single(bom["vulnerabilities"]!);
        Assert.Equal("PYSEC-2023-TEST3", (string?)v["id"]);
    }

    [Fact]
    public void OutFile_honours_WhatIf_and_writes_the_file()
    {
        using var app = App();
        string target = app.PathOf("sbom.cdx.json");
        using var ps = PowerShellSession.WithModule();
        var whatIf = ps.Run("Export-DependencySbom $args[0] -OutFile $args[1] -WhatIf", app.Root, target);
        Assert.Empty(whatIf.Errors);
        Assert.False(File.Exists(target));

        var r = ps.Run("Export-DependencySbom $args[0] -OutFile $args[1] | ForEach-Object Name", app.Root, target);
        Assert.Empty(r.Errors);
        Assert.Equal("sbom.cdx.json", Assert.Single(r.Output).ToString());
        Assert.Equal("CycloneDX", (string?)JObject.Parse(File.ReadAllText(target))["bomFormat"]);

        // The item comes out as Get-Item gives it (provider properties set, so Mode and Length show).
        var item = ps.Run("Export-DependencySbom $args[0] -OutFile $args[1] | ForEach-Object { \"$($_.PSProvider.Name)|$($_.Mode.Length -gt 0)|$($_.Length -gt 0)|$($_.PSParentPath.Length -gt 0)\" }", app.Root, target);
        Assert.Equal("FileSystem|True|True|True", Assert.Single(item.Output).ToString());

        var failed = ps.Run("Export-DependencySbom $args[0] -OutFile $args[1]", app.Root, app.Root);
        var error = Assert.Single(failed.Errors);
        Assert.StartsWith("SbomWriteFailed,", error.FullyQualifiedErrorId);
        Assert.Contains("is a directory", error.Exception.Message);
    }

    [Fact]
    public void A_missing_path_is_PathNotFound_and_writes_no_bom()
    {
        using var app = App();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Export-DependencySbom -LiteralPath $args[0]", app.PathOf("nope"));
        Assert.StartsWith("PathNotFound,", Assert.Single(r.Errors).FullyQualifiedErrorId);
        Assert.Empty(r.Output);
    }
}
