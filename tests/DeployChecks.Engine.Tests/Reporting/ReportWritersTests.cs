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
}
