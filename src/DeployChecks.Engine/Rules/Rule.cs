using System;
using System.Collections.Generic;
using DeployChecks.Engine.Models;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules;

/// <summary>A checklist item. Rules never walk the file system or read files themselves: they ask the
/// <see cref="RuleContext"/> for the workspace's files of the kinds they declare, and for parsed artifacts.</summary>
public abstract class Rule
{
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>The models this rule reads: artifact models (<c>DockerfileModel</c>, <c>CiPipeline</c>, …) and run models
    /// (<c>DeployCommands</c>, <c>DependencySet</c>, …). <see cref="Reads"/> is derived from them.</summary>
    public virtual IReadOnlyList<Type> Uses => Array.Empty<Type>();

    /// <summary>The artifact kinds this rule reads, derived from <see cref="Uses"/> (override only for a rule that
    /// reads files without a model). With none of them in the target the rule is NotApplicable.</summary>
    public virtual IReadOnlyList<ArtifactKind> Reads => _reads ??= RunModels.KindsOf(Uses);

    private IReadOnlyList<ArtifactKind>? _reads;

    /// <summary>Called once before any check; return false (after <see cref="RuleContext.NotApplicable"/> or
    /// <see cref="RuleContext.NotRun"/>) when the rule cannot apply to this target as a whole.</summary>
    public virtual bool Applies(RuleContext context) => true;

    /// <summary>Whole-target check. The default calls <see cref="CheckFile"/> for each file of <see cref="Reads"/>;
    /// the runner may instead call <see cref="CheckFile"/> from several threads when <see cref="PerFile"/> is true.</summary>
    public virtual void Check(RuleContext context)
    {
        foreach (var kind in Reads)
        {
            foreach (var file in context.Workspace.OfKind(kind))
            {
                CheckFile(context, file);
            }
        }
    }

    /// <summary>True when <see cref="CheckFile"/> is independent per file, so the runner can spread files
    /// over threads.</summary>
    public virtual bool PerFile => false;

    public virtual void CheckFile(RuleContext context, WorkspaceFile file)
    {
    }
}
