using System.Linq;
using DeployChecks.Engine.Dependencies.Versioning;

namespace DeployChecks.Engine.Tests.Dependencies.Versioning;

public sealed class Pep440SpecifierSetTests
{
    public static TheoryData<string> Versions() => VersionTable.All();

    [Theory]
    [MemberData(nameof(Versions))]
    public void Empty_set_with_prereleases_contains_every_version(string version)
    {
        var set = Pep440SpecifierSet.Parse("", prereleases: true);
        Assert.True(set.Contains(version));
        Assert.True(set.Contains(Pep440Version.Parse(version)));
    }

    public static TheoryData<string, string, bool?, bool?, bool, bool> Installed()
    {
        var data = new TheoryData<string, string, bool?, bool?, bool, bool>();
        foreach (string row in SpecifierTables.SetInstalled)
        {
            var p = row.Split('|');
            data.Add(p[0], p[1], SpecifierTables.Tri(p[2]), SpecifierTables.Tri(p[3]), p[4] == "T", p[5] == "T");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Installed))]
    public void Contains_with_installed_and_prereleases(string spec, string version, bool? specPre, bool? containsPre, bool installed, bool expected)
    {
        var set = Pep440SpecifierSet.Parse(spec, specPre);
        Assert.Equal(expected, set.Contains(version, containsPre, installed));
        Assert.Equal(expected, set.Contains(Pep440Version.Parse(version), containsPre, installed));
    }

    public static TheoryData<string, bool?, bool?, string, string> Filters()
    {
        var data = new TheoryData<string, bool?, bool?, string, string>();
        foreach (string row in SpecifierTables.SetFilter)
        {
            var p = row.Split('|');
            data.Add(p[0], SpecifierTables.Tri(p[1]), SpecifierTables.Tri(p[2]), p[3], p[4]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public void Filter_matches_packaging(string spec, bool? specPre, bool? pre, string input, string expected)
    {
        var result = Pep440SpecifierSet.Parse(spec, specPre).Filter(input.Split(','), pre).ToArray();
        Assert.Equal(expected.Length == 0 ? new string[0] : expected.Split(','), result);
    }

    [Theory]
    [InlineData(null, "1.0.dev1", true, "")]
    [InlineData(false, "1.0.dev1", false, "")]
    [InlineData(true, "1.0.dev1", false, ">=1.0")]
    [InlineData(true, "1.0.dev1", true, "==1.*")]
    [InlineData(false, "2.0.dev1", false, ">=1.0")]
    [InlineData(null, "1.5a1", true, ">=1.0,<2.0")]
    [InlineData(false, "1.5b1", false, ">=1.0,<2.0")]
    [InlineData(null, "2.0.dev1", true, "==2.0.dev1")]
    [InlineData(false, "1.0.dev1", false, "!=2.0")]
    [InlineData(null, "0.9.dev0", true, "<1.0.dev1")]
    public void Contains_honours_the_set_override(bool? setPre, string version, bool expected, string spec)
    {
        Assert.Equal(expected, Pep440SpecifierSet.Parse(spec, setPre).Contains(version));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("==2.0", 1)]
    [InlineData(">=2.0,<3", 2)]
    [InlineData(">=2.0,<3,==2.4", 3)]
    [InlineData(" >=2.0 , , <3 ", 2)]
    public void Counts_specifiers(string spec, int count)
    {
        Assert.Equal(count, Pep440SpecifierSet.Parse(spec).Count);
    }

    [Fact]
    public void Prints_sorted_and_deduplicated_and_compares_canonically()
    {
        Assert.Equal("!=1.0.1,>=1.0.0", Pep440SpecifierSet.Parse(">=1.0.0,!=1.0.1").ToString());
        Assert.Equal("==2.8", Pep440SpecifierSet.Parse("==2.8.0,==2.8").ToString());
        Assert.Equal(Pep440SpecifierSet.Parse(">=1.0.0,!=1.0.1"), Pep440SpecifierSet.Parse("!=1.0.1, >=1.0.0"));
        Assert.NotEqual(Pep440SpecifierSet.Parse(">=1.0.0,!=1.0.1"), Pep440SpecifierSet.Parse(">=1.0.0"));
        Assert.Equal("!=1.0.1,!=2.0.1,<=2.0.0,>=1.0.0",
            Pep440SpecifierSet.Parse(">=1.0.0,!=1.0.1").Intersect(Pep440SpecifierSet.Parse("<=2.0.0,!=2.0.1")).ToString());
    }

    [Theory]
    [InlineData(">=1.0,lolwat")]
    [InlineData(">=1.0;<2")]
    [InlineData("1.0")]
    public void Invalid_sets_throw_a_typed_exception(string spec)
    {
        Assert.False(Pep440SpecifierSet.TryParse(spec, out _));
        Assert.Throws<InvalidSpecifierException>(() => Pep440SpecifierSet.Parse(spec));
    }

    [Fact]
    public void Default_contains_accepts_matching_pre_releases_but_filter_prefers_finals()
    {
        var set = Pep440SpecifierSet.Parse(">=1.0");
        Assert.True(set.Contains("2.0a1"));
        Assert.Equal(new[] { "1.5" }, set.Filter(new[] { "1.5", "2.0a1" }).ToArray());
        Assert.Equal(new[] { "2.0a1" }, set.Filter(new[] { "0.9", "2.0a1" }).ToArray());
        Assert.False(set.Contains("2.0a1", prereleases: false));
    }
}
