using System.Linq;
using DeployChecks.Engine.Artifacts.Compose;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Tests.Artifacts.Compose;

/// <summary>One compose file, typed: every service attribute the model covers, in its short and long syntaxes.</summary>
public class ComposeFileTests
{
    [Fact]
    public void Cookiecutter_django_shaped_production_file()
    {
        // Shaped like cookiecutter-django's production.yml: an anchored service merged into workers.
        var f = ComposeFile.Parse("""
            volumes:
              production_postgres_data: {}
              production_traefik: {}

            services:
              django: &django
                build:
                  context: .
                  dockerfile: ./compose/production/django/Dockerfile
                image: example_production_django
                depends_on:
                  - postgres
                  - redis
                env_file:
                  - ./.envs/.production/.django
                  - ./.envs/.production/.postgres
                command: /start

              postgres:
                build:
                  context: .
                  dockerfile: ./compose/production/postgres/Dockerfile
                volumes:
                  - production_postgres_data:/var/lib/postgresql/data
                env_file:
                  - ./.envs/.production/.postgres

              traefik:
                image: traefik:3.1
                depends_on:
                  - django
                volumes:
                  - production_traefik:/etc/traefik/acme
                ports:
                  - '0.0.0.0:80:80'
                  - '0.0.0.0:443:443'

              celeryworker:
                <<: *django
                image: example_production_celeryworker
                command: /start-celeryworker
            """, WorkspaceFile.Detached("production.yml"));
        Assert.Empty(f.Problems);
        Assert.Equal(new[] { "django", "postgres", "traefik", "celeryworker" }, f.Services.Select(s => s.Name));
        var django = f.Service("django")!;
        Assert.Equal((".", "./compose/production/django/Dockerfile"), (django.Build!.Context, django.Build.Dockerfile));
        Assert.Equal("/start", django.Command!.Text);
        Assert.Equal(new[] { "postgres", "redis" }, django.DependsOn.Select(d => d.Service));
        Assert.All(django.DependsOn, d => Assert.Equal("service_started", d.Condition));
        Assert.Equal(new[] { "./.envs/.production/.django", "./.envs/.production/.postgres" }, django.EnvFiles.Select(e => e.Path));
        var worker = f.Service("celeryworker")!;
        Assert.Equal(("example_production_celeryworker", "/start-celeryworker"), (worker.Image, worker.Command!.Text));
        Assert.Equal(django.Build.Dockerfile, worker.Build!.Dockerfile); // merged from the anchor
        Assert.Equal(12, worker.LocationOf("depends_on")!.Value.Line); // where the merged value was written
        var traefik = f.Service("traefik")!;
        Assert.Equal(new[] { ("0.0.0.0", "80", "80", "tcp"), ("0.0.0.0", "443", "443", "tcp") }, traefik.Ports.Select(p => (p.HostIp!, p.Published!, p.Target, p.Protocol)));
        Assert.True(traefik.Ports[0].IsPublishedOnAllInterfaces);
        Assert.Equal(("volume", "production_traefik", "/etc/traefik/acme"), (traefik.Volumes[0].Type, traefik.Volumes[0].Source, traefik.Volumes[0].Target));
        Assert.Null(f.Version);
        Assert.Equal(2, f.Root.GetMapping("volumes")!.Count);
    }

