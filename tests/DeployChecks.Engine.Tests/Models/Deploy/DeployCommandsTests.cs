using System.IO;
using System.Linq;
using DeployChecks.Engine.Artifacts.Shell;
using DeployChecks.Engine.Models.Deploy;
using DeployChecks.Engine.Rules.Dependencies;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Models.Deploy;

/// <summary>The deploy-command model on tricky real-world shapes: continuations, chains, mounts, multi-stage
/// images, exec form, <c>sh -c</c>, heredocs, CI YAML, and malformed input.</summary>
public class DeployCommandsTests
{
    private static DeployCommands Read(TempTree tree) =>
        DeployCommands.Build(DeployChecks.Engine.Workspace.Workspace.Open(tree.Root), f => File.ReadAllText(f.FullPath));

    [Fact]
    public void Shell_heredoc_bodies_are_data_not_commands()
    {
        // Trimmed from a real GitHub Actions step ("Deploy Flask to Azure"): `cat > app.py << 'EOF'` writes Python
        // whose apostrophe used to read as an unclosed quote.
        var c = ShellScript.Split(
            "pip install Flask==3.0.0\ncat > app.py << 'EOF'\nfrom flask import Flask\nhtml = '''<p>it's up</p>'''\nEOF\n" +
            "cat <<-\"END\" >> notes.txt; echo after\n\tpip install evil\n\tEND\ngunicorn app:app\ncat <<<'here string'\n", out var error);
        Assert.Null(error);
        Assert.Equal(new[] { "pip install Flask==3.0.0", "cat", "cat", "echo after", "gunicorn app:app", "cat" },
            c.Select(x => x.ToString()).ToArray());
        var open = ShellScript.Split("cat <<EOF\npip install x\n", out error);
        Assert.Null(error);
        Assert.Equal(new[] { "cat" }, open.Select(x => x.ToString()).ToArray());
    }

    [Fact]
    public void GitLab_top_level_before_script_runs_for_every_job()
    {
        // The GitLab Django template (lib/gitlab/ci/templates/Django.gitlab-ci.yml) installs in a top-level before_script.
        using var tree = new TempTree();
        tree.Write("requirements.txt", "django==5.0.6\n");
        tree.Write(".gitlab-ci.yml",
            "image: python:3.8\n\nbefore_script:\n  - python -V\n  - pip install -r requirements.txt\n\n" +
            "test:\n  script:\n    - python manage.py test\n");
        var install = Assert.Single(Read(tree).Installs);
        Assert.Equal((5, "default"), (install.Line, install.Scope));
        Assert.Equal("requirements.txt", Assert.Single(install.RequirementFiles).File?.RelativePath);
    }

    [Fact]
    public void Dockerfile_continuations_chains_mounts_and_workdir_map_requirement_files()
    {
        using var tree = new TempTree();
        tree.Write("requirements/base.txt", "django==5.0.6\n");
        tree.Write("requirements/prod.txt", "-r base.txt\ngunicorn==22.0.0\n");
        tree.Write("constraints.txt", "django==5.0.6\n");
        tree.Write("docker/Dockerfile",
            "# syntax=docker/dockerfile:1\n" +                                   // 1
            "ARG PY=3.12\n" +                                                    // 2
            "FROM python:${PY}-slim AS builder\n" +                              // 3
            "ENV APP_HOME=/srv/app\n" +                                          // 4
            "WORKDIR $APP_HOME\n" +                                              // 5
            "COPY requirements/ ./requirements/\n" +                             // 6
            "RUN --mount=type=cache,target=/root/.cache/pip \\\n" +              // 7
            "    --mount=type=bind,source=constraints.txt,target=/tmp/c.txt \\\n" + // 8
            "    apt-get update && \\\n" +                                       // 9
            "    # a comment inside the continuation\n" +                        // 10
            "    python -m pip install --no-cache-dir \\\n" +                    // 11
            "        -r requirements/prod.txt -c /tmp/c.txt; echo done\n" +      // 12
            "FROM builder AS runtime\n" +                                        // 13
            "CMD [\"gunicorn\", \"--bind\", \"0.0.0.0:8000\", \"shop.wsgi\"]\n"); // 14
        var dc = Read(tree);
        Assert.Empty(dc.Problems);
        var install = Assert.Single(dc.Installs);
        Assert.Equal(11, install.Line);
        Assert.Equal("pip", install.Tool);
        Assert.Equal("builder", install.Scope);
        var req = Assert.Single(install.RequirementFiles);
        Assert.Equal("/srv/app/requirements/prod.txt", req.ResolvedPath);
        Assert.Equal("requirements/prod.txt", req.File?.RelativePath);
        Assert.Null(req.Note);
        var c = Assert.Single(install.ConstraintFiles);
        Assert.Equal("constraints.txt", c.File?.RelativePath);
        var server = Assert.Single(dc.Servers);
        Assert.Equal(("gunicorn", "gunicorn", 14, true), (server.Server, server.Package, server.Line, server.IsRuntime));
        Assert.Equal("python:3.12-slim", server.BaseImage);
        Assert.Equal("runtime", server.Scope);
    }

