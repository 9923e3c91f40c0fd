using System;
using System.Collections.Generic;

namespace DeployChecks;

/// <summary>The exception of the one terminating error a run throws when -FailOn (or <c>failOn</c>) is reached.</summary>
public sealed class FailOnThresholdException : Exception
{
    public FailOnThresholdException(string message, Severity threshold, int findingCount, IReadOnlyList<string> targets)
        : base(message)
    {
        Threshold = threshold;
        FindingCount = findingCount;
        Targets = targets;
    }

    /// <summary>The lowest severity that fails the run (of the first target that tripped it).</summary>
    public Severity Threshold { get; }

    /// <summary>Active findings at or above the threshold, over all targets.</summary>
    public int FindingCount { get; }

    /// <summary>Errors (unreadable inputs, checks that errored) that tripped the gate, over all targets; 0 with -IgnoreErrors.</summary>
    public int ErrorCount { get; set; }

    /// <summary>The directories whose reports tripped the threshold.</summary>
    public IReadOnlyList<string> Targets { get; }
}
