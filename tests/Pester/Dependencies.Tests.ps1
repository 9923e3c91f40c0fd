BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module $BuiltManifest -Force -ErrorAction Stop
    $script:OsvFixture = Join-Path $RepoRoot 'tests/DeployChecks.Engine.Tests/Fixtures/osv'

    function New-DependencyApp {
        $dir = New-TestApp -Kind Clean
        Set-Content -LiteralPath (Join-Path $dir 'Dockerfile') -Value "FROM python:3.12-slim`nCOPY requirements.txt .`nRUN pip install -r requirements.txt`nCMD [`"gunicorn`", `"app:app`"]"
        New-Item -ItemType Directory (Join-Path $dir 'requirements') | Out-Null
        Set-Content -LiteralPath (Join-Path $dir 'requirements.txt') -Value "-r requirements/base.txt`ngunicorn>=21`npytest==8.0.0"
        Set-Content -LiteralPath (Join-Path $dir 'requirements/base.txt') -Value "django==3.2.17`nrequests"
        $dir
    }
}

AfterAll {
    Remove-Module DeployChecks -ErrorAction Ignore
}

Describe 'Get-DependencyLock' {
    BeforeAll { $app = New-DependencyApp }

    It 'writes typed entries with file and line' {
        $django = Get-DependencyLock $app | Where-Object Name -eq 'django'
        $django | Should -BeOfType ([DeployChecks.DependencyLockEntry])
        $django.Version | Should -Be '3.2.17'
        $django.Source | Should -Be 'requirements/base.txt'
        $django.Line | Should -Be 1
    }

    It 'follows -r includes with -FollowIncludes' {
        $names = Get-DependencyLock (Join-Path $app 'requirements.txt') -FollowIncludes | ForEach-Object Name
        $names | Should -Be @('django', 'requests', 'gunicorn', 'pytest')
    }

    It 'filters unpinned entries with Where-Object' {
        (Get-DependencyLock $app | Where-Object { -not $_.IsPinned }).Name | Sort-Object | Should -Be @('gunicorn', 'requests')
    }
}

Describe 'Test-DependencyLock' {
    BeforeAll { $app = New-DependencyApp }

    It 'writes only Dependencies findings' {
        $findings = Test-DependencyLock $app
        $findings | Should -Not -BeNullOrEmpty
        $findings | ForEach-Object { $_.Area | Should -Be 'Dependencies' }
        $findings.RuleId | Should -Contain 'DC2002'
        $findings.RuleId | Should -Contain 'DC2008'
    }

    It 'reports known vulnerabilities with -DatabasePath' {
        $vulns = Test-DependencyLock $app -DatabasePath $OsvFixture | Where-Object RuleId -eq 'DC2014'
        $vulns | Should -Not -BeNullOrEmpty
        $vulns[0].Message | Should -Match 'django'
    }
}

Describe 'Find-DependencyVulnerability' {
    BeforeAll { $app = New-DependencyApp }

    It 'matches piped entries against an OSV directory' {
        $m = Get-DependencyLock $app | Find-DependencyVulnerability -DatabasePath $OsvFixture
        $m | Should -Not -BeNullOrEmpty
        ($m | Select-Object -First 1).Package | Should -Be 'django'
    }

    It 'plans upgrades with -Remediation' {
        $plan = Get-DependencyLock $app | Find-DependencyVulnerability -DatabasePath $OsvFixture -Remediation
        $plan | Should -Not -BeNullOrEmpty
    }
}

Describe 'Export-DependencySbom' {
    It 'writes CycloneDX 1.5 JSON' {
        $app = New-DependencyApp
        $out = Join-Path $TestDrive 'sbom.cdx.json'
        Export-DependencySbom $app -OutFile $out | Out-Null
        $bom = Get-Content -Raw $out | ConvertFrom-Json
        $bom.bomFormat | Should -Be 'CycloneDX'
        $bom.specVersion | Should -Be '1.5'
        $bom.components.purl | Should -Contain 'pkg:pypi/django@3.2.17'
    }
}

Describe 'Update-VulnerabilityDatabase' {
    It 'writes nothing with -WhatIf' {
        $dest = Join-Path $TestDrive 'osv.zip'
        Update-VulnerabilityDatabase -Destination $dest -Uri 'http://127.0.0.1:9/all.zip' -WhatIf
        Test-Path $dest | Should -BeFalse
    }

    It 'fails with a clear terminating error when offline' {
        $dest = Join-Path $TestDrive 'osv.zip'
        { Update-VulnerabilityDatabase -Destination $dest -Uri 'http://127.0.0.1:9/all.zip' -TimeoutSec 5 -ErrorAction Stop } |
            Should -Throw -ErrorId 'VulnerabilityDatabaseUpdateFailed*'
    }
}
