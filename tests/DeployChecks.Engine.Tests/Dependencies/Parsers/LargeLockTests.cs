using System;
using System.Linq;
using DeployChecks.Engine.Dependencies;
using DeployChecks.Engine.Dependencies.Parsers;
using DeployChecks.Engine.Text;
using Xunit.Abstractions;

namespace DeployChecks.Engine.Tests.Dependencies.Parsers;

/// <summary>
/// Parses a 2,000-entry lock of each kind completely (no timing here: performance is measured by the bench, never
/// asserted in tests).
/// </summary>
public sealed class LargeLockTests
{
    private const int Entries = 2000;
    private readonly ITestOutputHelper _output;

    public LargeLockTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static TheoryData<string> Kinds() => new() { "requirements", "Pipfile.lock", "poetry.lock", "uv.lock", "pdm.lock", "pylock.toml" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Parses_a_2000_entry_lock(string kind)
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
        Support.HangGuard.MustFinish(() =>
        {
            var doc = parse(new SourceText(text));
            Assert.Empty(doc.Problems);
            Assert.Equal(Entries, doc.Entries.Count);
            Assert.All(doc.Entries.Take(10), e => Assert.Equal(2, e.Hashes.Length));
            _output.WriteLine($"{kind}: {Entries} entries, {text.Length / 1024.0:F0} KiB parsed");
        });
    }
}
