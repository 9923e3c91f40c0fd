using System.Linq;
using DeployChecks.Engine.Dependencies.Versioning;

namespace DeployChecks.Engine.Tests.Dependencies.Versioning;

public sealed class Pep440SpecifierTests
{
    public static TheoryData<string, string, bool> Table()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (string row in SpecifierTables.Matching)
        {
            var parts = row.Split(' ');
            data.Add(parts[0], parts[1], true);
        }
        foreach (string row in SpecifierTables.NotMatching)
        {
            var parts = row.Split(' ');
            data.Add(parts[0], parts[1], false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Matches_packaging_specifier_table(string version, string spec, bool expected)
    {
        var specifier = Pep440Specifier.Parse(spec, prereleases: true);
        Assert.Equal(expected, specifier.Contains(version));
        Assert.Equal(expected, specifier.Contains(Pep440Version.Parse(version)));
        // A single specifier and a one-element set agree.
        Assert.Equal(expected, Pep440SpecifierSet.Parse(spec, prereleases: true).Contains(version));
    }

    public static TheoryData<string, string, bool?, bool?, bool> PrereleaseTable()
    {
        var data = new TheoryData<string, string, bool?, bool?, bool>();
        foreach (string row in SpecifierTables.Prereleases)
        {
            var p = row.Split(' ');
            data.Add(p[0], p[1], SpecifierTables.Tri(p[2]), SpecifierTables.Tri(p[3]), p[4] == "T");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PrereleaseTable))]
    public void Pre_release_and_exclusive_ordering_rules(string spec, string version, bool? specPre, bool? containsPre, bool expected)
    {
        Assert.Equal(expected, Pep440Specifier.Parse(spec, specPre).Contains(version, containsPre));
    }

    [Theory]
    [InlineData("~=2.0")]
    [InlineData("==2.1.*")]
    [InlineData("==2.1.0.3")]
    [InlineData("!=2.2.*")]
    [InlineData("!=2.2.0.5")]
    [InlineData("<=5")]
    [InlineData(">=7.9a1")]
    [InlineData("<1.0.dev1")]
    [InlineData(">2.0.post1")]
    [InlineData("===lolwat")]
    [InlineData("===")]
    [InlineData("  ==  1.0  ")]
    public void Valid_specifiers_parse(string spec)
    {
        Assert.True(Pep440Specifier.TryParse(spec, out var parsed));
        Assert.NotNull(parsed);
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("=>2.0")]
    [InlineData("==")]
    [InlineData("~=1.0+5")]
    [InlineData(">=1.0+deadbeef")]
    [InlineData("<=1.0+abc123")]
    [InlineData(">1.0+watwat")]
    [InlineData("<1.0+1.0")]
    [InlineData("~=1.0.*")]
    [InlineData(">=1.0.*")]
    [InlineData("<=1.0.*")]
    [InlineData(">1.0.*")]
    [InlineData("<1.0.*")]
    [InlineData("==1.0.*+5")]
    [InlineData("!=1.0.*+deadbeef")]
    [InlineData("==2.0a1.*")]
    [InlineData("!=2.0a1.*")]
    [InlineData("==2.0.post1.*")]
    [InlineData("!=2.0.post1.*")]
    [InlineData("==2.0.dev1.*")]
    [InlineData("!=2.0.dev1.*")]
    [InlineData("==1.0+5.*")]
    [InlineData("!=1.0+deadbeef.*")]
    [InlineData("==1.0.*.5")]
    [InlineData("~=1")]
    [InlineData("==1.0.dev1.*")]
    [InlineData("!=1.0.dev1.*")]
    [InlineData("==1.2+\u0130")]
    [InlineData("==1.2+\u0130\u0131\u017fK")]
    [InlineData("=== a b")]
    [InlineData("===a;b")]
    [InlineData("")]
    [InlineData(">= 1.0 , <2")]
    public void Invalid_specifiers_are_rejected_with_a_typed_exception(string spec)
    {
        Assert.False(Pep440Specifier.TryParse(spec, out _));
        var ex = Assert.Throws<InvalidSpecifierException>(() => Pep440Specifier.Parse(spec));
        Assert.Equal(spec, ex.Specifier);
    }

    [Theory]
    [InlineData("1.0dev")]
    [InlineData("1.0-DEV1")]
    [InlineData("1.0.alpha1")]
    [InlineData("1.0-BETA")]
    [InlineData("1.0C1")]
    [InlineData("1.0-post")]
    [InlineData("1.0-5")]
    [InlineData("1.0+AbC")]
    [InlineData("1.0c056")]
    [InlineData("00!1.2")]
    [InlineData("v1.0")]
    [InlineData("  \r \f \v v1.0\t\n")]
    public void Unnormalised_versions_are_accepted_by_every_operator_that_allows_them(string version)
    {
        string[] ops = version.Contains('+') ? new[] { "==", "!=" } : new[] { "~=", "==", "!=", "<=", ">=", "<", ">" };
        foreach (string op in ops)
        {
            Assert.True(Pep440Specifier.TryParse(op + version, out _), op + version);
        }
    }

    [Theory]
    [InlineData("==1.0", false)]
    [InlineData(">=1.0", false)]
    [InlineData("<=1.0", false)]
    [InlineData("~=1.0", false)]
    [InlineData("<1.0", false)]
    [InlineData(">1.0", false)]
    [InlineData("<1.0.dev1", true)]
    [InlineData(">1.0.dev1", true)]
    [InlineData("!=1.0.dev1", false)]
    [InlineData("==1.0.*", false)]
    [InlineData("==1.0.dev1", true)]
    [InlineData(">=1.0.dev1", true)]
    [InlineData("<=1.0.dev1", true)]
    [InlineData("~=1.0.dev1", true)]
    public void Detects_whether_the_specifier_names_a_pre_release(string spec, bool expected)
    {
        Assert.Equal(expected, Pep440Specifier.Parse(spec).Prereleases);
    }

    [Theory]
    [InlineData("1.0.0", "===1.0", false)]
    [InlineData("1.0", "===1.0", true)]
    [InlineData("1.0+downstream1", "===1.0", false)]
    [InlineData("foobar", "===foobar", true)]
    [InlineData("foobar", "===baz", false)]
    [InlineData("1.0A1", "===1.0a1", true)]
    [InlineData("1.0+AbC", "===1.0+abc", true)]
    [InlineData("LoLWaT", "===lOlwAt", true)]
    [InlineData("1.01", "===1.1", false)]
    [InlineData("1.a1", "===1a1", false)]
    [InlineData("not a valid version", "==1.0", false)]
    [InlineData("not a valid version", "!=1.*", false)]
    [InlineData("invalid", "===invalid", true)]
    public void Arbitrary_equality_compares_strings(string version, string spec, bool expected)
    {
        Assert.Equal(expected, Pep440Specifier.Parse(spec, prereleases: true).Contains(version));
    }

    [Fact]
    public void Arbitrary_equality_on_a_parsed_version_uses_its_normalised_form()
    {
        Assert.True(Pep440Specifier.Parse("===1.1").Contains(Pep440Version.Parse("1.01")));
        Assert.False(Pep440Specifier.Parse("===1.01").Contains(Pep440Version.Parse("1.01")));
    }

    [Theory]
    [InlineData(">=1.0.dev1", null, null, "1.0,2.0a1", "1.0,2.0a1")]
    [InlineData(">=1.2.3", null, null, "1.2,1.5a1", "1.5a1")]
    [InlineData(">=1.2.3", null, null, "1.3,1.5a1", "1.3")]
    [InlineData("!=2.0a1", null, null, "1.0a2,1.0,2.0a1", "1.0")]
    [InlineData(">2.0a1", null, null, "2.0a1,3.0a2,3.0", "3.0a2,3.0")]
    [InlineData("~=2.0a1", null, null, "1.0,2.0a1,3.0a2,3.0", "2.0a1")]
    [InlineData(">=1.0.dev1", null, false, "1.0,2.0a1", "1.0")]
    [InlineData(">=1.0", false, true, "1.0,2.0a1", "1.0,2.0a1")]
    [InlineData(">=1.0", null, null, "1.0,not a valid version", "1.0")]
    [InlineData("===foobar", false, false, "foobar,foo", "foobar")]
    [InlineData("!=2.0.*", null, null, "1.0,invalid,2.0.0", "1.0")]
    public void Filter_applies_pep440_pre_release_policy(string spec, bool? specPre, bool? pre, string input, string expected)
    {
        var result = Pep440Specifier.Parse(spec, specPre).Filter(input.Split(','), pre).ToArray();
        Assert.Equal(expected.Length == 0 ? new string[0] : expected.Split(','), result);
    }

    [Theory]
    [InlineData("==2.8.0", "==2.8", true)]
    [InlineData("~=1.18.0", "~=1.18", false)]
    [InlineData("==1.2.3", "== 1.2.3.0", true)]
    [InlineData("==1.2.3", "~=1.2.3", false)]
    public void Equality_is_canonical(string left, string right, bool equal)
    {
        Assert.Equal(equal, Pep440Specifier.Parse(left).Equals(Pep440Specifier.Parse(right)));
        if (equal)
        {
            Assert.Equal(Pep440Specifier.Parse(left).GetHashCode(), Pep440Specifier.Parse(right).GetHashCode());
        }
    }

    [Theory]
    [InlineData("< 2", "<", "2")]
    [InlineData("===lolwat", "===", "lolwat")]
    [InlineData("==2.1.*", "==", "2.1.*")]
    public void Exposes_operator_and_version(string spec, string op, string version)
    {
        var s = Pep440Specifier.Parse(spec);
        Assert.Equal(op, s.Operator);
        Assert.Equal(version, s.Version);
        Assert.Equal(op + version, s.ToString());
    }
}
