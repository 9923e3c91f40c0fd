using System;
using System.Diagnostics;
using System.Linq;
using DeployChecks.Engine.Dependencies;
using DeployChecks.Engine.Dependencies.Parsers;
using DeployChecks.Engine.Text;
using Xunit.Abstractions;

namespace DeployChecks.Engine.Tests.Dependencies.Parsers;

/// <summary>
/// Parses a 2,000-entry lock of each kind and reports the time (target ≤ 100 ms each; there is no bench project
/// on this branch). The assertion is a loose ceiling so shared CI machines do not flake; the figures are printed.
/// </summary>
public sealed class ParserTimingTests
{
    private const int Entries = 2000;
    private readonly ITestOutputHelper _output;

    public ParserTimingTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static TheoryData<string> Kinds() => new() { "requirements", "Pipfile.lock", "poetry.lock", "uv.lock", "pdm.lock", "pylock.toml" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Parses_a_2000_entry_lock_quickly(string kind)
    {
        (string text, Func<SourceText, DependencyDocument> parse) = kind switch
        {
            "requirements" => (LargeLocks.Requirements(Entries), (Func<SourceText, DependencyDocument>)(t => RequirementsFileParser.Instance.Parse("requirements.txt", t))),
            "Pipfile.lock" => (LargeLocks.PipfileLock(Entries), t => PipfileLockParser.Instance.Parse("Pipfile.lock", t)),
            "poetry.lock" => (LargeLocks.PoetryLock(Entries), t => PoetryLockParser.Instance.Parse("poetry.lock", t)),
            "uv.lock" => (LargeLocks.UvLock(Entries), t => UvLockParser.Instance.Parse("uv.lock", t)),
            "pdm.lock" => (LargeLocks.PdmLock(Entries), t => PdmLockParser.Instance.Parse("pdm.lock", t)),
            _ => (LargeLocks.PyLock(Entries), t => PyLockParser.Instance.Parse("pylock.toml", t)),
        };
        // Warm up (tiered JIT), then take the best of ten runs.
        var first = parse(new SourceText(text));
        Assert.Empty(first.Problems);
        Assert.Equal(Entries, first.Entries.Count);
        Assert.All(first.Entries.Take(10), e => Assert.Equal(2, e.Hashes.Length));
        double best = double.MaxValue;
        for (int warm = 0; warm < 3; warm++)
        {
            parse(new SourceText(text));
        }
        for (int run = 0; run < 10; run++)
        {
            var sw = Stopwatch.StartNew();
            var doc = parse(new SourceText(text));
            sw.Stop();
            Assert.Equal(Entries, doc.Entries.Count);
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }
        _output.WriteLine($"{kind}: {Entries} entries, {text.Length / 1024.0:F0} KiB, best of 10: {best:F1} ms");
        Assert.True(best < 1000, $"{kind}: {best:F1} ms");
    }
}
