#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests, packages or cleans DeployChecks.
.DESCRIPTION
    Build    dotnet build of the solution; the build of src/DeployChecks assembles the module in out/DeployChecks
             (manifest with its version stamped from Directory.Build.props, DLLs, Dependencies/, formats, help).
    Test     Build, then dotnet test (engine tests and module tests hosting PowerShell), then the Pester task.
    Pester   Invoke-Pester tests/Pester in a fresh `pwsh -NoProfile` against the module already built in out/, with
             the Pester version tests/Pester/Pester.restore.csproj names (restored from NuGet when missing).
             Ends with "Pester: N passed, N failed, N skipped"; fails when a test fails.
    Package  Build, then a zip of out/DeployChecks (out/DeployChecks-<version>.zip), installable by extracting
             it into a folder on $env:PSModulePath.
    Clean    Removes out/ and every bin/ and obj/ folder.
.EXAMPLE
    ./build.ps1 -Task Test -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    # Pester output: Detailed lists every test, Normal only failures and the summary.
    [ValidateSet('None', 'Normal', 'Detailed', 'Diagnostic')]
    [string] $PesterVerbosity = 'Normal'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$moduleOut = Join-Path $root 'out/DeployChecks'

function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    # Long arguments (inline scripts) are shown by their first line only.
    Write-Host "> $Command $(($Arguments | ForEach-Object { ($_ -split "`n")[0] }) -join ' ')"
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
    Invoke-PesterSuite
}

function Get-PesterModule {
    <# The Pester module the suite runs with: the exact version tests/Pester/Pester.restore.csproj downloads (a NuGet
       package whose tools/ folder is the module), restored into the NuGet global packages folder when missing. #>
    $project = Join-Path $root 'tests/Pester/Pester.restore.csproj'
    $version = ([xml](Get-Content -Raw $project)).Project.ItemGroup.PackageDownload |
        Where-Object Include -eq 'Pester' | ForEach-Object { $_.Version.Trim('[', ']') }
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $module = Join-Path $packages "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path $module)) {
        Invoke-Native dotnet @('restore', $project, '-nologo')
    }
    if (-not (Test-Path $module)) {
        throw "Pester $version was not restored to $module"
    }
    $module
}

function Get-PwshPath {
    <# The pwsh running this script ($PSHOME; a dotnet global tool's process is `dotnet`), else the one on PATH. #>
    foreach ($name in 'pwsh', 'pwsh.exe') {
        $candidate = Join-Path $PSHOME $name
        if (Test-Path -LiteralPath $candidate -PathType Leaf) {
            return $candidate
        }
    }
    (Get-Command pwsh -ErrorAction Stop).Source
}

function Invoke-PesterSuite {
    <# Runs tests/Pester against out/DeployChecks (built before) in a fresh pwsh, so the tests import the module into a
       session nothing else has touched. Prints "Pester: N passed, N failed, N skipped" and throws when any failed. #>
    if (-not (Test-Path (Join-Path $moduleOut 'DeployChecks.psd1'))) {
        throw "$moduleOut is not built: run ./build.ps1 -Task Build (or dotnet build DeployChecks.sln) first"
    }
    $pester = Get-PesterModule
    $pwsh = Get-PwshPath
    $results = Join-Path $root 'out/pester-results.xml'
    $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$pester'
`$config = New-PesterConfiguration
`$config.Run.Path = '$(Join-Path $root 'tests/Pester')'
`$config.Run.PassThru = `$true
`$config.Output.Verbosity = '$PesterVerbosity'
`$config.TestResult.Enabled = `$true
`$config.TestResult.OutputPath = '$results'
`$r = Invoke-Pester -Configuration `$config
`$failed = `$r.FailedCount + `$r.FailedBlocksCount + `$r.FailedContainersCount
"Pester: `$(`$r.PassedCount) passed, `$failed failed, `$(`$r.SkippedCount) skipped"
exit ([int](`$failed -gt 0 -or `$r.Result -ne 'Passed'))
"@
    Invoke-Native $pwsh @('-NoProfile', '-NonInteractive', '-Command', $script)
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
    'Pester' { Invoke-PesterSuite }
    'Package' { Invoke-Package }
    'Clean' { Invoke-Clean }
}
