using System.Linq;
using System.Text;
using DeployChecks.Engine.Artifacts.Yaml;

namespace DeployChecks.Engine.Tests.Artifacts.Yaml;

public class YamlLoaderTests
{
    [Fact]
    public void Compose_file_with_extension_fields_anchors_and_merge_keys()
    {
        // Shaped like the compose files of many projects (an x- extension field merged into services).
        var content = YamlLoader.Load("""
            x-app: &app
              build: .
              environment:
                DJANGO_SETTINGS_MODULE: config.settings.production
              restart: unless-stopped

            services:
              web:
                <<: *app
                command: gunicorn config.wsgi --bind 0.0.0.0:8000
              worker:
                <<: *app
                restart: "no"
                command: celery -A config worker
            """);
        Assert.Empty(content.Problems);
        var root = Assert.IsType<YamlMapping>(content.Documents.Single());
        var services = root.GetMapping("services")!;
        var web = services.GetMapping("web")!;
        Assert.Equal(".", web.GetString("build"));
        Assert.Equal("unless-stopped", web.GetString("restart"));
        Assert.Equal("config.settings.production", web.GetMapping("environment")!.GetString("DJANGO_SETTINGS_MODULE"));
        Assert.True(web.HasMergeKeys);
        Assert.Equal(new[] { "build", "environment", "restart", "command" }, web.Pairs.Select(p => p.Name));
        var worker = services.GetMapping("worker")!;
        Assert.Equal("no", worker.GetString("restart")); // explicit keys win over merged ones
        Assert.Equal(14, worker.GetScalar("command")!.Line);
        Assert.Same(web.GetMapping("environment"), worker.GetMapping("environment")); // aliases are the anchored node
    }

    [Fact]
    public void Merge_of_a_list_takes_earlier_mappings_first()
    {
        var root = (YamlMapping)YamlLoader.Load("a: &a {x: 1, y: 1}\nb: &b {x: 2, z: 2}\nc:\n  <<: [*a, *b]\n  z: 3\n").Documents[0]!;
        var c = root.GetMapping("c")!;
        Assert.Equal("1", c.GetString("x"));
        Assert.Equal("1", c.GetString("y"));
        Assert.Equal("3", c.GetString("z"));
    }

