BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module $BuiltManifest -Force -ErrorAction Stop

    function New-TestImageLayout {
        <# An OCI image layout built with GNU tar and gzip: Debian 12 os-release, a dpkg status with libssl3, Flask in
           site-packages, a fake secret in /app/.env; the config runs flask run as root. #>
        param([string] $Name = [guid]::NewGuid().ToString('N').Substring(0, 8))
        $dir = Join-Path $TestDrive $Name
        $rootfs = Join-Path $dir 'rootfs'
        $layout = Join-Path $dir 'layout'
        $blobs = Join-Path $layout 'blobs/sha256'
        New-Item -ItemType Directory -Force -Path $blobs, (Join-Path $rootfs 'etc'), (Join-Path $rootfs 'var/lib/dpkg'), (Join-Path $rootfs 'app'),
            (Join-Path $rootfs 'usr/local/lib/python3.12/site-packages/flask-2.2.0.dist-info') | Out-Null
        Set-Content -LiteralPath (Join-Path $rootfs 'etc/os-release') -Value "ID=debian`nVERSION_ID=`"12`"`nPRETTY_NAME=`"Debian GNU/Linux 12 (bookworm)`""
        Set-Content -LiteralPath (Join-Path $rootfs 'var/lib/dpkg/status') -Value "Package: libssl3`nStatus: install ok installed`nSource: openssl`nVersion: 3.0.11-1~deb12u1`nArchitecture: amd64"
        Set-Content -LiteralPath (Join-Path $rootfs 'usr/local/lib/python3.12/site-packages/flask-2.2.0.dist-info/METADATA') -Value "Metadata-Version: 2.1`nName: Flask`nVersion: 2.2.0`n"
        Set-Content -LiteralPath (Join-Path $rootfs 'app/.env') -Value 'SECRET_KEY=fake-not-real-0123456789abcdef'
        $layer = Join-Path $dir 'layer.tar.gz'
        & tar -C $rootfs --owner=0 --group=0 -czf $layer etc var usr app
        function Add-Blob([string] $Path) {
            $hash = (Get-FileHash -Algorithm SHA256 -LiteralPath $Path).Hash.ToLowerInvariant()
            Copy-Item -LiteralPath $Path -Destination (Join-Path $blobs $hash)
            @{ digest = "sha256:$hash"; size = (Get-Item -LiteralPath $Path).Length }
        }
        $l = Add-Blob $layer
        $configPath = Join-Path $dir 'config.json'
        Set-Content -LiteralPath $configPath -NoNewline -Value (@{ architecture = 'amd64'; os = 'linux'
                config = @{ Cmd = @('flask', 'run', '--host', '0.0.0.0'); ExposedPorts = @{ '5000/tcp' = @{} } }
                rootfs = @{ type = 'layers'; diff_ids = @() }; history = @(@{ created_by = 'COPY . /' }) } | ConvertTo-Json -Depth 5)
        $c = Add-Blob $configPath
        $manifestPath = Join-Path $dir 'manifest.json'
        Set-Content -LiteralPath $manifestPath -NoNewline -Value (@{ schemaVersion = 2
                config = @{ mediaType = 'application/vnd.oci.image.config.v1+json'; digest = $c.digest; size = $c.size }
                layers = @(@{ mediaType = 'application/vnd.oci.image.layer.v1.tar+gzip'; digest = $l.digest; size = $l.size }) } | ConvertTo-Json -Depth 5)
        $m = Add-Blob $manifestPath
        Set-Content -LiteralPath (Join-Path $layout 'index.json') -NoNewline -Value (@{ schemaVersion = 2
                manifests = @(@{ mediaType = 'application/vnd.oci.image.manifest.v1+json'; digest = $m.digest; size = $m.size
                        annotations = @{ 'org.opencontainers.image.ref.name' = 'web:1.0' } }) } | ConvertTo-Json -Depth 5)
        (Resolve-Path -LiteralPath $layout).ProviderPath
    }
}

AfterAll {
    Remove-Module DeployChecks -ErrorAction Ignore
}

Describe 'Invoke-ImageScan' {
    BeforeAll {
        $layout = New-TestImageLayout
    }

    It 'writes one result with the OS, packages and layers' {
        $r = Invoke-ImageScan $layout -AsOf 2026-12-01
        $r.Image | Should -Be 'web:1.0'
        $r.OsName | Should -Be 'Debian GNU/Linux 12 (bookworm)'
        $r.Packages.Name | Should -Contain 'libssl3'
        $r.Packages.Name | Should -Contain 'Flask'
        $r.Layers[0].CreatedBy | Should -Be 'COPY . /'
    }

    It 'findings filter on severity: flask run and the .env secret, redacted' {
        $high = (Invoke-ImageScan $layout).Findings | Where-Object Severity -ge High
        $high.RuleId | Should -Contain 'DC3106'
        $secret = $high | Where-Object RuleId -eq 'DC3108'
        $secret.Evidence | Should -BeLike 'SECRET_KEY=fa`*`*`*`**'
        ($high | Out-String) | Should -Not -Match 'fake-not-real-0123456789abcdef'
    }

    It 'takes paths from the pipeline (Get-Item)' {
        (Get-Item $layout | Invoke-ImageScan).Image | Should -Be 'web:1.0'
    }

    It 'pipes the inventory into Find-DependencyVulnerability' {
        $osv = Join-Path $TestDrive 'osv'
        New-Item -ItemType Directory -Force $osv | Out-Null
        Set-Content (Join-Path $osv 'a.json') '{"id":"PYSEC-2099-2","affected":[{"package":{"ecosystem":"PyPI","name":"flask"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.2.5"}]}]}]}'
        Set-Content (Join-Path $osv 'b.json') '{"id":"DSA-2099-1","affected":[{"package":{"ecosystem":"Debian:12","name":"openssl"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.0.11-1~deb12u2"}]}]}]}'
        $m = Invoke-ImageScan $layout -Inventory | Find-DependencyVulnerability -DatabasePath $osv
        ($m.AdvisoryId | Sort-Object) | Should -Be @('DSA-2099-1', 'PYSEC-2099-2')
        ($m | Where-Object AdvisoryId -eq 'PYSEC-2099-2').FixVersion | Should -Be '2.2.5'
    }

    It 'reports a missing path as PathNotFound and goes on' {
        $r = Invoke-ImageScan (Join-Path $TestDrive 'nope.tar'), $layout -ErrorVariable errs -ErrorAction SilentlyContinue
        @($r).Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFound,*'
    }

    It 'refuses an archive with a traversal entry, naming it' {
        $evil = Join-Path $TestDrive 'evil'
        New-Item -ItemType Directory -Force (Join-Path $evil 'x') | Out-Null
        Set-Content (Join-Path $evil 'x/f') 'x'
        $tar = Join-Path $TestDrive 'evil.tar'
        & tar -C (Join-Path $evil 'x') -cf $tar --transform 's,^,../,' f
        Invoke-ImageScan $tar -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ImageArchiveUnsafe,*'
        $errs[0].Exception.Message | Should -Match '\.\./f'
    }
}
