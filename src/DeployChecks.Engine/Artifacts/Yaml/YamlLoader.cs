using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DeployChecks.Engine.Artifacts.Yaml;

/// <summary>What <see cref="YamlLoader.Load"/> read: the documents (each root, null for an empty document) and the
/// problems. A file with a problem that stopped the read keeps the documents completed before it.</summary>
public sealed class YamlContent
{
    internal YamlContent(IReadOnlyList<YamlValue?> documents, IReadOnlyList<ArtifactProblem> problems)
    {
        Documents = documents;
        Problems = problems;
    }

    public IReadOnlyList<YamlValue?> Documents { get; }

    public IReadOnlyList<ArtifactProblem> Problems { get; }
}

/// <summary>
/// The one way the engine reads YAML (compose files, CI pipelines, <c>deploychecks.yml</c>, OSV advisories). YamlDotNet's
/// tokenizer and event parser do the YAML; this loader builds the tree itself, iteratively, with three bounds a hostile
/// file cannot get past: nesting depth (counted on the token stream before the parser sees a deeper level, so
/// <c>[[[…]]]</c> 50,000 deep neither overflows a stack nor runs the library's per-level work), the expanded size of
/// aliases and merge keys (an "alias bomb" of nested <c>&amp;a [*b, *b, …]</c> is refused instead of being walked
/// 9¹⁰ times by whoever reads it), and the input size (the artifact cache's cap). Malformed YAML and exceeded bounds
/// are <c>MalformedYaml</c> problems with a line; nothing is thrown.
/// </summary>
public static class YamlLoader
{
    /// <summary>Deepest nesting of collections accepted (real compose and CI files stay under 20).</summary>
    public const int MaxDepth = 256;

    /// <summary>Most nodes a file may expand to through aliases and merge keys (the node count as if every alias were
    /// copied). Generous for real anchors — a GitLab file merging a 50-key default into 1,000 jobs is 50,000.</summary>
    public const long MaxExpandedNodes = 1_000_000;

    public const string ErrorId = "MalformedYaml";

    public static YamlContent Load(string text)
    {
        var documents = new List<YamlValue?>();
        var problems = new List<ArtifactProblem>();
        var scanner = new DepthBoundScanner(new Scanner(new StringReader(text), skipComments: true), MaxDepth);
        var parser = new Parser(scanner);
        var builder = new Builder(problems);
        try
        {
            while (parser.MoveNext())
            {
                if (!builder.Add(parser.Current!))
                {
                    break;
                }
                if (builder.Completed != null)
                {
                    documents.Add(builder.Completed.Root);
                    builder.Completed = null;
                }
            }
        }
        catch (YamlException ex)
        {
            var inner = ex;
            while (inner.InnerException is YamlException deeper)
            {
                inner = deeper;
            }
            int line = (int)Math.Max(ex.Start.Line, 1);
            problems.Add(new ArtifactProblem(ErrorId, line, (int)ex.Start.Column, "not valid YAML: " + inner.Message));
        }
        catch (Exception ex) when (ex is InvalidOperationException || ex is ArgumentException)
        {
            // YamlDotNet reports some malformed input (an unclosed flow sequence, an empty key) this way, without a position.
            int line = (int)Math.Max(scanner.CurrentPosition.Line, 1);
            problems.Add(new ArtifactProblem(ErrorId, line, 0, "not valid YAML: " + ex.Message));
        }
        return new YamlContent(documents, problems);
    }

    /// <summary>Builds nodes from parser events with an explicit stack (no recursion), resolving anchors and counting
    /// the expanded size.</summary>
    private sealed class Builder
    {
        private readonly List<ArtifactProblem> _problems;
        private readonly Stack<Frame> _stack = new();
        private readonly Dictionary<string, YamlValue> _anchors = new(StringComparer.Ordinal);
        private long _expanded;

        public Builder(List<ArtifactProblem> problems)
        {
            _problems = problems;
        }

        public DocumentResult? Completed { get; set; }

        private YamlValue? _root;

