#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests, packages or cleans DeployChecks.
.DESCRIPTION
    Build    dotnet build of the solution; the build of src/DeployChecks assembles the module in out/DeployChecks
             (manifest with its version stamped from Directory.Build.props, DLLs, Dependencies/, formats, help).
    Test     Build, then dotnet test (engine tests and module tests hosting PowerShell), then, when pwsh and
             Pester 5 are available, Invoke-Pester tests/Pester in a fresh `pwsh -NoProfile` against out/.
    Package  Build, then a zip of out/DeployChecks (out/DeployChecks-<version>.zip), installable by extracting
             it into a folder on $env:PSModulePath.
    Clean    Removes out/ and every bin/ and obj/ folder.
.EXAMPLE
    ./build.ps1 -Task Test -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$moduleOut = Join-Path $root 'out/DeployChecks'

function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    Write-Host "> $Command $($Arguments -join ' ')"
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "$Command exited with code $LASTEXITCODE"
    }
}

function Invoke-Build {
    Invoke-Native dotnet @('build', (Join-Path $root 'DeployChecks.sln'), '--configuration', $Configuration, '-nologo')
    if (-not (Test-Path (Join-Path $moduleOut 'DeployChecks.psd1'))) {
        throw "The build did not assemble $moduleOut"
    }
}

function Invoke-Test {
    Invoke-Build
    Invoke-Native dotnet @('test', (Join-Path $root 'DeployChecks.sln'), '--configuration', $Configuration, '--no-build', '-nologo')

    $pwsh = Get-Command pwsh -ErrorAction Ignore
    if (-not $pwsh) {
        Write-Warning 'pwsh not found: Pester tests skipped.'
        return
    }
    $pester = & $pwsh.Source -NoProfile -NonInteractive -Command "(Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0.0' | Select-Object -First 1).Version.ToString()"
    if (-not $pester) {
        Write-Warning 'Pester 5 not found (Install-Module Pester -MinimumVersion 5.0): Pester tests skipped.'
        return
    }
    # A fresh process, so the tests import out/DeployChecks into a session nothing else has touched.
    $script = @"
Import-Module Pester -MinimumVersion 5.0
`$config = New-PesterConfiguration
`$config.Run.Path = '$(Join-Path $root 'tests/Pester')'
`$config.Run.Exit = `$true
`$config.Output.Verbosity = 'Detailed'
`$config.TestResult.Enabled = `$true
`$config.TestResult.OutputPath = '$(Join-Path $root 'out/pester-results.xml')'
Invoke-Pester -Configuration `$config
"@
    Invoke-Native $pwsh.Source @('-NoProfile', '-NonInteractive', '-Command', $script)
}

function Invoke-Package {
    Invoke-Build
    $manifest = Import-PowerShellDataFile (Join-Path $moduleOut 'DeployChecks.psd1')
    $zip = Join-Path $root "out/DeployChecks-$($manifest.ModuleVersion).zip"
    if (Test-Path $zip) {
        Remove-Item $zip
    }
    Compress-Archive -Path $moduleOut -DestinationPath $zip
    Write-Host "Package: $zip"
}

function Invoke-Clean {
    foreach ($dir in @(Join-Path $root 'out') + @(Get-ChildItem -Path (Join-Path $root 'src'), (Join-Path $root 'tests') -Recurse -Directory -Include bin, obj -ErrorAction Ignore | ForEach-Object FullName)) {
        if (Test-Path $dir) {
            Write-Host "Removing $dir"
            Remove-Item -Recurse -Force $dir
        }
    }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Package' { Invoke-Package }
    'Clean' { Invoke-Clean }
}
