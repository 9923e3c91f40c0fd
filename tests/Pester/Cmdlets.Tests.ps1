BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module $BuiltManifest -Force -ErrorAction Stop
}

AfterAll {
    Remove-Module DeployChecks -ErrorAction Ignore
}

Describe 'Invoke-DeployChecklist' {
    BeforeAll {
        $app = New-TestApp -Kind Insecure
    }

    It 'writes one report whose findings filter on severity' {
        $high = Invoke-DeployChecklist $app | ForEach-Object Findings | Where-Object Severity -ge High
        $high | Should -Not -BeNullOrEmpty
        $high.RuleId | Should -Contain 'DC1001'
        $high | ForEach-Object { $_.Severity | Should -BeGreaterOrEqual ([DeployChecks.Severity]::High) }
    }

    It 'binds directories by <Property>' -ForEach @(
        @{ Property = 'PSPath' }, @{ Property = 'FullName' }, @{ Property = 'LiteralPath' }
    ) {
        $report = [pscustomobject]@{ $Property = $app } | Invoke-DeployChecklist
        $report.Target | Should -Be $app
    }

    It 'takes Get-Item output from the pipeline' {
        (Get-Item $app | Invoke-DeployChecklist).Target | Should -Be $app
    }

    It 'expands wildcards to one report per directory' {
        $parent = New-TestApp -Kind Clean -Name 'mono'
        New-Item -ItemType Directory (Join-Path $parent 'svc-a'), (Join-Path $parent 'svc-b') | Out-Null
        $reports = Invoke-DeployChecklist (Join-Path $parent 'svc-*') -AllowEmpty
        $reports.Count | Should -Be 2
    }

    It 'reports a missing path as a non-terminating error, goes on, and ends with NothingToCheck' {
        $reports = @()
        $caught = $null
        try {
            Invoke-DeployChecklist (Join-Path $TestDrive 'nope'), $app -ErrorVariable errs -ErrorAction SilentlyContinue | ForEach-Object { $reports += $_ }
        }
        catch {
            $caught = $_
        }
        @($reports).Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFound,*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $caught.FullyQualifiedErrorId | Should -BeLike 'NothingToCheck,*'
        $caught.Exception.Message | Should -Match 'nope \(not found\)'
    }

    It 'reports a file path as PathIsNotDirectory' {
        $caught = $null
        try {
            Invoke-DeployChecklist -LiteralPath (Join-Path $app 'app.py') -ErrorVariable errs -ErrorAction SilentlyContinue
        }
        catch {
            $caught = $_
        }
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PathIsNotDirectory,*'
        $caught.FullyQualifiedErrorId | Should -BeLike 'NothingToCheck,*'
    }

    It 'fails an empty directory unless -AllowEmpty, and checks the current location without -Path' {
        $empty = Join-Path $TestDrive 'empty'
        New-Item -ItemType Directory $empty | Out-Null
        { Invoke-DeployChecklist $empty -FailOn Info } | Should -Throw -ErrorId 'NothingToCheck,*'
        (Invoke-DeployChecklist $empty -AllowEmpty).Target | Should -Be (Resolve-Path $empty).ProviderPath
        Push-Location $app
        try {
            (Invoke-DeployChecklist).Target | Should -Be $app
        }
        finally {
            Pop-Location
        }
    }

    It 'checks many directories in one process with -ThrottleLimit' {
        $apps = 1..4 | ForEach-Object { New-TestApp -Kind Insecure }
        $reports = $apps | Get-Item | Invoke-DeployChecklist -ThrottleLimit 3
        $reports.Target | Sort-Object | Should -Be ($apps | Sort-Object)
    }

    It 'reports a malformed .env as MalformedEnvFile and still returns the report' -ForEach @(
        @{ Line = 'BROKEN LINE WITHOUT EQUALS here' }, @{ Line = 'SECRET_KEY="unterminated' }
    ) {
        $dir = New-TestApp -Kind Insecure
        Set-Content -LiteralPath (Join-Path $dir '.env') -Value "DATABASE_URL=postgres://db/app`n$Line`nDEBUG=0"
        $report = Invoke-DeployChecklist $dir -ErrorVariable errs -ErrorAction SilentlyContinue
        $report | Should -Not -BeNullOrEmpty
        $malformed = $errs | Where-Object FullyQualifiedErrorId -like 'MalformedEnvFile,*'
        $malformed | Should -Not -BeNullOrEmpty
        $malformed[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $malformed[0].TargetObject | Should -Be (Join-Path $dir '.env')
        $report.Errors.ErrorId | Should -Contain 'MalformedEnvFile'
    }

    It 'stops with OptionsInvalid on a bad option file' {
        $bad = Join-Path $TestDrive 'bad.yml'
        Set-Content -LiteralPath $bad -Value 'rules: [this is: not: valid'
        { Invoke-DeployChecklist $app -OptionPath $bad -ErrorAction Stop } | Should -Throw -ErrorId 'OptionsInvalid,DeployChecks.Commands.InvokeDeployChecklistCommand'
    }

    It 'honours deploychecks.yml in the target' {
        $dir = New-TestApp -Kind Insecure
        Set-Content -LiteralPath (Join-Path $dir 'deploychecks.yml') -Value "rules:`n  exclude: [DC1001]"
        (Invoke-DeployChecklist $dir).Checks.RuleId | Should -Not -Contain 'DC1001'
    }

    It 'throws one FailOnThresholdReached error after writing every report' {
        $other = New-TestApp -Kind Insecure
        $reports = [System.Collections.Generic.List[object]]::new()
        { Invoke-DeployChecklist $app, $other -FailOn High | ForEach-Object { $reports.Add($_) } } |
            Should -Throw -ErrorId 'FailOnThresholdReached,DeployChecks.Commands.InvokeDeployChecklistCommand'
        $reports.Count | Should -Be 2
    }

    It 'does not throw below the threshold' {
        $clean = New-TestApp -Kind Clean
        { Invoke-DeployChecklist $clean -FailOn Low } | Should -Not -Throw
    }

    It 'tells what it read with -Verbose' {
        $verbose = Invoke-DeployChecklist $app -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'files kept'
    }

    It 'shows the checklist text by default' {
        $text = Invoke-DeployChecklist $app | Out-String
        $text | Should -Match 'Configuration'
        $text | Should -Match 'DC1001'
        $text | Should -Match 'Summary:'
    }
}

Describe 'Test-PyDeployConfig' {
    BeforeAll {
        $app = New-TestApp -Kind Insecure
    }

    It 'writes configuration findings' {
        $f = Test-PyDeployConfig $app | Where-Object RuleId -eq 'DC1001'
        $f.Path | Should -Be '.env'
        $f.Area | Should -Be 'Configuration'
    }

    It 'writes suppressed findings only with -IncludeSuppressed' {
        $dir = New-TestApp -Kind Insecure
        Set-Content -LiteralPath (Join-Path $dir '.env') -Value "# deploychecks: ignore-file[DC1001] local only`nSECRET_KEY=django-insecure-abcdefgh12345678"
        Test-PyDeployConfig $dir | Where-Object RuleId -eq 'DC1001' | Should -BeNullOrEmpty
        (Test-PyDeployConfig $dir -IncludeSuppressed | Where-Object RuleId -eq 'DC1001').IsSuppressed | Should -BeTrue
    }
}

Describe 'Export-DeployChecklistReport' {
    BeforeAll {
        $app = New-TestApp -Kind Insecure
    }

    It 'writes nothing with -WhatIf' {
        $file = Join-Path $TestDrive 'whatif/report.txt'
        Invoke-DeployChecklist $app | Export-DeployChecklistReport -Format Text -Path $file -WhatIf
        $file | Should -Not -Exist
    }

    It 'writes the file and returns it with -PassThru' {
        $file = Join-Path $TestDrive 'out/report.txt'
        $item = Invoke-DeployChecklist $app | Export-DeployChecklistReport -Format Text -Path $file -PassThru
        $item.FullName | Should -Be $file
        Get-Content -Raw $file | Should -Match 'DC1001'
    }

    It 'writes the first of several piped reports and errors for the rest' {
        $other = New-TestApp -Kind Clean
        $file = Join-Path $TestDrive 'two.txt'
        Invoke-DeployChecklist $app, $other | Export-DeployChecklistReport -Format Text -Path $file -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ReportAlreadyWritten,*'
        Get-Content -Raw $file | Should -Match ([regex]::Escape($app))
    }

    It 'round-trips a baseline' {
        $baseline = Join-Path $TestDrive 'baseline.json'
        Invoke-DeployChecklist $app | Export-DeployChecklistReport -Format Baseline -Path $baseline
        (Invoke-DeployChecklist $app -BaselinePath $baseline).Findings | Where-Object { -not $_.IsSuppressed } | Should -BeNullOrEmpty
    }
}

Describe 'Get-DeployCheckRule' {
    It 'lists rules, filtered by wildcard, area and tag' {
        (Get-DeployCheckRule).Count | Should -BeGreaterOrEqual 4
        (Get-DeployCheckRule 'env-file-*-ignored').Id | Should -Be 'DC1001'
        (Get-DeployCheckRule -Area Configuration -Tag secrets).Id | Should -Contain 'DC1001'
    }

    It 'reports an unknown id as RuleNotFound' {
        Get-DeployCheckRule DC0000 -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'RuleNotFound,*'
    }
}

Describe 'Format data' {
    It 'has views for <TypeName>' -ForEach @(
        @{ TypeName = 'DeployChecks.ChecklistReport' }
        @{ TypeName = 'DeployChecks.CheckResult' }
        @{ TypeName = 'DeployChecks.Finding' }
        @{ TypeName = 'DeployChecks.RuleInfo' }
    ) {
        Get-FormatData -TypeName $TypeName | Should -Not -BeNullOrEmpty
    }

    It 'groups check results by area' {
        $app = New-TestApp -Kind Insecure
        (Invoke-DeployChecklist $app).Checks | Out-String | Should -Match 'Area: Configuration'
    }
}

Describe 'Get-DeployCheckRule order' {
    It 'lists the rules sorted by ID' {
        $ids = (Get-DeployCheckRule).Id
        $ids | Should -Not -BeNullOrEmpty
        $ids | Should -Be ($ids | Sort-Object -CaseSensitive)
    }
}