        /// <summary>Adds one event; false when a bound was exceeded and the read must stop.</summary>
        public bool Add(ParsingEvent e)
        {
            switch (e)
            {
                case DocumentStart:
                    _root = null;
                    _anchors.Clear();
                    return true;
                case DocumentEnd:
                    Completed = new DocumentResult(_root);
                    return true;
                case Scalar s:
                    return Place(Anchor(s, new YamlScalar(Line(s.Start), Col(s.Start), TagOf(s), s.Value, Style(s.Style))));
                case SequenceStart ss:
                    _stack.Push(new Frame(ss, isMapping: false));
                    return CheckDepth(ss.Start);
                case MappingStart ms:
                    _stack.Push(new Frame(ms, isMapping: true));
                    return CheckDepth(ms.Start);
                case SequenceEnd:
                case MappingEnd:
                {
                    var f = _stack.Pop();
                    YamlValue node;
                    if (f.IsMapping)
                    {
                        var entries = new List<YamlEntry>(f.Items.Count / 2);
                        for (int i = 0; i + 1 < f.Items.Count; i += 2)
                        {
                            entries.Add(new YamlEntry(f.Items[i], f.Items[i + 1]));
                        }
                        var map = new YamlMapping(Line(f.Start.Start), Col(f.Start.Start), TagOf(f.Start), entries, Saturate(f.Weight), out var duplicates);
                        foreach (var d in duplicates ?? new List<YamlEntry>())
                        {
                            _problems.Add(new ArtifactProblem(ErrorId, d.Key.Line, d.Key.Column,
                                $"duplicate key {Quote(d.Name)} (compose, GitHub Actions and GitLab refuse the file; the last value is read)"));
                        }
                        node = map;
                    }
                    else
                    {
                        node = new YamlSequence(Line(f.Start.Start), Col(f.Start.Start), TagOf(f.Start), f.Items, Saturate(f.Weight));
                    }
                    return Place(Anchor(f.Start, node));
                }
                case AnchorAlias alias:
                {
                    string name = alias.Value.Value;
                    if (!_anchors.TryGetValue(name, out var target))
                    {
                        _problems.Add(new ArtifactProblem(ErrorId, Line(alias.Start), Col(alias.Start), $"alias *{Quote(name, quoted: false)} names no anchor defined before it"));
                        target = new YamlScalar(Line(alias.Start), Col(alias.Start), null, "", YamlScalarStyle.Plain);
                    }
                    _expanded += target.Weight;
                    if (_expanded > MaxExpandedNodes)
                    {
                        _problems.Add(new ArtifactProblem(ErrorId, Line(alias.Start), Col(alias.Start),
                            $"aliases expand to more than {MaxExpandedNodes:N0} nodes (an alias bomb?); the file is not read"));
                        return false;
                    }
                    return Place(target);
                }
                default:
                    return true;
            }
        }

        private bool CheckDepth(Mark at)
        {
            if (_stack.Count <= MaxDepth)
            {
                return true;
            }
            _problems.Add(new ArtifactProblem(ErrorId, Line(at), Col(at), $"nested deeper than {MaxDepth} levels; the file is not read"));
            return false;
        }

        private bool Place(YamlValue node)
        {
            if (_stack.Count == 0)
            {
                _root = node;
                return true;
            }
            var f = _stack.Peek();
            f.Items.Add(node);
            f.Weight = Saturate(f.Weight + node.Weight);
            return true;
        }

        private YamlValue Anchor(NodeEvent e, YamlValue node)
        {
            if (!e.Anchor.IsEmpty)
            {
                _anchors[e.Anchor.Value] = node;
            }
            return node;
        }

        private static long Saturate(long weight) => Math.Min(weight, MaxExpandedNodes + 1);
    }

    private sealed class Frame
    {
        public Frame(NodeEvent start, bool isMapping)
        {
            Start = start;
            IsMapping = isMapping;
        }

        public NodeEvent Start { get; }
        public bool IsMapping { get; }
        public List<YamlValue> Items { get; } = new();
        public long Weight { get; set; } = 1;
    }

    private sealed class DocumentResult
    {
        public DocumentResult(YamlValue? root)
        {
            Root = root;
        }

        public YamlValue? Root { get; }
    }

    private static int Line(Mark m) => (int)m.Line;

    private static int Col(Mark m) => (int)m.Column;

    private static string? TagOf(NodeEvent e) => e.Tag.IsEmpty || e.Tag.IsNonSpecific ? null : e.Tag.Value;

    private static YamlScalarStyle Style(ScalarStyle s) => s switch
    {
        ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
        ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
        ScalarStyle.Literal => YamlScalarStyle.Literal,
        ScalarStyle.Folded => YamlScalarStyle.Folded,
        _ => YamlScalarStyle.Plain,
    };

    /// <summary>A key or anchor name for a message: short identifier-like names only (never a long value that could be
    /// a secret).</summary>
    private static string Quote(string? name, bool quoted = true)
    {
        if (name == null || name.Length == 0 || name.Length > 64)
        {
            return quoted ? "(unnamed)" : "?";
        }
        foreach (char c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '/'))
            {
                return quoted ? "(unnamed)" : "?";
            }
        }
        return quoted ? "'" + name + "'" : name;
    }
}
