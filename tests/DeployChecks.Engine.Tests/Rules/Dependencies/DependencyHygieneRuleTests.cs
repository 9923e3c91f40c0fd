using System.Collections;
using System.Linq;
using System;
using DeployChecks.Engine.Hosting;
using DeployChecks.Engine.Models.Catalogs;
using DeployChecks.Engine.Options;
using DeployChecks.Engine.Reporting;
using DeployChecks.Engine.Rules.Dependencies;
using DeployChecks.Engine.Running;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Rules.Dependencies;

/// <summary>The dependency-hygiene rules DC2008, DC2010–DC2013 and DC2015.</summary>
public class DependencyHygieneRuleTests
{
    private static readonly DateTime Today = new(2026, 11, 24);

    /// <summary>A run with "today" fixed, so date-dependent rules do not rot.</summary>
    private static ChecklistReport CheckOn(string root, DateTime today) =>
        CheckRunner.Run(new CheckRequest(root) { Environment = new Hashtable(), Options = new DeployChecksOptions { Today = today } }, NullHost.Instance);

    // ---------------------------------------------------------------- DC2008

    [Fact]
    public void DC2008_reports_debuggers_and_test_tools_in_production_requirements_and_poetry_main_group()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC2008", "violating"));
        var f = Runs.Sorted(Runs.Check(tree.Root), "DC2008");
        Assert.Equal(new[]
        {
            "requirements.txt:4", "requirements.txt:5", "requirements/base.txt:3", "services/worker/pyproject.toml:9",
            "services/worker/pyproject.toml:10",
        }, f.Select(x => x.Path + ":" + x.Line));
        Assert.Equal("django-debug-toolbar (debug toolbar) is in the production dependencies of requirements.txt: when enabled it " +
                     "shows settings, SQL, headers and templates to the browser; a production install is one DEBUG or INTERNAL_IPS " +
                     "mistake away from leaking them", f[0].Message);
        Assert.Equal("django-debug-toolbar==4.4.6", f[0].Evidence);
        Assert.Equal(Severity.Medium, f[0].Severity);
        Assert.Equal("pytest-django==4.9.0", f[1].Evidence);
        Assert.Equal(Severity.Low, f[1].Severity);
        Assert.StartsWith("pytest-django (pytest plugin) is in the production dependencies of requirements.txt", f[1].Message);
        // base.txt's own entry, reported once although requirements.txt includes it too.
        Assert.StartsWith("ipdb (debugger) is in the production dependencies of requirements/base.txt:", f[2].Message);
        Assert.Equal(Severity.Medium, f[2].Severity);
        Assert.Equal("flake8>=7.1,<8.0", f[3].Evidence);
        Assert.StartsWith("django-extensions (developer toolkit)", f[4].Message);
        Assert.Equal(Severity.Low, f[4].Severity);
    }

    [Fact]
    public void DC2008_reports_a_dev_file_that_production_requirements_include()
    {
        using var tree = new TempTree();
        tree.Write("requirements.txt", "flask==3.0.3\n-r requirements-dev.txt\n");
        tree.Write("requirements-dev.txt", "# test tools\npytest==8.3.3\n");
        var f = Assert.Single(Runs.Check(tree.Root).Active("DC2008"));
        Assert.Equal("requirements-dev.txt", f.Path);
        Assert.Equal(2, f.Line);
        Assert.StartsWith("pytest (test runner) is in requirements-dev.txt, which requirements.txt includes with -r, so production installs it:", f.Message);
    }

    [Fact]
    public void DC2008_ignores_dev_groups_extras_constraints_lookalikes_and_test_folders()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC2008", "clean"));
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC2008"));
        Assert.Equal(CheckOutcome.Pass, report.Check("DC2008").Outcome);
    }

    [Fact]
    public void DC2008_a_severity_override_replaces_the_per_tool_severities()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC2008", "violating"));
        var options = new DeployChecksOptions { Today = Today };
        options.SeverityOverrides["DC2008"] = Severity.High;
        var report = CheckRunner.Run(new CheckRequest(tree.Root) { Environment = new Hashtable(), Options = options }, NullHost.Instance);
        Assert.Equal(5, report.Active("DC2008").Length);
        Assert.All(report.Active("DC2008"), f => Assert.Equal(Severity.High, f.Severity));
    }

    [Theory]
    [InlineData("pytest", "test runner")]
    [InlineData("pytest-cov", "pytest plugin")]
    [InlineData("flake8-bugbear", "flake8 plugin")]
    [InlineData("types-requests", "type stubs")]
    [InlineData("factory-boy", "test-data factory")]
    [InlineData("mypy-extensions", null)]
    [InlineData("typesense", null)]
    [InlineData("ipython-genutils", null)]
    [InlineData("pytest-", null)]
    [InlineData("werkzeug", null)]
    public void DC2008_tool_table_matches_names_and_prefixes(string name, string? kind)
    {
        Assert.Equal(kind, DevelopmentTools.Find(name)?.Kind);
        Assert.All(DevelopmentTools.All, t => Assert.False(string.IsNullOrWhiteSpace(t.Reason)));
    }

    // ---------------------------------------------------------------- DC2010

    [Fact]
    public void DC2010_reports_tokens_in_index_and_dependency_urls_with_redacted_evidence()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC2010", "violating"));
        var report = Runs.Check(tree.Root);
        var f = Runs.Sorted(report, "DC2010");
        Assert.Equal(new[] { "billing/Pipfile:8", "requirements.txt:1", "requirements.txt:5" }, f.Select(x => x.Path + ":" + x.Line));
        Assert.Equal("https://gh****@pypi.fury.io/acme/", f[0].Evidence);
        Assert.Equal("[[source]] 'fury' in billing/Pipfile holds a credential (https://gh****@pypi.fury.io/acme/): it is committed " +
                     "with the code and copied into locks, logs and images", f[0].Message);
        Assert.Equal("https://deploy-bot:****@gitlab.example.com/api/v4/projects/42/packages/pypi/simple", f[1].Evidence);
        Assert.StartsWith("--index-url in requirements.txt holds a credential", f[1].Message);
        Assert.Equal("git+https://oauth2:****@git.example.com/acme/sdk.git", f[2].Evidence);
        Assert.Equal("acme-sdk is installed from a URL that holds a credential (git+https://oauth2:****@git.example.com/acme/sdk.git) in requirements.txt", f[2].Message);
        Assert.All(f, x => Assert.Equal(Severity.Critical, x.Severity));
        Runs.AssertNowhere(report, "glpat-x7Qm2pL9vR4sT8wZ1yB3", "Zt9pQ4mW8xK2vR7nB3cD", "ghp0R2d2C3poBb8Yoda1Luke9");
    }

    [Fact]
    public void DC2010_accepts_environment_placeholders_short_user_names_and_test_fixtures()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC2010", "clean"));
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC2010"));
        Assert.Equal(CheckOutcome.Pass, report.Check("DC2010").Outcome);
    }

    [Fact]
    public void DC2010_reads_uv_pdm_and_poetry_sources_and_the_locks_that_copy_them()
    {
        using var tree = new TempTree();
        tree.Write("pyproject.toml", "[project]\nname = \"app\"\nversion = \"1\"\n\n[[tool.uv.index]]\nname = \"corp\"\n" +
                                     "url = \"https://ci:Q7w8E9r0T1y2@pypi.corp.example.com/simple\"\n\n[[tool.pdm.source]]\nname = \"pdm\"\n" +
                                     "url = \"https://bot:${PDM_TOKEN}@pdm.example.com/simple\"\n\n[[tool.poetry.source]]\nname = \"legacy\"\n" +
                                     "url = \"https://svc:P4ssw0rdP4ss@legacy.example.com/simple/\"\n");
        tree.Write("Pipfile.lock", "{\"_meta\": {\"sources\": [\n  {\"name\": \"corp\", \"url\": \"https://ci:Q7w8E9r0T1y2@pypi.corp.example.com/simple\", \"verify_ssl\": true}\n]}, \"default\": {}, \"develop\": {}}\n");
        var report = Runs.Check(tree.Root);
        var f = Runs.Sorted(report, "DC2010");
        Assert.Equal(new[] { "Pipfile.lock:2", "pyproject.toml:7", "pyproject.toml:15" }, f.Select(x => x.Path + ":" + x.Line));
        Assert.StartsWith("_meta.sources 'corp' in Pipfile.lock holds a credential (https://ci:****@pypi.corp.example.com/simple)", f[0].Message);
        Assert.Equal("https://svc:****@legacy.example.com/simple/", f[2].Evidence);
        Runs.AssertNowhere(report, "Q7w8E9r0T1y2", "P4ssw0rdP4ss");
    }

    // ---------------------------------------------------------------- DC2011

    [Fact]
    public void DC2011_reports_plain_http_indexes_trusted_hosts_and_disabled_verification()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC2011", "violating"));
        var f = Runs.Sorted(Runs.Check(tree.Root), "DC2011");
        Assert.Equal(new[]
        {
            "reports/Pipfile:3", "reports/pyproject.toml:7", "requirements.txt:1", "requirements.txt:2", "requirements.txt:3", "requirements.txt:5",
        }, f.Select(x => x.Path + ":" + x.Line));
        Assert.Equal("reports/Pipfile: source 'mirror' (https://mirror.corp.example.com/simple) sets verify_ssl = false: any certificate " +
                     "is accepted, so anyone on the network path can impersonate the index", f[0].Message);
        Assert.Equal("reports/pyproject.toml: tool.uv.allow-insecure-host 'mirror.corp.example.com': uv skips certificate verification " +
                     "for this host and accepts plain HTTP from it", f[1].Message);
        Assert.Equal("requirements.txt: --index-url http://pypi.corp.example.com/simple/ is plain HTTP: anyone on the network path can " +
                     "serve altered packages", f[2].Message);
        Assert.Equal("pypi.corp.example.com", f[3].Evidence);
        Assert.StartsWith("requirements.txt: --trusted-host pypi.corp.example.com: pip skips certificate verification", f[3].Message);
        Assert.Equal("http://wheels.corp.example.com/linux/", f[4].Evidence);
        Assert.Equal("requirements.txt: legacy-lib is downloaded over plain HTTP (http://files.corp.example.com/legacy_lib-1.0.tar.gz) with no hash to check it", f[5].Message);
        Assert.All(f, x => Assert.Equal(Severity.High, x.Severity));
    }

    [Fact]
    public void DC2010_reads_dockerfile_env_and_arg_and_index_options_on_install_commands()
    {
        using var tree = new TempTree();
        tree.Write("requirements.txt", "flask==3.0.3\n");
        tree.Write("Dockerfile",
            "ARG PIP_EXTRA_INDEX_URL=https://__token__:glpat-s3cr3tTokenValue99@gitlab.corp.example/api/v4/projects/7/packages/pypi/simple\n" +
            "FROM python:3.12-slim AS test\n" +
            "ENV PIP_INDEX_URL=https://ci:testonlypassword1@pypi.corp.example/simple\n" +
            "FROM python:3.12-slim\n" +
            "ENV PIP_INDEX_URL=https://${PIP_USER}:${PIP_PASSWORD}@pypi.corp.example/simple \\\n" +
            "    PIP_DEFAULT_TIMEOUT=60\n" +
            "COPY requirements.txt .\n" +
            "RUN pip install --no-cache-dir --extra-index-url https://deploy:Pa55w0rdForPkgs@pkgs.corp.example/simple -r requirements.txt\n");
        tree.Write(".github/workflows/deploy.yml",
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install -ihttps://bot:HunterHunter2024@mirror.corp.example/simple -r requirements.txt\n");
        var report = Runs.Check(tree.Root);
        var f = report.Sorted("DC2010");
        Assert.Equal(new[]
        {
            ".github/workflows/deploy.yml:6 --index-url on the install command at .github/workflows/deploy.yml:6 holds a credential (https://bot:****@mirror.corp.example/simple): it is committed with the code and printed in build logs",
            "Dockerfile:1 PIP_EXTRA_INDEX_URL set in Dockerfile:1 holds a credential (https://__token__:****@gitlab.corp.example/api/v4/projects/7/packages/pypi/simple): it is committed with the code and stays in the image history (docker history shows ENV and ARG values)",
            "Dockerfile:8 --extra-index-url on the install command at Dockerfile:8 holds a credential (https://deploy:****@pkgs.corp.example/simple): it is committed with the code and printed in build logs",
        }, f.Select(x => $"{x.Path}:{x.Line} {x.Message}"));
        Runs.AssertNowhere(report, "s3cr3tTokenValue99", "Pa55w0rdForPkgs", "HunterHunter2024", "testonlypassword1");
    }

    [Fact]
    public void DC2011_reads_the_legacy_env_form_whose_value_is_the_rest_of_the_line()
    {
        using var tree = new TempTree();
        tree.Write("requirements.txt", "flask==3.0.3\n");
        tree.Write("Dockerfile",
            "FROM python:3.12-slim\n" +
            "ENV PIP_INDEX_URL http://mirror.corp.example/simple?region=eu\n" +
            "ENV PIP_TRUSTED_HOST pypi.corp.example files.corp.example\n" +
            "ARG PIP_EXTRA_INDEX_URL\n");
        Assert.Equal(new[]
        {
            "Dockerfile:2: PIP_INDEX_URL http://mirror.corp.example/simple?region=eu is plain HTTP: anyone on the network path can serve altered packages",
            "Dockerfile:3: PIP_TRUSTED_HOST pypi.corp.example: the installer skips certificate verification for this host and accepts plain HTTP from it",
            "Dockerfile:3: PIP_TRUSTED_HOST files.corp.example: the installer skips certificate verification for this host and accepts plain HTTP from it",
        }, Runs.Check(tree.Root).Sorted("DC2011").Select(x => x.Message));
    }

    [Fact]
    public void DC2010_and_DC2011_read_index_variables_in_ci_and_compose_files()
    {
        using var tree = new TempTree();
        tree.Write("requirements.txt", "flask==3.0.3\n");
        tree.Write(".github/workflows/ci.yml",
            "on: push\nenv:\n  PIP_EXTRA_INDEX_URL: https://ci-bot:GhSecretValue2024@pkgs.corp.example/simple\n" +
            "jobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      PIP_INDEX_URL: https://${{ secrets.PIP_USER }}:${{ secrets.PIP_TOKEN }}@pypi.corp.example/simple\n" +
            "    steps:\n      - run: pip install -r requirements.txt\n");
        tree.Write(".gitlab-ci.yml",
            "variables:\n  PIP_INDEX_URL:\n    value: http://mirror.corp.example/simple\n    description: internal mirror\n  UV_INDEX_URL: https://gitlab-ci-token:$CI_JOB_TOKEN@gitlab.corp.example/simple\n" +
            "test:\n  script:\n    - pip install -r requirements.txt\n");
        tree.Write("azure-pipelines.yml",
            "variables:\n  - name: PIP_EXTRA_INDEX_URL\n    value: https://az:AzureFeedPat12345@pkgs.dev.azure.com/org/_packaging/feed/pypi/simple\n" +
            "steps:\n  - script: pip install -r requirements.txt\n");
        tree.Write("docker-compose.yml",
            "services:\n  web:\n    build:\n      context: .\n    environment:\n      - PIP_TRUSTED_HOST=pypi.corp.example\n      - DJANGO_DEBUG=0\n");
        var report = Runs.Check(tree.Root);
        Assert.Equal(new[]
        {
            ".github/workflows/ci.yml:3 PIP_EXTRA_INDEX_URL set in .github/workflows/ci.yml:3 holds a credential (https://ci-bot:****@pkgs.corp.example/simple): it is committed with the code; use the CI system's secret variables instead",
            "azure-pipelines.yml:3 PIP_EXTRA_INDEX_URL set in azure-pipelines.yml:3 holds a credential (https://az:****@pkgs.dev.azure.com/org/_packaging/feed/pypi/simple): it is committed with the code; use the CI system's secret variables instead",
        }, report.Sorted("DC2010").Select(x => $"{x.Path}:{x.Line} {x.Message}"));
        Assert.Equal(new[]
        {
            ".gitlab-ci.yml:3: PIP_INDEX_URL http://mirror.corp.example/simple is plain HTTP: anyone on the network path can serve altered packages",
            "docker-compose.yml:6: PIP_TRUSTED_HOST pypi.corp.example: the installer skips certificate verification for this host and accepts plain HTTP from it",
        }, report.Sorted("DC2011").Select(x => x.Message));
        Runs.AssertNowhere(report, "GhSecretValue2024", "AzureFeedPat12345");
    }

    [Fact]
    public void DC2011_reads_trusted_hosts_and_plain_http_in_dockerfiles_and_install_commands()
    {
        using var tree = new TempTree();
        tree.Write("requirements.txt", "flask==3.0.3\n");
        tree.Write("Dockerfile",
            "FROM python:3.12-slim\n" +
            "ENV PIP_TRUSTED_HOST=\"pypi.corp.example files.corp.example\"\n" +
            "RUN pip install --trusted-host localhost -i http://mirror.corp.example/simple -r requirements.txt\n" +
            "RUN pip install --index-url https://pypi.org/simple gunicorn==22.0.0\n");
        var f = Runs.Check(tree.Root).Sorted("DC2011");
        Assert.Equal(new[]
        {
            "Dockerfile:2: PIP_TRUSTED_HOST pypi.corp.example: the installer skips certificate verification for this host and accepts plain HTTP from it",
            "Dockerfile:2: PIP_TRUSTED_HOST files.corp.example: the installer skips certificate verification for this host and accepts plain HTTP from it",
            "Dockerfile:3: --index-url http://mirror.corp.example/simple is plain HTTP: anyone on the network path can serve altered packages",
        }, f.Select(x => x.Message));
    }

    [Fact]
    public void DC2011_skips_loopback_hashed_downloads_docs_and_locks_that_repeat_the_manifest()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC2011", "clean"));
        Assert.Empty(Runs.Check(tree.Root).Active("DC2011"));

        using var mirror = new TempTree();
        mirror.Write("Pipfile", "[[source]]\nname = \"m\"\nurl = \"https://m.example.com/simple\"\nverify_ssl = false\n\n[packages]\nflask = \"*\"\n");
        mirror.Write("Pipfile.lock", "{\"_meta\": {\"sources\": [{\"name\": \"m\", \"url\": \"https://m.example.com/simple\", \"verify_ssl\": false}]}, \"default\": {}}\n");
        mirror.Write("pyproject.toml", "[project]\nname = \"x\"\nversion = \"1\"\n\n[[tool.pdm.source]]\nname = \"plain\"\nurl = \"http://pdm.example.com/simple\"\n");
        var f = Runs.Sorted(Runs.Check(mirror.Root), "DC2011");
        Assert.Equal(new[] { "Pipfile:3", "pyproject.toml:7" }, f.Select(x => x.Path + ":" + x.Line));
        Assert.Equal("pyproject.toml: index 'plain' http://pdm.example.com/simple is plain HTTP: anyone on the network path can serve altered packages", f[1].Message);
    }

    // ---------------------------------------------------------------- DC2012

    [Fact]
    public void DC2012_reports_branches_tags_and_missing_revisions_of_vcs_dependencies()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC2012", "violating"));
        var f = Runs.Sorted(Runs.Check(tree.Root), "DC2012");
        Assert.Equal(new[] { "requirements.txt:2", "requirements.txt:3", "requirements.txt:4", "worker/pyproject.toml:9" }, f.Select(x => x.Path + ":" + x.Line));
        Assert.Equal("django-tenants is installed from git+https://github.com/django-tenants/django-tenants.git at 'master', a branch or tag that can move", f[0].Message);
        Assert.Equal("git+https://github.com/django-tenants/django-tenants.git@master", f[0].Evidence);
        Assert.Equal("git+https://github.com/acme/payments-sdk.git@v2.3.0", f[1].Evidence);
        Assert.Equal("audit-log is installed from git+https://github.com/acme/audit-log.git with no revision, so every install takes the default branch's latest commit", f[2].Message);
        Assert.Equal("acme-tasks is installed from https://github.com/acme/tasks.git at 'main', a branch or tag that can move (poetry.lock does not record a commit for it)", f[3].Message);
        Assert.All(f, x => Assert.Equal(Severity.Medium, x.Severity));
    }

    [Fact]
    public void DC2012_a_lock_that_records_the_commit_pins_the_dependency()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC2012", "clean"));
        Assert.Empty(Runs.Check(tree.Root).Active("DC2012"));

        using var pipenv = new TempTree();
        pipenv.Write("Pipfile", "[packages]\nacme-lib = {git = \"https://github.com/acme/lib.git\", ref = \"v1.4.0\"}\n");
        pipenv.Write("Pipfile.lock", "{\"_meta\": {}, \"default\": {\"acme-lib\": {\"git\": \"https://github.com/acme/lib.git\", \"ref\": \"2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c\"}}}\n");
        pipenv.Write("other/Pipfile", "[packages]\nacme-lib = {git = \"https://github.com/acme/lib.git\", ref = \"v1.4.0\"}\n");
        var f = Assert.Single(Runs.Check(pipenv.Root).Active("DC2012"));
        Assert.Equal("other/Pipfile", f.Path);
        Assert.Equal(2, f.Line);
    }

    [Fact]
    public void DC2012_reads_uv_git_sources_and_pep508_references()
    {
        using var tree = new TempTree();
        tree.Write("pyproject.toml", "[project]\nname = \"api\"\nversion = \"1\"\ndependencies = [\n  \"acme-auth\",\n" +
                                     "  \"acme-geo @ git+https://github.com/acme/geo@v2\",\n]\n\n[tool.uv.sources]\nacme-auth = { git = \"https://github.com/acme/auth\", branch = \"develop\" }\n");
        var f = Runs.Sorted(Runs.Check(tree.Root), "DC2012");
        Assert.Equal(new[] { 5, 6 }, f.Select(x => x.Line));
        Assert.Equal("acme-auth is installed from https://github.com/acme/auth at 'develop', a branch or tag that can move", f[0].Message);
        Assert.Equal("git+https://github.com/acme/geo@v2", f[1].Evidence);
    }

    // ---------------------------------------------------------------- DC2013

    [Fact]
    public void DC2013_reports_end_of_life_interpreters_and_requires_python_lower_bounds()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC2013", "violating"));
        var f = Runs.Sorted(CheckOn(tree.Root, Today), "DC2013");
        Assert.Equal(new[] { ".python-version:1", "pyproject.toml:4", "runtime.txt:1" }, f.Select(x => x.Path + ":" + x.Line));
        Assert.Equal(".python-version selects Python 3.8.18, which reached end of life on 2024-10-07 and gets no security fixes " +
                     "(https://devguide.python.org/versions/)", f[0].Message);
        Assert.Equal("Python 3.8 (end of life 2024-10-07)", f[0].Evidence);
        Assert.Equal("requires-python '>=3.7' admits Python 3.7, which reached end of life on 2023-06-27 and gets no security fixes " +
                     "(https://devguide.python.org/versions/)", f[1].Message);
        Assert.StartsWith("runtime.txt selects Python 3.9.20, which reached end of life on 2025-10-31", f[2].Message);
        Assert.All(f, x => Assert.Equal(Severity.Medium, x.Severity));
    }

    [Fact]
    public void DC2013_today_comes_from_the_options_and_nearing_end_of_life_is_low()
    {
        using var tree = new TempTree();
        tree.Write(".python-version", "3.11.10\n");
        Assert.Empty(CheckOn(tree.Root, Today).Active("DC2013"));

        var near = Assert.Single(CheckOn(tree.Root, new DateTime(2027, 6, 1)).Active("DC2013"));
        Assert.Equal(Severity.Low, near.Severity);
        Assert.Equal(".python-version selects Python 3.11.10, which reaches end of life on 2027-10-31, in 152 days " +
                     "(https://devguide.python.org/versions/)", near.Message);

        var past = Assert.Single(CheckOn(tree.Root, new DateTime(2027, 10, 31)).Active("DC2013"));
        Assert.Equal(Severity.Medium, past.Severity);
    }

    [Theory]
    [InlineData("[project]\nname = \"a\"\nrequires-python = \">=3.8.1,<4\"\n", 3, "requires-python '>=3.8.1,<4' admits Python 3.8")]
    [InlineData("[project]\nname = \"a\"\nrequires-python = \"!=3.7.*,>=3.7\"\n", 3, "requires-python '!=3.7.*,>=3.7' admits Python 3.8")]
    [InlineData("[project]\nname = \"a\"\nrequires-python = \">=2.7, !=3.0.*\"\n", 3, "requires-python '>=2.7, !=3.0.*' admits Python 2.7")]
    [InlineData("[tool.poetry]\nname = \"a\"\n\n[tool.poetry.dependencies]\npython = \"^3.9\"\nflask = \"^3.0\"\n", 5, "tool.poetry python '>=3.9,<4.0' admits Python 3.9")]
    [InlineData("[project]\nname = \"a\"\nrequires-python = \"~=3.10\"\n", 3, "requires-python '~=3.10' admits Python 3.10")]
    public void DC2013_takes_the_lowest_version_a_specifier_admits(string pyproject, int line, string message)
    {
        using var tree = new TempTree();
        tree.Write("pyproject.toml", pyproject);
        var f = Assert.Single(CheckOn(tree.Root, Today).Active("DC2013"));
        Assert.Equal(line, f.Line);
        Assert.StartsWith(message + ",", f.Message);
    }

    [Fact]
    public void DC2013_judges_on_the_date_an_option_override_gives()
    {
        using var tree = new TempTree();
        tree.Write(".python-version", "3.11.9\n");
        Assert.Empty(Runs.Check(tree.Root, new OptionOverrides { Today = new DateTime(2026, 11, 24) }).Active("DC2013"));
        var f = Assert.Single(Runs.Check(tree.Root, new OptionOverrides { Today = new DateTime(2027, 11, 1) }).Active("DC2013"));
        Assert.Equal(".python-version", f.Path);
        Assert.Equal(Severity.Medium, f.Severity);
    }

    [Fact]
    public void DC2013_reads_pipfile_requires_and_skips_unknown_or_supported_versions()
    {
        using var tree = new TempTree();
        tree.Write("Pipfile", "[packages]\nflask = \"*\"\n\n[requires]\npython_version = \"3.9\"\npython_full_version = \"3.9.7\"\n");
        tree.Write("svc/.python-version", "pypy3.9-7.3.16\nsystem\n");
        tree.Write("svc/pyproject.toml", "[project]\nname = \"svc\"\nrequires-python = \">=3.12\"\n");
        tree.Write("svc/runtime.txt", "python-3.13.0\n");
        var f = Assert.Single(CheckOn(tree.Root, Today).Active("DC2013"));
        Assert.Equal("Pipfile", f.Path);
        Assert.Equal(6, f.Line);
        Assert.StartsWith("[requires] python_full_version = \"3.9.7\" runs Python 3.9, which reached end of life on 2025-10-31", f.Message);
    }

    [Fact]
    public void DC2013_table_holds_the_devguide_dates()
    {
        Assert.Equal(new DateTime(2020, 1, 1), PythonReleases.EndOfLife(2, 7));
        Assert.Equal(new DateTime(2021, 12, 23), PythonReleases.EndOfLife(3, 6));
        Assert.Equal(new DateTime(2023, 6, 27), PythonReleases.EndOfLife(3, 7));
        Assert.Equal(new DateTime(2024, 10, 7), PythonReleases.EndOfLife(3, 8));
        Assert.Equal(new DateTime(2025, 10, 31), PythonReleases.EndOfLife(3, 9));
        Assert.Equal(new DateTime(2026, 10, 31), PythonReleases.EndOfLife(3, 10));
        Assert.Equal(new DateTime(2030, 10, 31), PythonReleases.EndOfLife(3, 14));
        Assert.Null(PythonReleases.EndOfLife(3, 15));
    }

    // ---------------------------------------------------------------- DC2015

    [Fact]
    public void DC2015_reports_each_problem_once_with_file_and_line_and_one_error_record_each()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC2015", "violating"));
        var report = Runs.Check(tree.Root);
        var f = Runs.Sorted(report, "DC2015");
        Assert.Equal(new[] { "requirements.txt:4", "requirements.txt:5", "requirements/common.txt:1", "worker/pyproject.toml:4" }, f.Select(x => x.Path + ":" + x.Line));
        Assert.Equal("requirements.txt:4: invalid requirement 'gunicorn=22.0.0': invalid version specifier '=22.0.0'; pip will refuse the file", f[0].Message);
        Assert.Equal("requirements.txt:5: -r requirements/prod-extras.txt: file not found (requirements/prod-extras.txt); pip will refuse the file", f[1].Message);
        Assert.Equal("requirements/common.txt:1: invalid requirement 'celery>=5.4,<': invalid version specifier '>=5.4,<'; pip will refuse the file", f[2].Message);
        Assert.Equal("worker/pyproject.toml:4: TOML syntax error: Invalid newline in a string; pip, Poetry and uv will refuse the file", f[3].Message);
        Assert.All(f, x => Assert.Null(x.Evidence));
        var errors = report.Errors.Where(e => e.ErrorId == DependencyFileMalformedRule.ErrorId).ToList();
        Assert.Equal(f.Select(x => x.Path + ":" + x.Line), errors.Select(e => e.Path + ":" + e.Line).OrderBy(s => s, StringComparer.Ordinal));
        // The other dependency rules ran on the same files.
        Assert.Equal(CheckOutcome.Pass, report.Check("DC2008").Outcome);
    }

    [Fact]
    public void DC2015_reports_include_cycles_and_the_run_goes_on()
    {
        using var tree = new TempTree();
        tree.Write("requirements.txt", "-r requirements/prod.txt\nflask==3.0.3\npytest==8.3.3\n");
        tree.Write("requirements/prod.txt", "-r ../requirements.txt\ngunicorn==22.0.0\n");
        ChecklistReport report = null!;
        HangGuard.MustFinish(() => report = Runs.Check(tree.Root));
        var f = Runs.Sorted(report, "DC2015");
        Assert.Equal(new[] { "requirements.txt:1", "requirements/prod.txt:1" }, f.Select(x => x.Path + ":" + x.Line));
        Assert.Contains("include cycle (requirements/prod.txt -> requirements.txt -> requirements/prod.txt)", f[0].Message);
        Assert.Contains("include cycle (requirements.txt -> requirements/prod.txt -> requirements.txt)", f[1].Message);
        // DC2008 still sees pytest through the cycle, once.
        var dev = Assert.Single(report.Active("DC2008"));
        Assert.Equal("requirements.txt:3", dev.Path + ":" + dev.Line);
    }

    [Fact]
    public void DC2015_redacts_credentials_in_malformed_lines_and_skips_test_fixtures()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC2015", "clean"));
        Assert.Empty(Runs.Check(tree.Root).Active("DC2015"));

        using var broken = new TempTree();
        broken.Write("requirements.txt", "--index-url \"https://bot:Xy7Zq9Wv3Ut5@pypi.example.com/simple\nflask==3.0.3\n");
        var report = Runs.Check(broken.Root);
        var f = Assert.Single(report.Active("DC2015"));
        Assert.Contains("bot:****@pypi.example.com", f.Message);
        Runs.AssertNowhere(report, "Xy7Zq9Wv3Ut5");
    }

    [Fact]
    public void DC2015_leaves_out_what_only_a_static_reader_cannot_evaluate_in_setup_py()
    {
        using var tree = new TempTree();
        tree.Write("setup.py", "from setuptools import setup\n\nREQS = open('requirements.txt').read().splitlines()\n\nsetup(name='app', install_requires=REQS)\n");
        tree.Write("requirements.txt", "flask==3.0.3\n");
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC2015"));
        Assert.DoesNotContain(report.Errors, e => e.ErrorId == DependencyFileMalformedRule.ErrorId);
    }
}
