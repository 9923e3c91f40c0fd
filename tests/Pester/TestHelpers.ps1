# Dot-sourced by every *.Tests.ps1 in BeforeAll. Tests run against the built module (out/DeployChecks), in a
# fresh pwsh started by build.ps1 -Task Test.

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:BuiltManifest = Join-Path $script:RepoRoot 'out/DeployChecks/DeployChecks.psd1'
$script:RootManifest = Join-Path $script:RepoRoot 'DeployChecks.psd1'
# The pwsh running the tests, for tests that need a fresh process (PATH need not hold it).
$script:Pwsh = @('pwsh', 'pwsh.exe') | ForEach-Object { Join-Path $PSHOME $_ } | Where-Object { Test-Path -LiteralPath $_ -PathType Leaf } | Select-Object -First 1

function Get-DefinedCmdletName {
    <# Verb-Noun of every public cmdlet class in the built module's DeployChecks.dll, sorted: what the manifest must
       export. Read from the assembly's metadata, so a new cmdlet needs no test edit, only its manifest entry. #>
    $dll = Join-Path (Split-Path $script:BuiltManifest) 'DeployChecks.dll'
    $pwsh = $script:Pwsh
    & $pwsh -NoProfile -NonInteractive -Command @"
`$asm = [System.Reflection.Assembly]::LoadFrom('$dll')
`$asm.GetExportedTypes() | Where-Object { -not `$_.IsAbstract } | ForEach-Object {
    `$a = `$_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], `$false) | Select-Object -First 1
    if (`$a) { "`$(`$a.VerbName)-`$(`$a.NounName)" }
} | Sort-Object
"@
}

function New-TestApp {
    <# A throw-away application directory under TestDrive:. -Kind Insecure has a .env with a secret and
       FLASK_DEBUG=1 that no .gitignore covers; Clean has everything in order. #>
    param(
        [ValidateSet('Insecure', 'Clean')] [string] $Kind = 'Insecure',
        [string] $Name = [guid]::NewGuid().ToString('N').Substring(0, 8)
    )
    $dir = Join-Path $TestDrive $Name
    New-Item -ItemType Directory -Path $dir -Force | Out-Null
    Set-Content -LiteralPath (Join-Path $dir 'app.py') -Value "from flask import Flask`napp = Flask(__name__)"
    if ($Kind -eq 'Insecure') {
        Set-Content -LiteralPath (Join-Path $dir '.env') -Value "SECRET_KEY=django-insecure-abcdefgh12345678`nFLASK_DEBUG=1"
    }
    else {
        Set-Content -LiteralPath (Join-Path $dir '.gitignore') -Value ".env`n.env.*`n!.env.example"
        Set-Content -LiteralPath (Join-Path $dir '.env.example') -Value 'SECRET_KEY=changeme'
    }
    (Resolve-Path -LiteralPath $dir).ProviderPath
}
