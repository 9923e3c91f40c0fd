using System.Numerics;
using DeployChecks.Engine.Dependencies.Versioning;

namespace DeployChecks.Engine.Tests.Dependencies.Versioning;

public sealed class Pep440VersionTests
{
    public static TheoryData<string> Versions() => VersionTable.All();

    [Theory]
    [MemberData(nameof(Versions))]
    public void Table_versions_are_valid_and_round_trip(string version)
    {
        var v = Pep440Version.Parse(version);
        var again = Pep440Version.Parse(v.ToString());
        Assert.Equal(v, again);
        Assert.Equal(v.GetHashCode(), again.GetHashCode());
        Assert.Equal(v.ToString(), again.ToString());
    }

    [Fact]
    public void Table_is_in_packaging_order_for_every_pair()
    {
        var parsed = System.Array.ConvertAll(VersionTable.Ordered, Pep440Version.Parse);
        for (int i = 0; i < parsed.Length; i++)
        {
            for (int j = 0; j < parsed.Length; j++)
            {
                int expected = i.CompareTo(j);
                int actual = System.Math.Sign(parsed[i].CompareTo(parsed[j]));
                Assert.True(expected == actual, $"{VersionTable.Ordered[i]} vs {VersionTable.Ordered[j]}: expected {expected}, got {actual}");
            }
        }
    }

    [Fact]
    public void Sorting_a_shuffled_table_restores_it()
    {
        var shuffled = new System.Collections.Generic.List<string>(VersionTable.Ordered);
        var rng = new System.Random(440);
        for (int i = shuffled.Count - 1; i > 0; i--)
        {
            int k = rng.Next(i + 1);
            (shuffled[i], shuffled[k]) = (shuffled[k], shuffled[i]);
        }
        shuffled.Sort((a, b) => Pep440Version.Parse(a).CompareTo(Pep440Version.Parse(b)));
        Assert.Equal(VersionTable.Ordered, shuffled);
    }

    [Theory]
    [InlineData("french toast")]
    [InlineData("1.0+a+")]
    [InlineData("1.0++")]
    [InlineData("1.0+_foobar")]
    [InlineData("1.0+foo&asd")]
    [InlineData("1.0+1+1")]
    [InlineData("1. 0")]
    [InlineData("1 .0")]
    [InlineData("1. 0a1")]
    [InlineData("1 .0a1")]
    [InlineData("1.0 a1")]
    [InlineData("1.0a 1")]
    [InlineData("\u0660\u0661\u0662.\u0663\u0664\u0665.\u0666\u0667\u0668\u0669")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("1..0")]
    [InlineData("1.0.")]
    [InlineData(".1.0")]
    [InlineData("1..2.3")]
    [InlineData("1.0+\u0130")]
    [InlineData("")]
    [InlineData("v")]
    [InlineData("1.0-")]
    [InlineData("1!v2")]
    [InlineData("1.0+")]
    [InlineData("1.0+a-")]
    [InlineData("1.0.*")]
    public void Invalid_versions_throw_a_typed_exception_and_TryParse_is_false(string version)
    {
        var ex = Assert.Throws<InvalidVersionException>(() => Pep440Version.Parse(version));
        Assert.Equal(version, ex.Version);
        Assert.False(Pep440Version.TryParse(version, out var none));
        Assert.Null(none);
    }

