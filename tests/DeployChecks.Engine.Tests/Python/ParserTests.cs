using System.Linq;
using DeployChecks.Engine.Python;
using DeployChecks.Engine.Python.Syntax;

namespace DeployChecks.Engine.Tests.Python;

public class ParserTests
{
    private static PythonModule Clean(string source)
    {
        var m = PythonParser.Parse(source);
        Assert.True(m.Problems.Count == 0, string.Join("; ", m.Problems));
        return m;
    }

    private static T Single<T>(PythonModule m) where T : Node => Assert.Single(m.Walk().OfType<T>());

    [Fact]
    public void Assignments_plain_chained_annotated_augmented_and_tuple()
    {
        var m = Clean("a = b = 1\nx: int = 2\ny: str\nz += 3\np, *q = r\n");
        var assign = (AssignStmt)m.Body[0];
        Assert.Equal(2, assign.Targets.Count);
        var ann = (AnnAssignStmt)m.Body[1];
        Assert.Equal("int", ((NameExpr)ann.Annotation).Id);
        Assert.Null(((AnnAssignStmt)m.Body[2]).Value);
        Assert.Equal(BinaryOperator.Add, ((AugAssignStmt)m.Body[3]).Operator);
        var tuple = (CollectionExpr)((AssignStmt)m.Body[4]).Targets[0];
        Assert.IsType<StarredExpr>(tuple.Elements[1]);
    }

    [Fact]
    public void Calls_with_positional_keyword_and_star_arguments_and_positions()
    {
        var m = Clean("value = os.environ.get('SECRET_KEY', default='x', *a, **kw)\n");
        var call = Single<CallExpr>(m);
        Assert.Equal("os.environ.get", call.Func.ToString());
        Assert.Equal("SECRET_KEY", ((ConstantExpr)call.Positional(0)!).Text);
        Assert.Equal("x", ((ConstantExpr)call.Keyword("default")!).Text);
        Assert.Equal(new[] { ArgumentKind.Positional, ArgumentKind.Keyword, ArgumentKind.Star, ArgumentKind.DoubleStar },
            call.Arguments.Select(a => a.Kind));
        Assert.Equal(1, call.Line);
        Assert.Equal(9, call.Column);
    }

    [Fact]
    public void Imports_relative_aliased_star_and_parenthesised()
    {
        var m = Clean("import os.path as p, sys\nfrom ..base import *\nfrom . import (a,\n  b as c,)\n");
        var imp = (ImportStmt)m.Body[0];
        Assert.Equal("os.path", imp.Names[0].Name);
        Assert.Equal("p", imp.Names[0].AsName);
        var star = (ImportFromStmt)m.Body[1];
        Assert.True(star.IsStar);
        Assert.Equal(2, star.Level);
        Assert.Equal("base", star.Module);
        var rel = (ImportFromStmt)m.Body[2];
        Assert.Null(rel.Module);
        Assert.Equal("c", rel.Names[1].AsName);
    }

    [Fact]
    public void Strings_in_every_form_decode()
    {
        var m = Clean("a = 'x' \"y\" '''z'''\nb = r'\\d+' rb'\\x00' Rb\"q\"\nc = 'tab\\there\\u00e9\\N{BULLET}'\nd = b'\\x41'\n");
        Assert.Equal("xyz", ((ConstantExpr)((AssignStmt)m.Body[0]).Value).Text);
        var b = (ConstantExpr)((AssignStmt)m.Body[1]).Value;
        Assert.Equal(ConstantKind.Bytes, b.Kind);
        Assert.Equal("\\d+\\x00q", b.Text);
        Assert.Equal("tab\there\u00e9\\N{BULLET}", ((ConstantExpr)((AssignStmt)m.Body[2]).Value).Text);
        Assert.Equal("A", ((ConstantExpr)((AssignStmt)m.Body[3]).Value).Text);
    }

