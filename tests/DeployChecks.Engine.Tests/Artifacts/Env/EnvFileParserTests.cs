using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Artifacts.Env;
using DeployChecks.Engine.Tests.Support;
using DeployChecks.Engine.Text;
using Ws = DeployChecks.Engine.Workspace.Workspace;

namespace DeployChecks.Engine.Tests.Artifacts.Env;

/// <summary>
/// The env parser against python-dotenv 1.x (parser.py: <c>parse_binding</c> with <c>_export</c>,
/// <c>_single_quoted_key</c>/<c>_unquoted_key</c> <c>[^=\#\s]+</c>, <c>_equal_sign</c>, quoted values with
/// <c>_double_quote_escapes</c> <c>\\[\\'"abfnrtv]</c> and <c>_single_quote_escapes</c> <c>\\[\\']</c>, unquoted
/// values cut at <c>\s+#</c>, and on error skip to the end of the line and resume). The expected values are
/// encoded from that source; when python-dotenv is importable the same table is also checked against it.
/// </summary>
public class EnvFileParserTests
{
    /// <summary>(name, input, expected bindings as KEY=value with "KEY" alone for None, lines of problems).</summary>
    public static readonly (string Name, string Input, string[] Bindings, int[] ProblemLines)[] Cases =
    {
        ("simple", "A=1\nB=two\n", new[] { "A=1", "B=two" }, new int[0]),
        ("spaces-around-equals", "A = 1\n  B\t=\t2  \n", new[] { "A=1", "B=2" }, new int[0]),
        ("export-prefix", "export A=1\nexport\tB='x'\n", new[] { "A=1", "B=x" }, new int[0]),
        ("export-as-key", "export=1\nexportB=2\n", new[] { "export=1", "exportB=2" }, new int[0]),
        ("double-quoted-escapes", "A=\"a\\nb\\tc\\\"d\\\\e\\'f\"\n", new[] { "A=a\nb\tc\"d\\e'f" }, new int[0]),
        ("double-quoted-unknown-escape-kept", "A=\"\\x41\\$HOME\"\n", new[] { "A=\\x41\\$HOME" }, new int[0]),
        ("single-quote-literal", "A='a\\nb $X \"q\"'\nB='it\\'s'\n", new[] { "A=a\\nb $X \"q\"", "B=it's" }, new int[0]),
        ("inline-comment-needs-space", "A=b #c\nB=b#c\nC=b\t# c\nD=#value\n", new[] { "A=b", "B=b#c", "C=b", "D=#value" }, new int[0]),
        ("comment-after-quotes", "A=\"x\" # note\nB='y'#note\n", new[] { "A=x", "B=y" }, new int[0]),
        ("hash-inside-quotes", "A=\"a # b\"\n", new[] { "A=a # b" }, new int[0]),
        ("multiline-double-quoted", "A=\"line1\nline2\"\nB=3\n", new[] { "A=line1\nline2", "B=3" }, new int[0]),
        ("multiline-single-quoted", "A='l1\nl2'\n", new[] { "A=l1\nl2" }, new int[0]),
        ("key-without-equals", "FLAG\nexport OTHER\nC=1\n", new[] { "FLAG", "OTHER", "C=1" }, new int[0]),
        ("empty-values", "A=\nB=''\nC=\"\"\nD=   \n", new[] { "A=", "B=", "C=", "D=" }, new int[0]),
        ("crlf", "A=1\r\nB=\"x\"\r\n# c\r\nC=y #z\r\n", new[] { "A=1", "B=x", "C=y" }, new int[0]),
        ("single-quoted-key", "'A B'=1\n", new[] { "A B=1" }, new int[0]),
        ("comments-and-blank-lines", "# top\n\n   # indented\nA=1 # trailing\n", new[] { "A=1" }, new int[0]),
        ("trailing-spaces-stripped", "A=value   \n", new[] { "A=value" }, new int[0]),
        ("value-with-equals-and-quotes-inside", "URL=postgres://u:p@h/db?x=1\nQ=a\"b\"\n", new[] { "URL=postgres://u:p@h/db?x=1", "Q=a\"b\"" }, new int[0]),
        ("later-lines-win-order-kept", "A=1\nA=2\n", new[] { "A=1", "A=2" }, new int[0]),
        ("no-trailing-newline", "A=1", new[] { "A=1" }, new int[0]),
        ("malformed-space-in-key", "A=1\nBAD KEY=2\nC=3\n", new[] { "A=1", "C=3" }, new[] { 2 }),
        ("malformed-leading-equals", "=x\nA=1\n", new[] { "A=1" }, new[] { 1 }),
        ("malformed-text-after-quote", "A=\"x\" y\nB=2\n", new[] { "B=2" }, new[] { 1 }),
        ("malformed-unterminated-quote", "A=1\nB=\"never closed\nC=3\n", new[] { "A=1", "C=3" }, new[] { 2 }),
        ("malformed-unterminated-single", "A='x\nB=2\n", new[] { "B=2" }, new[] { 1 }),
        ("malformed-export-alone", "export \nA=1\n", new[] { "A=1" }, new[] { 1 }),
        ("malformed-empty-quoted-key", "''=1\nA=1\n", new[] { "A=1" }, new[] { 1 }),
        ("malformed-several", "A=1\nx y\nB=2\n'k\nC=3\n", new[] { "A=1", "B=2", "C=3" }, new[] { 2, 4 }),
    };

