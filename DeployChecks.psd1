#
# DeployChecks module manifest (source).
# Importable as is from the repository root after a build: its paths point into out/DeployChecks/.
# The build copies it into out/DeployChecks/ with those paths made local and ModuleVersion set from
# Directory.Build.props <Version>. Third-party DLLs (YamlDotNet, Newtonsoft.Json) are loaded by the module's
# own loader from Dependencies/: never list them in RequiredAssemblies or NestedModules.
#
@{
    RootModule           = 'out/DeployChecks/DeployChecks.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '63906003-b36c-4cf2-8585-07e449dfab38'
    Author               = 'DeployChecks contributors'
    CompanyName          = 'DeployChecks contributors'
    Copyright            = '(c) DeployChecks contributors. MIT License.'
    Description          = 'Production-readiness checklist for Python web applications (Flask, Django, FastAPI): configuration, dependencies, containers, web server, database, logging, security, CI/CD and backups.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    FormatsToProcess     = @('out/DeployChecks/DeployChecks.Format.ps1xml')
    CmdletsToExport      = @(
        'Invoke-DeployChecklist'
        'Test-PyDeployConfig'
        'Test-DependencyLock'
        'Export-DeployChecklistReport'
        'Get-DeployCheckRule'
        'Get-DependencyLock'
        'Find-DependencyVulnerability'
        'Export-DependencySbom'
        'Update-VulnerabilityDatabase'
        'Invoke-ImageScan'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('deployment', 'production', 'checklist', 'python', 'django', 'flask', 'fastapi', 'security', 'sarif', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri = 'https://github.com/deploychecks/deploychecks'
            LicenseUri = 'https://github.com/deploychecks/deploychecks/blob/main/LICENSE'
        }
    }
}
