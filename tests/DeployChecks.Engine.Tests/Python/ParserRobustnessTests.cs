using System;
using System.Linq;
using CsCheck;
using DeployChecks.Engine.Python;
using DeployChecks.Engine.Tests.Support;

namespace DeployChecks.Engine.Tests.Python;

/// <summary>Generated and mutated input for the tokenizer and parser: never an exception, never a hang, problems
/// always inside the file.</summary>
public class ParserRobustnessTests
{
    private const string Seed = """
        import os
        from .base import *

        @decorator(arg=1)
        async def handler(request, *args, **kwargs) -> dict:
            if (n := len(request.items)) > 3:
                return {"n": n, **kwargs}
            match request.kind:
                case Point(x=0) | [1, *rest] as p if p:
                    pass
            msg = f"{request.user["name"]!r:>{width}} {{x}}"
            with open(path) as fh, lock:
                data = [x async for x in fh if x]
            try:
                value = os.environ.get("SECRET_KEY", 'dev')
            except* (ValueError, TypeError) as eg:
                raise RuntimeError("bad") from eg
            lam = lambda a, /, b=2, *c, d, **e: a + b
            return {k: v for k, v in data}
        """;

    private static readonly Gen<string> Tokens = Gen.OneOfConst(
        "def ", "class ", "if ", "else:", "elif ", "for ", " in ", "while ", "try:", "except ", "finally:", "with ", " as ",
        "match ", "case ", "lambda ", "return ", "yield ", "await ", "async ", "import ", "from ", "(", ")", "[", "]", "{", "}",
        ":", ",", ".", "=", ":=", "->", "**", "*", "@", "'", "\"", "'''", "\"\"\"", "f'", "rb\"", "t'", "{x}", "\\", "#", "\n", "    ",
        "\t", "x", "1.5e3j", "0x_1", " ", ";", "!", "~", "<<=", "...", "\r\n", "é", "\u00a0");

    private static void Check(string source)
    {
        var m = PythonParser.Parse(source);
        int lines = source.Count(c => c == '\n') + 2;
        Assert.All(m.Problems, p => Assert.InRange(p.Line, 1, lines));
        foreach (var node in m.Walk())
        {
            Assert.InRange(node.Line, 1, lines);
            Assert.True(node.Start >= 0 && node.End <= source.Length, $"span {node.Start}..{node.End} outside 0..{source.Length} in {System.Text.Json.JsonSerializer.Serialize(source)}");
        }
    }

    [Fact]
    public void Random_token_soup_never_throws()
    {
        HangGuard.MustFinish(() =>
            Tokens.Array[0, 60].Select(parts => string.Concat(parts)).Sample(Check, iter: 20_000, time: 5));
    }

    [Fact]
    public void Random_characters_never_throw()
    {
        HangGuard.MustFinish(() => Gen.String[0, 200].Sample(Check, iter: 20_000, time: 3));
    }

    [Fact]
    public void Mutations_of_real_code_never_throw()
    {
        var mutation = Gen.Select(Gen.Int[0, Seed.Length - 1], Gen.Int[0, 3], Gen.Char["()[]{}'\":\n\\ fx#=*"]);
        HangGuard.MustFinish(() => mutation.Array[1, 8].Sample(edits =>
        {
            var chars = Seed.ToList();
            foreach (var (at, kind, ch) in edits)
            {
                int i = Math.Min(at, chars.Count - 1);
                switch (kind)
                {
                    case 0: chars.RemoveAt(i); break;
                    case 1: chars.Insert(i, ch); break;
                    case 2: chars[i] = ch; break;
                    default: chars.RemoveRange(i, Math.Min(5, chars.Count - i)); break;
                }
                if (chars.Count == 0)
                {
                    chars.Add('x');
                }
            }
            Check(new string(chars.ToArray()));
        }, iter: 20_000, time: 5));
    }

    [Fact]
    public void Large_adversarial_inputs_finish()
    {
        HangGuard.MustFinish(() =>
        {
            PythonParser.Parse(new string('"', 200_001));
            PythonParser.Parse("x = '" + new string('\\', 200_000));
            PythonParser.Parse(string.Concat(Enumerable.Repeat("f'{", 5000)));
            PythonParser.Parse(string.Concat(Enumerable.Repeat("if x:\n", 3000).Select((s, i) => new string(' ', i % 200) + s)));
            PythonParser.Parse(string.Concat(Enumerable.Repeat("[", 100_000)));
            PythonParser.Parse(string.Concat(Enumerable.Repeat("a.", 100_000)) + "b\n");
            PythonParser.Parse(string.Concat(Enumerable.Repeat("x = 1 + ", 20_000)) + "1\n");
        });
    }
}