    public static IEnumerable<object[]> CaseNames() => Cases.Select(c => new object[] { c.Name });

    private static string Render(EnvEntry e) => e.Value == null ? e.Key : e.Key + "=" + e.Value;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Parses_like_python_dotenv(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var env = EnvFileParser.Instance.Parse(new SourceText(c.Input));
        Assert.Equal(c.Bindings, env.Entries.Select(Render).ToArray());
        Assert.Equal(c.ProblemLines, env.Problems.Select(p => p.Line).ToArray());
    }

    [Fact]
    public void Table_agrees_with_installed_python_dotenv()
    {
        string? script = PythonDotenvScript();
        if (script == null)
        {
            return; // python-dotenv not importable here: the table above stands on its own
        }
        foreach (var c in Cases)
        {
            var (bindings, errors) = RunPythonDotenv(script, c.Input);
            Assert.True(c.Bindings.SequenceEqual(bindings), $"{c.Name}: python-dotenv gives [{string.Join(" | ", bindings)}]");
            Assert.True(c.ProblemLines.Length == errors, $"{c.Name}: python-dotenv reports {errors} errors");
        }
    }

    [Fact]
    public void Lines_and_columns_point_at_key_and_value()
    {
        var env = EnvFileParser.Instance.Parse(new SourceText("# c\n  export KEY = \"v\"\nM=\"a\nb\"\nN=1\n"));
        var key = env.Find("KEY")!;
        Assert.Equal(2, key.Line);
        Assert.Equal(10, key.Column);
        Assert.Equal(16, key.ValueColumn);
        Assert.True(key.Exported);
        Assert.Equal('"', key.Quote);
        Assert.Equal(3, env.Find("M")!.Line);
        Assert.Equal(5, env.Find("N")!.Line);
    }

    [Fact]
    public void Bom_is_stripped_when_read_through_the_cache()
    {
        using var dir = new TempDir();
        dir.WriteBytes(".env", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("SECRET_KEY=1\n")).ToArray());
        var file = Ws.Open(dir.Path).Find(".env")!;
        var env = new ArtifactCache(1 << 20).Get(file, EnvFileParser.Instance);
        Assert.Equal("SECRET_KEY", env.Entries.Single().Key);
    }

    private static string? PythonDotenvScript()
    {
        const string script =
            "import sys, json\nfrom dotenv.parser import parse_stream\nimport io\n" +
            "data = sys.stdin.buffer.read().decode('utf-8')\nout = []\nerr = 0\n" +
            "for b in parse_stream(io.StringIO(data)):\n" +
            "    if b.error: err += 1\n" +
            "    elif b.key is not None: out.append(b.key if b.value is None else b.key + '=' + b.value)\n" +
            "print(json.dumps({'b': out, 'e': err}))\n";
        try
        {
            var (_, _) = RunPythonDotenv(script, "A=1\n");
            return script;
        }
        catch (Exception ex) when (ex is InvalidOperationException || ex is System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static (string[] Bindings, int Errors) RunPythonDotenv(string script, string input)
    {
        var psi = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        using var p = Process.Start(psi)!;
        p.StandardInput.BaseStream.Write(Encoding.UTF8.GetBytes(input));
        p.StandardInput.Close();
        string output = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException("python-dotenv not available");
        }
        var json = Newtonsoft.Json.Linq.JObject.Parse(output);
        return (json["b"]!.Select(t => (string)t!).ToArray(), (int)json["e"]!);
    }
}
