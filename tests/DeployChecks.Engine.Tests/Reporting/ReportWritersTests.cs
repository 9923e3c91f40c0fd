using System;
using System.IO;
using DeployChecks.Engine.Reporting;

namespace DeployChecks.Engine.Tests.Reporting;

public class ReportWritersTests
{
    public static TheoryData<ReportFormat> AllFormats()
    {
        var data = new TheoryData<ReportFormat>();
        foreach (ReportFormat f in Enum.GetValues(typeof(ReportFormat)))
        {
            data.Add(f);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllFormats))]
    public void No_format_discloses_the_secret(ReportFormat format)
    {
        var report = ReportFixtures.Real;
        Assert.NotEmpty(report.Findings);
        string text = ReportWriters.WriteToString(report, format);
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.DoesNotContain(ReportFixtures.Secret, text);
        Assert.DoesNotContain(ReportFixtures.Secret.Substring(2, 12), text);
    }

    [Theory]
    [MemberData(nameof(AllFormats))]
    public void Every_format_is_deterministic_and_writes_files(ReportFormat format)
    {
        var report = ReportFixtures.HandBuilt();
        string a = ReportWriters.WriteToString(report, format);
        Assert.Equal(a, ReportWriters.WriteToString(report, format));

        string dir = Path.Combine(Path.GetTempPath(), "dc-writers-out-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        try
        {
            string path = Path.Combine(dir, "sub", "report." + format.ToString().ToLowerInvariant());
            ReportWriters.WriteFile(report, format, path);
            byte[] bytes = File.ReadAllBytes(path);
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "BOM written");
            Assert.Equal(a, File.ReadAllText(path));
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }
        }
    }

    [Theory]
    [InlineData("JSON", ReportFormat.Json)]
    [InlineData("sarif", ReportFormat.Sarif)]
    [InlineData("xml", ReportFormat.JUnit)]
    [InlineData("md", ReportFormat.Markdown)]
    [InlineData("htm", ReportFormat.Html)]
    public void Format_names_parse(string name, ReportFormat expected)
    {
        Assert.True(ReportWriters.TryParseFormat(name, out var format));
        Assert.Equal(expected, format);
    }

    /// <summary>Writes every format of both fixture reports; into <c>DEPLOYCHECKS_TEST_REPORTS_DIR</c> when set (kept, for
    /// CI artifacts and eyeballing), else into a temporary directory.</summary>
    [Fact]
    public void All_formats_of_both_reports_can_be_written_side_by_side()
    {
        string? keep = Environment.GetEnvironmentVariable("DEPLOYCHECKS_TEST_REPORTS_DIR");
        string dir = string.IsNullOrEmpty(keep) ? Path.Combine(Path.GetTempPath(), "dc-writers-all-" + Guid.NewGuid().ToString("N").Substring(0, 8)) : keep!;
        try
        {
            foreach (var (name, report) in new[] { ("real", ReportFixtures.Real), ("handbuilt", ReportFixtures.HandBuilt()) })
            {
                foreach (ReportFormat format in Enum.GetValues(typeof(ReportFormat)))
                {
                    string path = Path.Combine(dir, name + "." + Extension(format));
                    ReportWriters.WriteFile(report, format, path);
                    Assert.True(new FileInfo(path).Length > 0);
                }
            }
        }
        finally
        {
            if (string.IsNullOrEmpty(keep) && Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }
        }
    }

    private static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Text => "txt",
        ReportFormat.Json => "json",
        ReportFormat.Sarif => "sarif",
        ReportFormat.JUnit => "junit.xml",
        ReportFormat.Markdown => "md",
        ReportFormat.Html => "html",
        _ => "baseline.json",
    };
}
