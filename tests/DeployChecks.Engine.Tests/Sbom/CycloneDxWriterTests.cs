using System;
using System.IO;
using System.Linq;
using DeployChecks.Engine.Dependencies;
using DeployChecks.Engine.Sbom;
using DeployChecks.Engine.Tests.Reporting;
using DeployChecks.Engine.Tests.Support;
using DeployChecks.Engine.Vulnerabilities;
using Newtonsoft.Json.Linq;

namespace DeployChecks.Engine.Tests.Sbom;

public class CycloneDxWriterTests
{
    private const string Sha = "4f4d5c2c0c1b2f3e9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f";

    private static readonly SbomOptions Fixed = new()
    {
        SerialNumber = new Guid("3e671687-395b-41f5-a30f-a58921a69b79"),
        Timestamp = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero),
        ToolVersion = "1.2.3",
    };

    private static TempTree Project()
    {
        var tree = new TempTree();
        tree.Write("pyproject.toml", """
            [project]
            name = "Shop_API"
            version = "2.0.1"
            dependencies = ["flask>=2.3", "Zope_Interface"]

            [project.optional-dependencies]
            test = ["pytest>=8"]
            """);
        tree.Write("poetry.lock", $$"""
            [[package]]
            name = "flask"
            version = "2.3.1"
            description = "A simple framework"
            optional = false
            python-versions = ">=3.8"
            files = [
                {file = "flask-2.3.1-py3-none-any.whl", hash = "sha256:{{Sha}}"},
                {file = "flask-2.3.1.tar.gz", hash = "sha256:not-a-real-hash"},
            ]

            [package.dependencies]
            Werkzeug = ">=2.3"
            blinker = "*"

            [[package]]
            name = "werkzeug"
            version = "2.3.8"
            description = "WSGI"
            optional = false
            python-versions = ">=3.8"
            files = []

            [[package]]
            name = "blinker"
            version = "1.7.0"
            description = "signals"
            optional = false
            python-versions = ">=3.8"
            files = []

            [[package]]
            name = "zope.interface"
            version = "6.1+local.build"
            description = "interfaces"
            optional = false
            python-versions = ">=3.8"
            files = []

            [[package]]
            name = "pytest"
            version = "8.0.0"
            description = "tests"
            optional = false
            python-versions = ">=3.8"
            groups = ["test"]
            files = []

            [metadata]
            lock-version = "2.1"
            python-versions = "^3.11"
            content-hash = "abc"
            """);
        tree.Write("requirements/dev.txt", "black==24.1.0 --hash=sha512:" + new string('a', 128) + "\n-c constraints.txt\n");
        tree.Write("requirements/constraints.txt", "urllib3<2\n");
        return tree;
    }

    private static JObject Parse(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JObject.Load(reader);
    }

    private static SbomInput Input(TempTree tree)
    {
        var input = new SbomInput();
        foreach (var doc in DependencyInventory.Parse(tree.Root))
        {
            input.Add(doc);
        }
        return input;
    }

    [Fact]
    public void Writes_the_cyclonedx_envelope_metadata_and_components()
    {
        using var tree = Project();
        var bom = Parse(CycloneDxWriter.WriteToString(Input(tree), Fixed));
        Assert.Equal("CycloneDX", (string?)bom["bomFormat"]);
        Assert.Equal("1.5", (string?)bom["specVersion"]);
        Assert.Equal("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", (string?)bom["serialNumber"]);
        Assert.Equal(1, (int)bom["version"]!);
        Assert.Equal("2026-11-24T12:00:00Z", (string?)bom["metadata"]!["timestamp"]);
        var tool = bom["metadata"]!["tools"]!["components"]![0]!;
        Assert.Equal(("DeployChecks", "1.2.3"), ((string?)tool["name"], (string?)tool["version"]));
        var project = bom["metadata"]!["component"]!;
        Assert.Equal(("application", "Shop_API", "2.0.1", "pkg:pypi/shop-api@2.0.1"),
            ((string?)project["type"], (string?)project["name"], (string?)project["version"], (string?)project["purl"]));

        var components = bom["components"]!.ToDictionary(c => (string)c["name"]!);
        // The manifest's unversioned flask/Zope_Interface/pytest add nothing next to the lock; the constraint is not a component.
        Assert.Equal(new[] { "black", "blinker", "flask", "pytest", "werkzeug", "zope.interface" }, components.Keys.OrderBy(k => k, StringComparer.Ordinal));
        var flask = components["flask"];
        Assert.Equal(("library", "2.3.1", "pkg:pypi/flask@2.3.1", "pkg:pypi/flask@2.3.1", "required"),
            ((string?)flask["type"], (string?)flask["version"], (string?)flask["purl"], (string?)flask["bom-ref"], (string?)flask["scope"]));
        var hash = Assert.Single(flask["hashes"]!);
        Assert.Equal(("SHA-256", Sha), ((string?)hash["alg"], (string?)hash["content"]));
        Assert.Contains(flask["properties"]!, p => (string?)p["name"] == "deploychecks:source" && (string?)p["value"] == "poetry.lock:1");
        Assert.Equal("pkg:pypi/zope.interface@6.1%2Blocal.build", (string?)components["zope.interface"]["purl"]);
        Assert.Equal("optional", (string?)components["pytest"]["scope"]);
        Assert.Equal("optional", (string?)components["black"]["scope"]);
        Assert.Equal("SHA-512", (string?)components["black"]["hashes"]![0]!["alg"]);
        Assert.Contains(components["pytest"]["properties"]!, p => (string?)p["name"] == "deploychecks:group" && (string?)p["value"] == "test");
    }

    [Fact]
    public void Dependencies_follow_the_lock_graph_and_the_projects_direct_dependencies()
    {
        using var tree = Project();
        var bom = Parse(CycloneDxWriter.WriteToString(Input(tree), Fixed));
        var deps = bom["dependencies"]!.ToDictionary(d => (string)d["ref"]!, d => d["dependsOn"]!.Select(x => (string)x!).ToArray());
        Assert.Equal(new[] { "pkg:pypi/blinker@1.7.0", "pkg:pypi/werkzeug@2.3.8" }, deps["pkg:pypi/flask@2.3.1"]);
        Assert.Empty(deps["pkg:pypi/werkzeug@2.3.8"]);
        Assert.Contains("pkg:pypi/black@24.1.0", deps["pkg:pypi/shop-api@2.0.1"]);
        var refs = bom["components"]!.Select(c => (string)c["bom-ref"]!).Append("pkg:pypi/shop-api@2.0.1").ToHashSet();
        Assert.All(deps, kv => Assert.Contains(kv.Key, refs));
        Assert.All(deps.Values.SelectMany(v => v), r => Assert.Contains(r, refs));
    }

    [Fact]
    public void Output_is_deterministic_and_the_default_serial_number_follows_the_content()
    {
        using var tree = Project();
        string a = CycloneDxWriter.WriteToString(Input(tree), Fixed);
        Assert.Equal(a, CycloneDxWriter.WriteToString(Input(tree), Fixed));
        var noSerial = new SbomOptions { Timestamp = Fixed.Timestamp, ToolVersion = "1.2.3" };
        string s1 = (string)Parse(CycloneDxWriter.WriteToString(Input(tree), noSerial))["serialNumber"]!;
        Assert.Equal(s1, (string)Parse(CycloneDxWriter.WriteToString(Input(tree), noSerial))["serialNumber"]!);
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", s1);
        tree.Write("requirements/dev.txt", "black==24.2.0\n");
        Assert.NotEqual(s1, (string)Parse(CycloneDxWriter.WriteToString(Input(tree), noSerial))["serialNumber"]!);
    }

    [Theory]
    [InlineData("Django", "4.2.1", "pkg:pypi/django@4.2.1")]
    [InlineData("typing_extensions", "4.9.0", "pkg:pypi/typing-extensions@4.9.0")]
    [InlineData("foo", "1!2.0", "pkg:pypi/foo@1%212.0")]
    [InlineData("foo", null, "pkg:pypi/foo")]
    public void Package_urls_follow_the_purl_spec(string name, string? version, string purl) => Assert.Equal(purl, CycloneDxWriter.Purl(name, version));

    private static string WithVulnerabilities(TempTree tree)
    {
        var input = Input(tree);
        var matcher = new VulnerabilityMatcher(OsvDatabase.Load(Path.Combine(Paths.Fixtures, "osv")));
        foreach (var e in input.Entries.Where(e => e.Version != null))
        {
            input.Vulnerabilities.AddRange(matcher.Match(e.Name, e.Version!, e.Source, e.Line));
        }
        return CycloneDxWriter.WriteToString(input, Fixed);
    }

    [Fact]
    public void Vulnerabilities_reference_the_affected_components()
    {
        using var tree = Project();
        var bom = Parse(WithVulnerabilities(tree));
        var v = Assert.Single(bom["vulnerabilities"]!);
        Assert.Equal("PYSEC-2023-TEST3", (string?)v["id"]);
        Assert.Equal("pkg:pypi/flask@2.3.1", (string?)v["affects"]![0]!["ref"]);
        Assert.Equal("Upgrade to 2.3.2 or later.", (string?)v["recommendation"]);
    }

    [RequiresCycloneDxSchemaFact]
    public void Output_is_valid_against_the_official_cyclonedx_1_5_schema()
    {
        var schema = NJsonSchema.JsonSchema.FromFileAsync(NodeTools.CycloneDxSchemaPath!).GetAwaiter().GetResult();
        using var tree = Project();
        foreach (string json in new[]
                 {
                     CycloneDxWriter.WriteToString(Input(tree), Fixed),
                     CycloneDxWriter.WriteToString(Input(tree), new SbomOptions()),
                     WithVulnerabilities(tree),
                     CycloneDxWriter.WriteToString(new SbomInput(), Fixed),
                 })
        {
            var errors = schema.Validate(json);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())) + "\n" + json);
        }
        // The schema is really applied: a bad hash and an unknown scope are rejected.
        Assert.NotEmpty(schema.Validate("""{"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"type":"library","name":"x","hashes":[{"alg":"SHA-256","content":"abc"}]}]}"""));
        Assert.NotEmpty(schema.Validate("""{"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"type":"library","name":"x","scope":"dev"}]}"""));
    }
}

public class LockGraphTests
{
    private static DependencyDocument Parse(string file) =>
        DependencyInventory.Parse(Path.Combine(Paths.Fixtures, "dependencies", "locks", file)).Single();

    [Fact]
    public void Locks_keep_each_packages_dependencies_by_normalised_name()
    {
        Assert.Equal(new[] { "idna", "sniffio" }, Parse("uv.lock").PackageDependencies["anyio"]);
        Assert.Equal(new[] { "starlette" }, Parse("uv.lock").PackageDependencies["fastapi"]);
        Assert.Equal(new[] { "asgiref", "sqlparse" }, Parse("poetry.lock").PackageDependencies["django"].Take(2));
        Assert.Contains(Parse("pdm.lock").PackageDependencies, kv => kv.Value.SequenceEqual(new[] { "iniconfig", "pluggy" }) || kv.Value.Take(2).SequenceEqual(new[] { "iniconfig", "pluggy" }));
    }
}
