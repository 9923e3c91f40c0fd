using System.IO;
using System.Linq;

namespace DeployChecks.Module.Tests;

public class ManifestTests
{
    [Fact]
    public void Built_manifest_imports_and_exports_exactly_the_cmdlets_the_assembly_defines()
    {
        using var ps = PowerShellSession.WithModule();
        // Every public cmdlet class of DeployChecks.dll, read from the loaded assembly: a new cmdlet needs no edit here.
        var defined = ps.Run(@"(Get-Module DeployChecks).ImplementingAssembly.GetExportedTypes() | Where-Object { -not $_.IsAbstract } |
            ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false); if ($a) { ""Cmdlet $($a[0].VerbName)-$($a[0].NounName)"" } }")
            .Output.Select(o => o.ToString()).OrderBy(s => s, System.StringComparer.Ordinal).ToList();
        Assert.NotEmpty(defined);
        var r = ps.Run("Get-Command -Module DeployChecks | ForEach-Object { \"$($_.CommandType) $($_.Name)\" }");
        Assert.Empty(r.Errors);
        Assert.Equal(defined, r.Output.Select(o => o.ToString()).OrderBy(s => s, System.StringComparer.Ordinal));
    }

    [Fact]
    public void Root_manifest_imports_after_a_build()
    {
        using var ps = PowerShellSession.With(Repo.RootManifest);
        var r = ps.Run("(Get-Module DeployChecks).ModuleBase; (Get-Command Invoke-DeployChecklist).Name; (Get-DeployCheckRule DC1001).Name");
        Assert.Empty(r.Errors);
        Assert.Equal(Repo.Root, r.Output[0].ToString());
        Assert.Equal("Invoke-DeployChecklist", r.Output[1].ToString());
        Assert.Equal("env-file-not-ignored", r.Output[2].ToString());

        // Format data resolves from out/DeployChecks too; cmdlet help from en-US/ at the root, which the build writes
        // because PowerShell looks for it under the module base (HelpTests covers both import paths).
        Assert.Contains("Summary:", ps.Run("Get-DeployCheckRule | Out-Null; [DeployChecks.ChecklistReport]::new() | Out-Default").HostText);
        Assert.Contains("ChecklistReport", ps.Run("(Get-Command Invoke-DeployChecklist).OutputType.Name").Output.Select(o => o.ToString()).First());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Test_ModuleManifest_accepts_both_manifests(bool built)
    {
        using var ps = PowerShellSession.With(null);
        var r = ps.Run("Test-ModuleManifest -Path $args[0] -ErrorAction Stop", built ? Repo.BuiltManifest : Repo.RootManifest);
        Assert.Empty(r.Errors);
        var m = Assert.Single(r.Output);
        Assert.Equal("DeployChecks", m.Str("Name"));
        Assert.Equal("0.1.0", m.Str("Version"));
        Assert.Equal(new[] { "Core", "Desktop" }, ((System.Collections.IEnumerable)m.Prop("CompatiblePSEditions")!).Cast<object>().Select(o => o.ToString()).OrderBy(s => s));
    }

    [Fact]
    public void Built_module_keeps_third_party_dlls_in_Dependencies_and_lists_none_in_the_manifest()
    {
        string dir = Repo.BuiltModuleDirectory;
        var rootDlls = Directory.GetFiles(dir, "*.dll").Select(Path.GetFileName).OrderBy(s => s).ToArray();
        Assert.Equal(new[] { "DeployChecks.dll", "DeployChecks.Types.dll" }, rootDlls);
        foreach (var dep in new[] { "DeployChecks.Engine.dll", "YamlDotNet.dll", "Newtonsoft.Json.dll" })
        {
            Assert.True(File.Exists(Path.Combine(dir, "Dependencies", dep)), dep + " missing from Dependencies/");
        }
        Assert.True(File.Exists(Path.Combine(dir, "DeployChecks.Format.ps1xml")));
        Assert.True(File.Exists(Path.Combine(dir, "en-US", "DeployChecks.dll-Help.xml")));
        Assert.True(File.Exists(Path.Combine(dir, "en-US", "about_DeployChecks.help.txt")));
        foreach (var manifest in new[] { Repo.BuiltManifest, Repo.RootManifest })
        {
            string text = File.ReadAllText(manifest);
            Assert.DoesNotMatch(@"(?m)^\s*(RequiredAssemblies|NestedModules)\s*=", text);
        }
        string built = File.ReadAllText(Repo.BuiltManifest);
        Assert.Contains("RootModule           = 'DeployChecks.dll'", built);
        Assert.Contains("FormatsToProcess     = @('DeployChecks.Format.ps1xml')", built);
    }
}
