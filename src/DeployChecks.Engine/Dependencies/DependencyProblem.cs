namespace DeployChecks.Engine.Dependencies;

/// <summary>Something wrong in a dependency file: the file, the 1-based line (0 = whole file), and what.</summary>
public sealed class DependencyProblem
{
    public DependencyProblem(string source, int line, string message)
    {
        Source = source;
        Line = line;
        Message = message;
    }

    public string Source { get; }

    public int Line { get; }

    public string Message { get; }

    public override string ToString() => Line > 0 ? $"{Source}:{Line}: {Message}" : $"{Source}: {Message}";
}
