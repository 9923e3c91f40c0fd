using System;

namespace DeployChecks.Engine.Workspace;

/// <summary>Decides a file's <see cref="ArtifactKind"/> from its relative path, without reading it.</summary>
public static class ArtifactClassifier
{
    /// <summary>Names that mark a committed env file as a template rather than real settings.</summary>
    public static bool IsEnvTemplateName(string fileName)
    {
        string n = fileName.ToLowerInvariant();
        return n.EndsWith(".example", StringComparison.Ordinal) || n.EndsWith(".sample", StringComparison.Ordinal) ||
               n.EndsWith(".template", StringComparison.Ordinal) || n.EndsWith(".dist", StringComparison.Ordinal) ||
               n.EndsWith(".tmpl", StringComparison.Ordinal) || n.EndsWith(".tpl", StringComparison.Ordinal) ||
               n.Contains(".example.") || n.Contains(".sample.") || n.Contains(".template.") || n == "example.env" ||
               n == "sample.env" || n == "template.env";
    }

    public static ArtifactKind Classify(string relativePath)
    {
        int slash = relativePath.LastIndexOf('/');
        string name = relativePath.Substring(slash + 1);
        string dir = slash < 0 ? "" : relativePath.Substring(0, slash);
        string lower = name.ToLowerInvariant();
        string ext = Extension(lower);

        switch (lower)
        {
            case ".gitignore": return ArtifactKind.GitIgnore;
            case ".dockerignore": return ArtifactKind.DockerIgnore;
            case ".flaskenv": return ArtifactKind.EnvFile;
            case "pyproject.toml": return ArtifactKind.Pyproject;
            case "setup.py": return ArtifactKind.SetupPy;
            case "setup.cfg": return ArtifactKind.SetupCfg;
            case "pipfile": return ArtifactKind.Pipfile;
            case "pipfile.lock": return ArtifactKind.PipfileLock;
            case "poetry.lock": return ArtifactKind.PoetryLock;
            case "uv.lock": return ArtifactKind.UvLock;
            case "pdm.lock": return ArtifactKind.PdmLock;
            case ".python-version":
            case "runtime.txt": return ArtifactKind.PythonVersion;
            case "procfile": return ArtifactKind.Procfile;
            case "alembic.ini": return ArtifactKind.AlembicIni;
            case "gunicorn.conf.py":
            case "gunicorn_config.py":
            case "gunicorn.py": return ArtifactKind.GunicornConfig;
            case "uwsgi.ini": return ArtifactKind.UwsgiIni;
            case "nginx.conf": return ArtifactKind.Nginx;
            case "azure-pipelines.yml":
            case "azure-pipelines.yaml": return ArtifactKind.AzurePipeline;
            case ".gitlab-ci.yml":
            case ".gitlab-ci.yaml": return ArtifactKind.GitLabCi;
            case "deploychecks.yml":
            case "deploychecks.yaml":
            case ".deploychecks.yml":
            case ".deploychecks.yaml": return ArtifactKind.DeployChecksOptions;
            case "dockerfile":
            case "containerfile": return ArtifactKind.Dockerfile;
        }

        if (lower == ".env" || lower.StartsWith(".env.", StringComparison.Ordinal) || ext == ".env")
        {
            return ArtifactKind.EnvFile;
        }
        if (lower.StartsWith("dockerfile.", StringComparison.Ordinal) || lower.EndsWith(".dockerfile", StringComparison.Ordinal) ||
            lower.StartsWith("containerfile.", StringComparison.Ordinal))
        {
            return ArtifactKind.Dockerfile;
        }
        if ((lower.StartsWith("docker-compose", StringComparison.Ordinal) || lower.StartsWith("compose", StringComparison.Ordinal)) &&
            (ext == ".yml" || ext == ".yaml"))
        {
            return ArtifactKind.Compose;
        }
        if (lower.StartsWith("pylock.", StringComparison.Ordinal) && ext == ".toml")
        {
            return ArtifactKind.PyLock;
        }
        string lowerDir = dir.ToLowerInvariant();
        if (ext == ".txt" || ext == ".in")
        {
            if (lower.StartsWith("requirements", StringComparison.Ordinal) || lower.StartsWith("constraints", StringComparison.Ordinal) ||
                EndsWithSegment(lowerDir, "requirements"))
            {
                return ArtifactKind.Requirements;
            }
        }
        if (ext == ".yml" || ext == ".yaml")
        {
            if (EndsWithSegment(lowerDir, ".github/workflows"))
            {
                return ArtifactKind.GitHubWorkflow;
            }
            if (lower.StartsWith("azure-pipelines", StringComparison.Ordinal) || EndsWithSegment(lowerDir, ".azure-pipelines") ||
                EndsWithSegment(lowerDir, ".azuredevops"))
            {
                return ArtifactKind.AzurePipeline;
            }
        }
        if (ext == ".conf" && (ContainsSegment(lowerDir, "nginx") || ContainsSegment(lowerDir, "sites-available") ||
                               ContainsSegment(lowerDir, "sites-enabled") || lower.Contains("nginx")))
        {
            return ArtifactKind.Nginx;
        }
        if (ext == ".ini" && lower.Contains("uwsgi"))
        {
            return ArtifactKind.UwsgiIni;
        }
        switch (ext)
        {
            case ".py": return ArtifactKind.Python;
            case ".ipynb": return ArtifactKind.Notebook;
            case ".md":
            case ".rst":
            case ".adoc": return ArtifactKind.Documentation;
            case ".sql":
            case ".dump": return ArtifactKind.SqlDump;
        }
        if (lower.EndsWith(".sql.gz", StringComparison.Ordinal))
        {
            return ArtifactKind.SqlDump;
        }
        return ArtifactKind.Other;
    }

    /// <summary>True for paths under test, docs, example or notebook folders, where rules about the deployed
    /// application should not fire.</summary>
    public static bool IsNonProductionPath(string relativePath)
    {
        foreach (var seg in relativePath.ToLowerInvariant().Split('/'))
        {
            switch (seg)
            {
                case "tests":
                case "test":
                case "testing":
                case "docs":
                case "doc":
                case "examples":
                case "example":
                case "samples":
                case "sample":
                case "fixtures":
                case "notebooks":
                    return true;
            }
        }
        string name = relativePath.Substring(relativePath.LastIndexOf('/') + 1).ToLowerInvariant();
        return name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test.py", StringComparison.Ordinal) ||
               name == "conftest.py";
    }

    private static string Extension(string lowerName)
    {
        int dot = lowerName.LastIndexOf('.');
        return dot <= 0 ? "" : lowerName.Substring(dot);
    }

    private static bool EndsWithSegment(string dir, string tail) =>
        dir == tail || dir.EndsWith("/" + tail, StringComparison.Ordinal);

    private static bool ContainsSegment(string dir, string segment) =>
        dir == segment || dir.StartsWith(segment + "/", StringComparison.Ordinal) ||
        dir.EndsWith("/" + segment, StringComparison.Ordinal) || dir.Contains("/" + segment + "/");
}
