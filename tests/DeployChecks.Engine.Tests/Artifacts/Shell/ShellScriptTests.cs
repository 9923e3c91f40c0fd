using System.Linq;
using System.Text;
using DeployChecks.Engine.Artifacts.Shell;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Artifacts.Shell;

public class ShellScriptTests
{
    [Fact]
    public void Docker_entrypoint_shaped_script()
    {
        // Shaped like cookiecutter-django's compose/production/django/entrypoint and start scripts.
        var c = ShellScript.Split("""
            #!/bin/bash

            set -o errexit
            set -o pipefail
            set -o nounset

            if [ -z "${POSTGRES_USER}" ]; then
                base_postgres_image_default_user='postgres'
                export POSTGRES_USER="${base_postgres_image_default_user}"
            fi
            export DATABASE_URL="postgres://${POSTGRES_USER}:${POSTGRES_PASSWORD}@${POSTGRES_HOST}:${POSTGRES_PORT}/${POSTGRES_DB}"

            wait-for-it "${POSTGRES_HOST}:${POSTGRES_PORT}" -t 30

            python /app/manage.py collectstatic --noinput
            exec /usr/local/bin/gunicorn config.wsgi --bind 0.0.0.0:5000 --chdir=/app
            """, out var error);
        Assert.Null(error);
        Assert.Equal(new[] { "set", "set", "set", "[", "base_postgres_image_default_user=postgres", "export", "export", "wait-for-it", "python", "exec" },
            c.Select(x => x.Words[0]));
        Assert.Equal("/usr/local/bin/gunicorn", c[^1].Words[1]);
    }

    [Theory]
    [InlineData(" a")]
    [InlineData(" 'quoted word'")]
    [InlineData(" \"x$y\"")]
    [InlineData(" $(echo a)")]
    [InlineData(" `a`")]
    [InlineData(" a\\ b")]
    [InlineData(" >/dev/null")]
    public void Fifty_MB_one_line_commands_split_in_linear_time_with_bounded_words(string unit)
    {
        var sb = new StringBuilder("pip install", 50_000_100);
        while (sb.Length < 50_000_000)
        {
            sb.Append(unit);
        }
        string script = sb.ToString();
        System.Collections.Generic.List<ShellCommand>? c = null;
        HangGuard.MustFinish(() => c = ShellScript.Split(script, out _));
        var command = Assert.Single(c!);
        Assert.True(command.Words.Count <= ShellScript.MaxWords);
    }

    [Theory]
    [InlineData("; a")]
    [InlineData("\na")]
    [InlineData(" && a")]
    public void Millions_of_commands_stop_at_the_cap(string unit)
    {
        var sb = new StringBuilder("a");
        while (sb.Length < 20_000_000)
        {
            sb.Append(unit);
        }
        string script = sb.ToString();
        System.Collections.Generic.List<ShellCommand>? c = null;
        string? error = null;
        HangGuard.MustFinish(() => c = ShellScript.Split(script, out error));
        Assert.Equal(ShellScript.MaxCommands, c!.Count);
        Assert.Equal($"more than {ShellScript.MaxCommands:N0} commands", error);
    }

    [Theory]
    [InlineData("'", "unclosed single quote")]
    [InlineData("\"", "unclosed double quote")]
    [InlineData("$(", "unclosed $(")]
    [InlineData("`", "unclosed backquote")]
    public void An_unclosed_quote_after_50_MB_is_found_in_one_pass(string open, string error)
    {
        var sb = new StringBuilder("echo");
        while (sb.Length < 50_000_000)
        {
            sb.Append(" a");
        }
        sb.Append(' ').Append(open).Append("rest");
        string script = sb.ToString();
        string? e = null;
        HangGuard.MustFinish(() => ShellScript.Split(script, out e));
        Assert.Equal(error, e);
    }
}
