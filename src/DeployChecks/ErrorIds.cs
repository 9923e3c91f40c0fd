namespace DeployChecks;

/// <summary>
/// Every error ID the cmdlets raise themselves, in one place so they stay reviewable, unique and stable.
/// Problems the engine reports about single files keep the engine's own ID (<c>ReportMessage.ErrorId</c>,
/// for example <c>MalformedEnvFile</c>), so the CLI, the reports and the error records agree.
/// </summary>
public static class ErrorIds
{
    /// <summary>A -Path / -LiteralPath does not exist (or a wildcard matched nothing).</summary>
    public const string PathNotFound = "PathNotFound";

    /// <summary>A path names a file; the checklist runs on directories.</summary>
    public const string PathIsNotDirectory = "PathIsNotDirectory";

    /// <summary>A path resolved through a provider other than the file system.</summary>
    public const string PathNotFileSystem = "PathNotFileSystem";

    /// <summary>The option file, an environment variable or a parameter value cannot be used. Terminating.</summary>
    public const string OptionsInvalid = "OptionsInvalid";

    /// <summary>-FailOn (or failOn in the option file) was reached by at least one report. Terminating, at the end.</summary>
    public const string FailOnThresholdReached = "FailOnThresholdReached";

    /// <summary>A target that could not be found or where no selected rule found anything to read (terminating, at the
    /// end of input; -AllowEmpty accepts empty targets).</summary>
    public const string NothingToCheck = "NothingToCheck";

    /// <summary>Export-DeployChecklistReport got more than one report for one file.</summary>
    public const string ReportAlreadyWritten = "ReportAlreadyWritten";

    /// <summary>The report format has no writer in this build.</summary>
    public const string ReportFormatNotSupported = "ReportFormatNotSupported";

    /// <summary>The report file could not be written.</summary>
    public const string ReportWriteFailed = "ReportWriteFailed";

    /// <summary>Get-DeployCheckRule -Id named a rule (without wildcards) that does not exist.</summary>
    public const string RuleNotFound = "RuleNotFound";

    /// <summary>A rule threw while checking; the other rules still ran (engine ID <c>RuleFailed</c>).</summary>
    public const string RuleFailed = "RuleFailed";

    /// <summary>A dependency file has content its format's parser could not read (one error per problem, the file as
    /// target); the other entries and files still come out.</summary>
    public const string MalformedDependencyFile = "MalformedDependencyFile";

    /// <summary>Find-DependencyVulnerability has no database: neither -DatabasePath nor DEPLOYCHECKS_VULN_DB, or the
    /// path does not exist. Terminating: no vulnerability check ran.</summary>
    public const string VulnerabilityDatabaseMissing = "VulnerabilityDatabaseMissing";

    /// <summary>The vulnerability database exists but cannot be read (a corrupt zip, no access). Terminating.</summary>
    public const string VulnerabilityDatabaseUnreadable = "VulnerabilityDatabaseUnreadable";

    /// <summary>Update-VulnerabilityDatabase could not download or validate the database (offline, HTTP error,
    /// timeout, not an OSV export). Terminating; the existing database is untouched.</summary>
    public const string VulnerabilityDatabaseUpdateFailed = "VulnerabilityDatabaseUpdateFailed";

    // --- Export-DependencySbom (branch beyond) ---

    /// <summary>Export-DependencySbom could not write -OutFile (a missing directory, no access). Non-terminating.</summary>
    public const string SbomWriteFailed = "SbomWriteFailed";

    // --- Invoke-ImageScan (containers) ---

    /// <summary>Invoke-ImageScan -Image needs the docker or podman CLI and neither is on PATH. Terminating.</summary>
    public const string ContainerCliNotFound = "ContainerCliNotFound";

    /// <summary>docker/podman save failed for -Image (unknown image, no daemon); its message is in the error. The
    /// temporary archive is already removed. Non-terminating.</summary>
    public const string ImageSaveFailed = "ImageSaveFailed";

    // Archives that cannot be scanned keep the engine's IDs: ImageNotFound, ImageFormatUnsupported, ImageMalformed,
    // ImageArchiveUnsafe, ImageTooLarge, ImageTruncated, ImagePlatformNotFound, ImageReferenceAmbiguous.
}
