using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Hosting;
using DeployChecks.Engine.Options;
using DeployChecks.Engine.Rules;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Suppressions;

/// <summary>Decides whether a finding is suppressed, in order: inline comment (same or previous line, or a
/// file-wide directive), option-file entry (unless expired: then it is reported and ignored), baseline.</summary>
internal sealed class Suppressor
{
    private readonly DeployChecksOptions _options;
    private readonly Baseline? _baseline;
    private readonly RunState _state;
    private readonly ConcurrentDictionary<string, List<InlineSuppression.Match>> _fileDirectives = new(StringComparer.Ordinal);
    private readonly List<(SuppressionEntry Entry, Glob? Glob)> _entries = new();
    private readonly HashSet<SuppressionEntry> _reportedExpired = new();

    public Suppressor(DeployChecksOptions options, Baseline? baseline, RunState state, ICheckHost host)
    {
        _options = options;
        _baseline = baseline;
        _state = state;
        foreach (var e in options.Suppressions)
        {
            _entries.Add((e, e.Path == null ? null : new Glob(e.Path.Replace('\\', '/'))));
        }
        _ = host;
    }

    /// <summary>The suppression reason for <paramref name="finding"/>, or null when it stays active.</summary>
    public string? Check(Finding finding)
    {
        string? inline = Inline(finding);
        if (inline != null)
        {
            return inline;
        }
        foreach (var (entry, glob) in _entries)
        {
            if (!RuleMatches(entry.Rule, finding) || (glob != null && !glob.IsMatch(finding.Path)))
            {
                continue;
            }
            if (entry.Expires.HasValue && entry.Expires.Value.Date < _options.Today)
            {
                if (_reportedExpired.Add(entry))
                {
                    _state.AddError(new ReportMessage
                    {
                        ErrorId = "SuppressionExpired",
                        IsError = false,
                        Path = null,
                        RuleId = finding.RuleId,
                        Message = $"suppression of {entry.Rule}{(entry.Path != null ? " for " + entry.Path : "")} at {entry.Origin} expired on {entry.Expires.Value:yyyy-MM-dd} and no longer applies",
                    }, null);
                }
                continue;
            }
            return "options: " + entry.Reason;
        }
        if (_baseline != null && _baseline.Contains(finding.Fingerprint))
        {
            return "baseline";
        }
        return null;
    }

    private static bool RuleMatches(string selector, Finding f) =>
        selector.Equals(f.RuleId, StringComparison.OrdinalIgnoreCase) || selector.Equals(f.RuleName, StringComparison.OrdinalIgnoreCase) ||
        selector == "*";

    private string? Inline(Finding finding)
    {
        var directives = _fileDirectives.GetOrAdd(finding.Path, Scan);
        foreach (var d in directives)
        {
            bool applies = d.WholeFile || d.Line == finding.Line || d.Line == finding.Line - 1;
            if (!applies || !InlineSuppression.Names(d, finding.RuleId, finding.RuleName))
            {
                continue;
            }
            return "inline: " + d.Reason;
        }
        return null;
    }

    private List<InlineSuppression.Match> Scan(string path)
    {
        var list = new List<InlineSuppression.Match>();
        var file = _state.Workspace.Find(path);
        if (file == null)
        {
            return list;
        }
        Text.SourceText text;
        try
        {
            text = _state.Artifacts.GetText(file);
        }
        catch (ArtifactReadException)
        {
            return list;
        }
        if (text.Text.IndexOf("deploychecks:", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return list;
        }
        for (int line = 1; line <= text.LineCount; line++)
        {
            var m = InlineSuppression.Parse(text.GetLine(line), line);
            if (m == null)
            {
                continue;
            }
            if (m.Reason.Length == 0)
            {
                _state.AddError(new ReportMessage
                {
                    ErrorId = "SuppressionWithoutReason",
                    IsError = false,
                    Path = path,
                    Line = line,
                    Message = $"{path}:{line}: inline suppression without a reason is ignored; write `deploychecks: ignore[{string.Join(",", m.Rules)}] <why>`",
                }, null);
                continue;
            }
            list.Add(m);
        }
        return list;
    }
}
