using System.Collections.Generic;
using System.Linq;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Python;
using DeployChecks.Engine.Python.Semantics;
using DeployChecks.Engine.Python.Syntax;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Python;

public class SemanticsTests
{
    private static (PythonProject Project, Engine.Workspace.Workspace Workspace) Project(TempTree tree)
    {
        var ws = Engine.Workspace.Workspace.Open(tree.Root);
        return (new PythonProject(ws, new ArtifactCache(1 << 22)), ws);
    }

    [Fact]
    public void Call_names_resolve_through_imports_and_aliases()
    {
        var m = PythonParser.Parse("import os\nimport os.path as osp\nfrom os import environ as env, getenv\nfrom logging import getLogger as gl\n" +
                                   "a = env.get('X')\nb = getenv('Y')\nc = osp.join('a')\nd = os.environ['Z']\ne = gl(__name__)\nf = unknown.thing()\n");
        var table = ImportTable.Build(m, "app.settings", false);
        var names = m.Walk().OfType<CallExpr>().Select(c => table.Qualify(c.Func)).ToList();
        Assert.Equal(new[] { "os.environ.get", "os.getenv", "os.path.join", "logging.getLogger", "unknown.thing" }, names);
    }

    [Theory]
    [InlineData("shop.settings.prod", false, 1, "base", "shop.settings.base")]
    [InlineData("shop.settings.prod", false, 2, "urls", "shop.urls")]
    [InlineData("shop.settings", true, 1, "base", "shop.settings.base")]
    [InlineData("shop.settings", true, 1, null, "shop.settings")]
    [InlineData("app", false, 1, "x", "x")]
    [InlineData("app", false, 3, "x", null)]
    public void Relative_imports_resolve_against_the_package(string module, bool isPackage, int level, string? name, string? expected)
    {
        Assert.Equal(expected, ImportTable.ResolveRelative(module, isPackage, level, name));
    }

    [Theory]
    [InlineData("'a' 'b'", "ab")]
    [InlineData("'ab' * 2", "abab")]
    [InlineData("-3 + 5", 2L)]
    [InlineData("0x1F", 31L)]
    [InlineData("1_000", 1000L)]
    [InlineData("not ''", true)]
    [InlineData("'True' == 'True'", true)]
    [InlineData("'1' in ('1', 'yes')", true)]
    [InlineData("'A,B'.lower().split(',')", null)]
    [InlineData("bool(int('0'))", false)]
    [InlineData("f(x)", null)]
    public void Constants_evaluate_or_stay_unknown(string expr, object? expected)
    {
        var m = PythonParser.Parse("x = " + expr + "\n");
        var value = ConstantValue.Evaluate(((AssignStmt)m.Body[0]).Value);
        if (expr.Contains("split"))
        {
            Assert.Equal(new List<object?> { "a", "b" }, value);
            return;
        }
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Settings_follow_star_import_chains_and_local_values_win()
    {
        using var tree = new TempTree();
        tree.Write("shop/__init__.py", "");
        tree.Write("shop/settings/__init__.py", "");
        tree.Write("shop/settings/base.py", "DEBUG = True\nSECRET_KEY = 'base'\nTIME_ZONE = 'UTC'\n");
        tree.Write("shop/settings/prod.py", "from .base import *\nDEBUG = False\ntry:\n    from .local import *\nexcept ImportError:\n    pass\n");
        tree.Write("shop/settings/cycle_a.py", "from .cycle_b import *\nA = 1\n");
        tree.Write("shop/settings/cycle_b.py", "from .cycle_a import *\nB = 2\n");
        var (project, ws) = Project(tree);
        var prod = project.Settings(ws.Find("shop/settings/prod.py")!);
        Assert.Equal(false, ConstantValue.Evaluate(prod.Get("DEBUG")!.Value));
        Assert.Equal("base", ConstantValue.Evaluate(prod.Get("SECRET_KEY")!.Value));
        Assert.Equal("shop/settings/base.py", prod.Get("SECRET_KEY")!.Origin.File.RelativePath);
        var cyc = project.Settings(ws.Find("shop/settings/cycle_a.py")!);
        Assert.NotNull(cyc.Get("A"));
        Assert.NotNull(cyc.Get("B"));
        Assert.Equal("shop.settings.prod", project.ModuleNameOf(ws.Find("shop/settings/prod.py")!));
    }

    [Fact]
    public void Src_layout_modules_are_named_without_src()
    {
        using var tree = new TempTree();
        tree.Write("src/inventory/__init__.py", "");
        tree.Write("src/inventory/config.py", "X = 1\n");
        var (project, ws) = Project(tree);
        Assert.Equal("inventory.config", project.ModuleNameOf(ws.Find("src/inventory/config.py")!));
        Assert.NotNull(project.FindModule("inventory.config"));
    }

    [Fact]
    public void Environment_reads_of_every_supported_style_are_found()
    {
        const string src = """
            import os
            import environ
            from decouple import config
            from pydantic import Field
            from pydantic_settings import BaseSettings, SettingsConfigDict

            env = environ.Env(DEBUG=(bool, False))
            A = os.environ["A_VAR"]
            B = os.environ.get("B_VAR", "b")
            C = os.getenv("C_VAR")
            D = env("D_VAR", default="d")
            E = env.bool("E_VAR", default=True)
            F = config("F_VAR", default="f", cast=bool)
            os.environ.setdefault("G_VAR", "g")

            class Settings(BaseSettings):
                model_config = SettingsConfigDict(env_prefix="APP_")
                database_url: str = "sqlite://"
                secret_key: str = Field(...)
                debug: bool = Field(default=False)
            """;
        var m = PythonParser.Parse(src);
        var model = new PythonFileModel(null!, m, ImportTable.Build(m, "app.settings", false), "app.settings");
        var reads = EnvironmentReads.Find(model).ToDictionary(r => r.Variable);
        Assert.False(reads["A_VAR"].HasDefault);
        Assert.Equal("b", ConstantValue.Evaluate(reads["B_VAR"].Default));
        Assert.False(reads["C_VAR"].HasDefault);
        Assert.Equal("django-environ", reads["D_VAR"].Style);
        Assert.Equal("bool", reads["E_VAR"].Cast);
        Assert.Equal("decouple", reads["F_VAR"].Style);
        Assert.True(reads["G_VAR"].HasDefault);
        Assert.Equal("pydantic-settings", reads["APP_DATABASE_URL"].Style);
        Assert.True(reads["APP_DATABASE_URL"].HasDefault);
        Assert.False(reads["APP_SECRET_KEY"].HasDefault);
        Assert.True(reads["APP_DEBUG"].HasDefault);
    }

    [Fact]
    public void Env_substitution_evaluates_settings_as_an_unset_environment_would()
    {
        var m = PythonParser.Parse("import os\nDEBUG = os.environ.get('DJANGO_DEBUG', 'True').lower() in ('true', '1')\nHOSTS = os.getenv('HOSTS', '*').split(',')\nX = os.environ['REQUIRED'] == '1'\n");
        var model = new PythonFileModel(null!, m, ImportTable.Build(m, null, false), null);
        var env = new EnvSubstitution(EnvironmentReads.Find(model));
        Assert.Equal(true, env.EvaluateUnset(((AssignStmt)m.Body[1]).Value));
        Assert.Equal(new List<object?> { "*" }, env.EvaluateUnset(((AssignStmt)m.Body[2]).Value));
        Assert.Null(env.EvaluateUnset(((AssignStmt)m.Body[3]).Value));
        Assert.Equal("DJANGO_DEBUG", env.ReadsIn(((AssignStmt)m.Body[1]).Value).Single().Variable);
    }
}