    [Fact]
    public void F_strings_nest_quotes_and_fields_as_in_pep_701()
    {
        var m = Clean("s = f\"{user[\"name\"]!r:>{width}} and {f'{x}'} {{literal}} {a=}\"\n");
        var f = Assert.IsType<FormattedStringExpr>(((AssignStmt)m.Body[0]).Value);
        Assert.Contains(" and ", f.LiteralText);
        Assert.Contains("{literal}", f.LiteralText);
        Assert.Equal(4, f.Values.Count);
        Assert.IsType<SubscriptExpr>(f.Values[0]);
        Assert.Equal("width", ((NameExpr)f.Values[1]).Id);
        var inner = Assert.IsType<FormattedStringExpr>(f.Values[2]);
        Assert.Equal("x", ((NameExpr)inner.Values[0]).Id);
        Assert.Equal("a", ((NameExpr)f.Values[3]).Id);
    }

    [Fact]
    public void Multi_line_f_string_fields_have_their_own_lines()
    {
        var m = Clean("msg = f'''\nhello\n{db.url}\n'''\n");
        var f = (FormattedStringExpr)((AssignStmt)m.Body[0]).Value;
        Assert.Equal(3, f.Values[0].Line);
    }

    [Fact]
    public void T_strings_and_raw_f_strings()
    {
        var m = Clean("t1 = t'Hello {name}'\nr1 = rf'\\{{x}} {y}'\n");
        Assert.True(((FormattedStringExpr)((AssignStmt)m.Body[0]).Value).IsTemplate);
        var raw = (FormattedStringExpr)((AssignStmt)m.Body[1]).Value;
        Assert.Equal("y", ((NameExpr)raw.Values.Single()).Id);
        Assert.StartsWith("\\{x}", raw.LiteralText);
    }

    [Fact]
    public void Functions_classes_decorators_and_modern_syntax()
    {
        const string src = """
            @app.route("/", methods=["GET"])
            async def index(request, /, *, debug: bool = False, **kw) -> Response:
                if (n := len(items)) > 10:
                    return [x async for x in aiter() if x]
                lam = lambda a, *b: a
                with (open(a) as f, open(b) as g):
                    pass
                try:
                    raise ValueError from None
                except* (TypeError, ValueError) as eg:
                    pass
                finally:
                    del cache[key]

            class Settings(BaseSettings, metaclass=Meta):
                model_config = SettingsConfigDict(env_file=".env")

            type Vector = list[float]
            def first[T](xs: list[T]) -> T: ...
            """;
        var m = Clean(src);
        var fn = (FunctionDefStmt)m.Body[0];
        Assert.True(fn.IsAsync);
        Assert.Equal(2, fn.Line);
        Assert.Equal("app.route", ((CallExpr)fn.Decorators[0]).Func.ToString());
        Assert.Equal(new[] { "request", "/", "*", "debug", "kw" }, fn.Parameters.Select(p => p.Name));
        Assert.NotNull(fn.Returns);
        Assert.Single(m.Walk().OfType<NamedExpr>());
        Assert.Single(m.Walk().OfType<LambdaExpr>());
        Assert.Equal(2, m.Walk().OfType<WithStmt>().Single().Items.Count);
        Assert.True(m.Walk().OfType<ExceptHandler>().Single().IsStar);
        var cls = (ClassDefStmt)m.Body[1];
        Assert.Equal("metaclass", cls.Bases[1].Name);
        Assert.Equal("type", ((KeywordStmt)m.Body[2]).Keyword);
        Assert.Equal("first", ((FunctionDefStmt)m.Body[3]).Name);
    }

    [Fact]
    public void Match_statements_and_match_as_a_name()
    {
        const string src = """
            match command.split():
                case [action, *rest] if action in ACTIONS:
                    pass
                case Point(x=0, y=y) | {"kind": "p", **extra} as whole:
                    pass
                case _:
                    pass
            match = re.match(pattern, text)
            match(x)
            """;
        var m = Clean(src);
        var match = (MatchStmt)m.Body[0];
        Assert.Equal(3, match.Cases.Count);
        Assert.NotNull(match.Cases[0].Guard);
        Assert.IsType<NamedExpr>(match.Cases[1].Pattern);
        Assert.Single(m.Walk().OfType<ClassPatternExpr>());
        Assert.IsType<AssignStmt>(m.Body[1]);
        Assert.IsType<ExprStmt>(m.Body[2]);
    }