    [Fact]
    public void Packages_pins_hash_mode_and_tool_variants_are_recognised()
    {
        using var tree = new TempTree();
        tree.Write("requirements.txt", "flask==3.0.3\n");
        tree.Write("Dockerfile",
            "FROM python:3.12\n" +
            "WORKDIR /app\n" +
            "COPY . .\n" +
            "RUN pip3 install -U pip setuptools && pip install gunicorn==21.2.0 \"uvicorn[standard]>=0.20\" --index-url https://pypi.org/simple\n" +
            "RUN pip install --require-hashes --no-deps -rrequirements.txt\n" +
            "RUN pip install . && pip install /wheels/*.whl git+https://github.com/x/y@main\n" +
            "RUN pipenv install --deploy --system && poetry install --only main --no-root && uv sync --frozen\n" +
            "RUN uv pip sync requirements.txt && pip-sync && uv pip install -r requirements.txt\n" +
            "ENTRYPOINT [\"/usr/bin/tini\", \"--\", \"sh\", \"-c\", \"exec uvicorn app.main:app --host 0.0.0.0\"]\n");
        var dc = Read(tree);
        Assert.Empty(dc.Problems);
        var i = dc.Installs;
        Assert.Equal(new[] { "pip", "pip", "pip", "pip", "pip", "pipenv", "poetry", "uv", "uv pip", "pip-sync", "uv pip" }, i.Select(x => x.Tool));
        Assert.Equal(new[] { "pip", "setuptools" }, i[0].Packages.Select(p => p.NormalizedName));
        Assert.Equal(new[] { "gunicorn", "uvicorn" }, i[1].Packages.Select(p => p.NormalizedName));
        Assert.Equal("21.2.0", i[1].Packages[0].PinnedVersion);
        Assert.Null(i[1].Packages[1].PinnedVersion);
        Assert.True(i[2].RequireHashes);
        Assert.True(i[2].NoDeps);
        Assert.Equal("requirements.txt", Assert.Single(i[2].RequirementFiles).File?.RelativePath);
        Assert.Equal(new[] { "." }, i[3].OtherTargets);
        Assert.Equal(new[] { "/wheels/*.whl", "git+https://github.com/x/y@main" }, i[4].OtherTargets);
        Assert.True(i[5].LockEnforced);
        Assert.Equal("Pipfile.lock", i[5].Files.Single().Written);
        Assert.Equal(InstallFileRole.Lock, i[5].Files.Single().Role);
        Assert.Equal(new[] { "--only main" }, i[6].GroupOptions);
        Assert.True(i[7].LockEnforced);
        Assert.Equal("requirements.txt", i[9].Files.Single().Written);
        var server = Assert.Single(dc.Servers);
        Assert.Equal(("uvicorn", 9), (server.Server, server.Line));
    }

