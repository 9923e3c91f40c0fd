using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace DeployChecks.Engine.Artifacts.Yaml;

/// <summary>Counts collection nesting on the token stream and stops the read one level past the bound, before the
/// parser (or the tokenizer's per-level simple-key work) sees deeper levels.</summary>
internal sealed class DepthBoundScanner : IScanner
{
    private readonly IScanner _inner;
    private readonly int _max;
    private Token? _counted;
    private int _depth;

    public DepthBoundScanner(IScanner inner, int max)
    {
        _inner = inner;
        _max = max;
    }

    public Mark CurrentPosition => _inner.CurrentPosition;

    public Token? Current => _inner.Current;

    public bool MoveNext()
    {
        bool more = _inner.MoveNext();
        Count();
        return more;
    }

    public bool MoveNextWithoutConsuming()
    {
        bool more = _inner.MoveNextWithoutConsuming();
        Count();
        return more;
    }

    public void ConsumeCurrent() => _inner.ConsumeCurrent();

    private void Count()
    {
        var t = _inner.Current;
        if (t == null || ReferenceEquals(t, _counted))
        {
            return;
        }
        _counted = t;
        switch (t)
        {
            case FlowSequenceStart:
            case FlowMappingStart:
            case BlockSequenceStart:
            case BlockMappingStart:
                if (++_depth > _max)
                {
                    throw new YamlException(t.Start, t.End, $"nested deeper than {_max} levels; the file is not read");
                }
                break;
            case FlowSequenceEnd:
            case FlowMappingEnd:
            case BlockEnd:
                _depth--;
                break;
        }
    }
}
