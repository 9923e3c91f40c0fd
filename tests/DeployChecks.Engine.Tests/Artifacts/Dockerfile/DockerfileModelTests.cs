using System.Linq;
using DeployChecks.Engine.Artifacts.Dockerfile;

namespace DeployChecks.Engine.Tests.Artifacts.Dockerfile;

/// <summary>The typed Dockerfile model on real-world shapes (trimmed from cookiecutter-django's production image, uv's
/// multistage example, Windows images) and on each BuildKit feature it models.</summary>
public class DockerfileModelTests
{
    [Fact]
    public void Cookiecutter_django_shaped_production_image()
    {
        var m = DockerfileModel.Parse("""
            # define an alias for the specific python version used in this file.
            FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim AS python-build-stage

            ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=0
            ARG APP_HOME=/app
            WORKDIR ${APP_HOME}

            RUN apt-get update && apt-get install --no-install-recommends -y \
              # dependencies for building Python packages
              build-essential \
              libpq-dev

            RUN --mount=type=cache,target=/root/.cache/uv \
                --mount=type=bind,source=uv.lock,target=uv.lock \
                --mount=type=bind,source=pyproject.toml,target=pyproject.toml \
                uv sync --locked --no-install-project --no-dev
            COPY . ${APP_HOME}

            FROM python:3.12-slim-bookworm AS python-run-stage
            ARG APP_HOME=/app
            WORKDIR ${APP_HOME}
            RUN addgroup --system django \
              && adduser --system --ingroup django --home /home/django django
            COPY --chown=django:django ./compose/production/django/entrypoint /entrypoint
            COPY --from=python-build-stage --chown=django:django ${APP_HOME} ${APP_HOME}
            ENV PATH="/app/.venv/bin:$PATH"
            USER django
            ENTRYPOINT ["/entrypoint"]
            """);
        Assert.Empty(m.Problems);
        Assert.Equal(2, m.Stages.Count);
        var build = m.Stage("python-build-stage")!;
        Assert.Equal("ghcr.io/astral-sh/uv:python3.12-bookworm-slim", build.ResolvedBaseImage);
        Assert.Equal("/app", build.WorkDir);
        var sync = build.OfType<RunInstruction>().Last();
        Assert.Equal(13, sync.Line);
        Assert.Equal(16, sync.EndLine);
        Assert.Equal(16, sync.LineAt(sync.Command.ShellText!.IndexOf("uv sync", System.StringComparison.Ordinal)));
        Assert.Equal(new[] { "cache", "bind", "bind" }, sync.Mounts.Select(x => x.Type));
        Assert.Equal(("uv.lock", "uv.lock"), (sync.Mounts[1].Source, sync.Mounts[1].Target));
        Assert.Equal("copy", sync.BuildVariables["UV_LINK_MODE"]);
        var apt = build.OfType<RunInstruction>().First();
        Assert.DoesNotContain("dependencies for building", apt.Command.ShellText); // comment lines inside a continuation are dropped

        var run = m.FinalStage!;
        Assert.Same(run, m.Stage("PYTHON-RUN-STAGE")); // stage names compare case-insensitively
        Assert.Equal("django", run.User);
        Assert.Equal(new[] { "/entrypoint" }, run.Entrypoint!.Command.ExecForm);
        Assert.Equal("/app/.venv/bin:$PATH", run.Environment["PATH"]); // $PATH is the base image's: kept as written
        var fromBuild = run.OfType<CopyInstruction>().Single(c => c.From != null);
        Assert.Equal(("python-build-stage", "django:django", "/app", "/app"), (fromBuild.From, fromBuild.Chown, fromBuild.Sources.Single(), fromBuild.ResolvedDestination));
        Assert.Equal(new[] { build }, run.DependsOn);
        Assert.Equal(new[] { build, run }, m.StagesNeededFor(run));
        Assert.Null(run.OfType<RunInstruction>().First().User); // before USER django: the base image's user
        Assert.Equal("django", run.Entrypoint.User);
    }

    [Fact]
    public void Global_args_reach_from_lines_and_stages_that_redeclare_them()
    {
        var m = DockerfileModel.Parse("""
            ARG PYTHON_VERSION=3.12
            ARG VARIANT
            FROM python:${PYTHON_VERSION}-slim${VARIANT:+-}${VARIANT} AS base
            ARG PYTHON_VERSION
            RUN echo $PYTHON_VERSION
            FROM base AS app
            RUN echo $PYTHON_VERSION
            """);
        Assert.Empty(m.Problems);
        Assert.Equal("python:${PYTHON_VERSION}-slim${VARIANT:+-}${VARIANT}", m.Stages[0].From.ImageAsWritten);
        Assert.Equal("python:3.12-slim${VARIANT:+-}${VARIANT}", m.Stages[0].BaseImage); // VARIANT has no default: kept as written
        Assert.Equal("3.12", m.Stages[0].OfType<RunInstruction>().Single().BuildVariables["PYTHON_VERSION"]);
        Assert.False(m.Stages[1].OfType<RunInstruction>().Single().BuildVariables.ContainsKey("PYTHON_VERSION")); // ARGs are not inherited
        Assert.Equal(m.Stages[0].BaseImage, m.Stages[1].ResolvedBaseImage);
        Assert.Same(m.Stages[0], m.Stages[1].Parent);
        Assert.Single(m.GlobalArgs.SelectMany(a => a.Declarations), d => d.Name == "VARIANT" && d.Value == null);
    }

