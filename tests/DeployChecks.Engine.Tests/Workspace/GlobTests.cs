using System.Diagnostics;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Tests.Workspace;

public class GlobTests
{
    [Theory]
    [InlineData("*.py", "app.py", true)]
    [InlineData("*.py", "pkg/app.py", false)]
    [InlineData("**/*.py", "app.py", true)]
    [InlineData("**/*.py", "a/b/c/app.py", true)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("a/**/b", "x/a/b", false)]
    [InlineData("a/**", "a/x/y", true)]
    [InlineData("a/**", "a", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "a/c", false)]
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("[!a-c]x", "bx", false)]
    [InlineData("[^a-c]x", "dx", true)]
    [InlineData("[]]x", "]x", true)]
    [InlineData("[abc", "[abc", false)]
    [InlineData("*[abc", "x[abc", false)]
    [InlineData("\\*x", "*x", true)]
    [InlineData("\\*x", "ax", false)]
    [InlineData("**", "a/b", true)]
    [InlineData("deploy//x", "deploy/x", true)]
    public void Matches(string pattern, string path, bool expected) => Assert.Equal(expected, new Glob(pattern).IsMatch(path));

    [Fact]
    public void Case_insensitive_option()
    {
        Assert.True(new Glob("*.PY", ignoreCase: true).IsMatch("app.py"));
        Assert.False(new Glob("*.PY").IsMatch("app.py"));
    }

    [Fact]
    public void Pathological_patterns_finish_quickly()
    {
        Support.HangGuard.MustFinish(() =>
        {
            string text = new string('a', 5000);
            Assert.False(Glob.MatchSegment("a*a*a*a*a*a*a*a*a*a*a*b", text, false));
            string deep = string.Join("/", System.Linq.Enumerable.Repeat("a", 400));
            Assert.False(new Glob("**/a/**/a/**/a/**/a/**/b").IsMatch(deep));
        });
    }
}
