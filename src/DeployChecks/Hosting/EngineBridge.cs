using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using DeployChecks.Engine.Options;
using DeployChecks.Engine.Reporting;
using DeployChecks.Engine.Rules;
using DeployChecks.Engine.Running;

namespace DeployChecks.Hosting;

/// <summary>
/// The only place the cmdlets touch engine types, and only inside method bodies: the engine loads (from the
/// module's private load context) the first time one of these methods is compiled, after the module's
/// initializer has run.
/// </summary>
internal static class EngineBridge
{
    /// <summary>Runs the checklist on one directory. Unusable options end the pipeline (terminating error).</summary>
    public static ChecklistReport? Run(PSCmdlet cmdlet, string directory, RunSettings settings)
    {
        var request = new CheckRequest(directory)
        {
            OptionPath = settings.OptionPath,
            Overrides = new OptionOverrides
            {
                RulesInclude = settings.RulesInclude,
                RulesExclude = settings.RulesExclude,
                Areas = settings.Areas,
                PathsExclude = settings.PathsExclude,
                FailOn = settings.FailOn,
                BaselinePath = settings.BaselinePath,
            },
        };
        try
        {
            return CheckRunner.Run(request, new CmdletHost(cmdlet, directory));
        }
        catch (OptionsException ex)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.OptionsInvalid, ErrorCategory.InvalidData,
                ex.OptionSource ?? settings.OptionPath ?? directory));
            return null;
        }
        catch (DirectoryNotFoundException ex)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, directory));
            return null;
        }
    }

    /// <summary>Writes a report file. Returns false (after a non-terminating error) when it cannot.</summary>
    public static bool WriteReport(PSCmdlet cmdlet, ChecklistReport report, string format, string path)
    {
        if (!ReportWriters.TryParseFormat(format, out var parsed))
        {
            cmdlet.WriteError(new ErrorRecord(new ArgumentException($"Unknown report format '{format}'."),
                ErrorIds.ReportFormatNotSupported, ErrorCategory.InvalidArgument, format));
            return false;
        }
        try
        {
            ReportWriters.WriteFile(report, parsed, path);
            return true;
        }
        catch (NotSupportedException ex)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.ReportFormatNotSupported, ErrorCategory.NotImplemented, format));
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            cmdlet.WriteError(new ErrorRecord(ex, ErrorIds.ReportWriteFailed, ErrorCategory.WriteError, path));
        }
        return false;
    }

    /// <summary>The descriptors of every rule of this release, as public <see cref="RuleInfo"/> objects.</summary>
    public static IReadOnlyList<RuleInfo> GetRules() => RuleRegistry.Descriptors.Select(d => d.ToInfo()).ToList();
}
