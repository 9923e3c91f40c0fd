# The module must work when another YamlDotNet was loaded first (as powershell-yaml does). A process can
# load only one YamlDotNet into the default context, so each case runs in a fresh pwsh.
BeforeDiscovery {
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    # Restored by tests/DeployChecks.Module.Tests (PackageDownload), so `dotnet test` or a build puts them there.
    $cases = foreach ($version in '11.2.1', '18.1.0') {
        $dll = Get-ChildItem (Join-Path $packages "yamldotnet/$version/lib") -Recurse -Filter YamlDotNet.dll -ErrorAction Ignore |
            Where-Object { $_.Directory.Name -in 'netstandard2.0', 'netstandard2.1' } | Select-Object -First 1
        @{ Version = $version; Dll = $dll.FullName }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'YamlDotNet <Version> loaded before DeployChecks' -ForEach $cases {
    It 'still reads deploychecks.yml with the module''s own YamlDotNet' -Skip:(-not $Dll) {
        $app = New-TestApp -Kind Insecure
        Set-Content -LiteralPath (Join-Path $app 'deploychecks.yml') -Value "rules:`n  exclude: [DC1004]"
        $script = @"
`$ErrorActionPreference = 'Stop'
`$pre = [System.Reflection.Assembly]::LoadFrom('$Dll')
Import-Module '$BuiltManifest'
`$ids = (Invoke-DeployChecklist -LiteralPath '$app').Checks.RuleId
`$engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'DeployChecks.Engine' }
`$yaml = `$engine.GetType('DeployChecks.Engine.Options.OptionsLoader').GetMethod('ApplyYaml').GetMethodBody().LocalVariables.LocalType |
    Where-Object Name -eq 'YamlStream' | Select-Object -First 1
[pscustomobject]@{
    HasDC1001     = `$ids -contains 'DC1001'
    HasDC1004     = `$ids -contains 'DC1004'
    Preloaded     = `$pre.GetName().Version.ToString()
    EngineContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$engine).Name
    EngineYaml    = `$yaml.Assembly.GetName().Version.ToString()
    YamlContext   = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$yaml.Assembly).Name
} | ConvertTo-Json -Compress
"@
        $json = & $Pwsh -NoProfile -NonInteractive -Command $script
        $LASTEXITCODE | Should -Be 0
        $facts = $json | ConvertFrom-Json
        $facts.HasDC1001 | Should -BeTrue
        $facts.HasDC1004 | Should -BeFalse
        $facts.Preloaded | Should -BeLike "$($Version.Split('.')[0]).*"
        $facts.EngineContext | Should -Be 'DeployChecks.Dependencies'
        $facts.YamlContext | Should -Be 'DeployChecks.Dependencies'
        $facts.EngineYaml | Should -Be '16.0.0.0'
    }
}
