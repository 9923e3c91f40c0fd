using DeployChecks.Engine.Dependencies.Requirements;

namespace DeployChecks.Engine.Tests.Dependencies.Requirements;

public sealed class Pep508RequirementTests
{
    [Theory]
    [InlineData("requests", "requests", "", "", null, null)]
    [InlineData("requests[security,socks] >= 2.8.1, == 2.8.* ; python_version < \"2.7\"", "requests", "security,socks", "==2.8.*,>=2.8.1", null, "python_version < \"2.7\"")]
    [InlineData("name (>=1.0,<2)", "name", "", "<2,>=1.0", null, null)]
    [InlineData("pip @ https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee9982d4bbb3c72346a6de940a148ea686", "pip", "", "",
        "https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee9982d4bbb3c72346a6de940a148ea686", null)]
    [InlineData("name @ file:///tmp/x.whl ; os_name == 'posix'", "name", "", "", "file:///tmp/x.whl", "os_name == 'posix'")]
    [InlineData("Zope.Interface[ ]==5", "Zope.Interface", "", "==5", null, null)]
    [InlineData("name;python_version>'3'", "name", "", "", null, "python_version>'3'")]
    public void Parses_pep508(string text, string name, string extras, string specifier, string? url, string? marker)
    {
        Assert.True(Pep508Requirement.TryParse(text, out var r, out string? error), error);
        Assert.Equal(name, r!.Name);
        Assert.Equal(extras, string.Join(",", r.Extras));
        Assert.Equal(specifier, r.Specifier);
        Assert.Equal(url, r.Url);
        Assert.Equal(marker, r.Marker);
    }

    [Theory]
    [InlineData("")]
    [InlineData("==1.0")]
    [InlineData("-name")]
    [InlineData("name[")]
    [InlineData("name[extra")]
    [InlineData("name (>=1.0")]
    [InlineData("name >= 1.0 garbage")]
    [InlineData("name @")]
    [InlineData("name ;")]
    [InlineData("name >=lolwat")]
    [InlineData("na me")]
    public void Rejects_invalid_requirements_with_a_reason(string text)
    {
        Assert.False(Pep508Requirement.TryParse(text, out var r, out string? error));
        Assert.Null(r);
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Throws<System.FormatException>(() => Pep508Requirement.Parse(text));
    }

    [Theory]
    [InlineData("name==1.0", "1.0")]
    [InlineData("name===weird-1", "weird-1")]
    [InlineData("name==1.0.*", null)]
    [InlineData("name>=1.0", null)]
    [InlineData("name==1.0,<2", null)]
    public void Reports_pinned_version(string text, string? pinned)
    {
        Assert.Equal(pinned, Pep508Requirement.Parse(text).PinnedVersion);
    }

    [Theory]
    [InlineData("Django", "django")]
    [InlineData("zope.interface", "zope-interface")]
    [InlineData("Foo__Bar--baz..QUX", "foo-bar-baz-qux")]
    [InlineData("typing_extensions", "typing-extensions")]
    public void Normalises_names_per_pep503(string name, string normalized)
    {
        Assert.Equal(normalized, PackageName.Normalize(name));
    }
}