    [Theory]
    [InlineData("1.0dev", "1.0.dev0")]
    [InlineData("1.0.dev", "1.0.dev0")]
    [InlineData("1.0dev1", "1.0.dev1")]
    [InlineData("1.0-dev", "1.0.dev0")]
    [InlineData("1.0-dev1", "1.0.dev1")]
    [InlineData("1.0DEV", "1.0.dev0")]
    [InlineData("1.0.DEV", "1.0.dev0")]
    [InlineData("1.0DEV1", "1.0.dev1")]
    [InlineData("1.0.DEV1", "1.0.dev1")]
    [InlineData("1.0-DEV", "1.0.dev0")]
    [InlineData("1.0-DEV1", "1.0.dev1")]
    [InlineData("1.0a", "1.0a0")]
    [InlineData("1.0.a", "1.0a0")]
    [InlineData("1.0.a1", "1.0a1")]
    [InlineData("1.0-a", "1.0a0")]
    [InlineData("1.0-a1", "1.0a1")]
    [InlineData("1.0alpha", "1.0a0")]
    [InlineData("1.0.alpha", "1.0a0")]
    [InlineData("1.0.alpha1", "1.0a1")]
    [InlineData("1.0-alpha", "1.0a0")]
    [InlineData("1.0-alpha1", "1.0a1")]
    [InlineData("1.0A", "1.0a0")]
    [InlineData("1.0.A", "1.0a0")]
    [InlineData("1.0.A1", "1.0a1")]
    [InlineData("1.0-A", "1.0a0")]
    [InlineData("1.0-A1", "1.0a1")]
    [InlineData("1.0ALPHA", "1.0a0")]
    [InlineData("1.0.ALPHA", "1.0a0")]
    [InlineData("1.0.ALPHA1", "1.0a1")]
    [InlineData("1.0-ALPHA", "1.0a0")]
    [InlineData("1.0-ALPHA1", "1.0a1")]
    [InlineData("1.0b", "1.0b0")]
    [InlineData("1.0.b", "1.0b0")]
    [InlineData("1.0.b1", "1.0b1")]
    [InlineData("1.0-b", "1.0b0")]
    [InlineData("1.0-b1", "1.0b1")]
    [InlineData("1.0beta", "1.0b0")]
    [InlineData("1.0.beta", "1.0b0")]
    [InlineData("1.0.beta1", "1.0b1")]
    [InlineData("1.0-beta", "1.0b0")]
    [InlineData("1.0-beta1", "1.0b1")]
    [InlineData("1.0B", "1.0b0")]
    [InlineData("1.0.B", "1.0b0")]
    [InlineData("1.0.B1", "1.0b1")]
    [InlineData("1.0-B", "1.0b0")]
    [InlineData("1.0-B1", "1.0b1")]
    [InlineData("1.0BETA", "1.0b0")]
    [InlineData("1.0.BETA", "1.0b0")]
    [InlineData("1.0.BETA1", "1.0b1")]
    [InlineData("1.0-BETA", "1.0b0")]
    [InlineData("1.0-BETA1", "1.0b1")]
    [InlineData("1.0c", "1.0rc0")]
    [InlineData("1.0.c", "1.0rc0")]
    [InlineData("1.0.c1", "1.0rc1")]
    [InlineData("1.0-c", "1.0rc0")]
    [InlineData("1.0-c1", "1.0rc1")]
    [InlineData("1.0rc", "1.0rc0")]
    [InlineData("1.0.rc", "1.0rc0")]
    [InlineData("1.0.rc1", "1.0rc1")]
    [InlineData("1.0-rc", "1.0rc0")]
    [InlineData("1.0-rc1", "1.0rc1")]
    [InlineData("1.0C", "1.0rc0")]
    [InlineData("1.0.C", "1.0rc0")]
    [InlineData("1.0.C1", "1.0rc1")]
    [InlineData("1.0-C", "1.0rc0")]
    [InlineData("1.0-C1", "1.0rc1")]
    [InlineData("1.0RC", "1.0rc0")]
    [InlineData("1.0.RC", "1.0rc0")]
    [InlineData("1.0.RC1", "1.0rc1")]
    [InlineData("1.0-RC", "1.0rc0")]
    [InlineData("1.0-RC1", "1.0rc1")]
    [InlineData("1.0pre", "1.0rc0")]
    [InlineData("1.0preview2", "1.0rc2")]
    [InlineData("1.0post", "1.0.post0")]
    [InlineData("1.0.post", "1.0.post0")]
    [InlineData("1.0post1", "1.0.post1")]
    [InlineData("1.0-post", "1.0.post0")]
    [InlineData("1.0-post1", "1.0.post1")]
    [InlineData("1.0POST", "1.0.post0")]
    [InlineData("1.0.POST", "1.0.post0")]
    [InlineData("1.0POST1", "1.0.post1")]
    [InlineData("1.0r", "1.0.post0")]
    [InlineData("1.0rev", "1.0.post0")]
    [InlineData("1.0.POST1", "1.0.post1")]
    [InlineData("1.0.r1", "1.0.post1")]
    [InlineData("1.0.rev1", "1.0.post1")]
    [InlineData("1.0-POST", "1.0.post0")]
    [InlineData("1.0-POST1", "1.0.post1")]
    [InlineData("1.0-5", "1.0.post5")]
    [InlineData("1.0-r5", "1.0.post5")]
    [InlineData("1.0-rev5", "1.0.post5")]
    [InlineData("1.0+AbC", "1.0+abc")]
    [InlineData("1.01", "1.1")]
    [InlineData("1.0a05", "1.0a5")]
    [InlineData("1.0b07", "1.0b7")]
    [InlineData("1.0c056", "1.0rc56")]
    [InlineData("1.0rc09", "1.0rc9")]
    [InlineData("1.0.post000", "1.0.post0")]
    [InlineData("1.1.dev09000", "1.1.dev9000")]
    [InlineData("00!1.2", "1.2")]
    [InlineData("0100!0.0", "100!0.0")]
    [InlineData("v1.0", "1.0")]
    [InlineData("   v1.0\t\n", "1.0")]
    [InlineData("\u202f1.0\t\u2029\n ", "1.0")]
    [InlineData("1.0a-", "1.0a0")]
    [InlineData("1.0.post-", "1.0.post0")]
    [InlineData("1.0a.post1", "1.0a0.post1")]
    [InlineData("1.0a-1", "1.0a1")]
    [InlineData("1.0-post-1", "1.0.post1")]
    [InlineData("1.0post1dev2", "1.0.post1.dev2")]
    [InlineData("1.0+deadbeef.00", "1.0+deadbeef.0")]
    [InlineData("1.0+a_b-c", "1.0+a.b.c")]
    [InlineData("2024.1.123456789012345678901234567890", "2024.1.123456789012345678901234567890")]
    public void Normalises_like_packaging(string version, string normalized)
    {
        Assert.Equal(normalized, Pep440Version.Parse(version).ToString());
    }