    [Fact]
    public void Comprehensions_of_every_kind()
    {
        var m = Clean("a = [x for x in y if x if z]\nb = {k: v for k, v in d.items()}\nc = {x for x in y}\nd = sum(x for x in y)\n");
        var kinds = m.Walk().OfType<ComprehensionExpr>().Select(c => c.Kind).ToArray();
        Assert.Equal(new[] { ComprehensionKind.List, ComprehensionKind.Dict, ComprehensionKind.Set, ComprehensionKind.Generator }, kinds);
        Assert.Equal(2, m.Walk().OfType<ComprehensionClause>().First().Conditions.Count);
    }

    [Fact]
    public void Continuations_tabs_and_comments_are_handled()
    {
        var m = Clean("x = 1 + \\\n    2  # trailing\nif x:\n\tif y:\n\t\tz = [1,\n  2]\n# deploychecks: ignore[DC1005] reason\n");
        Assert.Equal(2, m.Comments.Count);
        Assert.Equal(" deploychecks: ignore[DC1005] reason", m.Comments[1].Text);
        Assert.Equal(7, m.Comments[1].Line);
    }

    [Fact]
    public void A_broken_line_yields_one_problem_and_the_rest_still_parses()
    {
        var m = PythonParser.Parse("import os\nDEBUG = (\nSECRET_KEY = 'abc'\n\ndef f(:\n    return os.getenv('X')\n\nclass C:\n    pass\nALLOWED_HOSTS = ['*']\n");
        Assert.NotNull(m.FirstProblem);
        Assert.Equal(2, m.FirstProblem!.Line);
        Assert.Contains("never closed", m.FirstProblem.Message);
        Assert.Contains(m.Problems, p => p.Line == 5);
        Assert.Contains(m.Body, s => s is ImportStmt);
        Assert.Contains(m.Body, s => s is AssignStmt a && a.Targets[0].ToString() == "ALLOWED_HOSTS");
        Assert.Contains(m.Body, s => s is ClassDefStmt);
    }

    [Fact]
    public void Indentation_errors_are_reported_with_their_line()
    {
        var m = PythonParser.Parse("def f():\n        x = 1\n    y = 2\nz = 3\n");
        Assert.Contains(m.Problems, p => p.Message.Contains("unindent") && p.Line == 3);
        Assert.Contains(m.Body, s => s is AssignStmt a && a.Targets[0].ToString() == "z");
    }

    [Fact]
    public void Unterminated_strings_and_brackets_do_not_hang_or_throw()
    {
        foreach (var src in new[] { "x = 'abc\ny = 1\n", "x = \"\"\"never closed\n", "f(\n", "x = f'{a\n", ")))\n", "\\", "x = [\n" + new string('(', 5000) })
        {
            var m = PythonParser.Parse(src);
            Assert.NotEmpty(m.Problems);
        }
    }

    [Fact]
    public void Deep_nesting_is_bounded_not_a_stack_overflow()
    {
        string deep = "x = " + new string('(', 20000) + "1" + new string(')', 20000) + "\ny = 2\n";
        var m = PythonParser.Parse(deep);
        Assert.Contains(m.Problems, p => p.Message.Contains("too deeply nested"));
        Assert.Contains(m.Body, s => s is AssignStmt a && a.Targets[0].ToString() == "y");
        string unary = "x = " + new string('-', 50000) + "1\n";
        Assert.NotEmpty(PythonParser.Parse(unary).Problems);
        string fdeep = "x = " + string.Concat(Enumerable.Repeat("f'{", 300)) + "1" + string.Concat(Enumerable.Repeat("}'", 300)) + "\n";
        PythonParser.Parse(fdeep);
    }
}