    [Fact]
    public void Every_service_attribute_in_short_and_long_syntax()
    {
        var f = ComposeFile.Parse("""
            version: "3.9"
            name: shop
            services:
              web:
                build: ./web
                command: ["gunicorn", "shop.wsgi", "--bind", "0.0.0.0:8000"]
                entrypoint: /docker-entrypoint.sh
                environment:
                  DJANGO_SETTINGS_MODULE: shop.settings.production
                  SECRET_KEY:
                  EMPTY: ""
                ports:
                  - "8000"
                  - "127.0.0.1:8080:8000/tcp"
                  - "[::1]:9090:9000"
                  - target: 443
                    published: "8443"
                    host_ip: 127.0.0.1
                    protocol: tcp
                    mode: host
                expose: ["9000"]
                volumes:
                  - ./static:/app/static:ro
                  - /var/run/docker.sock:/var/run/docker.sock
                  - type: volume
                    source: media
                    target: /app/media
                    read_only: true
                  - /tmp/cache
                healthcheck:
                  test: ["CMD", "curl", "-f", "http://localhost:8000/health"]
                  interval: 30s
                  timeout: 5s
                  retries: 3
                  start_period: 10s
                depends_on:
                  db:
                    condition: service_healthy
                  migrate:
                    condition: service_completed_successfully
                    required: false
                restart: unless-stopped
                user: "1000:1000"
                privileged: true
                read_only: true
                network_mode: host
                cap_add: [NET_ADMIN]
                cap_drop: [ALL]
                security_opt: ["no-new-privileges:true"]
                secrets:
                  - db_password
                  - source: api_key
                    target: /run/secrets/api
                profiles: [debug]
                working_dir: /app
                deploy:
                  replicas: 3
                  restart_policy:
                    condition: on-failure
                logging:
                  driver: json-file
                labels:
                  - traefik.enable=true
              worker:
                extends: web
                environment:
                  - QUEUE=default
                  - DEBUG
                healthcheck:
                  disable: true
            secrets:
              db_password:
                file: ./secrets/db_password.txt
              api_key:
                external: true
            """);
        Assert.Empty(f.Problems);
        Assert.Equal(("3.9", "shop"), (f.Version, f.Name));
        var web = f.Service("web")!;
        Assert.Equal("./web", web.Build!.Context);
        Assert.Equal(new[] { "gunicorn", "shop.wsgi", "--bind", "0.0.0.0:8000" }, web.Command!.Words);
        Assert.Equal("/docker-entrypoint.sh", web.Entrypoint!.Text);
        Assert.Equal(new[] { ("DJANGO_SETTINGS_MODULE", "shop.settings.production"), ("SECRET_KEY", null), ("EMPTY", "") }, web.Environment.Select(e => (e.Name, e.Value)));
        Assert.Equal(new[] { (null, null, "8000"), ("127.0.0.1", "8080", "8000"), ("::1", "9090", "9000"), ("127.0.0.1", "8443", "443") },
            web.Ports.Select(p => (p.HostIp, p.Published, p.Target)));
        Assert.False(web.Ports[0].IsPublishedOnAllInterfaces); // not published at all
        Assert.Equal("host", web.Ports[3].Mode);
        Assert.Equal(new[] { ("bind", true), ("bind", false), ("volume", true), ("volume", false) }, web.Volumes.Select(v => (v.Type, v.ReadOnly)));
        Assert.True(web.Volumes[1].IsDockerSocket);
        Assert.Null(web.Volumes[3].Source);
        Assert.Equal(("30s", "5s", 3, "10s"), (web.Healthcheck!.Interval, web.Healthcheck.Timeout, web.Healthcheck.Retries, web.Healthcheck.StartPeriod));
        Assert.Equal(new[] { ("db", "service_healthy", true), ("migrate", "service_completed_successfully", false) },
            web.DependsOn.Select(d => (d.Service, d.Condition, d.Required)));
        Assert.Equal(("unless-stopped", "1000:1000", true, true, "host"), (web.Restart, web.User, web.Privileged, web.ReadOnly, web.NetworkMode));
        Assert.Equal(new[] { "NET_ADMIN" }, web.CapAdd);
        Assert.Equal(new[] { "ALL" }, web.CapDrop);
        Assert.Equal(new[] { ("db_password", null), ("api_key", "/run/secrets/api") }, web.Secrets.Select(s => (s.Source, s.Target)));
        Assert.Equal(("debug", "/app", 3, "on-failure", "json-file"), (web.Profiles.Single(), web.WorkingDir, web.Replicas, web.RestartPolicy, web.LoggingDriver));
        Assert.Equal("traefik.enable", web.Labels.Single().Name);
        var worker = f.Service("worker")!;
        Assert.Equal(("web", (string?)null), worker.Extends!.Value);
        Assert.Equal(new[] { ("QUEUE", "default"), ("DEBUG", null) }, worker.Environment.Select(e => (e.Name, e.Value)));
        Assert.True(worker.Healthcheck!.Disable);
    }

    [Theory]
    [InlineData("services: [web]\n", 1, "'services' must be a mapping")]
    [InlineData("services:\n  web: nginx\n", 2, "service 'web' must be a mapping")]
    [InlineData("services:\n  web:\n    image: nginx\n    ports: [\"80:eighty\"]\n", 4, "a port must be")]
    [InlineData("- just\n- a list\n", 1, "a compose file must be a mapping")]
    [InlineData("services:\n  web:\n    image: a\n    image: b\n", 4, "duplicate key 'image'")]
    [InlineData("services:\n  web:\n    image: [a\n", 4, "not valid YAML")]
    public void Malformed_compose_files_are_problems_with_a_line(string text, int line, string message)
    {
        var f = ComposeFile.Parse(text);
        var p = Assert.Single(f.Problems, x => x.Message.Contains(message));
        Assert.Equal(line, p.Line);
    }
}
