BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $defined = Get-DefinedCmdletName
}

Describe 'Module manifest' {
    It '<Manifest> is a valid manifest' -ForEach @(
        @{ Manifest = 'out/DeployChecks/DeployChecks.psd1' }
        @{ Manifest = 'DeployChecks.psd1' }
    ) {
        $m = Test-ModuleManifest -Path (Join-Path $RepoRoot $Manifest) -ErrorAction Stop
        $m.Name | Should -Be 'DeployChecks'
        $m.CompatiblePSEditions | Sort-Object | Should -Be @('Core', 'Desktop')
        $m.PowerShellVersion | Should -Be ([version]'5.1')
    }

    It 'stamps the version of Directory.Build.props into the built manifest' {
        $props = [xml](Get-Content -Raw (Join-Path $RepoRoot 'Directory.Build.props'))
        $version = @($props.Project.PropertyGroup.Version | Where-Object { $_ })[0]
        (Import-PowerShellDataFile $BuiltManifest).ModuleVersion | Should -Be $version
    }

    It 'exports exactly the cmdlets the module assembly defines, and nothing else' {
        $data = Import-PowerShellDataFile $BuiltManifest
        $defined | Should -Not -BeNullOrEmpty
        $data.CmdletsToExport | Sort-Object | Should -Be $defined
        $data.CmdletsToExport | Sort-Object | Should -Be ((Import-PowerShellDataFile $RootManifest).CmdletsToExport | Sort-Object)
        $data.FunctionsToExport | Should -BeNullOrEmpty
        $data.AliasesToExport | Should -BeNullOrEmpty
        $data.VariablesToExport | Should -BeNullOrEmpty
        $data.Keys | Should -Not -Contain 'RequiredAssemblies'
        $data.Keys | Should -Not -Contain 'NestedModules'
    }

    It 'keeps third-party DLLs in Dependencies/' {
        $dir = Split-Path $BuiltManifest
        (Get-ChildItem $dir -Filter *.dll).Name | Sort-Object | Should -Be @('DeployChecks.dll', 'DeployChecks.Types.dll')
        Join-Path $dir 'Dependencies/YamlDotNet.dll' | Should -Exist
        Join-Path $dir 'Dependencies/Newtonsoft.Json.dll' | Should -Exist
        Join-Path $dir 'Dependencies/DeployChecks.Engine.dll' | Should -Exist
    }

    It 'imports from <Manifest> in a fresh session' -ForEach @(
        @{ Manifest = 'out/DeployChecks/DeployChecks.psd1' }
        @{ Manifest = 'DeployChecks.psd1' }
    ) {
        $path = Join-Path $RepoRoot $Manifest
        $out = & $Pwsh -NoProfile -NonInteractive -Command "Import-Module '$path' -ErrorAction Stop; Get-Command -Module DeployChecks | ForEach-Object Name"
        $LASTEXITCODE | Should -Be 0
        $out | Sort-Object | Should -Be $defined
    }
}
