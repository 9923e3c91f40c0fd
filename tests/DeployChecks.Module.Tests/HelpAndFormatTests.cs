using System.Linq;

namespace DeployChecks.Module.Tests;

public class HelpTests
{
    private static System.Collections.Generic.List<string> CmdletNames()
    {
        using var ps = PowerShellSession.WithModule();
        return ps.Run("Get-Command -Module DeployChecks | ForEach-Object Name").Output.Select(o => o.ToString()).ToList();
    }

    public static TheoryData<string> ExportedCmdlets() => new(CmdletNames());

    public static TheoryData<string, bool> ExportedCmdletsFromBothManifests()
    {
        var data = new TheoryData<string, bool>();
        foreach (string name in CmdletNames())
        {
            data.Add(name, true);
            data.Add(name, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ExportedCmdletsFromBothManifests))]
    public void Every_exported_cmdlet_has_synopsis_description_examples_and_parameter_help(string cmdlet, bool builtManifest)
    {
        // Both import paths the README names: out/DeployChecks and the repository root's DeployChecks.psd1.
        using var ps = PowerShellSession.With(builtManifest ? Repo.BuiltManifest : Repo.RootManifest);
        var help = Assert.Single(ps.Run("Get-Help $args[0] -Full", cmdlet).Output);
        string synopsis = help.Str("Synopsis").Trim();
        Assert.False(string.IsNullOrEmpty(synopsis));
        Assert.DoesNotContain(cmdlet + " ", synopsis); // the generated fallback synopsis is the syntax line
        var description = ps.Run("(Get-Help $args[0]).Description | ForEach-Object Text", cmdlet).Output;
        Assert.NotEmpty(description);

        var examples = ps.Run("(Get-Help $args[0] -Examples).Examples.Example", cmdlet).Output;
        Assert.True(examples.Count >= 2, $"{cmdlet}: {examples.Count} examples");
        Assert.All(examples, e => Assert.Contains(cmdlet, e.Str("Code")));

        // Every parameter the cmdlet declares (common ones aside) is described.
        var declared = ps.Run(@"(Get-Command $args[0]).Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }", cmdlet)
            .Output.Select(o => o.ToString()).ToList();
        var described = ps.Run("(Get-Help $args[0] -Full).Parameters.Parameter | Where-Object { $_.Description } | ForEach-Object Name", cmdlet)
            .Output.Select(o => o.ToString()).ToList();
        Assert.Empty(declared.Except(described));
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void Every_exported_cmdlet_has_its_markdown_page(string cmdlet)
    {
        // The MAML is generated from docs/commands/<Verb-Noun>.md; a cmdlet without a page has no help.
        Assert.True(System.IO.File.Exists(System.IO.Path.Combine(Repo.Root, "docs", "commands", cmdlet + ".md")), $"docs/commands/{cmdlet}.md missing");
    }

    [Fact]
    public void Every_markdown_page_is_an_exported_cmdlet()
    {
        var exported = CmdletNames().ToHashSet(System.StringComparer.OrdinalIgnoreCase);
        var pages = System.IO.Directory.GetFiles(System.IO.Path.Combine(Repo.Root, "docs", "commands"), "*.md")
            .Select(System.IO.Path.GetFileNameWithoutExtension).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.Contains(page!, exported));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void About_topic_is_found(bool builtManifest)
    {
        using var ps = PowerShellSession.With(builtManifest ? Repo.BuiltManifest : Repo.RootManifest);
        var r = ps.Run("Get-Help about_DeployChecks | Out-String -Stream");
        if (r.Errors.Count > 0)
        {
            // Out-String lives in Microsoft.PowerShell.Utility, absent from the hosting package: read the object.
            r = ps.Run("Get-Help about_DeployChecks");
        }
        Assert.Contains("deploychecks.yml", string.Join("\n", r.Output.Select(o => o.ToString())));
    }
}

public class FormatTests
{
    /// <summary>The host text without ANSI escape sequences (table headers are styled in PowerShell 7.2+).</summary>
    private static string Plain(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", "");

    [Fact]
    public void Severity_is_coloured_when_the_host_renders_ANSI()
    {
        using var app = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("$PSStyle.OutputRendering = 'Ansi'; Test-PyDeployConfig $args[0] | Where-Object RuleId -eq DC1001 | Out-Default", app.Root);
        Assert.Contains("\u001b[31mHigh\u001b[0m", r.HostText);
    }

    [Fact]
    public void Report_view_is_the_checklist_text()
    {
        using var app = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("Invoke-DeployChecklist $args[0] | Out-Default", app.Root);
        Assert.Empty(r.Errors);
        Assert.Contains("✗ Configuration", r.HostText);
        Assert.Contains("DC1001", r.HostText);
        Assert.Contains("Summary:", r.HostText);
    }

    [Fact]
    public void Check_results_are_a_table_grouped_by_area()
    {
        using var app = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        var r = ps.Run("(Invoke-DeployChecklist $args[0]).Checks | Out-Default", app.Root);
        Assert.Empty(r.Errors);
        string text = Plain(r.HostText);
        Assert.Contains("Area: Configuration", text);
        Assert.Matches(@"✗\s+DC1001\s+Env file with credentials", text);
        Assert.Contains("Findings", text);
    }

    [Fact]
    public void Findings_and_rules_have_table_views()
    {
        using var app = TestApp.Insecure();
        using var ps = PowerShellSession.WithModule();
        var findings = ps.Run("Test-PyDeployConfig $args[0] | Out-Default", app.Root);
        Assert.Matches(@"Severity\s+RuleId\s+Location\s+Message", Plain(findings.HostText));
        Assert.Matches(@"High\s+DC1001\s+\.env", Plain(findings.HostText));
        var rules = ps.Run("Get-DeployCheckRule | Out-Default");
        Assert.Matches(@"Id\s+Name\s+Area\s+Severity\s+Title", Plain(rules.HostText));
        Assert.Contains("env-file-not-ignored", Plain(rules.HostText));
    }
}
