using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DeployChecks;

/// <summary>How the checklist text is laid out.</summary>
public sealed class ChecklistTextOptions
{
    /// <summary>Unicode glyphs (✓ ✗ – ! ~ ?); false gives ASCII words of one width (ok, FAIL, n/a, ERR, supp, skip).</summary>
    public bool Unicode { get; set; } = true;

    /// <summary>ANSI colours: outcomes and severities coloured (red for failures and high severities, yellow for
    /// medium and for checks that errored, green for passes). Off by default; the CLI turns it on for a terminal unless
    /// NO_COLOR is set, the PowerShell view where the host renders ANSI.</summary>
    public bool Color { get; set; }

    /// <summary>Columns to fit (default 80): titles are truncated, messages wrap with a hanging indent.</summary>
    public int Width { get; set; } = 80;
}

/// <summary>Renders a <see cref="ChecklistReport"/> as the on-screen checklist (shared by the PowerShell view and the
/// CLI's text output, so both read the same). Every value that comes from the repository passes through
/// <see cref="DisplayText"/>, and no output line can start a CI log command.</summary>
public static class ChecklistTextRenderer
{
    private const int MaxFindingsPerCheck = 10;
    private const int MinWidth = 60;
    private const string Reset = "\u001b[0m";

    public static string Glyph(CheckOutcome outcome, bool unicode) => outcome switch
    {
        CheckOutcome.Pass => unicode ? "✓" : "ok",
        CheckOutcome.Fail => unicode ? "✗" : "FAIL",
        CheckOutcome.NotApplicable => unicode ? "–" : "n/a",
        CheckOutcome.Error => unicode ? "!" : "ERR",
        CheckOutcome.Suppressed => unicode ? "~" : "supp",
        CheckOutcome.NotRun => unicode ? "?" : "skip",
        _ => "?",
    };

    public static string Glyph(AreaStatus status, bool unicode) => status switch
    {
        AreaStatus.Pass => unicode ? "✓" : "ok",
        AreaStatus.Fail => unicode ? "✗" : "FAIL",
        AreaStatus.NotApplicable => unicode ? "–" : "n/a",
        AreaStatus.Incomplete => unicode ? "!" : "INC",
        _ => unicode ? "·" : "-",
    };

    public static string Describe(AreaStatus status) => status switch
    {
        AreaStatus.NotCovered => "not covered",
        AreaStatus.NotApplicable => "not applicable",
        AreaStatus.Incomplete => "incomplete",
        AreaStatus.Pass => "pass",
        AreaStatus.Fail => "fail",
        _ => status.ToString(),
    };

