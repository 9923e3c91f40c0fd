BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module $BuiltManifest -Force -ErrorAction Stop
    $cmdlets = Get-Command -Module DeployChecks | ForEach-Object { @{ Name = $_.Name } }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module $BuiltManifest -Force -ErrorAction Stop
}

Describe 'Help of <Name>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $Name -Full
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    }

    It 'has a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^$Name "
        $help.Description.Text | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples that use the cmdlet' {
        $examples = (Get-Help $Name -Examples).Examples.Example
        @($examples).Count | Should -BeGreaterOrEqual 2
        $examples | ForEach-Object { $_.Code | Should -Match $Name }
    }

    It 'describes every parameter' {
        $declared = (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common }
        $described = $help.Parameters.Parameter | Where-Object { $_.Description } | ForEach-Object Name
        $declared | Where-Object { $_ -notin $described } | Should -BeNullOrEmpty
    }
}

Describe 'about_DeployChecks' {
    It 'explains options and suppression' {
        $text = Get-Help about_DeployChecks | Out-String
        $text | Should -Match 'deploychecks.yml'
        $text | Should -Match 'ignore-file'
        $text | Should -Match 'DEPLOYCHECKS_'
    }
}

Describe 'Help after Import-Module ./DeployChecks.psd1 (repository root)' {
    It 'shows the generated help of every cmdlet and the about topic' {
        # A fresh process: the root manifest and out/DeployChecks cannot both be imported into one session.
        $script = @"
Import-Module '$RootManifest' -ErrorAction Stop
Get-Command -Module DeployChecks | ForEach-Object {
    `$h = Get-Help `$_.Name
    [pscustomobject]@{ Name = `$_.Name; Synopsis = `$h.Synopsis.Trim(); Examples = @(`$h.Examples.Example).Count }
} | ConvertTo-Json -Compress
(Get-Help about_DeployChecks | Out-String) -match 'deploychecks.yml'
"@
        $out = & $Pwsh -NoProfile -NonInteractive -Command $script
        $LASTEXITCODE | Should -Be 0
        $help = $out[0] | ConvertFrom-Json
        $help | Should -Not -BeNullOrEmpty
        foreach ($h in $help) {
            $h.Synopsis | Should -Not -Match "^$($h.Name) " -Because "$($h.Name) has its MAML synopsis, not the syntax fallback"
            $h.Examples | Should -BeGreaterOrEqual 2 -Because "$($h.Name) has its examples"
        }
        $out[1] | Should -Be 'True'
    }
}

Describe 'docs/commands' {
    It 'has one page per exported cmdlet and no page for anything else' {
        $pages = Get-ChildItem (Join-Path $RepoRoot 'docs/commands') -Filter *.md | ForEach-Object BaseName | Sort-Object
        $pages | Should -Be (Get-Command -Module DeployChecks | ForEach-Object Name | Sort-Object)
    }
}
