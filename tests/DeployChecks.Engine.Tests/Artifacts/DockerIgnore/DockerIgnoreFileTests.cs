using System.Linq;
using DeployChecks.Engine.Artifacts.DockerIgnore;

namespace DeployChecks.Engine.Tests.Artifacts.DockerIgnore;

/// <summary>.dockerignore semantics, checked against the cases of Docker's own matcher (moby/patternmatcher's
/// TestMatches / MatchesOrParentMatches and the exclusion tests).</summary>
public class DockerIgnoreFileTests
{
    private static bool Excluded(string path, params string[] patterns) => DockerIgnoreFile.Parse(string.Join("\n", patterns)).IsExcluded(path);

    [Theory]
    [InlineData("**", "file", true)]
    [InlineData("**", "dir/file", true)]
    [InlineData("**/", "file", true)]
    [InlineData("**/**", "dir/file", true)]
    [InlineData("dir/**", "dir/file", true)]
    [InlineData("dir/**", "dir/dir2/file", true)]
    [InlineData("**/dir", "dir", true)]
    [InlineData("**/dir", "dir/file", true)]
    [InlineData("**/dir2/*", "dir/dir2/file", true)]
    [InlineData("**/dir2/**", "dir/dir2/dir3/file", true)]
    [InlineData("**file", "file", true)]
    [InlineData("**file", "dir/file", true)]
    [InlineData("**/file", "dir/dir/file", true)]
    [InlineData("**/file*", "dir/dir/file.txt", true)]
    [InlineData("**/file*txt", "dir/dir/file.txt", true)]
    [InlineData("**/**/*.txt", "dir/dir/file.txt", true)]
    [InlineData("**/**/*.txt2", "dir/dir/file.txt", false)]
    [InlineData("**/*.txt", "file.txt", true)]
    [InlineData("a**/*.txt", "a/dir/dir/file.txt", true)]
    [InlineData("a/*.txt", "a/dir/file.txt", false)]
    [InlineData("a/*.txt", "a/file.txt", true)]
    [InlineData("a[b-d]e", "ae", false)]
    [InlineData("a[b-d]e", "ace", true)]
    [InlineData("a[^b-d]e", "aze", true)]
    [InlineData(".*", ".foo", true)]
    [InlineData(".*", "foo", false)]
    [InlineData("abc.def", "abcdef", false)]
    [InlineData("abc?def", "abcZdef", true)]
    [InlineData("abc?def", "abcdef", false)]
    [InlineData("**/foo/bar", "dir/dir2/foo/bar", true)]
    [InlineData("abc/**", "abc", false)]
    [InlineData("abc/**", "abc/def/ghi", true)]
    [InlineData("**/.foo", "bar.foo", false)]
    [InlineData("a(b)c/def", "a(b)c/def", true)]
    [InlineData("a(b)c/def", "a(b)c/xyz", false)]
    [InlineData("a.|)$(}+{bc", "a.|)$(}+{bc", true)]
    [InlineData("dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true)]
    [InlineData("a\\*b", "a*b", true)]
    [InlineData("a*", "ab/c", true)]
    [InlineData("a*/b", "a/c/b", false)]
    [InlineData("a*b?c*x", "abxbbxdbxebxczzx", true)]
    [InlineData("a?b", "a/b", false)]
    public void Docker_pattern_cases(string pattern, string path, bool excluded) => Assert.Equal(excluded, Excluded(path, pattern));

    [Fact]
    public void Reincludes_apply_in_order_and_parents_count()
    {
        Assert.True(Excluded("fileutils.go", "!fileutils.go", "*.go"));
        Assert.False(Excluded("docs/README.md", "docs", "!docs/README.md"));
        Assert.False(Excluded("docs/README.md", "docs/", "!docs/README.md"));
        Assert.False(Excluded("docs/README.md", "docs/*", "!docs/README.md"));
        Assert.False(Excluded("fileutils.go", "*.go", "!fileutils.go"));
        Assert.False(Excluded("util/docker/web/foo", "**", "!util/docker/web"));
        Assert.True(Excluded("util/docker/web/foo", "**", "!util/docker/web", "util/docker/web/foo"));
        Assert.False(Excluded("dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", "**", "!dist/*.whl"));
    }

    [Fact]
    public void Root_anchored_cleaned_patterns_comments_and_problems()
    {
        var f = DockerIgnoreFile.Parse("\uFEFF# comment\n  .env  \n/secrets/\n./build//out/\n !  keep.txt\n!\n[abc\n");
        Assert.Equal(new[] { ".env", "secrets", "build/out", "!keep.txt", "[abc" }, f.Patterns.Select(p => p.ToString()));
        Assert.Equal(new[] { 6, 7 }, f.Problems.Select(p => p.Line));
        Assert.True(f.IsExcluded(".env"));
        Assert.False(f.IsExcluded("app/.env")); // not **/.env: Docker patterns are anchored at the context root
        Assert.True(f.IsExcluded("secrets/key.pem"));
        Assert.True(f.IsExcluded("build/out/x"));
        Assert.False(f.IsExcluded("keep.txt"));
    }

    [Fact]
    public void Per_dockerfile_ignore_file_wins_over_the_context_one()
    {
        var files = new[] { ".dockerignore", "docker/app.Dockerfile.dockerignore" };
        Assert.Equal("docker/app.Dockerfile.dockerignore", DockerIgnoreFile.Locate(".", "docker/app.Dockerfile", files.Contains));
        Assert.Equal(".dockerignore", DockerIgnoreFile.Locate(".", "Dockerfile", files.Contains));
        Assert.Null(DockerIgnoreFile.Locate("services/api", "services/api/Dockerfile", files.Contains));
    }

    [Fact]
    public void Pathological_patterns_finish()
    {
        string evil = string.Concat(Enumerable.Repeat("**/a*", 30)) + "b";
        var f = DockerIgnoreFile.Parse(evil);
        DeployChecks.Engine.Tests.Support.HangGuard.MustFinish(() => f.IsExcluded(string.Concat(Enumerable.Repeat("a/", 200)) + "c"));
    }
}