    [Fact]
    public void Dev_servers_python_m_and_wrappers_are_modelled()
    {
        using var tree = new TempTree();
        tree.Write("Procfile",
            "web: ddtrace-run gunicorn shop.wsgi --log-file -\n" +
            "release: python manage.py migrate\n" +
            "worker: celery -A shop worker\n");
        tree.Write("docker-compose.yml",
            "services:\n" +
            "  web:\n" +
            "    build: .\n" +
            "    command: sh -c \"python manage.py migrate && python manage.py runserver 0.0.0.0:8000\"\n" +
            "  api:\n" +
            "    image: example/api\n" +
            "    entrypoint: [\"python\", \"-m\", \"hypercorn\", \"api:app\"]\n" +
            "  flask:\n" +
            "    command: env FLASK_APP=app.py flask --app app run --host 0.0.0.0\n");
        var dc = Read(tree);
        Assert.Empty(dc.Problems);
        var s = dc.Servers.OrderBy(x => x.File.RelativePath, System.StringComparer.Ordinal).ThenBy(x => x.Line).ToArray();
        Assert.Equal(4, s.Length);
        Assert.Equal(("Procfile", 1, "gunicorn", false), (s[0].File.RelativePath, s[0].Line, s[0].Server, s[0].IsDevServer));
        Assert.Equal(("docker-compose.yml", 4, "runserver", true), (s[1].File.RelativePath, s[1].Line, s[1].Server, s[1].IsDevServer));
        Assert.Equal(("docker-compose.yml", 7, "hypercorn", "hypercorn"), (s[2].File.RelativePath, s[2].Line, s[2].Server, s[2].Package));
        Assert.Equal("example/api", s[2].BaseImage);
        Assert.Equal(("docker-compose.yml", 9, "flask run", true), (s[3].File.RelativePath, s[3].Line, s[3].Server, s[3].IsDevServer));
        Assert.All(s, x => Assert.True(x.IsRuntime));
    }

    [Fact]
    public void CI_run_script_and_block_scalars_carry_lines_and_working_directories()
    {
        using var tree = new TempTree();
        tree.Write("backend/requirements.txt", "fastapi==0.111.0\n");
        tree.Write(".github/workflows/deploy.yml",
            "name: deploy\n" +                                    // 1
            "on: push\n" +                                        // 2
            "jobs:\n" +                                           // 3
            "  build:\n" +                                        // 4
            "    runs-on: ubuntu-latest\n" +                      // 5
            "    defaults:\n" +                                   // 6
            "      run:\n" +                                      // 7
            "        working-directory: backend\n" +              // 8
            "    steps:\n" +                                      // 9
            "      - uses: actions/checkout@v4\n" +               // 10
            "      - run: |\n" +                                  // 11
            "          python -m pip install --upgrade pip\n" +   // 12
            "          # comment: pip install -r nothing.txt\n" + // 13
            "          pip install -r requirements.txt\n" +       // 14
            "      - run: cd .. && pip install -r backend/requirements.txt\n"); // 15
        tree.Write("azure-pipelines.yml",
            "jobs:\n" +
            "- job: test\n" +
            "  steps:\n" +
            "  - script: pip install -r backend/requirements.txt\n" +
            "  - bash: |\n" +
            "      set -e\n" +
            "      pip install pytest==8.2.0\n");
        tree.Write(".gitlab-ci.yml",
            "stages: [test]\n" +
            "test:\n" +
            "  before_script:\n" +
            "    - pip install -r backend/requirements.txt\n" +
            "  script:\n" +
            "    - pytest\n");
        var dc = Read(tree);
        Assert.Empty(dc.Problems);
        var gh = dc.Installs.Where(i => i.Origin == DeployCommandOrigin.GitHubActions).ToArray();
        Assert.Equal(new[] { 12, 14, 15 }, gh.Select(i => i.Line));
        Assert.Equal("backend/requirements.txt", gh[1].RequirementFiles.Single().File?.RelativePath);
        Assert.Equal("backend/requirements.txt", gh[2].RequirementFiles.Single().File?.RelativePath);
        Assert.True(gh[1].IsCi);
        var az = dc.Installs.Where(i => i.Origin == DeployCommandOrigin.AzurePipelines).ToArray();
        Assert.Equal(new[] { 4, 7 }, az.Select(i => i.Line));
        Assert.Equal("test", az[0].Scope);
        var gl = Assert.Single(dc.Installs, i => i.Origin == DeployCommandOrigin.GitLabCi);
        Assert.Equal((4, "backend/requirements.txt"), (gl.Line, gl.RequirementFiles.Single().File?.RelativePath));
    }

