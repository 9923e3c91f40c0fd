using System;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace DeployChecks.Bench;

/// <summary>Writes a realistic Python web-app tree: <c>files</c> files that the walk must look at (mostly .py in
/// nested packages, some .txt/.md/.json/.yml, env files, .gitignore files, git-ignored directories), plus
/// about as many again in directories the walk must skip (node_modules, a .venv and a venv with another name,
/// __pycache__, build output).</summary>
internal sealed class TreeGenerator
{
    private readonly Random _random = new(20261124);
    private readonly string _root;
    private int _written;

    public TreeGenerator(string root)
    {
        _root = root;
    }

    /// <summary>Files written in the part of the tree the walk looks at.</summary>
    public int WalkedFiles { get; private set; }

    /// <summary>Files written in directories that must be skipped.</summary>
    public int SkippedFiles { get; private set; }

    public long Bytes { get; private set; }

    public static string NewTempRoot() => Path.Combine(Path.GetTempPath(), "dc-bench-" + Guid.NewGuid().ToString("N").Substring(0, 8));

    public void Generate(int files)
    {
        Directory.CreateDirectory(_root);
        Write(".gitignore", "# generated bench tree\n*.log\n!keep.log\n.env\n.env.*\n!.env.example\nlogs/\n/generated/\n**/tmp/\n*.sqlite3\nmedia/uploads/\nnode_modules/\n.venv/\npy312-env/\nbuild/\n__pycache__/\n*.egg-info/\n");
        Write(".env", "SECRET_KEY=django-insecure-9f8a7sd6f5a4s3d2f1\nDATABASE_URL=postgres://app:hunter2@db:5432/app\nDEBUG=1\n");
        Write(".env.example", "SECRET_KEY=change-me\nDATABASE_URL=postgres://user:password@localhost/app\n");
        Write(".flaskenv", "FLASK_APP=app\nFLASK_DEBUG=1\n");
        Write("deploy/production.env", "API_TOKEN=tok_live_1234567890abcdef\nLOG_LEVEL=info\n");
        Write("deploy/staging.env", "export API_TOKEN='tok_test_abcdef'\nBROKEN LINE\n");
        Write("requirements.txt", "django==5.1.2\ngunicorn==23.0.0\npsycopg[binary]==3.2.3\n");
        Write("pyproject.toml", "[project]\nname = \"benchapp\"\nversion = \"1.0\"\n");
        Write("Dockerfile", "FROM python:3.12-slim\nCOPY . /app\nCMD [\"gunicorn\", \"app.wsgi\"]\n");
        Write("README.md", "# Bench app\n");
        WalkedFiles = 0;
        Bytes = 0;
        int written = 0;
        int package = 0;
        while (written < files)
        {
            string pkg = $"src/app{package / 20}/pkg{package}";
            Write(pkg + "/__init__.py", "");
            written++;
            if (package % 7 == 3)
            {
                Write(pkg + "/.gitignore", "*.tmp\n!important.tmp\n/local_settings.py\n");
                written++;
            }
            int modules = 8 + _random.Next(20);
            for (int m = 0; m < modules && written < files; m++)
            {
                string sub = m % 3 == 0 ? pkg + "/sub" + (m % 4) : pkg;
                int pick = _random.Next(100);
                if (pick < 84)
                {
                    Write($"{sub}/module_{m}.py", PythonSource(m));
                }
                else if (pick < 89)
                {
                    Write($"{sub}/notes_{m}.txt", Lines("note", 5 + _random.Next(30)));
                }
                else if (pick < 93)
                {
                    Write($"{sub}/README_{m}.md", "# Module " + m + "\n\n" + Lines("Some documentation", 10));
                }
                else if (pick < 96)
                {
                    Write($"{sub}/fixture_{m}.json", "{\"items\": [" + string.Join(",", new string('1', 40).ToCharArray()) + "]}\n");
                }
                else if (pick < 98)
                {
                    Write($"{sub}/config_{m}.yml", "key: value\nlist:\n  - a\n  - b\n");
                }
                else if (pick < 99)
                {
                    Write($"{sub}/run_{m}.log", Lines("log line", 20)); // git-ignored
                }
                else
                {
                    Write($"{sub}/tmp/cache_{m}.bin", Lines("cache", 5)); // git-ignored directory
                }
                written++;
            }
            package++;
        }
        // Git-ignored directories with content.
        for (int i = 0; i < files / 100; i++)
        {
            Write($"logs/app-{i}.log", Lines("log", 10));
            Write($"generated/gen_{i}.py", PythonSource(i));
        }
        WalkedFiles = _written;
        int before = _written;
        // Directories the walk must never enter.
        int skipped = Math.Max(100, files / 4);
        for (int i = 0; i < skipped; i++)
        {
            Write($"node_modules/pkg{i % 50}/lib/file{i}.js", "module.exports = {};\n");
            Write($".venv/lib/python3.12/site-packages/dep{i % 40}/mod{i}.py", PythonSource(i));
            if (i % 4 == 0)
            {
                Write($"build/lib/app/mod{i}.py", PythonSource(i));
                Write($"src/app0/pkg0/__pycache__/mod{i}.cpython-312.pyc", "\0\0\0binary");
            }
            if (i % 2 == 0)
            {
                Write($"py312-env/lib/python3.12/site-packages/dep{i % 30}/m{i}.py", PythonSource(i));
            }
        }
        Write(".venv/pyvenv.cfg", "home = /usr/bin\n");
        Write("py312-env/pyvenv.cfg", "home = /usr/bin\n");
        Write("benchapp.egg-info/PKG-INFO", "Name: benchapp\n");
        SkippedFiles = _written - before;
    }

    /// <summary><c>git init</c>, <c>add -A</c>, <c>commit</c>: a real index for the walk to read.</summary>
    public void CommitToGit()
    {
        RunGit("init", "-q");
        RunGit("add", "-A");
        RunGit("commit", "-q", "-m", "bench tree");
    }

    private void RunGit(params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = _root, UseShellExecute = false, RedirectStandardError = true };
        foreach (var a in new[] { "-c", "user.name=bench", "-c", "user.email=bench@deploychecks.invalid", "-c", "init.defaultBranch=main" })
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException("git " + string.Join(" ", args) + " failed: " + err);
        }
    }

    private string PythonSource(int seed)
    {
        var sb = new StringBuilder(2048);
        sb.Append("\"\"\"Module ").Append(seed).Append(".\"\"\"\nimport os\nimport logging\nfrom dataclasses import dataclass\n\nlog = logging.getLogger(__name__)\n\n");
        int functions = 2 + (seed % 6);
        for (int f = 0; f < functions; f++)
        {
            sb.Append("def handler_").Append(f).Append("(request, *args, **kwargs):\n");
            sb.Append("    value = os.environ.get(\"SETTING_").Append(f).Append("\", \"default\")\n");
            sb.Append("    if request.method == \"POST\":\n        log.info(\"posted %s\", value)\n        return {\"ok\": True, \"value\": value}\n");
            sb.Append("    return {\"ok\": False}\n\n\n");
        }
        sb.Append("@dataclass\nclass Model").Append(seed).Append(":\n    name: str\n    size: int = 0\n");
        return sb.ToString();
    }

    private static string Lines(string text, int count)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            sb.Append(text).Append(' ').Append(i).Append('\n');
        }
        return sb.ToString();
    }

    private void Write(string relative, string content)
    {
        string full = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var bytes = Encoding.UTF8.GetBytes(content);
        File.WriteAllBytes(full, bytes);
        Bytes += bytes.Length;
        _written++;
    }
}