    [Theory]
    [InlineData("${A:-fallback}", "fallback")]
    [InlineData("${E:-fallback}", "fallback")]
    [InlineData("${E-fallback}", "")]
    [InlineData("${S:+alt}", "alt")]
    [InlineData("${A:+alt}", "${A:+alt}")] // A has no value in the Dockerfile: supplied at build time, kept as written
    [InlineData("${S#*/}", "usr/lib/x.tar.gz")]
    [InlineData("${S##*/}", "x.tar.gz")]
    [InlineData("${S%.*}", "/usr/lib/x.tar")]
    [InlineData("${S%%.*}", "/usr/lib/x")]
    [InlineData("'$S'", "$S")]
    [InlineData("\"$S\"", "/usr/lib/x.tar.gz")]
    [InlineData("\\$S", "$S")]
    [InlineData("$UNKNOWN/bin", "$UNKNOWN/bin")]
    public void Variable_expansion_follows_buildkit(string word, string expected)
    {
        var m = DockerfileModel.Parse($"FROM scratch\nARG A\nENV E=\"\" S=/usr/lib/x.tar.gz\nENV OUT={word}\n");
        Assert.Empty(m.Problems);
        Assert.Equal(expected, m.FinalStage!.Environment["OUT"]);
    }

    [Fact]
    public void Env_words_of_one_instruction_see_the_values_from_before_it()
    {
        // The Dockerfile reference's own example.
        var m = DockerfileModel.Parse("FROM scratch\nENV abc=hello\nENV abc=bye def=$abc\nENV ghi=$abc\nENV LEGACY value with  spaces\n");
        var env = m.FinalStage!.Environment;
        Assert.Equal(("bye", "hello", "bye", "value with spaces"), (env["abc"], env["def"], env["ghi"], env["LEGACY"]));
        var second = m.FinalStage.OfType<EnvInstruction>().ElementAt(1);
        Assert.Equal(new[] { ("abc", "bye", 3), ("def", "hello", 3) }, second.Assignments.Select(a => (a.Name, a.Value!, a.Line)));
    }

    [Fact]
    public void Heredocs_scripts_files_and_stdin()
    {
        var m = DockerfileModel.Parse(
            "# syntax=docker/dockerfile:1\n" +        // 1
            "FROM python:3.12\n" +                     // 2
            "RUN <<EOF\n" +                            // 3
            "pip install -r requirements.txt\n" +      // 4
            "pip check\n" +                            // 5
            "EOF\n" +                                  // 6
            "RUN python3 <<'PY' > /tmp/out\n" +        // 7
            "print('$HOME')\n" +                       // 8
            "PY\n" +                                   // 9
            "COPY <<-EOT /etc/app.conf\n" +            // 10
            "\t[app]\n" +                              // 11
            "\tworkers = 4\n" +                        // 12
            "\tEOT\n" +                                // 13
            "RUN <<A bash && cat <<B\n" +              // 14
            "echo a\n" +                               // 15
            "A\n" +                                    // 16
            "b\n" +                                    // 17
            "B\n" +                                    // 18
            "CMD [\"python\"]\n");                     // 19
        Assert.Empty(m.Problems);
        Assert.Equal("docker/dockerfile:1", m.Syntax);
        var runs = m.OfType<RunInstruction>().ToArray();
        var script = runs[0].Command.Script!;
        Assert.Equal(("pip install -r requirements.txt\npip check", 4, 6), (script.Body, script.Line, script.EndLine));
        Assert.Equal(5, script.LineAt(script.Body.IndexOf("pip check", System.StringComparison.Ordinal)));
        Assert.Null(runs[1].Command.Script); // the heredoc is python's stdin, not the script
        Assert.False(runs[1].Heredocs.Single().Expands);
        var copy = m.OfType<CopyInstruction>().Single();
        Assert.Equal(("[app]\nworkers = 4", "/etc/app.conf"), (copy.Heredocs.Single().Body, copy.Destination));
        Assert.Equal(new[] { "A", "B" }, runs[2].Heredocs.Select(h => h.Delimiter));
        Assert.Equal(18, runs[2].EndLine);
        Assert.Equal(19, m.FinalStage!.Cmd!.Line);
    }

