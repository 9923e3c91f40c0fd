using System.Collections.Generic;
using DeployChecks.Engine.Python.Semantics;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Rules;

/// <summary>Base of rules that read Python source: per-file, production code only (tests, docs, examples and
/// notebooks never trip them), through the shared project model. A file that does not parse is reported once
/// per run as <c>PythonSyntaxError</c>; whatever parsed is still checked.</summary>
public abstract class PythonRule : Rule
{
    private static readonly ArtifactKind[] PythonKinds = { ArtifactKind.Python };

    public override IReadOnlyList<ArtifactKind> Reads => PythonKinds;

    public override bool PerFile => true;

    public sealed override void CheckFile(RuleContext context, WorkspaceFile file)
    {
        if (file.IsNonProduction)
        {
            return;
        }
        var project = PythonProject.For(context);
        if (!context.TryGetText(file, out _))
        {
            return;
        }
        var model = project.Model(file);
        if (model == null)
        {
            return;
        }
        var problem = model.Module.FirstProblem;
        if (problem != null)
        {
            int more = model.Module.Problems.Count - 1;
            context.InputProblem("PythonSyntaxError", file, problem.Line,
                $"{file.RelativePath}:{problem.Line}:{problem.Column}: {problem.Message}" + (more > 0 ? $" (and {more} more)" : "") +
                "; the rest of the file was still checked");
        }
        Check(context, project, model);
    }

    protected abstract void Check(RuleContext context, PythonProject project, PythonFileModel model);
}