    [Theory]
    [InlineData("1.0+deadbeef", "1.0", "1.0")]
    [InlineData("1!1.0a1.post5.dev6+deadbeef", "1!1.0a1.post5.dev6", "1!1.0")]
    [InlineData("1.0.post5+deadbeef", "1.0.post5", "1.0")]
    [InlineData("1.0rc4", "1.0rc4", "1.0")]
    public void Public_and_base_version(string version, string publicVersion, string baseVersion)
    {
        var v = Pep440Version.Parse(version);
        Assert.Equal(publicVersion, v.Public);
        Assert.Equal(baseVersion, v.BaseVersion);
    }

    [Fact]
    public void Exposes_segments_and_flags()
    {
        var v = Pep440Version.Parse("2!1.2.3rc4.post5.dev6+ubuntu-1");
        Assert.Equal(new BigInteger(2), v.Epoch);
        Assert.Equal(new[] { new BigInteger(1), new BigInteger(2), new BigInteger(3) }, v.Release);
        Assert.Equal("rc", v.PreLabel);
        Assert.Equal(new BigInteger(4), v.PreNumber);
        Assert.Equal(new BigInteger(5), v.Post);
        Assert.Equal(new BigInteger(6), v.Dev);
        Assert.Equal("ubuntu.1", v.Local);
        Assert.True(v.IsPrerelease);
        Assert.True(v.IsPostrelease);
        Assert.True(v.IsDevrelease);
        Assert.False(Pep440Version.Parse("1.0.post1").IsPrerelease);
    }

    [Theory]
    [InlineData("1.0", "1.0.0")]
    [InlineData("1.0", "1")]
    [InlineData("1.0rc1", "1.0c1")]
    [InlineData("1.0.0.0.0", "1")]
    [InlineData("0!1.0", "1.0")]
    [InlineData("1.0+a.1", "1.0+A-1")]
    public void Equal_versions_are_equal_with_equal_hashes(string left, string right)
    {
        var a = Pep440Version.Parse(left);
        var b = Pep440Version.Parse(right);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(0, a.CompareTo(b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }
}
