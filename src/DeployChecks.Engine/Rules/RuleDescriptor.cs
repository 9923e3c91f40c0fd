using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Rules;

/// <summary>Everything fixed about a rule, declared once next to its class.</summary>
public sealed class RuleDescriptor
{
    /// <summary>Base of every rule's help page.</summary>
    public const string HelpBase = "https://github.com/deploychecks/deploychecks/blob/main/docs/rules/";

    public RuleDescriptor(string id, string name, CheckArea area, Severity defaultSeverity, string title,
        string rationale, string remediation, IReadOnlyList<string>? tags = null,
        IReadOnlyList<string>? equivalents = null, IReadOnlyList<string>? cwe = null)
    {
        if (id.Length != 6 || !id.StartsWith("DC", StringComparison.Ordinal) || id[2] - '0' != (int)area)
        {
            throw new ArgumentException($"Rule id {id} does not fit area {area} (DC{(int)area}xxx)", nameof(id));
        }
        Id = id;
        Name = name;
        Area = area;
        DefaultSeverity = defaultSeverity;
        Title = title;
        Rationale = rationale;
        Remediation = remediation;
        Tags = tags ?? Array.Empty<string>();
        Equivalents = equivalents ?? Array.Empty<string>();
        Cwe = cwe ?? Array.Empty<string>();
    }

    public string Id { get; }
    public string Name { get; }
    public CheckArea Area { get; }
    public Severity DefaultSeverity { get; }
    public string Title { get; }
    public string Rationale { get; }
    public string Remediation { get; }
    public IReadOnlyList<string> Tags { get; }
    public IReadOnlyList<string> Equivalents { get; }
    public IReadOnlyList<string> Cwe { get; }
    public string HelpUri => HelpBase + Id + ".md";

    public RuleInfo ToInfo() => new()
    {
        Id = Id,
        Name = Name,
        Area = Area,
        DefaultSeverity = DefaultSeverity,
        Title = Title,
        Rationale = Rationale,
        Remediation = Remediation,
        HelpUri = HelpUri,
        Tags = Tags,
        Equivalents = Equivalents,
        Cwe = Cwe,
    };

    public override string ToString() => Id + " " + Name;
}
