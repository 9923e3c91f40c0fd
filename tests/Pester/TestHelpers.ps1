# Dot-sourced by every *.Tests.ps1 in BeforeAll. Tests run against the built module (out/DeployChecks), in a
# fresh pwsh started by build.ps1 -Task Test.

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:BuiltManifest = Join-Path $script:RepoRoot 'out/DeployChecks/DeployChecks.psd1'
$script:RootManifest = Join-Path $script:RepoRoot 'DeployChecks.psd1'

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
