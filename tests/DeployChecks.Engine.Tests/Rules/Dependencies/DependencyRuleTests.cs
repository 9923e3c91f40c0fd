using System.Linq;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Rules.Dependencies;

/// <summary>The dependency rules DC2001, DC2002, DC2003, DC2007 and DC2009 on realistic Django, Flask and FastAPI
/// trees with their Dockerfiles, Procfiles, compose files and CI pipelines.</summary>
public class DependencyRuleTests
{
    private static ChecklistReport Fixture(string ruleId, string kind)
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture(ruleId, kind));
        return Runs.Check(tree.Root);
    }

    // ---------------------------------------------------------------- DC2001

    [Fact]
    public void DC2001_flask_service_with_ranges_and_no_lock_is_reported_once_with_its_signals()
    {
        var f = Assert.Single(Runs.Sorted(Fixture("DC2001", "violating"), "DC2001"));
        Assert.Equal(("requirements.txt", 1), (f.Path, f.Line));
        Assert.Equal("Application (Dockerfile, wsgi.py, gunicorn in requirements.txt) has no lock file and no fully pinned " +
                     "requirements file: requirements.txt pins 1 of 4", f.Message);
        Assert.Equal(Severity.Medium, f.Severity);
    }

    [Fact]
    public void DC2001_compiled_requirements_a_vendored_library_and_docs_requirements_pass()
    {
        var report = Fixture("DC2001", "clean");
        Assert.Empty(report.Active("DC2001"));
        Assert.Equal(CheckOutcome.Pass, report.Check("DC2001").Outcome);
    }

    [Fact]
    public void DC2001_a_library_is_not_applicable_and_a_lock_or_package_mode_decide()
    {
        using var tree = new TempTree();
        tree.Write("pyproject.toml",
            "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n" +
            "[project]\nname = \"tinylib\"\nversion = \"1.0\"\ndependencies = [\"attrs>=23\"]\n");
        var report = Runs.Check(tree.Root);
        Assert.Equal(CheckOutcome.NotApplicable, report.Check("DC2001").Outcome);

        // Poetry's package-mode = false makes it an application.
        tree.Write("pyproject.toml",
            "[tool.poetry]\npackage-mode = false\n\n[tool.poetry.dependencies]\npython = \"^3.12\"\nfastapi = \"^0.111\"\n");
        var f = Assert.Single(Runs.Check(tree.Root).Active("DC2001"));
        Assert.Equal("Application (pyproject.toml has package-mode = false) has no lock file and no fully pinned requirements " +
                     "file: pyproject.toml pins 0 of 1", f.Message);

        tree.Write("poetry.lock",
            "[[package]]\nname = \"fastapi\"\nversion = \"0.111.0\"\ndescription = \"\"\noptional = false\npython-versions = \">=3.8\"\n" +
            "files = [\n    {file = \"fastapi-0.111.0-py3-none-any.whl\", hash = \"sha256:aaaa\"},\n]\n\n" +
            "[metadata]\nlock-version = \"2.0\"\npython-versions = \"^3.12\"\ncontent-hash = \"abc\"\n");
        report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC2001"));
        Assert.Equal(CheckOutcome.Pass, report.Check("DC2001").Outcome);
    }

    // ---------------------------------------------------------------- DC2002

    [Fact]
    public void DC2002_reports_ranges_through_includes_and_dockerfile_packages_but_not_constrained_dev_or_test_stage_ones()
    {
        var f = Runs.Sorted(Fixture("DC2002", "violating"), "DC2002");
        Assert.Equal(3, f.Length);
        Assert.Equal(("Dockerfile", 15), (f[0].Path, f[0].Line));
        Assert.Equal("`pip install` at Dockerfile:15 installs sentry-sdk>=2.0: sentry-sdk>=2.0 is a range; each build may install a different version", f[0].Message);
        Assert.Equal(("requirements/base.txt", 3), (f[1].Path, f[1].Line));
        Assert.Equal("djangorestframework>=3.15 is a range in requirements/base.txt:3 (included from requirements/prod.txt, installed at " +
                     "Dockerfile:6); each build may install a different version", f[1].Message);
        Assert.Equal("djangorestframework>=3.15", f[1].Evidence);
        Assert.Equal(("requirements/base.txt", 4), (f[2].Path, f[2].Line));
        Assert.StartsWith("celery has no version at all in requirements/base.txt:4", f[2].Message);
    }

    [Fact]
    public void DC2002_command_constraints_vcs_commits_wheel_urls_ci_and_tooling_upgrades_pass()
    {
        var report = Fixture("DC2002", "clean");
        Assert.Empty(report.Active("DC2002"));
        Assert.Equal(CheckOutcome.Pass, report.Check("DC2002").Outcome);
    }

    [Fact]
    public void DC2002_without_install_commands_reads_the_conventional_file_and_leaves_vcs_references_to_DC2012()
    {
        using var tree = new TempTree();
        tree.Write("Procfile", "web: gunicorn app:app\n");
        tree.Write("requirements.txt",
            "gunicorn==22.0.0\n" +
            "toolkit @ git+https://github.com/example/toolkit@main\n" +
            "-e .\n" +
            "whitenoise~=6.7\n");
        tree.Write("requirements.in", "gunicorn\n");
        var report = Runs.Check(tree.Root);
        var f = Assert.Single(report.Active("DC2002"));
        Assert.Equal(("requirements.txt", 4), (f.Path, f.Line));
        Assert.Equal("whitenoise~=6.7 is a range in requirements.txt:4 (the conventional deploy requirements file); " +
                     "each build may install a different version", f.Message);
        Assert.Equal(2, Assert.Single(report.Active("DC2012")).Line);
    }

    // ---------------------------------------------------------------- DC2003

    [Fact]
    public void DC2003_reports_an_unhashed_entry_in_hash_mode_and_a_pipfile_lock_entry_without_hashes()
    {
        var f = Runs.Sorted(Fixture("DC2003", "violating"), "DC2003");
        Assert.Equal(2, f.Length);
        Assert.Equal(("requirements.txt", 7), (f[0].Path, f[0].Line));
        Assert.Equal("certifi in requirements.txt:7 has no --hash, but pip's hash-checking mode is on (3 other entries have --hash) " +
                     "for the install at Dockerfile:4: the install fails", f[0].Message);
        Assert.Equal(("worker/Pipfile.lock", 26), (f[1].Path, f[1].Line));
        Assert.Equal("kombu 5.3.7 in worker/Pipfile.lock:26 has no hashes; `pipenv install` at worker/Dockerfile:4 installs it unverified", f[1].Message);
    }

    [Fact]
    public void DC2003_require_hashes_includes_test_stages_ci_dev_installs_and_uv_git_or_project_entries_pass()
    {
        var report = Fixture("DC2003", "clean");
        Assert.Empty(report.Active("DC2003"));
        Assert.Equal(CheckOutcome.Pass, report.Check("DC2003").Outcome);
    }

    [Fact]
    public void DC2003_unhashed_install_and_poetry_export_without_hashes_are_reported_at_the_command()
    {
        using var tree = new TempTree();
        tree.Write("requirements.txt", "flask==3.0.3\ngunicorn==22.0.0\n");
        tree.Write("pyproject.toml", "[tool.poetry]\nname = \"x\"\nversion = \"1\"\n\n[tool.poetry.dependencies]\npython = \"^3.12\"\n");
        tree.Write("poetry.lock", "[metadata]\nlock-version = \"2.0\"\npython-versions = \"^3.12\"\ncontent-hash = \"abc\"\n");
        tree.Write(".gitlab-ci.yml",
            "deploy:\n" +
            "  script:\n" +
            "    - poetry export -f requirements.txt --output requirements.txt --without-hashes\n" +
            "    - pip install -r requirements.txt\n");
        var f = Runs.Sorted(Runs.Check(tree.Root), "DC2003");
        Assert.Equal(2, f.Length);
        Assert.Equal((".gitlab-ci.yml", 3), (f[0].Path, f[0].Line));
        Assert.Equal("`poetry export -f requirements.txt --output requirements.txt --without-hashes` at .gitlab-ci.yml:3 drops the lock's " +
                     "hashes: the exported requirements install without hash checking", f[0].Message);
        Assert.Equal((".gitlab-ci.yml", 4), (f[1].Path, f[1].Line));
        Assert.Equal(".gitlab-ci.yml:4 installs requirements.txt (2 entries) without hashes and without --require-hashes: pip does not " +
                     "verify what it downloads", f[1].Message);
    }

    // ---------------------------------------------------------------- DC2007

    [Fact]
    public void DC2007_stale_export_and_dockerfile_pin_against_the_pipfile_lock()
    {
        var f = Runs.Sorted(Fixture("DC2007", "violating"), "DC2007");
        Assert.Equal(3, f.Length);
        Assert.Equal(("Dockerfile", 6), (f[0].Path, f[0].Line));
        Assert.Equal("gunicorn is pinned to 21.2.0 at Dockerfile:6 but to 22.0.0 in requirements.txt:3: the deployed version depends on which file is installed", f[0].Message);
        Assert.Equal(("Pipfile.lock", 9), (f[1].Path, f[1].Line));
        Assert.Equal("django is pinned to 4.2.11 at Pipfile.lock:9 but to 4.2.7 in requirements.txt:2: the deployed version depends on which file is installed", f[1].Message);
        Assert.Equal(("Pipfile.lock", 13), (f[2].Path, f[2].Line));
        Assert.Equal("gunicorn==22.0.0", f[2].Evidence);
        Assert.Contains("but to 21.2.0 in Dockerfile:6", f[2].Message);
    }

    [Fact]
    public void DC2007_markers_equal_versions_dev_groups_ci_matrix_test_stages_and_monorepo_services_pass()
    {
        var report = Fixture("DC2007", "clean");
        Assert.Empty(report.Active("DC2007"));
        Assert.Equal(CheckOutcome.Pass, report.Check("DC2007").Outcome);
    }

    [Fact]
    public void DC2007_fingerprint_survives_a_line_move()
    {
        using var tree = new TempTree();
        tree.Write("requirements.txt", "django==4.2.7\n");
        tree.Write("constraints.txt", "django==4.2.11\n");
        string before = Assert.Single(Runs.Check(tree.Root).Active("DC2007")).Fingerprint;
        tree.Write("constraints.txt", "# security release\n\ndjango==4.2.11\n");
        var after = Assert.Single(Runs.Check(tree.Root).Active("DC2007"));
        Assert.Equal(3, after.Line);
        Assert.Equal(before, after.Fingerprint);
    }

    // ---------------------------------------------------------------- DC2009

    [Fact]
    public void DC2009_procfile_and_compose_servers_missing_from_production_dependencies()
    {
        var f = Runs.Sorted(Fixture("DC2009", "violating"), "DC2009");
        Assert.Equal(2, f.Length);
        Assert.Equal(("Procfile", 2), (f[0].Path, f[0].Line));
        Assert.Equal("Procfile:2: the Procfile's 'web' process runs gunicorn, but no production dependency file lists gunicorn and no " +
                     "install command in the image installs it", f[0].Message);
        Assert.Equal(("docker-compose.yml", 7), (f[1].Path, f[1].Line));
        Assert.EndsWith("runs uvicorn, but no production dependency file lists uvicorn and no install command in the image installs it; " +
                        "it is only in the 'dev' group of requirements-dev.txt", f[1].Message);
        Assert.Equal("uvicorn api.asgi:app --host 0.0.0.0 --port 8000", f[1].Evidence);
        Assert.All(f, x => Assert.Equal(Severity.High, x.Severity));
    }

    [Fact]
    public void DC2009_builder_stage_installs_extras_external_images_dev_servers_and_test_dockerfiles_pass()
    {
        var report = Fixture("DC2009", "clean");
        Assert.Empty(report.Active("DC2009"));
        Assert.Equal(CheckOutcome.Pass, report.Check("DC2009").Outcome);
    }

    [Fact]
    public void DC2009_reports_at_the_exec_form_cmd_of_the_final_stage_and_a_malformed_dockerfile_line_is_an_error_not_a_crash()
    {
        using var tree = new TempTree();
        tree.Write("requirements.txt", "django==5.0.6\n");
        tree.Write("Dockerfile",
            "FROM python:3.12-slim\n" +
            "WORKDIR /app\n" +
            "COPY . .\n" +
            "RUN pip install -r requirements.txt\n" +
            "RUNN echo typo\n" +
            "CMD [\"python\", \"-m\", \"uvicorn\", \"shop.asgi:application\"]\n");
        var report = Runs.Check(tree.Root);
        var f = Assert.Single(report.Active("DC2009"));
        Assert.Equal(("Dockerfile", 6), (f.Path, f.Line));
        Assert.Equal("Dockerfile:6: the image's start command (#0 stage) runs uvicorn, but no production dependency file lists uvicorn and " +
                     "no install command in the image installs it", f.Message);
        var error = Assert.Single(report.Errors, e => e.ErrorId == "MalformedDockerfile");
        Assert.Equal(("Dockerfile", 5), (error.Path, error.Line));
        Assert.Equal("Dockerfile:5: unknown instruction 'RUNN' (docker build stops here)", error.Message);
    }
    [Fact]
    public void DC2009_follows_the_script_an_entrypoint_runs_and_reports_at_the_script_line()
    {
        // Trimmed from nikkitkit007/Selector_on_Events (Dockerfile, gunicorn.sh): poetry installs a pyproject
        // without gunicorn, and the ENTRYPOINT script starts it.
        using var tree = new TempTree();
        tree.Write("pyproject.toml",
            "[tool.poetry]\nname = \"itmo-events\"\nversion = \"0.1.0\"\n\n[tool.poetry.dependencies]\npython = \"^3.10\"\nFlask = \"2.2.2\"\n");
        tree.Write("Dockerfile",
            "FROM python:3.11\n" +
            "WORKDIR /usr/src/app\n" +
            "COPY . .\n" +
            "RUN pip3 install poetry==1.8.3\n" +
            "RUN poetry config virtualenvs.create false && poetry install\n" +
            "ENTRYPOINT [\"./gunicorn.sh\"]\n");
        tree.Write("gunicorn.sh", "#!/bin/sh\ngunicorn --chdir server server_run:app -w 2 --threads 2 -b 0.0.0.0:80\n");
        var f = Assert.Single(Runs.Check(tree.Root).Active("DC2009"));
        Assert.Equal(("gunicorn.sh", 2), (f.Path, f.Line));
        Assert.Equal("gunicorn.sh:2: the image's start command (#0 stage), through the script that Dockerfile:6 runs, runs gunicorn, " +
                     "but no production dependency file lists gunicorn and no install command in the image installs it", f.Message);
    }

    [Fact]
    public void DC2009_follows_sh_script_entrypoints_through_copy_and_stays_silent_when_the_server_is_installed()
    {
        // Trimmed from freewayz/django-starter (docker/Dockerfile, docker/entrypoint.sh) and
        // Pirogramming-24/Piro24_CardGame_2 (Dockerfile, entrypoint.sh).
        using var tree = new TempTree();
        tree.Write("docker/Dockerfile",
            "FROM python:3.12-alpine\n" +
            "WORKDIR /src\n" +
            "COPY ./entrypoint.sh /\n" +
            "ENTRYPOINT [\"sh\", \"/entrypoint.sh\"]\n");
        tree.Write("docker/entrypoint.sh",
            "export DOCKER=100\ndjango-admin migrate\necho Starting Gunicorn\nexec gunicorn question.wsgi:application \\\n     --bind=0.0.0.0:8000 \\\n     \"$@\"\n");
        tree.Write("app/Dockerfile",
            "FROM python:3.11-slim\n" +
            "WORKDIR /app\n" +
            "RUN pip install --no-cache-dir uvicorn==0.30.1\n" +
            "COPY . .\n" +
            "ENTRYPOINT [\"/app/entrypoint.sh\"]\n");
        tree.Write("app/entrypoint.sh",
            "#!/bin/sh\nset -e\npython manage.py migrate --noinput\nexec uvicorn config.asgi:application --host 0.0.0.0\n");
        tree.Write("requirements.txt", "django==5.0.6\n");
        var f = Assert.Single(Runs.Check(tree.Root).Active("DC2009"));
        Assert.Equal(("docker/entrypoint.sh", 4), (f.Path, f.Line));
        Assert.Contains("through the script that docker/Dockerfile:4 runs, runs gunicorn", f.Message);
    }

    [Fact]
    public void DC2009_script_entrypoints_that_are_missing_loop_or_run_no_server_are_quiet()
    {
        using var tree = new TempTree();
        tree.Write("requirements.txt", "flask==3.0.3\n");
        // Real: ronaldoapsilva/FLASK-REST-API runs a script that is not in the tree.
        tree.Write("Dockerfile", "FROM python:3.10\nWORKDIR /app\nCOPY . .\nCMD [\"/bin/bash\", \"docker-entrypoint.sh\"]\n");
        tree.Write("svc/Dockerfile", "FROM python:3.10\nWORKDIR /app\nCOPY . .\nENTRYPOINT [\"./loop.sh\"]\n");
        tree.Write("svc/loop.sh", "#!/bin/sh\nsh ./loop.sh\n./loop.sh\nif [[ -n \"$X\" ]]; then\n  echo $X\nfi\n");
        tree.Write("Procfile", "web: bash bin/start\n");
        tree.Write("bin/start", "#!/bin/bash\npython -m api\nexec \"$@\"\n");
        ChecklistReport report = null!;
        HangGuard.MustFinish(() => report = Runs.Check(tree.Root));
        Assert.Empty(report.Active("DC2009"));
        Assert.DoesNotContain(report.Errors, e => e.ErrorId == "MalformedShellCommand");
    }

    [Fact]
    public void DC2009_reads_a_utf16_requirements_file_as_pip_does()
    {
        // Pirogramming-24/Piro24_CardGame_2 ships requirements.txt as UTF-16 LE with a BOM (`pip freeze >` in
        // Windows PowerShell); pip decodes it by its BOM (pip/_internal/utils/encoding.py auto_decode).
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD [\"gunicorn\", \"config.wsgi\"]\n");
        var le = new byte[] { 0xFF, 0xFE }.Concat(System.Text.Encoding.Unicode.GetBytes("Django==5.0\r\ngunicorn==23.0.0\r\n")).ToArray();
        System.IO.File.WriteAllBytes(System.IO.Path.Combine(tree.Root, "requirements.txt"), le);
        var be = new byte[] { 0xFE, 0xFF }.Concat(System.Text.Encoding.BigEndianUnicode.GetBytes("flask==3.0.3\n")).ToArray();
        System.IO.File.WriteAllBytes(System.IO.Path.Combine(tree.Root, "requirements-api.txt"), be);
        var report = Runs.Check(tree.Root);
        Assert.DoesNotContain(report.Errors, e => e.ErrorId == "FileIsBinary");
        Assert.Empty(report.Active("DC2009"));
        Assert.Empty(report.Active("DC2002"));
    }

    [Fact]
    public void DC2009_sees_servers_behind_start_nginx_and_wait_for_it_and_reads_included_requirements()
    {
        using var tree = new TempTree();
        // Trimmed from python/pythondotorg (Procfile, requirements.txt, prod-requirements.txt): gunicorn is listed
        // only in a file that requirements.txt includes, and the heroku nginx buildpack wrapper runs it.
        tree.Write("Procfile", "release: python manage.py migrate --noinput\nweb: bin/start-nginx gunicorn -c gunicorn.conf pydotorg.wsgi\n");
        tree.Write("requirements.txt", "-r base-requirements.txt\n-r prod-requirements.txt\n");
        tree.Write("base-requirements.txt", "Django==2.2.24\n");
        tree.Write("prod-requirements.txt", "gunicorn==20.1.0\n");
        tree.Write("api/docker-compose.yml",
            "services:\n  api:\n    build: .\n    command: ./wait-for-it.sh db:5432 -- uvicorn api.main:app --host 0.0.0.0\n");
        var report = Runs.Check(tree.Root);
        var f = Assert.Single(report.Active("DC2009"));
        Assert.Equal(("api/docker-compose.yml", 4), (f.Path, f.Line));
        Assert.Contains("runs uvicorn", f.Message);
    }

    [Fact]
    public void DC2009_is_silent_when_the_image_installs_a_package_from_a_url_whose_dependencies_are_unknown()
    {
        // Real Dockerfile (BuildKit heredoc): pip install git+https://github.com/samanamonitor/pysammmanager.git,
        // then ENTRYPOINT uwsgi; the git package may well require uwsgi.
        using var tree = new TempTree();
        tree.Write("Dockerfile",
            "FROM python:3.12\nRUN <<EOF\npip install git+https://github.com/samanamonitor/pysammmanager.git\nEOF\n" +
            "ENTRYPOINT [ \"/usr/local/bin/uwsgi\", \"--http\", \":9090\", \"--wsgi-file\", \"/usr/local/bin/manager.py\" ]\n");
        tree.Write("svc/Dockerfile", "FROM python:3.12\nRUN pip install flask==3.0.3\nCMD [\"uwsgi\", \"--http\", \":9090\"]\n");
        var f = Assert.Single(Runs.Check(tree.Root).Active("DC2009"));
        Assert.Equal(("svc/Dockerfile", 3), (f.Path, f.Line));
    }

    [Fact]
    public void DC2009_follows_extensionless_start_scripts_with_a_shell_line_as_cookiecutter_django_lays_them_out()
    {
        // Trimmed from cookiecutter/cookiecutter-django ({{cookiecutter.project_slug}}/compose/production/django/
        // Dockerfile, start, entrypoint; docker-compose.production.yml), rendered with the default choices.
        using var tree = new TempTree();
        tree.Write("pyproject.toml", "[project]\nname = \"shop\"\nversion = \"0.1.0\"\ndependencies = [\"django==5.2.8\"]\n");
        tree.Write("compose/production/django/Dockerfile",
            "FROM python:3.14-slim-bookworm AS python-run-stage\n" +
            "WORKDIR /app\n" +
            "COPY --chown=django:django ./compose/production/django/entrypoint /entrypoint\n" +
            "COPY --chown=django:django ./compose/production/django/start /start\n" +
            "ENTRYPOINT [\"/entrypoint\"]\n" +
            "CMD [\"/start\"]\n");
        tree.Write("compose/production/django/entrypoint",
            "#!/bin/bash\nset -o errexit\npython << END\nimport sys\nsys.stderr.write('Waiting for PostgreSQL...')\nEND\nexec \"$@\"\n");
        tree.Write("compose/production/django/start",
            "#!/bin/sh\n\nset -o errexit\npython /app/manage.py collectstatic --noinput\n/usr/local/bin/gunicorn config.wsgi --bind 0.0.0.0:5000 --chdir=/app\n");
        tree.Write("docker-compose.production.yml",
            "services:\n  django:\n    build:\n      context: .\n      dockerfile: ./compose/production/django/Dockerfile\n" +
            "    image: shop_production_django\n    command: [\"/bin/bash\", \"/app/compose/production/django/start\"]\n");
        // A Python start file executed directly is not read as shell.
        tree.Write("worker/Dockerfile", "FROM python:3.12\nCOPY run /run\nCMD [\"/run\"]\n");
        tree.Write("worker/run", "#!/usr/bin/env python3\nimport os; os.system('uvicorn app:app')\n");
        var report = Runs.Check(tree.Root);
        // The Dockerfile CMD and the compose command reach the same script line: one finding there.
        var f = Assert.Single(report.Active("DC2009"));
        Assert.Equal(("compose/production/django/start", 5), (f.Path, f.Line));
        Assert.Contains(", through the script that ", f.Message);
        Assert.DoesNotContain(report.Errors, e => e.ErrorId == "MalformedShellCommand");
    }

    [Fact]
    public void DC2009_reads_the_command_an_exec_dollar_at_entrypoint_is_given()
    {
        // Shape of sharifahmad2061/python-candidate-challenge (docker-entrypoint.sh: migrate, then exec "$@"), with
        // the server passed to the script as arguments.
        using var tree = new TempTree();
        tree.Write("requirements.txt", "Django==3.1.7\n");
        tree.Write("Dockerfile",
            "FROM python:3\nWORKDIR /code\nCOPY docker-entrypoint.sh /usr/local/bin/\n" +
            "CMD [\"/usr/local/bin/docker-entrypoint.sh\", \"gunicorn\", \"shop.wsgi\"]\n");
        tree.Write("docker-entrypoint.sh", "#!/bin/bash\npython manage.py migrate\n\n# hand over control to cmd\nexec \"$@\"\n");
        tree.Write("worker/Dockerfile", "FROM python:3\nCOPY run.sh /run.sh\nCMD [\"/run.sh\", \"uvicorn\"]\n");
        tree.Write("worker/run.sh", "#!/bin/sh\necho ignoring my arguments\n");
        var f = Assert.Single(Runs.Check(tree.Root).Active("DC2009"));
        Assert.Equal(("Dockerfile", 4), (f.Path, f.Line));
        Assert.Contains("runs gunicorn", f.Message);
    }

    [Fact]
    public void DC2002_and_DC2009_follow_dockerfile_args_and_leave_unresolved_variables_and_dev_containers_alone()
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile",
            "ARG BASE=python:3.12-slim\n" +
            "FROM ${BASE}\n" +
            "ARG GUNICORN_VERSION=22.0.0\n" +
            "ARG SENTRY_VERSION\n" +
            "RUN pip install gunicorn==${GUNICORN_VERSION} sentry-sdk==${SENTRY_VERSION} \"uvicorn>=${UVICORN_MIN:-0.30}\"\n" +
            "CMD [\"gunicorn\", \"app:app\"]\n");
        tree.Write(".devcontainer/Dockerfile", "FROM mcr.microsoft.com/devcontainers/python:3.12\nRUN pip install black\nCMD [\"hypercorn\", \"app:app\"]\n");
        var report = Runs.Check(tree.Root);
        var f = Assert.Single(report.Active("DC2002"));
        Assert.Equal(("Dockerfile", 5), (f.Path, f.Line));
        Assert.Equal("`pip install` at Dockerfile:5 installs uvicorn>=0.30: uvicorn>=0.30 is a range; each build may install a different version", f.Message);
        Assert.Empty(report.Active("DC2009"));
    }
    [Fact]
    public void DC2003_uv_pip_verifies_only_present_hashes_so_a_partial_file_installs_unverified_rather_than_failing()
    {
        using var tree = new TempTree();
        tree.Write("requirements.txt",
            "flask==3.0.3 --hash=sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\n" +
            "gunicorn==22.0.0\n");
        tree.Write("Dockerfile",
            "FROM python:3.12-slim\n" +
            "WORKDIR /app\n" +
            "COPY requirements.txt .\n" +
            "RUN uv pip install --system -r requirements.txt\n" +
            "CMD [\"gunicorn\", \"app:app\"]\n");
        var f = Assert.Single(Runs.Check(tree.Root).Active("DC2003"));
        Assert.Equal(("requirements.txt", 2), (f.Path, f.Line));
        Assert.Equal("gunicorn in requirements.txt:2 has no --hash (1 other entry has --hash): `uv pip` at Dockerfile:4 verifies hashes only " +
                     "where present and installs it unverified", f.Message);
    }
}
