using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using DeployChecks.Engine.Images.Versions;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Images;

/// <summary>dpkg ordering agrees with the real <c>dpkg --compare-versions</c>; apk ordering with pairs of apk-tools'
/// own test/version.data.</summary>
public class VersionOrderTests
{
    private static readonly string[] DebianVersions =
    {
        "1.0", "1.0-1", "1.0-2", "1.0~rc1", "1.0~rc1-1", "1.0+b1", "1.0.1", "1:0.9", "2:0.1", "0:1.0", "1.0a", "1.0-1~bpo12+1",
        "1.0-1+deb12u1", "1.0-1+deb12u10", "1.0-1+deb12u2", "3.0.11-1~deb12u2", "3.0.13-1~deb12u1", "2.36-9+deb12u4", "2.36-9+deb12u10",
        "1.2.13.dfsg-1", "1.2.13.dfsg-1+b1", "7.88.1-10+deb12u5", "7.88.1-10", "1.0~~", "1.0~", "1.0~a", "0.0", "0", "00.1", "1.00",
        "1.0-0ubuntu1", "1.0-0ubuntu1.1", "10", "9", "1.0.0~alpha", "1.0.0~alpha.1", "2.4.57-2", "2.4.57-2+deb12u1", "1:2.4.57-1",
    };

    public static IEnumerable<object[]> DebianPairs()
    {
        foreach (string a in DebianVersions)
        {
            yield return new object[] { a };
        }
    }

    [RealToolTheory("dpkg")]
    [MemberData(nameof(DebianPairs))]
    public void Dpkg_order_matches_dpkg_compare_versions(string a)
    {
        foreach (string b in DebianVersions)
        {
            int expected = DpkgSays(a, "lt", b) ? -1 : DpkgSays(a, "gt", b) ? 1 : 0;
            Assert.True(expected == Math.Sign(DpkgVersion.Instance.Compare(a, b)), $"{a} vs {b}: dpkg says {expected}");
        }
    }

    private static bool DpkgSays(string a, string op, string b)
    {
        using var p = Process.Start(new ProcessStartInfo("dpkg", $"--compare-versions \"{a}\" {op} \"{b}\"") { RedirectStandardError = true })!;
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0;
    }

    [Theory]
    // pairs from apk-tools test/version.data
    [InlineData("2.34", ">", "0.1.0_alpha")]
    [InlineData("23_foo", ">", "4_beta")]
    [InlineData("1.0", "<", "1.0bc")]
    [InlineData("0.1.0_alpha", "=", "0.1.0_alpha")]
    [InlineData("0.1.0_alpha", "<", "0.1.3_alpha")]
    [InlineData("0.1.0_alpha2", ">", "0.1.0_alpha")]
    [InlineData("2.2.39-r1", ">", "1.0.4-r3")]
    [InlineData("1.0.4-r3", "<", "1.0.4-r4")]
    [InlineData("1.1", ">", "1.1_alpha1")]
    [InlineData("1.2.1", ">", "1.2")]
    [InlineData("1.3_alpha2", "<", "1.3_alpha3")]
    [InlineData("0.7.0", "<", "0.8_beta1")]
    [InlineData("2.3.0b-r1", "<", "2.3.0b-r2")]
    [InlineData("0.12.3", ">", "0.12")]
    [InlineData("3.1_p16", "<", "3.1_p17")]
    [InlineData("1.06-r6", "<", "006")]
    [InlineData("006", ">", "1.0.0")]
    [InlineData("1.2.2-r1", ">", "1.2.2")]
    [InlineData("9.3.4-r2", ">", "9.3.4")]
    [InlineData("20050718-r1", "<", "20050718-r2")]
    [InlineData("2.01.01_alpha10", ">", "0.94")]
    [InlineData("1.0", ">", "0.99.3.20040818")]
    [InlineData("3.0.20060720", "<", "20060720")]
    [InlineData("2.1.9.200602141850", ">", "1.6")]
    [InlineData("2.5.1-r8", "<", "2.5.1a-r1")]
    [InlineData("1.3.5-r10", ">", "1.3.5-r8")]
    [InlineData("2.0.0_rc3-r1", ">", "1.5")]
    [InlineData("3.0.0-r2", "<", "021109-r3")]
    [InlineData("3.9_pre20060124", ">", "0.01")]
    [InlineData("6b-r7", ">", "1.12-r7")]
    [InlineData("0.10.0-r1", ">", "0.10.0")]
    [InlineData("0.10.0", "<", "0.10.1_rc1")]
    [InlineData("22.7.3-r1", ">", "22.7")]
    [InlineData("02.08.01b", "<", "4.77")]
    [InlineData("1.6d", ">", "1.2.07.8")]
    [InlineData("0.59s-r11", "<", "0.65")]
    [InlineData("4.5_p1-r1", ">", "4.5_p1")]
    [InlineData("0.9.8c-r1", "<", "0.9.8d")]
    [InlineData("1.8.5", "<", "1.8.5_p2")]
    [InlineData("2.9.11_pre20051101-r3", ">", "2.9.11_pre20051101")]
    [InlineData("7.0.17", "<", "7.0.174")]
    [InlineData("0.9.28.1", "<", "087-r1")]
    [InlineData("2.12r-r4", "<", "2.12r-r5")]
    [InlineData("1.3-r0", "<", "1.3.1-r0")]
    [InlineData("1.3_pre1-r1", "<", "1.3.2")]
    [InlineData("1.0_p10-r0", ">", "1.0_p9-r0")]
    [InlineData("0.1.0_alpha_pre2", "<", "0.1.0_alpha")]
    [InlineData("1.0.0_pre20191002222144-r0", "<", "1.0.0_pre20210530193627-r0")]
    [InlineData("3.1.4-r5", "<", "3.1.4-r10")]
    [InlineData("1.2.4-r2", ">", "1.2.4-r1")]
    public void Apk_order_matches_apk_tools_version_data(string a, string op, string b)
    {
        int expected = op == "<" ? -1 : op == ">" ? 1 : 0;
        Assert.Equal(expected, Math.Sign(ApkVersion.Instance.Compare(a, b)));
        Assert.Equal(-expected, Math.Sign(ApkVersion.Instance.Compare(b, a)));
    }
}
