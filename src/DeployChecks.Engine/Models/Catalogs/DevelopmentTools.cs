using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Models.Catalogs;

/// <summary>One development-only package (or family, by name prefix) and why it does not belong in production.</summary>
public sealed class DevelopmentTool
{
    public DevelopmentTool(string name, string kind, string reason, Severity severity = Severity.Low, bool isPrefix = false)
    {
        Name = name;
        Kind = kind;
        Reason = reason;
        Severity = severity;
        IsPrefix = isPrefix;
    }

    /// <summary>PEP 503 normalised name, or a prefix ending in <c>-</c> (<c>pytest-</c>).</summary>
    public string Name { get; }

    /// <summary>What it is: "test runner", "debugger", "linter"….</summary>
    public string Kind { get; }

    public string Reason { get; }

    public Severity Severity { get; }

    public bool IsPrefix { get; }
}

/// <summary>
/// DC2008's table of development tools: extend it here (one line per tool, with its reason). Debuggers and debug
/// toolbars are Medium (they can expose code execution or internals when switched on by mistake); test, lint and
/// formatting tools are Low (weight, attack surface and slower, less reproducible images). Werkzeug is not listed:
/// Flask depends on it, and its debugger is a setting (DC1xxx), not a package.
/// </summary>
public static class DevelopmentTools
{
    private const string Bloat = "it is never imported by the running application, only adds install time, image size and attack surface";

    public static IReadOnlyList<DevelopmentTool> All { get; } = new[]
    {
        // Debuggers and debug UIs.
        new DevelopmentTool("django-debug-toolbar", "debug toolbar", "when enabled it shows settings, SQL, headers and templates to the browser; a production install is one DEBUG or INTERNAL_IPS mistake away from leaking them", Severity.Medium),
        new DevelopmentTool("flask-debugtoolbar", "debug toolbar", "when enabled it shows config, SQL, headers and templates to the browser; a production install is one app.debug mistake away from leaking them", Severity.Medium),
        new DevelopmentTool("ipdb", "debugger", "a breakpoint() left in the code stops a worker and waits on a terminal nobody reads", Severity.Medium),
        new DevelopmentTool("pdbpp", "debugger", "it replaces pdb; a breakpoint() left in the code stops a worker", Severity.Medium),
        new DevelopmentTool("pudb", "debugger", "a breakpoint() left in the code stops a worker and waits on a terminal UI", Severity.Medium),
        new DevelopmentTool("web-pdb", "remote debugger", "a set_trace() left in the code opens a web debugger that runs arbitrary Python", Severity.Medium),
        new DevelopmentTool("remote-pdb", "remote debugger", "a set_trace() left in the code opens a TCP socket that runs arbitrary Python", Severity.Medium),
        new DevelopmentTool("debugpy", "remote debugger", "a debugpy.listen() left in the code accepts connections that run arbitrary Python", Severity.Medium),
        new DevelopmentTool("ipython", "interactive shell", Bloat),

        // Test runners, plugins and test-data tools.
        new DevelopmentTool("pytest", "test runner", Bloat),
        new DevelopmentTool("pytest-", "pytest plugin", Bloat, isPrefix: true),
        new DevelopmentTool("nose", "test runner", Bloat),
        new DevelopmentTool("nose2", "test runner", Bloat),
        new DevelopmentTool("tox", "test orchestrator", Bloat),
        new DevelopmentTool("nox", "test orchestrator", Bloat),
        new DevelopmentTool("coverage", "coverage tool", Bloat),
        new DevelopmentTool("hypothesis", "property-based testing library", Bloat),
        new DevelopmentTool("factory-boy", "test-data factory", Bloat),
        new DevelopmentTool("model-bakery", "test-data factory", Bloat),
        new DevelopmentTool("faker", "fake-data generator", Bloat + " (suppress if it anonymises data at run time)"),
        new DevelopmentTool("freezegun", "test clock", Bloat),
        new DevelopmentTool("time-machine", "test clock", Bloat),
        new DevelopmentTool("responses", "HTTP mocking library", Bloat),
        new DevelopmentTool("requests-mock", "HTTP mocking library", Bloat),
        new DevelopmentTool("django-webtest", "test client", Bloat),

        // Linters, formatters, type checkers.
        new DevelopmentTool("black", "formatter", Bloat),
        new DevelopmentTool("ruff", "linter", Bloat),
        new DevelopmentTool("flake8", "linter", Bloat),
        new DevelopmentTool("flake8-", "flake8 plugin", Bloat, isPrefix: true),
        new DevelopmentTool("pylint", "linter", Bloat),
        new DevelopmentTool("pylint-", "pylint plugin", Bloat, isPrefix: true),
        new DevelopmentTool("pycodestyle", "linter", Bloat),
        new DevelopmentTool("pydocstyle", "linter", Bloat),
        new DevelopmentTool("pyflakes", "linter", Bloat),
        new DevelopmentTool("autopep8", "formatter", Bloat),
        new DevelopmentTool("yapf", "formatter", Bloat),
        new DevelopmentTool("isort", "import sorter", Bloat),
        new DevelopmentTool("mypy", "type checker", Bloat),
        new DevelopmentTool("pyright", "type checker", Bloat),
        new DevelopmentTool("django-stubs", "type stubs", Bloat),
        new DevelopmentTool("types-", "type stubs", Bloat, isPrefix: true),
        new DevelopmentTool("bandit", "security linter", Bloat),
        new DevelopmentTool("pre-commit", "git hook manager", Bloat),

        // Developer conveniences.
        new DevelopmentTool("django-extensions", "developer toolkit", "its runserver_plus starts the Werkzeug debugger; keep it only if production uses its management commands (shell_plus, show_urls)"),
        new DevelopmentTool("httpie", "HTTP client CLI", Bloat),
    };

    private static readonly Dictionary<string, DevelopmentTool> Exact = Build();

    /// <summary>The tool a normalised package name is, or null.</summary>
    public static DevelopmentTool? Find(string normalizedName)
    {
        if (Exact.TryGetValue(normalizedName, out var tool))
        {
            return tool;
        }
        foreach (var t in All)
        {
            if (t.IsPrefix && normalizedName.StartsWith(t.Name, StringComparison.Ordinal) && normalizedName.Length > t.Name.Length)
            {
                return t;
            }
        }
        return null;
    }

    private static Dictionary<string, DevelopmentTool> Build()
    {
        var map = new Dictionary<string, DevelopmentTool>(StringComparer.Ordinal);
        foreach (var t in All)
        {
            if (!t.IsPrefix)
            {
                map[t.Name] = t;
            }
        }
        return map;
    }
}
