using System.Linq;
using DeployChecks.Engine.Reporting;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Rules.Configuration;

/// <summary>The Python configuration rules DC1005–DC1011 on realistic Django, Flask and FastAPI trees.</summary>
public class ConfigurationRuleTests
{
    // ---------------------------------------------------------------- DC1005

    [Fact]
    public void DC1005_reports_literal_secrets_in_split_django_settings_with_redacted_evidence()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1005", "violating"));
        var report = Runs.Check(tree.Root);
        var f = Runs.Sorted(report, "DC1005");
        Assert.Equal(3, f.Length);
        Assert.Equal(("shop/settings/base.py", 6), (f[0].Path, f[0].Line));
        Assert.StartsWith("SECRET_KEY in settings module shop/settings/base.py is a literal value", f[0].Message);
        Assert.Equal("SECRET_KEY = dj****", f[0].Evidence);
        Assert.Equal(("shop/settings/base.py", 22), (f[1].Path, f[1].Line));
        Assert.Contains("PASSWORD in DATABASES", f[1].Message);
        Assert.Equal("PASSWORD = Tr****", f[1].Evidence);
        Assert.Equal(("shop/settings/prod.py", 5), (f[2].Path, f[2].Line));
        Assert.Equal("EMAIL_HOST_PASSWORD = 9b****", f[2].Evidence);
        Assert.All(f, x => Assert.Equal(Severity.High, x.Severity));
        Runs.AssertNowhere(report, "django-insecure-7f3k9x2m8q4w1z6v5n0b3c8j2h7g4d1s", "Tr0ub4dor-and-3", "9b1f0c7e2d4a6b8c");
    }

    [Fact]
    public void DC1005_clean_project_with_dev_settings_tests_docs_and_placeholders_passes()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1005", "clean"));
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC1005"));
        Assert.Equal(CheckOutcome.Pass, report.Check("DC1005").Outcome);
    }

    [Fact]
    public void DC1005_flags_flask_production_config_and_app_config_but_not_development_classes()
    {
        using var tree = new TempTree();
        tree.Write("app/__init__.py",
            "from flask import Flask\n" +
            "\n" +
            "def create_app():\n" +
            "    app = Flask(__name__)\n" +
            "    app.config.from_object(\"app.config.ProductionConfig\")\n" +
            "    app.config[\"SECRET_KEY\"] = \"a8f5f167f44f4964e6c998dee827110c\"\n" +
            "    app.config.update(MAIL_PASSWORD=\"Mx7pQ2rT9wK4\", MAIL_SERVER=\"smtp.example.com\")\n" +
            "    return app\n");
        tree.Write("app/config.py",
            "import os\n" +
            "\n" +
            "class Config:\n" +
            "    SECRET_KEY = os.environ.get(\"SECRET_KEY\")\n" +
            "\n" +
            "class ProductionConfig(Config):\n" +
            "    SQLALCHEMY_DATABASE_URI = \"postgresql://app:S3cretPw42@db.internal/app\"\n" +
            "\n" +
            "class DevelopmentConfig(Config):\n" +
            "    SECRET_KEY = \"dev-secret-key-123456\"\n" +
            "\n" +
            "class TestingConfig(Config):\n" +
            "    SQLALCHEMY_DATABASE_URI = \"postgresql://test:test1234@localhost/test\"\n");
        var report = Runs.Check(tree.Root);
        var f = Runs.Sorted(report, "DC1005");
        Assert.Equal(3, f.Length);
        Assert.Equal(("app/__init__.py", 6), (f[0].Path, f[0].Line));
        Assert.Contains("SECRET_KEY in Flask configuration", f[0].Message);
        Assert.Equal(("app/__init__.py", 7), (f[1].Path, f[1].Line));
        Assert.Contains("MAIL_PASSWORD", f[1].Message);
        Assert.Equal(("app/config.py", 7), (f[2].Path, f[2].Line));
        Assert.Contains("SQLALCHEMY_DATABASE_URI in config class ProductionConfig", f[2].Message);
        Assert.Contains("a connection string with its password", f[2].Message);
        Assert.DoesNotContain("S3cretPw42", f[2].Evidence);
        Runs.AssertNowhere(report, "a8f5f167f44f4964e6c998dee827110c", "Mx7pQ2rT9wK4", "S3cretPw42");
    }

    [Fact]
    public void DC1005_and_DC1011_settings_that_describe_a_credential_are_not_secrets()
    {
        using var tree = new TempTree();
        tree.Write("shop/settings.py",
            "TOKEN_TYPE = \"Bearer\"\n" +
            "SECRET_KEY_ENV_VAR = \"DJANGO_SECRET_KEY\"\n" +
            "PASSWORD_RESET_TEMPLATE = \"registration/password_reset_email.html\"\n" +
            "OAUTH2_TOKEN_ENDPOINT = \"https://login.microsoftonline.com/common/oauth2/v2.0/token\"\n" +
            "API_TOKEN = \"tok_8f7e6d5c4b3a2918\"\n");
        tree.Write("shop/app.py",
            "import logging\n" +
            "log = logging.getLogger(__name__)\n" +
            "def show(app):\n" +
            "    log.info(\"token endpoint %s\", app.config[\"OAUTH2_TOKEN_ENDPOINT\"])\n" +
            "    log.info(\"reset template %s\", app.config[\"PASSWORD_RESET_TEMPLATE\"])\n");
        var report = Runs.Check(tree.Root);
        Assert.Equal(5, Assert.Single(report.Active("DC1005")).Line);
        Assert.Empty(report.Active("DC1011"));
    }

    [Fact]
    public void DC1005_DC1006_DC1010_base_values_replaced_by_every_production_module_are_not_reported()
    {
        using var tree = new TempTree();
        tree.Write("shop/__init__.py", "");
        tree.Write("shop/settings/__init__.py", "");
        tree.Write("shop/settings/base.py",
            "SECRET_KEY = \"django-insecure-base-k3j4h5g6f7d8\"\n" +
            "DEBUG = True\n" +
            "ALLOWED_HOSTS = [\"*\"]\n");
        tree.Write("shop/settings/prod.py",
            "import os\n" +
            "from .base import *  # noqa\n" +
            "SECRET_KEY = os.environ[\"SECRET_KEY\"]\n" +
            "DEBUG = False\n" +
            "ALLOWED_HOSTS = os.environ[\"ALLOWED_HOSTS\"].split(\",\")\n");
        tree.Write("shop/settings/dev.py", "from .base import *  # noqa\n");
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC1005"));
        Assert.Empty(report.Active("DC1006"));
        Assert.Empty(report.Active("DC1010"));

        // A second production module that inherits DEBUG and the key from base.py: now they reach production.
        tree.Write("shop/settings/staging.py",
            "from .prod import *  # noqa\n" +
            "from .base import DEBUG, SECRET_KEY  # noqa\n");
        tree.Write("shop/settings/demo.py", "from .base import *  # noqa\n");
        report = Runs.Check(tree.Root);
        Assert.Equal(("shop/settings/base.py", 1), (Assert.Single(report.Active("DC1005")).Path, report.Active("DC1005")[0].Line));
        Assert.Equal(2, Assert.Single(report.Active("DC1006")).Line);
        Assert.Equal(3, Assert.Single(report.Active("DC1010")).Line);
    }

    [Fact]
    public void DC1005_leaves_pydantic_settings_defaults_to_DC1007()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1007", "violating"));
        var report = Runs.Check(tree.Root);
        Assert.DoesNotContain(report.Active("DC1005"), f => f.Path == "api/config.py");
        Assert.Contains(report.Active("DC1007"), f => f.Path == "api/config.py" && f.Line == 7);
    }

    [Fact]
    public void DC1005_file_that_fails_to_parse_is_reported_once_and_the_rest_is_still_checked()
    {
        using var tree = new TempTree();
        tree.Write("shop/settings.py",
            "SECRET_KEY = \"k8v2q9z1x7m4n0p3r6t5w8y2u1i9o\"\n" +
            "DEBUG = True\n" +
            "ALLOWED_HOSTS = [\"*\"]\n" +
            "def broken(:\n" +
            "    pass\n");
        tree.Write("shop/config.py", "class ProductionConfig:\n    DEBUG = True\n");
        var report = Runs.Check(tree.Root);
        // Seven rules read the file; the error is reported once.
        var error = Assert.Single(report.Errors, e => e.ErrorId == "PythonSyntaxError");
        Assert.Equal("shop/settings.py", error.Path);
        Assert.Equal(4, error.Line);
        Assert.Contains("the rest of the file was still checked", error.Message);
        Assert.Equal(1, Assert.Single(report.Active("DC1005")).Line);
        var debug = Runs.Sorted(report, "DC1006");
        Assert.Equal(new[] { ("shop/config.py", 2), ("shop/settings.py", 2) }, debug.Select(f => (f.Path, f.Line)));
        Assert.Equal(3, Assert.Single(report.Active("DC1010")).Line);
    }

    // ---------------------------------------------------------------- DC1006

    [Fact]
    public void DC1006_reports_debug_defaulting_on_with_the_environment_reasoning()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1006", "violating"));
        var report = Runs.Check(tree.Root);
        var f = Runs.Sorted(report, "DC1006");
        Assert.Equal(3, f.Length);

        Assert.Equal(("api/config.py", 8), (f[0].Path, f[0].Line));
        Assert.StartsWith("Settings.debug defaults to on: with API_DEBUG unset, `True` evaluates to True", f[0].Message);

        Assert.Equal(("shop/settings/base.py", 6), (f[1].Path, f[1].Line));
        Assert.Contains("with DJANGO_DEBUG unset, `os.environ.get(\"DJANGO_DEBUG\", \"True\") == \"True\"` evaluates to True", f[1].Message);
        Assert.Equal("DEBUG = os.environ.get(\"DJANGO_DEBUG\", \"True\") == \"True\"", f[1].Evidence);

        Assert.Equal(("worker/app.py", 12), (f[2].Path, f[2].Line));
        Assert.StartsWith("app.run(debug=True) is called with debug on", f[2].Message);
        Assert.Contains("Werkzeug debugger", f[2].Message);
    }

    [Fact]
    public void DC1006_clean_project_with_env_bool_dev_ci_and_testing_configs_passes()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1006", "clean"));
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC1006"));
        Assert.Equal(CheckOutcome.Pass, report.Check("DC1006").Outcome);
    }

    [Fact]
    public void DC1006_string_fallback_False_is_truthy()
    {
        using var tree = new TempTree();
        tree.Write("shop/settings.py", "import os\n\nDEBUG = os.getenv(\"DJANGO_DEBUG\", \"False\")\n");
        var report = Runs.Check(tree.Root);
        var f = Assert.Single(report.Active("DC1006"));
        Assert.Equal(3, f.Line);
        Assert.Contains("with DJANGO_DEBUG unset, `os.getenv(\"DJANGO_DEBUG\", \"False\")` evaluates to the string 'False', which is true", f.Message);
    }

    [Fact]
    public void DC1006_reports_literal_debug_in_production_config_class_and_on_the_flask_app()
    {
        using var tree = new TempTree();
        tree.Write("app/config.py", "class ProductionConfig:\n    DEBUG = True\n\nclass DevelopmentConfig:\n    DEBUG = True\n");
        tree.Write("app/__init__.py", "from flask import Flask\n\napp = Flask(__name__)\napp.debug = True\n");
        var report = Runs.Check(tree.Root);
        var f = Runs.Sorted(report, "DC1006");
        Assert.Equal(2, f.Length);
        Assert.Equal(("app/__init__.py", 4), (f[0].Path, f[0].Line));
        Assert.Contains("debug is on wherever this code runs", f[0].Message);
        Assert.Equal(("app/config.py", 2), (f[1].Path, f[1].Line));
        Assert.StartsWith("ProductionConfig.DEBUG is True in app/config.py", f[1].Message);
    }

    [Fact]
    public void DC1006_packages_whose_names_start_like_dev_or_local_are_production_code()
    {
        using var tree = new TempTree();
        tree.Write("devices/settings.py", "DEBUG = True\n");
        tree.Write("localization/config.py", "class ProductionConfig:\n    DEBUG = True\n");
        tree.Write("devices/renderer.py", "class Renderer:\n    def __init__(self):\n        self.debug = True\n");
        tree.Write("devices/devsettings.py", "DEBUG = True\n");
        var report = Runs.Check(tree.Root);
        var f = Runs.Sorted(report, "DC1006");
        Assert.Equal(new[] { ("devices/settings.py", 1), ("localization/config.py", 2) }, f.Select(x => (x.Path, x.Line)));
    }

    [Fact]
    public void DC1006_off_by_default_reads_are_clean()
    {
        using var tree = new TempTree();
        tree.Write("shop/settings.py",
            "import os\n" +
            "import environ\n" +
            "from decouple import config\n" +
            "env = environ.Env()\n" +
            "DEBUG = env.bool(\"DEBUG\", default=False)\n" +
            "DEBUG = config(\"DEBUG\", default=\"False\", cast=bool)\n" +
            "DEBUG = os.environ.get(\"DEBUG\", \"0\") == \"1\"\n" +
            "DEBUG = os.getenv(\"DEBUG\", \"\")\n" +
            "DEBUG = os.environ[\"DEBUG\"] == \"1\"\n");
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC1006"));
    }

    [Fact]
    public void DC1006_django_environ_scheme_defaults_are_the_fallback()
    {
        using var tree = new TempTree();
        tree.Write("shop/settings.py",
            "import environ\n" +
            "env = environ.Env(DEBUG=(bool, True), TEMPLATE_DEBUG=(bool, False))\n" +
            "DEBUG = env(\"DEBUG\")\n" +
            "TEMPLATE_DEBUG = env(\"TEMPLATE_DEBUG\")\n");
        var report = Runs.Check(tree.Root);
        var f = Assert.Single(report.Active("DC1006"));
        Assert.Equal(3, f.Line);
        Assert.Contains("with DEBUG unset, `env(\"DEBUG\")` evaluates to True", f.Message);
    }

    // ---------------------------------------------------------------- DC1007

    [Fact]
    public void DC1007_reports_secret_and_url_fallbacks_with_their_consequence()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1007", "violating"));
        var report = Runs.Check(tree.Root);
        var f = Runs.Sorted(report, "DC1007");
        Assert.Equal(4, f.Length);

        Assert.Equal(("api/config.py", 7), (f[0].Path, f[0].Line));
        Assert.StartsWith("API_JWT_SECRET falls back to \"su****\" when unset (pydantic-settings)", f[0].Message);

        Assert.Equal(("shop/settings/base.py", 3), (f[1].Path, f[1].Line));
        Assert.Equal("DJANGO_SECRET_KEY default \"dj****\"", f[1].Evidence);
        Assert.Contains("(os.environ.get): the application silently uses a key that is in the repository", f[1].Message);

        Assert.Equal(("shop/settings/base.py", 7), (f[2].Path, f[2].Line));
        Assert.Contains("DATABASE_URL falls back to \"sqlite:///db.sqlite3\"", f[2].Message);
        Assert.Contains("local SQLite file", f[2].Message);

        Assert.Equal(("shop/settings/prod.py", 5), (f[3].Path, f[3].Line));
        Assert.Equal("REDIS_URL default \"redis://:****@cache.internal:6379/0\"", f[3].Evidence);
        Assert.Contains("connects with a password that is in the code", f[3].Message);

        Runs.AssertNowhere(report, "super-secret-jwt-signing-value", "django-insecure-q8w7e6r5t4y3u2i1o0p9", "Hx93kLm2pQ");
    }

    [Fact]
    public void DC1007_clean_project_with_required_reads_empty_fallbacks_and_local_settings_passes()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1007", "clean"));
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC1007"));
        Assert.Equal(CheckOutcome.Pass, report.Check("DC1007").Outcome);
    }

    [Fact]
    public void DC1007_reports_dj_database_url_and_django_environ_defaults()
    {
        using var tree = new TempTree();
        tree.Write("shop/settings.py",
            "import dj_database_url\n" +
            "import environ\n" +
            "env = environ.Env()\n" +
            "DATABASES = {\"default\": dj_database_url.config(default=\"postgres://shop:Pw9x8c7v@db/shop\")}\n" +
            "CACHES = {\"default\": env.cache(default=\"redis://127.0.0.1:6379/1\")}\n" +
            "SECRET_KEY = env(\"SECRET_KEY\", default=\"k3j4h5g6f7d8s9a0\")\n");
        var report = Runs.Check(tree.Root);
        var f = Runs.Sorted(report, "DC1007");
        Assert.Equal(3, f.Length);
        Assert.Equal(4, f[0].Line);
        Assert.StartsWith("DATABASE_URL falls back to \"postgres://shop:****@db/shop\" when unset (dj-database-url)", f[0].Message);
        Assert.Equal(5, f[1].Line);
        Assert.Contains("CACHE_URL falls back to \"redis://127.0.0.1:6379/1\"", f[1].Message);
        Assert.Contains("silently connects to redis://127.0.0.1:6379/1", f[1].Message);
        Assert.Equal(6, f[2].Line);
        Assert.Contains("(django-environ)", f[2].Message);
        Runs.AssertNowhere(report, "Pw9x8c7v", "k3j4h5g6f7d8s9a0");
    }

    [Fact]
    public void DC1007_reports_or_fallbacks_after_an_env_read()
    {
        using var tree = new TempTree();
        tree.Write("shop/settings.py",
            "import os\n" +
            "SECRET_KEY = os.environ.get(\"SECRET_KEY\") or \"fallback-k3j4h5g6f7\"\n" +
            "API_TOKEN = os.environ.get(\"API_TOKEN\", \"\") or \"tok-9x8c7v6b5n\"\n" +
            "LOG_LEVEL = os.environ.get(\"LOG_LEVEL\") or \"INFO\"\n" +
            "STRIPE_API_KEY = os.environ.get(\"STRIPE_API_KEY\") or None\n");
        var report = Runs.Check(tree.Root);
        var f = Runs.Sorted(report, "DC1007");
        Assert.Equal(new[] { 2, 3 }, f.Select(x => x.Line));
        Assert.Equal("SECRET_KEY falls back to \"fa****\" when unset (os.environ.get with or): the application silently uses a key that is in the repository", f[0].Message);
        Assert.StartsWith("API_TOKEN falls back to \"to****\"", f[1].Message);
        Runs.AssertNowhere(report, "fallback-k3j4h5g6f7", "tok-9x8c7v6b5n");
    }

    // ---------------------------------------------------------------- DC1008

    [Fact]
    public void DC1008_reports_variables_no_template_or_doc_mentions()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1008", "violating"));
        var report = Runs.Check(tree.Root);
        var f = Runs.Sorted(report, "DC1008");
        Assert.Equal(2, f.Length);
        Assert.Equal(("app/config.py", 7), (f[0].Path, f[0].Line));
        Assert.StartsWith("MAIL_PASSWORD is read here (os.environ)", f[0].Message);
        Assert.Contains("the application fails at start-up without it", f[0].Message);
        Assert.Equal("MAIL_PASSWORD", f[0].Evidence);
        Assert.Equal(("app/config.py", 12), (f[1].Path, f[1].Line));
        Assert.Contains("SENTRY_TRACES_SAMPLE_RATE is read here (os.getenv)", f[1].Message);
        Assert.Contains("it falls back to its default", f[1].Message);
        Assert.Equal(Severity.Low, f[0].Severity);
    }

    [Fact]
    public void DC1008_compose_readme_and_setdefault_count_and_tests_docs_are_skipped()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1008", "clean"));
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC1008"));
        Assert.Equal(CheckOutcome.Pass, report.Check("DC1008").Outcome);
    }

    [Fact]
    public void DC1008_without_any_documentation_says_so_and_counts_pydantic_prefixes()
    {
        using var tree = new TempTree();
        tree.Write("api/config.py",
            "from pydantic_settings import BaseSettings, SettingsConfigDict\n" +
            "\n" +
            "class Settings(BaseSettings):\n" +
            "    model_config = SettingsConfigDict(env_prefix=\"API_\")\n" +
            "    database_url: str\n");
        var report = Runs.Check(tree.Root);
        var f = Assert.Single(report.Active("DC1008"));
        Assert.Equal(("api/config.py", 5), (f.Path, f.Line));
        Assert.StartsWith("API_DATABASE_URL is read here (pydantic-settings) but there is no .env.example, compose file, Dockerfile or README", f.Message);
    }

    [Fact]
    public void DC1008_says_what_a_missing_variable_does_for_each_read_style()
    {
        using var tree = new TempTree();
        tree.Write("README.md", "# Shop\n");
        tree.Write("shop/settings.py",
            "import os\n" +
            "import environ\n" +
            "env = environ.Env(LOG_LEVEL=(str, \"INFO\"))\n" +
            "SENTRY_DSN = os.environ.get(\"SENTRY_DSN\")\n" +
            "SECRET_KEY = env(\"SECRET_KEY\")\n" +
            "LOG_LEVEL = env(\"LOG_LEVEL\")\n");
        var report = Runs.Check(tree.Root);
        var f = Runs.Sorted(report, "DC1008");
        Assert.Equal(3, f.Length);
        Assert.EndsWith("on a new deployment the code silently gets None", f[0].Message);
        Assert.StartsWith("SENTRY_DSN is read here (os.environ.get) but no .env template", f[0].Message);
        Assert.EndsWith("on a new deployment the application fails at start-up without it", f[1].Message);
        Assert.EndsWith("on a new deployment it falls back to its default", f[2].Message);
    }

    // ---------------------------------------------------------------- DC1009

    [Fact]
    public void DC1009_reports_template_keys_nothing_reads()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1009", "violating"));
        var report = Runs.Check(tree.Root);
        var f = Assert.Single(report.Active("DC1009"));
        Assert.Equal((".env.example", 4), (f.Path, f.Line));
        Assert.Equal("MAILGUN_API_KEY is documented in .env.example but no Python code, compose file or Dockerfile reads it", f.Message);
        Assert.Equal(Severity.Info, f.Severity);
    }

    [Fact]
    public void DC1009_keys_read_by_compose_sdks_dj_database_url_and_prefixed_settings_are_used()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1009", "clean"));
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC1009"));
        Assert.Equal(CheckOutcome.Pass, report.Check("DC1009").Outcome);
    }

    [Fact]
    public void DC1009_is_not_applicable_without_a_template()
    {
        using var tree = new TempTree();
        tree.Write("app.py", "import os\nKEY = os.environ[\"API_KEY\"]\n");
        var report = Runs.Check(tree.Root);
        Assert.Equal(CheckOutcome.NotApplicable, report.Check("DC1009").Outcome);
    }

    // ---------------------------------------------------------------- DC1010

    [Fact]
    public void DC1010_reports_wildcard_defaults_with_the_environment_reasoning()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1010", "violating"));
        var report = Runs.Check(tree.Root);
        var f = Runs.Sorted(report, "DC1010");
        Assert.Equal(2, f.Length);
        Assert.Equal(("api/main.py", 5), (f[0].Path, f[0].Line));
        Assert.Equal("TrustedHostMiddleware allowed_hosts contains '*': any Host header is accepted", f[0].Message);
        Assert.Equal(("shop/settings/base.py", 6), (f[1].Path, f[1].Line));
        Assert.Equal("ALLOWED_HOSTS defaults to '*': with DJANGO_ALLOWED_HOSTS unset, `os.environ.get(\"DJANGO_ALLOWED_HOSTS\", \"*\").split(\",\")` " +
                     "evaluates to ['*'], so any Host header is accepted", f[1].Message);
        Assert.Equal(Severity.Medium, f[1].Severity);
    }

    [Fact]
    public void DC1010_clean_project_with_env_list_dev_settings_and_trusted_origins_passes()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1010", "clean"));
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC1010"));
        Assert.Equal(CheckOutcome.Pass, report.Check("DC1010").Outcome);
    }

    [Fact]
    public void DC1010_django_environ_list_default_and_literal_wildcard()
    {
        using var tree = new TempTree();
        tree.Write("shop/settings/prod.py",
            "import environ\n" +
            "env = environ.Env()\n" +
            "ALLOWED_HOSTS = env.list(\"ALLOWED_HOSTS\", default=[\"*\"])\n" +
            "ALLOWED_HOSTS += [\"*\"]\n");
        tree.Write("shop/settings/local.py", "ALLOWED_HOSTS = [\"*\"]\n");
        var report = Runs.Check(tree.Root);
        var f = Runs.Sorted(report, "DC1010");
        Assert.Equal(2, f.Length);
        Assert.All(f, x => Assert.Equal("shop/settings/prod.py", x.Path));
        Assert.Contains("with ALLOWED_HOSTS unset, `env.list(\"ALLOWED_HOSTS\", default=[\"*\"])` evaluates to ['*']", f[0].Message);
        Assert.Equal("ALLOWED_HOSTS contains '*': any Host header is accepted", f[1].Message);
    }

    [Fact]
    public void DC1010_pydantic_settings_field_defaulting_to_wildcard()
    {
        using var tree = new TempTree();
        tree.Write("app/config.py",
            "from pydantic_settings import BaseSettings, SettingsConfigDict\n" +
            "\n" +
            "class Settings(BaseSettings):\n" +
            "    model_config = SettingsConfigDict(env_prefix=\"APP_\")\n" +
            "    cors_origins: list[str] = [\"*\"]\n" +
            "    allowed_hosts: list[str] = [\"*\"]\n");
        tree.Write("app/other.py",
            "from pydantic_settings import BaseSettings\n" +
            "\n" +
            "class Settings(BaseSettings):\n" +
            "    allowed_hosts: list[str]\n");
        var report = Runs.Check(tree.Root);
        var f = Assert.Single(report.Active("DC1010"));
        Assert.Equal(("app/config.py", 6), (f.Path, f.Line));
        Assert.Equal("Settings field allowed_hosts defaults to '*': with APP_ALLOWED_HOSTS unset, `[\"*\"]` evaluates to ['*'], so any Host header is accepted", f.Message);
    }

    [Fact]
    public void DC1010_debug_only_branch_is_a_development_set_up()
    {
        using var tree = new TempTree();
        tree.Write("shop/settings.py",
            "import os\n" +
            "DEBUG = os.environ.get(\"DJANGO_DEBUG\") == \"1\"\n" +
            "ALLOWED_HOSTS = os.environ[\"DJANGO_ALLOWED_HOSTS\"].split(\",\")\n" +
            "if DEBUG:\n" +
            "    ALLOWED_HOSTS = [\"*\"]\n" +
            "else:\n" +
            "    ALLOWED_HOSTS += [\"*\"]\n");
        var report = Runs.Check(tree.Root);
        var f = Assert.Single(report.Active("DC1010"));
        Assert.Equal(7, f.Line);
    }

    // ---------------------------------------------------------------- DC1011

    [Fact]
    public void DC1011_reports_printed_and_logged_credentials_without_repeating_them()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1011", "violating"));
        var report = Runs.Check(tree.Root);
        var f = Runs.Sorted(report, "DC1011");
        Assert.Equal(4, f.Length);
        Assert.Equal(("app/__init__.py", 12), (f[0].Path, f[0].Line));
        Assert.Equal("app.logger.info writes the setting SQLALCHEMY_DATABASE_URI to the log", f[0].Message);
        Assert.Equal(("app/__init__.py", 14), (f[1].Path, f[1].Line));
        Assert.Equal("logger.debug writes db_url (holding DATABASE_URL) to the log", f[1].Message);
        Assert.Equal(("app/__init__.py", 15), (f[2].Path, f[2].Line));
        Assert.Equal("print writes the whole process environment (os.environ) to the standard output", f[2].Message);
        Assert.Equal("print(os.environ)", f[2].Evidence);
        Assert.Equal(("app/diagnostics.py", 9), (f[3].Path, f[3].Line));
        Assert.Equal("log.warning writes the setting SECRET_KEY to the log", f[3].Message);
    }

    [Fact]
    public void DC1011_presence_checks_non_secret_settings_and_secret_looking_names_are_clean()
    {
        using var tree = TempTree.FromFixture(Paths.RuleFixture("DC1011", "clean"));
        var report = Runs.Check(tree.Root);
        Assert.Empty(report.Active("DC1011"));
        Assert.Equal(CheckOutcome.Pass, report.Check("DC1011").Outcome);
    }

    [Fact]
    public void DC1011_reports_database_password_from_django_settings_and_config_get()
    {
        using var tree = new TempTree();
        tree.Write("shop/checks.py",
            "import logging\n" +
            "import os\n" +
            "from django.conf import settings\n" +
            "logger = logging.getLogger(__name__)\n" +
            "print(settings.DATABASES[\"default\"][\"HOST\"])\n" +
            "print(settings.DATABASES[\"default\"][\"PASSWORD\"])\n" +
            "logger.info(\"key %s\", settings.SECRET_KEY is None)\n" +
            "print(f\"DATABASE_URL={os.environ['DATABASE_URL']}\")\n" +
            "def show(app):\n" +
            "    app.logger.info(\"token: %s\", app.config.get(\"API_TOKEN\"))\n");
        var report = Runs.Check(tree.Root);
        var f = Runs.Sorted(report, "DC1011");
        Assert.Equal(3, f.Length);
        Assert.Equal(6, f[0].Line);
        Assert.Equal("print writes the setting PASSWORD to the standard output", f[0].Message);
        Assert.Equal(8, f[1].Line);
        Assert.Equal("print writes the value of DATABASE_URL to the standard output", f[1].Message);
        Assert.Equal(10, f[2].Line);
        Assert.Contains("the setting API_TOKEN", f[2].Message);
    }
}