    [Fact]
    public void Unmappable_paths_are_guessed_by_name_or_explained()
    {
        using var tree = new TempTree();
        tree.Write("deploy/requirements.lock.txt", "flask==3.0.3\n");
        tree.Write("a/requirements.txt", "x==1\n");
        tree.Write("b/requirements.txt", "y==1\n");
        tree.Write("Dockerfile",
            "FROM python:3.12\n" +
            "RUN pip install -r /opt/requirements.lock.txt\n" +
            "RUN pip install -r requirements.txt\n" +
            "RUN pip install -r https://example.com/r.txt\n");
        var dc = Read(tree);
        var r0 = dc.Installs[0].RequirementFiles.Single();
        Assert.Equal("deploy/requirements.lock.txt", r0.File?.RelativePath);
        Assert.Equal("no COPY, ADD or bind mount brings /opt/requirements.lock.txt into the image; matched by file name", r0.Note);
        var r1 = dc.Installs[1].RequirementFiles.Single();
        Assert.Null(r1.File);
        Assert.Equal("no COPY, ADD or bind mount brings /requirements.txt into the image; 2 workspace files could match, none chosen", r1.Note);
        Assert.Equal("a URL, not a workspace file", dc.Installs[2].RequirementFiles.Single().Note);
    }

    [Fact]
    public void Heredoc_and_escape_directive_are_followed()
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile",
            "FROM python:3.12\n" +
            "RUN <<EOF\n" +
            "set -eux\n" +
            "pip install gunicorn==22.0.0\n" +
            "EOF\n" +
            "RUN cat <<EOF > /etc/motd\n" +
            "pip install not-a-command\n" +
            "EOF\n" +
            "CMD gunicorn app:app\n");
        tree.Write("win/Dockerfile",
            "# escape=`\n" +
            "FROM python:3.12-windowsservercore\n" +
            "RUN pip install `\n" +
            "    waitress==3.0.0\n" +
            "CMD [\"waitress-serve\", \"app:app\"]\n");
        var dc = Read(tree);
        Assert.Empty(dc.Problems);
        var i = dc.Installs.OrderBy(x => x.File.RelativePath, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(2, i.Length);
        Assert.Equal(("Dockerfile", 4, "gunicorn"), (i[0].File.RelativePath, i[0].Line, i[0].Packages.Single().NormalizedName));
        Assert.Equal(("win/Dockerfile", 3, "waitress"), (i[1].File.RelativePath, i[1].Line, i[1].Packages.Single().NormalizedName));
        Assert.Equal(new[] { ("gunicorn", 9), ("waitress", 5) }, dc.Servers.OrderBy(s => s.File.RelativePath, System.StringComparer.Ordinal).Select(s => (s.Server, s.Line)));
    }

    [Fact]
    public void Malformed_Dockerfile_and_YAML_give_clear_problems_and_the_rest_is_read()
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile",
            "FROM python:3.12\n" +
            "RUNN pip install flask\n" +
            "CMD [\"gunicorn\", \"app:app\"\n" +
            "RUN pip install \"unclosed==1.0\n" +
            "RUN pip install gunicorn==22.0.0 \\\n");
        tree.Write("docker-compose.yml", "services:\n  web:\n    command: [gunicorn, app:app\n");
        tree.Write(".github/workflows/ci.yml", "jobs:\n  a:\n    steps:\n      - run: pip install -r requirements.txt\n     bad: indent\n");
        DeployCommands? dc = null;
        HangGuard.MustFinish(() => dc = Read(tree));
        var p = dc!.Problems.OrderBy(x => x.File.RelativePath, System.StringComparer.Ordinal).ThenBy(x => x.Line).Select(x => (x.ErrorId, x.Message)).ToArray();
        Assert.Contains(("MalformedDockerfile", "Dockerfile:2: unknown instruction 'RUNN' (docker build stops here)"), p);
        Assert.Contains(("MalformedDockerfile", "Dockerfile:3: CMD starts with '[' but is not a valid JSON array of strings; Docker runs it as a shell command"), p);
        Assert.Contains(("MalformedShellCommand", "Dockerfile:4: unclosed double quote; the rest of the command is not read"), p);
        Assert.Contains(("MalformedDockerfile", "Dockerfile:5: line continuation at the end of the file"), p);
        Assert.Contains(p, x => x.ErrorId == "MalformedYaml" && x.Message.StartsWith("docker-compose.yml:4: not valid YAML: While parsing a flow sequence", System.StringComparison.Ordinal));
        Assert.Contains(p, x => x.ErrorId == "MalformedYaml" && x.Message.StartsWith(".github/workflows/ci.yml:5: not valid YAML", System.StringComparison.Ordinal));
        // The readable instructions still count.
        Assert.Contains(dc.Installs, i => i.Line == 5 && i.Packages.Single().NormalizedName == "gunicorn");
    }

    [Fact]
    public void Shell_splitter_handles_operators_quotes_redirections_and_comments()
    {
        var c = ShellScript.Split("a 'b c' \"d \\\"e\\\"\" 2>&1 >/dev/null && f|g; h # i\n$(j k) `l m` x\\ y", out var error);
        Assert.Null(error);
        Assert.Equal(new[] { "a b c d \"e\"", "f", "g", "h", "$(j k) `l m` x y" }, c.Select(x => x.ToString()));
        Assert.Equal(0, c[0].Offset);
    }
    [Fact]
    public void PowerShell_steps_and_multiline_heredoc_strings_are_read_without_spurious_problems()
    {
        using var tree = new TempTree();
        tree.Write("requirements.txt", "flask==3.0.3\n");
        tree.Write(".github/workflows/win.yml",
            "jobs:\n" +
            "  build:\n" +
            "    runs-on: windows-latest\n" +
            "    defaults:\n" +
            "      run:\n" +
            "        shell: pwsh\n" +
            "    steps:\n" +
            "      - run: |\n" +
            "          Write-Host \"it's `\"quoted`\"\"\n" +
            "          pip install `\n" +
            "            -r requirements.txt\n");
        tree.Write("azure-pipelines.yml",
            "steps:\n" +
            "- powershell: pip install -r requirements.txt; Write-Host 'done'\n" +
            "- pwsh: |\n" +
            "    $x = \"a`\"b\"\n");
        tree.Write("Dockerfile",
            "FROM python:3.12\n" +
            "RUN <<EOF\n" +
            "python -c \"\n" +
            "import sys\n" +
            "print(sys.version)\"\n" +
            "pip install gunicorn==22.0.0\n" +
            "EOF\n");
        var dc = Read(tree);
        Assert.Empty(dc.Problems);
        var gh = Assert.Single(dc.Installs, i => i.Origin == DeployCommandOrigin.GitHubActions);
        Assert.Equal("requirements.txt", gh.RequirementFiles.Single().File?.RelativePath);
        Assert.Single(dc.Installs, i => i.Origin == DeployCommandOrigin.AzurePipelines);
        var docker = Assert.Single(dc.Installs, i => i.Origin == DeployCommandOrigin.Dockerfile);
        Assert.Equal(6, docker.Line);
    }

    [Fact]
    public void Generated_garbage_and_alias_graphs_never_crash_or_hang()
    {
        var pieces = new[]
        {
            "RUN ", "CMD ", "FROM x AS y\n", "\\\n", "\"", "'", "`", "$(", ")", "<<EOF\n", "EOF\n", "[", "]", "\"a\",", "&&", "|", ";",
            "\n", " ", "pip install -r", " -c", " gunicorn", "==1", " sh -c ", "--mount=type=bind,source=a,target=b ", "COPY . /app\n",
            "WORKDIR ${A:-/x}\n", "ENV A=b\n", "#", "\t", "-", "--",
        };
        var yamlPieces = new[] { "a:", " &x", " *x", "\n  ", "- ", "script: ", "run: |", "\n    pip install -r r.txt", "[", "{", "}", "]", "'", "\"", ": ", "\n" };
        var random = new System.Random(4242);
        using var tree = new TempTree();
        for (int round = 0; round < 60; round++)
        {
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < 40; i++)
            {
                sb.Append(pieces[random.Next(pieces.Length)]);
            }
            tree.Write("Dockerfile", sb.ToString());
            var y = new System.Text.StringBuilder();
            for (int i = 0; i < 30; i++)
            {
                y.Append(yamlPieces[random.Next(yamlPieces.Length)]);
            }
            tree.Write("azure-pipelines.yml", y.ToString());
            tree.Write(".gitlab-ci.yml", y.ToString());
            tree.Write("Procfile", sb.ToString().Replace("RUN ", "web: "));
            HangGuard.MustFinish(() => Read(tree));
        }
        tree.Write("azure-pipelines.yml", "base: &b\n  steps:\n  - script: pip install -r a.txt\nx: [*b, *b, *b]\ny: [*b, *b]\n");
        var dc = Read(tree);
        Assert.Single(dc.Installs, i => i.Origin == DeployCommandOrigin.AzurePipelines);
    }
}
