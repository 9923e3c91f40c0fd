using System;
using System.IO;

namespace DeployChecks.Module.Tests;

/// <summary>A throw-away application directory with real files, deleted on dispose.</summary>
internal sealed class TestApp : IDisposable
{
    public TestApp()
    {
        Root = Path.Combine(Path.GetTempPath(), "dc-module-" + Guid.NewGuid().ToString("N").Substring(0, 10));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>A Flask app whose .env holds a secret and turns debugging on, with no .gitignore covering it.</summary>
    public static TestApp Insecure()
    {
        var app = new TestApp();
        app.Write("app.py", "from flask import Flask\napp = Flask(__name__)\n");
        app.Write("requirements.txt", "flask==3.0.3\n");
        app.Write(".env", "SECRET_KEY=django-insecure-abcdefgh12345678\nFLASK_DEBUG=1\n");
        return app;
    }

    /// <summary>Everything in order: the .env is ignored and holds nothing dangerous.</summary>
    public static TestApp Clean()
    {
        var app = new TestApp();
        app.Write("app.py", "from flask import Flask\napp = Flask(__name__)\n");
        app.Write(".gitignore", ".env\n.env.*\n!.env.example\n");
        app.Write(".env.example", "SECRET_KEY=changeme\n");
        return app;
    }

    public string Write(string relative, string text)
    {
        string path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
