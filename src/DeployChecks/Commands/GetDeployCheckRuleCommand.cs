using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using DeployChecks.Hosting;

namespace DeployChecks.Commands;

/// <summary>Get-DeployCheckRule: lists the rules of this release (what each checks, why, and how to fix it).</summary>
[Cmdlet(VerbsCommon.Get, "DeployCheckRule")]
[OutputType(typeof(RuleInfo))]
public sealed class GetDeployCheckRuleCommand : PSCmdlet
{
    /// <summary>Rule IDs or names; wildcards allowed.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name", "RuleId")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Id { get; set; }

    /// <summary>Only rules of these areas.</summary>
    [Parameter]
    public CheckArea[]? Area { get; set; }

    /// <summary>Only rules with one of these tags.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Tag { get; set; }

    protected override void ProcessRecord()
    {
        IReadOnlyList<RuleInfo> rules = EngineBridge.GetRules();
        var patterns = (Id ?? new[] { "*" }).Select(p => (Text: p, Pattern: new WildcardPattern(p, WildcardOptions.IgnoreCase))).ToList();
        var matched = new HashSet<string>();
        foreach (var rule in rules)
        {
            if (Area != null && !Area.Contains(rule.Area))
            {
                continue;
            }
            if (Tag != null && !rule.Tags.Any(t => Tag.Any(x => string.Equals(x, t, System.StringComparison.OrdinalIgnoreCase))))
            {
                continue;
            }
            var hit = patterns.Where(p => p.Pattern.IsMatch(rule.Id) || p.Pattern.IsMatch(rule.Name)).ToList();
            if (hit.Count == 0)
            {
                continue;
            }
            foreach (var p in hit)
            {
                matched.Add(p.Text);
            }
            WriteObject(rule);
        }
        foreach (var p in patterns)
        {
            if (!WildcardPattern.ContainsWildcardCharacters(p.Text) && !matched.Contains(p.Text) && !rules.Any(r => p.Pattern.IsMatch(r.Id) || p.Pattern.IsMatch(r.Name)))
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"No rule has the ID or name '{p.Text}'."),
                    ErrorIds.RuleNotFound, ErrorCategory.ObjectNotFound, p.Text));
            }
        }
    }
}
