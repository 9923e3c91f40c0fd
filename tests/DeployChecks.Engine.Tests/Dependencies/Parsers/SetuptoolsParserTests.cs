using System.Linq;
using DeployChecks.Engine.Dependencies.Parsers;
using DeployChecks.Engine.Text;

namespace DeployChecks.Engine.Tests.Dependencies.Parsers;

public sealed class SetuptoolsParserTests
{
    [Fact]
    public void Reads_setup_cfg_install_requires_extras_and_python_requires()
    {
        var doc = SetupCfgParser.Instance.Parse("setuptools/setup.cfg", FixtureFiles.Text("setuptools/setup.cfg"));
        Assert.Empty(doc.Problems);
        Assert.Equal(">=3.8", doc.Metadata["requires-python"]);
        Assert.Equal(new[] { "Flask", "itsdangerous", "importlib-metadata", "psycopg2-binary", "pytest", "pytest-cov" }, doc.Entries.Select(e => e.Name));
        Assert.Equal(9, doc.Entries[0].Line);
        Assert.Equal("2.1.2", doc.Entries[1].Version);
        Assert.Equal("python_version < \"3.10\"", doc.Entries[2].Markers);
        Assert.Equal("postgres", doc.Entries[3].Group);
        Assert.Equal("test", doc.Entries[4].Group);
    }

    [Fact]
    public void Reads_literal_setup_py_lists_and_reports_computed_ones()
    {
        var doc = SetupPyParser.Instance.Parse("setuptools/setup.py", FixtureFiles.Text("setuptools/setup.py"));
        Assert.Equal(">=3.8", doc.Metadata["requires-python"]);
        Assert.Equal(new[] { "Flask", "itsdangerous", "importlib-metadata", "psycopg2-binary", "pytest", "pytest-cov" }, doc.Entries.Select(e => e.Name));
        Assert.Equal(11, doc.Entries[0].Line);
        Assert.Equal("python_version < '3.10'", doc.Entries[2].Markers);
        Assert.Equal("test", doc.Entries[5].Group);
        var problem = Assert.Single(doc.Problems);
        Assert.Equal(22, problem.Line);
        Assert.Contains("not statically readable", problem.Message);
    }

    [Fact]
    public void Setup_cfg_single_line_values_split_on_commas()
    {
        var doc = SetupCfgParser.Instance.Parse("setup.cfg", new SourceText("[options]\ninstall_requires = a, b>=1\n"));
        Assert.Equal(new[] { "a", "b" }, doc.Entries.Select(e => e.Name));
    }
}
