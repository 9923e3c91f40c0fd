using DeployChecks.Engine.Dependencies.Requirements;

namespace DeployChecks.Engine.Tests.Dependencies.Requirements;

public sealed class Pep508MarkerTests
{
    [Theory]
    [InlineData("python_version < \"3.11\"", "3.10.4", true)]
    [InlineData("python_version < \"3.11\"", "3.12.0", false)]
    [InlineData("python_version >= '3.8' and sys_platform == 'linux'", "3.12.0", true)]
    [InlineData("sys_platform == 'win32' or os_name == 'posix'", "3.12.0", true)]
    [InlineData("(sys_platform == 'win32' or platform_system == 'Darwin') and python_version > '3'", "3.12.0", false)]
    [InlineData("python_full_version >= '3.12.0rc1'", "3.12.0", true)]
    [InlineData("'linux' in sys_platform", "3.12.0", true)]
    [InlineData("'win' not in sys_platform", "3.12.0", true)]
    [InlineData("platform_machine != 'aarch64'", "3.12.0", true)]
    [InlineData("python_version == '3.12.*'", "3.12.0", true)]
    [InlineData("os.name == 'posix'", "3.12.0", true)]
    [InlineData("platform_release >= 'abc'", "3.12.0", false)]
    public void Evaluates_against_a_linux_environment(string marker, string python, bool expected)
    {
        Assert.True(Pep508Marker.TryParse(marker, out var m, out string? error), error);
        Assert.Equal(expected, m!.Evaluate(Pep508Marker.LinuxEnvironment(python)));
    }

    [Fact]
    public void Extra_compares_normalised_names()
    {
        Assert.True(Pep508Marker.TryParse("extra == 'Security_Extra'", out var m, out _));
        Assert.True(m!.Evaluate(Pep508Marker.LinuxEnvironment(), "security-extra"));
        Assert.False(m.Evaluate(Pep508Marker.LinuxEnvironment()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("python_version")]
    [InlineData("python_version <")]
    [InlineData("python_version < '3")]
    [InlineData("bogus_var == '1'")]
    [InlineData("(python_version < '3'")]
    [InlineData("python_version < '3' and")]
    [InlineData("python_version ~ '3'")]
    public void Rejects_invalid_markers(string marker)
    {
        Assert.False(Pep508Marker.TryParse(marker, out var m, out string? error));
        Assert.Null(m);
        Assert.False(string.IsNullOrEmpty(error));
    }
}
