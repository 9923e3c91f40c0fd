using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Artifacts.Compose;
using DeployChecks.Engine.Models.Compose;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Tests.Artifacts.Compose;

/// <summary>Override files merged as <c>docker compose</c> merges them: the compose specification's 13-merge.md
/// examples and compose-go's override tests (merge.go, uncity.go), with the origin of each merged value.</summary>
public class ComposeMergeTests
{
    private static ComposeFile File(string name, string text) => ComposeFile.Parse(text, WorkspaceFile.Detached(name));

    private static ComposeModel Merge(params string[] texts) =>
        ComposeModel.Merge(texts.Select((t, i) => File(i == 0 ? "compose.yaml" : $"override{i}.yaml", t)).ToArray());

    [Fact]
    public void Mappings_merge_key_by_key_and_keep_where_each_value_came_from()
    {
        var m = Merge("services:\n  foo:\n    image: a\n    restart: always\n", "services:\n  foo:\n    restart: \"no\"\n    user: app\n");
        var foo = m.Service("foo")!;
        Assert.Equal(("a", "no", "app"), (foo.Image, foo.Restart, foo.User));
        Assert.Equal("compose.yaml:3", foo.LocationOf("image").ToString());
        Assert.Equal("override1.yaml:3", foo.LocationOf("restart").ToString());
        Assert.Equal("compose.yaml:2", foo.Location.ToString());
    }

    [Fact]
    public void Sequences_append_but_command_entrypoint_and_healthcheck_test_are_replaced()
    {
        var m = Merge(
            "services:\n  foo:\n    dns: [1.1.1.1]\n    command: [echo, foo]\n    entrypoint: a\n    healthcheck:\n      test: [CMD, a]\n      interval: 10s\n",
            "services:\n  foo:\n    dns: [8.8.8.8]\n    command: [echo, bar]\n    entrypoint: [b]\n    healthcheck:\n      test: [CMD, b]\n");
        var foo = m.Service("foo")!;
        Assert.Equal(new[] { "1.1.1.1", "8.8.8.8" }, foo.Definition.GetSequence("dns")!.Items.Select(i => i.String));
        Assert.Equal(new[] { "echo", "bar" }, foo.Command!.Words);
        Assert.Equal(new[] { "b" }, foo.Entrypoint!.Words);
        Assert.Equal(new[] { "CMD", "b" }, foo.Healthcheck!.Test!.Words);
        Assert.Equal("10s", foo.Healthcheck.Interval);
        Assert.Equal("override1.yaml", foo.Command.Location.File.Name);
    }

    [Fact]
    public void Volumes_secrets_and_ports_are_unique_by_their_key()
    {
        var m = Merge(
            "services:\n  foo:\n    volumes: [\"foo:/work\", \"./a:/a\"]\n    secrets: [s1]\n    ports: [\"8080:80\"]\n",
            "services:\n  foo:\n    volumes: [\"bar:/work\"]\n    secrets: [{source: s2, target: /run/secrets/s1}]\n    ports: [\"8080:80\", \"9090:90\"]\n");
        var foo = m.Service("foo")!;
        Assert.Equal(new[] { "bar:/work", "./a:/a" }, foo.Volumes.Select(v => v.Text));
        Assert.Equal("override1.yaml", foo.Volumes[0].Location.File.Name);
        Assert.Equal("s2", foo.Secrets.Single().Source);
        Assert.Equal(new[] { "8080:80", "9090:90" }, foo.Ports.Select(p => p.Text));
    }

    [Theory]
    [InlineData("environment:\n      - FOO=BAR\n", "environment:\n      - QIX=ZOT\n      - EMPTY=\n      - NIL\n", "FOO=BAR QIX=ZOT EMPTY= NIL")]
    [InlineData("environment:\n      FOO: BAR\n", "environment:\n      EMPTY: \"\"\n      NIL: null\n      QIX: ZOT\n", "FOO=BAR EMPTY= NIL QIX=ZOT")]
    [InlineData("environment:\n      FOO: BAR\n", "environment:\n      - QIX=ZOT\n", "FOO=BAR QIX=ZOT")]
    [InlineData("environment:\n      FOO: BAR\n      A: 1\n", "environment:\n      FOO: BAZ\n", "A=1 FOO=BAZ")]
    public void Environment_lists_and_maps_merge_like_compose_go(string base0, string over, string expected)
    {
        var m = Merge("services:\n  test:\n    image: foo\n    " + base0, "services:\n  test:\n    " + over);
        Assert.Equal(expected, string.Join(" ", m.Service("test")!.Environment.Select(e => e.Value == null ? e.Name : e.Name + "=" + e.Value)));
    }

