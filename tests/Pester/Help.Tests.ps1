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