    [Fact]
    public void Windows_escape_directive_shell_and_backtick_continuations()
    {
        var m = DockerfileModel.Parse(
            "# escape=`\n" +
            "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n" +
            "SHELL [\"powershell\", \"-Command\", \"$ErrorActionPreference = 'Stop';\"]\n" +
            "WORKDIR C:\\app\n" +
            "RUN pip install `\n" +
            "    waitress==3.0.0\n" +
            "CMD waitress-serve app:app\n");
        Assert.Empty(m.Problems);
        Assert.Equal('`', m.EscapeCharacter);
        var run = m.OfType<RunInstruction>().Single();
        Assert.Equal("pip install     waitress==3.0.0", run.Command.ShellText);
        Assert.Equal("powershell", run.Shell[0]);
        Assert.Equal(6, run.EndLine);
        Assert.Equal("powershell", m.FinalStage!.Cmd!.Shell[0]);
    }

    [Fact]
    public void Every_instruction_is_typed()
    {
        var m = DockerfileModel.Parse("""
            FROM --platform=$BUILDPLATFORM python:3.12 AS base
            LABEL org.opencontainers.image.source="https://example.com/repo" version=1.0
            MAINTAINER someone
            EXPOSE 8000 9000/udp 7000-7010
            VOLUME ["/data", "/logs"]
            VOLUME /cache
            USER 1000:1000
            WORKDIR app
            WORKDIR ../srv
            STOPSIGNAL SIGQUIT
            HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl -f http://localhost:8000/health || exit 1
            ONBUILD COPY . /app
            ADD --checksum=sha256:abc https://example.com/a.tar.gz /tmp/
            CMD ["gunicorn", "app:app"]
            ENTRYPOINT ["tini", "--"]
            FROM base
            HEALTHCHECK NONE
            """);
        Assert.Empty(m.Problems);
        var base0 = m.Stages[0];
        Assert.Equal("$BUILDPLATFORM", base0.From.Platform);
        Assert.Equal(new[] { ("org.opencontainers.image.source", "https://example.com/repo"), ("version", "1.0") },
            base0.OfType<LabelInstruction>().Single().Labels.Select(l => (l.Name, l.Value!)));
        Assert.Equal("someone", base0.OfType<MaintainerInstruction>().Single().Name);
        Assert.Equal(new[] { "8000", "9000/udp", "7000-7010" }, base0.ExposedPorts);
        Assert.Equal(new[] { "/data", "/logs", "/cache" }, base0.OfType<VolumeInstruction>().SelectMany(v => v.Paths));
        var user = base0.OfType<UserInstruction>().Single();
        Assert.Equal(("1000", "1000", false), (user.UserName, user.Group, user.IsRoot));
        Assert.Equal("/srv", base0.WorkDir);
        Assert.Equal("SIGQUIT", base0.OfType<StopsignalInstruction>().Single().Signal);
        var hc = base0.Healthcheck!;
        Assert.Equal(("30s", "3s", 3, "curl -f http://localhost:8000/health || exit 1"), (hc.Interval, hc.Timeout, hc.Retries, hc.Command!.ShellText));
        var trigger = Assert.IsType<CopyInstruction>(base0.OfType<OnbuildInstruction>().Single().Trigger);
        Assert.Equal("/app", trigger.Destination);
        var add = base0.OfType<AddInstruction>().Single();
        Assert.Equal(("sha256:abc", "https://example.com/a.tar.gz"), (add.Checksum, add.RemoteSources.Single()));
        Assert.Null(base0.Cmd); // ENTRYPOINT after CMD resets it, as Docker does
        Assert.Equal(new[] { "tini", "--" }, base0.Entrypoint!.Command.ExecForm);
        var child = m.Stages[1];
        Assert.True(child.Healthcheck!.IsNone);
        Assert.Equal("1000:1000", child.User);
        Assert.Equal("/srv", child.WorkDir);
        Assert.Equal("#1", child.Label);
        Assert.All(m.Instructions, i => Assert.True(i.Column == 1 && i.Line > 0));
    }

    [Fact]
    public void Stages_needed_for_a_target_skip_unused_stages()
    {
        var m = DockerfileModel.Parse("FROM python:3.12 AS base\nFROM base AS test\nRUN pytest\nFROM base AS deps\nRUN pip wheel -w /w .\n" +
                                      "FROM python:3.12-slim AS final\nRUN --mount=type=bind,from=deps,source=/w,target=/w pip install /w/*\nCOPY --from=0 /etc/x /etc/x\n");
        Assert.Equal(new[] { "base", "deps", "final" }, m.StagesNeededFor(m.FinalStage!).Select(s => s.Label));
        Assert.Equal(new[] { "base", "test" }, m.StagesNeededFor(m.Stage("test")!).Select(s => s.Label));
        Assert.Same(m.Stages[0], m.Stage("0"));
    }
}