    [Fact]
    public void Literal_block_scalars_map_offsets_to_source_lines()
    {
        var root = (YamlMapping)YamlLoader.Load("steps:\n  - run: |\n      pip install -r requirements.txt\n      pytest -q\n").Documents[0]!;
        var run = ((YamlMapping)root.GetSequence("steps")!.Items[0]).GetScalar("run")!;
        Assert.Equal(YamlScalarStyle.Literal, run.Style);
        Assert.Equal(2, run.Line);
        Assert.Equal(3, run.ContentLine);
        Assert.Equal(3, run.LineAt(0));
        Assert.Equal(4, run.LineAt(run.Value.IndexOf("pytest", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void Several_documents_and_gitlab_reference_tags()
    {
        var content = YamlLoader.Load("---\na: 1\n---\ntest:\n  script:\n    - !reference [.setup, script]\n    - pytest\n---\n");
        Assert.Empty(content.Problems);
        Assert.Equal(3, content.Documents.Count);
        var test = ((YamlMapping)content.Documents[1]!).GetMapping("test")!;
        var first = test.GetSequence("script")!.Items[0];
        Assert.Equal("!reference", first.Tag);
        Assert.IsType<YamlSequence>(first);
        Assert.True(content.Documents[2] is null || content.Documents[2]!.IsNull);
    }

    [Theory]
    [InlineData("services:\n  web: [a, b\n", 3)]
    [InlineData("a: 1\n b: 2\n", 2)]
    [InlineData("key: \"unclosed\n", 1)]
    [InlineData("a:\n\t- b\n", 1)]
    public void Malformed_yaml_is_a_problem_with_a_line_not_an_exception(string text, int line)
    {
        var content = YamlLoader.Load(text);
        var p = Assert.Single(content.Problems);
        Assert.Equal("MalformedYaml", p.ErrorId);
        Assert.Equal(line, p.Line);
        Assert.StartsWith("not valid YAML", p.Message);
    }

    [Fact]
    public void Duplicate_keys_are_reported_and_the_last_value_is_read()
    {
        var content = YamlLoader.Load("services:\n  web:\n    image: a\n    image: b\n");
        var p = Assert.Single(content.Problems);
        Assert.Equal(4, p.Line);
        Assert.Contains("duplicate key 'image'", p.Message);
        Assert.Equal("b", ((YamlMapping)content.Documents[0]!).GetMapping("services")!.GetMapping("web")!.GetString("image"));
    }

    [Fact]
    public void An_alias_without_an_anchor_is_reported()
    {
        var content = YamlLoader.Load("a: *missing\n");
        Assert.Contains(content.Problems, p => p.Message.Contains("*missing names no anchor"));
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    [InlineData("- ", "")]
    public void Nesting_50000_deep_is_refused_without_overflowing_the_stack(string open, string close)
    {
        // services: [[[[ … ]]]] — 50,000 levels used to overflow YamlDotNet's stack (and cost it seconds per level).
        var sb = new StringBuilder("services: ");
        if (open == "- ")
        {
            sb.Clear().Append("services:\n  ");
        }
        for (int i = 0; i < 50_000; i++)
        {
            sb.Append(open);
        }
        sb.Append(open == "{a: " ? "1" : open == "- " ? "x" : "");
        for (int i = 0; i < 50_000 && close.Length > 0; i++)
        {
            sb.Append(close);
        }
        YamlContent? content = null;
        Support.HangGuard.MustFinish(() => content = YamlLoader.Load(sb.ToString()));
        var p = Assert.Single(content!.Problems);
        Assert.Contains($"nested deeper than {YamlLoader.MaxDepth} levels", p.Message);
        Assert.Equal(open == "- " ? 2 : 1, p.Line);
    }

    [Fact]
    public void Alias_bomb_is_refused()
    {
        // 10 levels of 9 aliases each: 9^10 nodes if expanded (485 bytes of input).
        var sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 10; i++)
        {
            sb.Append($"a{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))).Append("]\n");
        }
        YamlContent? content = null;
        Support.HangGuard.MustFinish(() => content = YamlLoader.Load(sb.ToString()));
        var p = Assert.Single(content!.Problems);
        Assert.Contains("aliases expand to more than", p.Message);
        Assert.Empty(content.Documents);
    }

    [Fact]
    public void Merge_key_bomb_is_refused()
    {
        var sb = new StringBuilder("m0: &m0 {k0: 1, k1: 1, k2: 1, k3: 1, k4: 1, k5: 1, k6: 1, k7: 1}\n");
        for (int i = 1; i <= 12; i++)
        {
            sb.Append($"m{i}: &m{i}\n  l: [").Append(string.Join(", ", Enumerable.Repeat($"*m{i - 1}", 8))).Append("]\n  <<: *m").Append(i - 1).Append('\n');
        }
        YamlContent? content = null;
        Support.HangGuard.MustFinish(() => content = YamlLoader.Load(sb.ToString()));
        Assert.Contains(content!.Problems, p => p.Message.Contains("aliases expand to more than"));
    }

    [Fact]
    public void Anchors_used_a_reasonable_number_of_times_are_fine()
    {
        var sb = new StringBuilder(".defaults: &defaults\n  image: python:3.12\n  before_script: [pip install -r requirements.txt]\n  tags: [docker]\n");
        for (int i = 0; i < 2000; i++)
        {
            sb.Append($"job{i}:\n  <<: *defaults\n  script: [pytest tests/{i}]\n");
        }
        var content = YamlLoader.Load(sb.ToString());
        Assert.Empty(content.Problems);
        Assert.Equal("python:3.12", ((YamlMapping)content.Documents[0]!).GetMapping("job1999")!.GetString("image"));
    }
}
