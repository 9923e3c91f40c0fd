using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using DeployChecks.Engine.Hosting;
using DeployChecks.Engine.Artifacts.Env;
using DeployChecks.Engine.Running;
using DeployChecks.Engine.Text;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Bench;

/// <summary>A generated 2,000-file tree shared by the walk and full-run benchmarks.</summary>
public abstract class TreeBenchmark
{
    protected string Root { get; private set; } = "";

    [GlobalSetup]
    public void CreateTree()
    {
        Root = TreeGenerator.NewTempRoot();
        new TreeGenerator(Root).Generate(2_000);
    }

    [GlobalCleanup]
    public void DeleteTree()
    {
        try
        {
            Directory.Delete(Root, true);
        }
        catch (IOException)
        {
        }
    }
}

[MemoryDiagnoser]
public class WorkspaceWalkBenchmark : TreeBenchmark
{
    [Benchmark]
    public int Walk2000Files() => Workspace.Open(Root).Files.Count;
}

[MemoryDiagnoser]
public class FullRunBenchmark : TreeBenchmark
{
    [Benchmark]
    public int Run2000Files() => CheckRunner.Run(new CheckRequest(Root) { Environment = new Hashtable() }, NullHost.Instance).FilesScanned;
}

[MemoryDiagnoser]
public class EnvFileParserBenchmark
{
    private SourceText _text = new("");

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 200; i++)
        {
            switch (i % 5)
            {
                case 0: sb.Append("# section ").Append(i).Append('\n'); break;
                case 1: sb.Append("export KEY_").Append(i).Append("=value_").Append(i).Append(" # comment\n"); break;
                case 2: sb.Append("QUOTED_").Append(i).Append("=\"line one\\nline two \\\"quoted\\\"\"\n"); break;
                case 3: sb.Append("SINGLE_").Append(i).Append("='literal $VALUE'\n"); break;
                default: sb.Append("DATABASE_URL_").Append(i).Append("=postgres://user:pass@host:5432/db\n"); break;
            }
        }
        _text = new SourceText(sb.ToString());
    }

    [Benchmark]
    public int Parse200Lines() => EnvFileParser.Instance.Parse(_text).Entries.Count;
}

[MemoryDiagnoser]
public class GlobBenchmark
{
    private readonly string[] _paths = Enumerable.Range(0, 1000)
        .Select(i => $"src/app{i % 7}/pkg{i % 53}/sub{i % 3}/module_{i}.{(i % 5 == 0 ? "txt" : "py")}").ToArray();

    private readonly Glob[] _globs = { new("**/*.py"), new("src/**/sub1/*.txt"), new("src/app[0-3]/**/module_1?.py"), new("docs/**") };

    private readonly IgnoreStack _ignores = IgnoreStack.Empty
        .Push(new IgnoreFile("", "*.log\n!keep.log\n.env\n.env.*\nlogs/\n/generated/\n**/tmp/\nsrc/**/sub2/*.txt\n", ".gitignore"))
        .Push(new IgnoreFile("src/app1", "*.tmp\n/local_settings.py\n", "src/app1/.gitignore"));

    [Benchmark]
    public int GlobIsMatch1000Paths()
    {
        int n = 0;
        foreach (var p in _paths)
        {
            foreach (var g in _globs)
            {
                if (g.IsMatch(p))
                {
                    n++;
                }
            }
        }
        return n;
    }

    [Benchmark]
    public int IgnoreStack1000Paths()
    {
        int n = 0;
        foreach (var p in _paths)
        {
            if (_ignores.IsIgnored(p, isDirectory: false))
            {
                n++;
            }
        }
        return n;
    }
}