    /// <summary>Readable outcome name: "pass", "fail", "not applicable", "error", "suppressed", "not run".</summary>
    public static string Describe(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.NotApplicable => "not applicable",
        CheckOutcome.NotRun => "not run",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    /// <summary>The four-letter severity column: crit, high, med, low, info.</summary>
    public static string ShortSeverity(Severity severity) => severity switch
    {
        Severity.Critical => "crit",
        Severity.High => "high",
        Severity.Medium => "med",
        Severity.Low => "low",
        _ => "info",
    };

    /// <summary>"3 findings (1 critical, 2 high)".</summary>
    public static string DescribeCounts(IDictionary<Severity, int> bySeverity)
    {
        int total = 0;
        var parts = new List<string>();
        for (var s = Severity.Critical; s >= Severity.Info; s--)
        {
            if (bySeverity.TryGetValue(s, out int n) && n > 0)
            {
                total += n;
                parts.Add(n.ToString(CultureInfo.InvariantCulture) + " " + s.ToString().ToLowerInvariant());
            }
        }
        if (total == 0)
        {
            return "no findings";
        }
        return total.ToString(CultureInfo.InvariantCulture) + (total == 1 ? " finding (" : " findings (") + string.Join(", ", parts) + ")";
    }

    public static string Render(ChecklistReport report, bool unicode) => Render(report, new ChecklistTextOptions { Unicode = unicode });

    public static string Render(ChecklistReport report, ChecklistTextOptions options)
    {
        if (report == null)
        {
            throw new ArgumentNullException(nameof(report));
        }
        return new Renderer(report, options ?? new ChecklistTextOptions()).Render();
    }

    private sealed class Renderer
    {
        private readonly ChecklistReport _report;
        private readonly bool _unicode;
        private readonly bool _color;
        private readonly int _width;
        private readonly int _glyphWidth;
        private readonly StringBuilder _sb = new();

        public Renderer(ChecklistReport report, ChecklistTextOptions options)
        {
            _report = report;
            _unicode = options.Unicode;
            _color = options.Color;
            _width = Math.Max(MinWidth, options.Width);
            _glyphWidth = _unicode ? 1 : 4;
        }

        public string Render()
        {
            Wrapped("DeployChecks " + _report.ToolVersion + (_unicode ? " — " : " - ") + S(_report.Target) + " (" +
                N(_report.FilesScanned) + " files, " + N((long)_report.Duration.TotalMilliseconds) + " ms)", 2);

            var checksByArea = new Dictionary<CheckArea, List<CheckResult>>();
            foreach (var c in _report.Checks)
            {
                if (!checksByArea.TryGetValue(c.Area, out var list))
                {
                    checksByArea[c.Area] = list = new List<CheckResult>();
                }
                list.Add(c);
            }
            var notCovered = new List<string>();
            foreach (var area in _report.Areas)
            {
                checksByArea.TryGetValue(area.Area, out var checks);
                if (checks == null || checks.Count == 0)
                {
                    if (area.Status == AreaStatus.NotCovered)
                    {
                        notCovered.Add(area.Title);
                        continue;
                    }
                }
                _sb.Append('\n');
                Area(area);
                foreach (var c in checks ?? new List<CheckResult>())
                {
                    Check(c);
                }
            }
            if (notCovered.Count > 0)
            {
                _sb.Append('\n');
                Wrapped(Paint(Glyph(AreaStatus.NotCovered, _unicode), "\u001b[2m") + " Not covered yet: " + string.Join(", ", notCovered), 2);
            }
            Problems();
            Summary();
            return DisplayText.DefuseLogCommandLines(_sb.ToString());
        }

        private void Area(AreaSummary area)
        {
            string glyph = Paint(Glyph(area.Status, _unicode).PadRight(_glyphWidth), AreaColor(area.Status));
            string text = area.Title.PadRight(26) + " " + Describe(area.Status) +
                (area.FindingCount > 0 ? ", " + DescribeCounts(area.FindingsBySeverity) : "");
            Wrapped(glyph + " " + text, _glyphWidth + 1);
        }

        private void Check(CheckResult c)
        {
            // "  ✓ DC1001 Title ...........................................  high"
            int prefix = 2 + _glyphWidth + 1 + c.RuleId.Length + 1;
            int titleWidth = _width - prefix - 1 - 4;
            string title = S(c.Title);
            title = title.Length > titleWidth ? title.Substring(0, titleWidth - 1) + (_unicode ? "…" : "~") : title.PadRight(titleWidth);
            _sb.Append("  ").Append(Paint(Glyph(c.Outcome, _unicode).PadRight(_glyphWidth), OutcomeColor(c.Outcome))).Append(' ')
               .Append(c.RuleId).Append(' ').Append(title).Append(' ').Append(Paint(ShortSeverity(c.Severity), SeverityColor(c.Severity))).Append('\n');
            int indent = prefix;
            if (c.Reason != null && c.Outcome != CheckOutcome.Pass && c.Outcome != CheckOutcome.Fail)
            {
                Wrapped(new string(' ', indent) + S(c.Reason), indent);
            }
            int shown = 0;
            foreach (var f in c.Findings)
            {
                if (f.IsSuppressed)
                {
                    continue;
                }
                if (shown++ == MaxFindingsPerCheck)
                {
                    _sb.Append(' ', indent).Append(_unicode ? "… " : "... ").Append(N(c.ActiveFindingCount - MaxFindingsPerCheck)).Append(" more\n");
                    break;
                }
                // A finding's own severity shows only where it differs from the check's.
                string sev = f.Severity == c.Severity ? "" : Paint(ShortSeverity(f.Severity), SeverityColor(f.Severity)) + " ";
                Wrapped(new string(' ', indent) + sev + S(f.Location) + "  " + S(f.Message), indent + 2);
            }
        }

        private void Problems()
        {
            if (_report.Errors.Count == 0)
            {
                return;
            }
            _sb.Append("\nProblems reading the target:\n");
            foreach (var e in _report.Errors)
            {
                string kind = e.IsError ? Paint("error ", "\u001b[31m") : Paint("notice", "\u001b[2m");
                Wrapped("  " + kind + " " + S(e.ToString()), 9);
            }
        }

        private void Summary()
        {
            int pass = 0, fail = 0, na = 0, err = 0, supp = 0;
            var notRun = new List<CheckResult>();
            foreach (var c in _report.Checks)
            {
                switch (c.Outcome)
                {
                    case CheckOutcome.Pass: pass++; break;
                    case CheckOutcome.Fail: fail++; break;
                    case CheckOutcome.NotApplicable: na++; break;
                    case CheckOutcome.Error: err++; break;
                    case CheckOutcome.Suppressed: supp++; break;
                    case CheckOutcome.NotRun: notRun.Add(c); break;
                }
            }
            var all = new SortedDictionary<Severity, int>();
            foreach (var f in _report.Findings)
            {
                if (!f.IsSuppressed)
                {
                    all.TryGetValue(f.Severity, out int n);
                    all[f.Severity] = n + 1;
                }
            }
            var line = new StringBuilder("Summary: ").Append(fail).Append(" failed, ").Append(pass).Append(" passed, ").Append(na).Append(" not applicable");
            if (supp > 0) { line.Append(", ").Append(supp).Append(" suppressed"); }
            if (err > 0) { line.Append(", ").Append(err).Append(" errored"); }
            if (notRun.Count > 0) { line.Append(", ").Append(notRun.Count).Append(" not run"); }
            line.Append("; ").Append(DescribeCounts(all));
            _sb.Append('\n');
            Wrapped(line.ToString(), 9);
            foreach (var c in notRun)
            {
                // One line per check that could not run, e.g. "Not checked: DC2014 known-vulnerability (no vulnerability database)".
                string why = c.Reason ?? "";
                int colon = why.IndexOf(':');
                Wrapped($"Not checked: {c.RuleId} {c.RuleName}" + (why.Length > 0 ? " (" + S(colon > 0 ? why.Substring(0, colon) : why) + ")" : ""), 13);
            }
            if (_report.VulnerabilityDatabase is { } db)
            {
                Wrapped("Vulnerability data: " + S(db.ToString()), 20);
            }
            if (_report.FailOn.HasValue)
            {
                bool failed = _report.FailOnTripped;
                string detail = _report.DescribeGate();
                detail = detail.Substring(detail.IndexOf(':') + 1).Trim();
                Wrapped("Gate: " + Paint(failed ? "FAILED" : "passed", failed ? "\u001b[1;31m" : "\u001b[32m") + " (" + detail + ")", 6);
            }
        }

        /// <summary>Appends <paramref name="text"/> (with its own leading indent) wrapped at the width: breaks at spaces
        /// only, so a path or URL longer than a line stays whole; continuation lines are indented by
        /// <paramref name="hanging"/>. ANSI sequences take no columns.</summary>
        private void Wrapped(string text, int hanging)
        {
            int lead = 0;
            while (lead < text.Length && text[lead] == ' ')
            {
                lead++;
            }
            _sb.Append(' ', lead);
            int column = lead;
            bool lineEmpty = true;
            foreach (string word in text.Substring(lead).Split(' '))
            {
                int visible = VisibleLength(word);
                if (!lineEmpty && visible > 0 && column + 1 + visible > _width)
                {
                    _sb.Append('\n').Append(' ', hanging);
                    column = hanging;
                    lineEmpty = true;
                }
                if (!lineEmpty)
                {
                    _sb.Append(' ');
                    column++;
                }
                _sb.Append(word);
                column += visible;
                lineEmpty = false;
            }
            _sb.Append('\n');
        }

        private static int VisibleLength(string s)
        {
            int n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == '\u001b')
                {
                    while (i < s.Length && s[i] != 'm')
                    {
                        i++;
                    }
                    continue;
                }
                n++;
            }
            return n;
        }

        private string Paint(string text, string color) => _color && color.Length > 0 ? color + text + Reset : text;

        private static string S(string? text) => DisplayText.Inert(text);

        private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

        private static string OutcomeColor(CheckOutcome outcome) => outcome switch
        {
            CheckOutcome.Pass => "\u001b[32m",
            CheckOutcome.Fail => "\u001b[31m",
            CheckOutcome.Error or CheckOutcome.NotRun => "\u001b[33m",
            _ => "\u001b[2m",
        };

        private static string AreaColor(AreaStatus status) => status switch
        {
            AreaStatus.Pass => "\u001b[32m",
            AreaStatus.Fail => "\u001b[31m",
            AreaStatus.Incomplete => "\u001b[33m",
            _ => "\u001b[2m",
        };

        private static string SeverityColor(Severity severity) => severity switch
        {
            Severity.Critical => "\u001b[1;31m",
            Severity.High => "\u001b[31m",
            Severity.Medium => "\u001b[33m",
            Severity.Low => "\u001b[36m",
            _ => "\u001b[2m",
        };
    }
}