    [Fact]
    public void Reset_removes_and_override_replaces()
    {
        // The compose specification's own examples.
        var m = Merge(
            "services:\n  app:\n    image: myapp\n    ports:\n      - \"8080:80\"\n    environment:\n      FOO: BAR\n    volumes: [\"a:/a\"]\n",
            "services:\n  app:\n    image: myapp\n    ports: !reset []\n    environment:\n      FOO: !reset null\n    volumes: !override\n      - \"b:/b\"\n");
        var app = m.Service("app")!;
        Assert.Empty(app.Ports);
        Assert.Empty(app.Environment);
        Assert.Equal("b:/b", app.Volumes.Single().Text);
    }

    [Fact]
    public void Build_string_depends_on_list_logging_and_env_file_merge_like_compose_go()
    {
        var m = Merge(
            "services:\n  web:\n    build: ./web\n    depends_on: [db, cache]\n    logging: {driver: json-file, options: {max-size: 10m}}\n    env_file: [.env, .env.web]\n",
            "services:\n  web:\n    build:\n      target: production\n    depends_on:\n      db:\n        condition: service_healthy\n    logging: {driver: syslog}\n    env_file: [.env]\n");
        var web = m.Service("web")!;
        Assert.Equal(("./web", "production"), (web.Build!.Context, web.Build.Target));
        Assert.Equal(new[] { ("db", "service_healthy"), ("cache", "service_started") }, web.DependsOn.Select(d => (d.Service, d.Condition)));
        Assert.Equal("syslog", web.LoggingDriver);
        Assert.Null(web.Definition.GetMapping("logging")!["options"]); // another driver: replaced, not merged
        Assert.Equal(new[] { ".env", ".env.web" }, web.EnvFiles.Select(e => e.Path));
    }

    [Fact]
    public void Extends_in_the_same_file_and_from_another_file()
    {
        var common = File("common.yml", "services:\n  base:\n    image: python:3.12\n    environment: [A=1]\n    command: python app.py\n");
        var main = File("compose.yaml",
            "services:\n  web:\n    extends:\n      file: common.yml\n      service: base\n    command: gunicorn app:app\n" +
            "  worker:\n    extends: web\n    environment: [B=2]\n  loop:\n    extends: loop\n  missing:\n    extends: {service: nope}\n");
        var m = ComposeModel.Merge(new[] { main }, p => p == "common.yml" ? common : null);
        Assert.Equal(("python:3.12", "gunicorn app:app"), (m.Service("web")!.Image, m.Service("web")!.Command!.Text));
        Assert.Equal("common.yml", m.Service("web")!.LocationOf("image")!.Value.File.Name);
        Assert.Equal(new[] { "A=1", "B=2" }, m.Service("worker")!.Environment.Select(e => e.Name + "=" + e.Value));
        Assert.Contains(m.Problems, p => p.Problem.Message.Contains("extends forms a cycle"));
        Assert.Contains(m.Problems, p => p.Problem.Message.Contains("extends 'nope', which is not defined") && p.Problem.Line == 13);
    }

    [Theory]
    [InlineData(new[] { "compose.yaml", "compose.override.yaml" }, "compose.yaml+compose.override.yaml")]
    [InlineData(new[] { "docker-compose.yml", "docker-compose.override.yml" }, "docker-compose.yml+docker-compose.override.yml")]
    [InlineData(new[] { "docker-compose.yml", "compose.yaml", "docker-compose.override.yml" }, "compose.yaml+docker-compose.override.yml")]
    [InlineData(new[] { "compose.override.yml" }, "")]
    public void Default_projects_follow_compose_file_discovery(string[] names, string expected)
    {
        var files = names.Select(n => File(n, "services:\n  web:\n    image: a\n")).ToArray();
        var p = ComposeProjects.FromFiles(files).Where(x => x.Kind == ComposeProjectKind.Default).ToArray();
        Assert.Equal(expected, string.Join(";", p.Select(x => string.Join("+", x.Files.Select(f => f.File.Name)))));
    }

    [Fact]
    public void Extra_files_are_overlays_or_standalone_projects()
    {
        var files = new List<ComposeFile>
        {
            File("docker-compose.yml", "services:\n  web:\n    build: .\n    command: flask run\n"),
            File("docker-compose.prod.yml", "services:\n  web:\n    command: gunicorn app:app\n"),
            File("docker-compose.ci.yml", "services:\n  tests:\n    image: python:3.12\n    command: pytest\n"),
            File("deploy/compose.yaml", "services:\n  api:\n    image: api\n"),
        };
        var projects = ComposeProjects.FromFiles(files);
        Assert.Equal(new[] { "Default docker compose -f docker-compose.yml", "Overlay docker compose -f docker-compose.yml -f docker-compose.prod.yml",
                "Standalone docker compose -f docker-compose.ci.yml", "Default docker compose -f compose.yaml" },
            projects.Select(p => p.Kind + " " + p.Command));
        Assert.Equal("gunicorn app:app", projects[1].Services.Single().Command!.Text);
        Assert.Equal("docker-compose.yml", projects[1].Services.Single().Build!.Location.File.Name);
    }
}
