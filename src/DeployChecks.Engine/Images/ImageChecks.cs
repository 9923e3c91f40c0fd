using System.Collections.Generic;
using DeployChecks.Engine.Rules;

namespace DeployChecks.Engine.Images;

/// <summary>The checks <c>Invoke-ImageScan</c> runs on a built image (DC31xx). They read an image, not a workspace,
/// so they are not in <see cref="RuleRegistry"/>; their descriptors live here and their pages in docs/rules.</summary>
public static class ImageChecks
{
    private static RuleDescriptor D(string id, string name, Severity severity, string title, string rationale, string remediation,
        string[]? equivalents = null, string[]? cwe = null, string[]? tags = null) =>
        new(id, name, CheckArea.Containers, severity, title, rationale, remediation, tags ?? new[] { "image" }, equivalents, cwe);

    public static readonly RuleDescriptor OsEndOfLife = D("DC3101", "image-os-end-of-life", Severity.High,
        "Image's operating system is past its end of life",
        "An OS release past its end of life gets no security updates: every vulnerability found in its packages from then on stays open, and rebuilding the image does not help.",
        "Rebuild on a supported release (a newer Debian, Ubuntu or Alpine base tag) and rebuild regularly.",
        tags: new[] { "image", "eol" });

    public static readonly RuleDescriptor PythonEndOfLife = D("DC3102", "image-python-end-of-life", Severity.High,
        "Image's Python is past its end of life",
        "A Python version past its end of life gets no security fixes from the CPython core team, and libraries drop it, so dependency upgrades stop too.",
        "Move the image to a supported Python (the base image tag or the installed python3 version).",
        tags: new[] { "image", "eol" });

    public static readonly RuleDescriptor RunsAsRoot = D("DC3103", "image-runs-as-root", Severity.Medium,
        "Image runs as root",
        "The image's configuration has no User, or root: a process that is compromised through the application holds root inside the container, one kernel or runtime bug away from the host.",
        "Create an unprivileged user in the Dockerfile and end the final stage with USER <name or uid>.",
        new[] { "trivy:DS-0002", "checkov:CKV_DOCKER_8" }, new[] { "CWE-250" });

    public static readonly RuleDescriptor NoHealthcheck = D("DC3104", "image-no-healthcheck", Severity.Low,
        "Image has no health check",
        "Without a HEALTHCHECK the runtime only knows whether the process exists, not whether it serves: a hung worker keeps receiving traffic and is never restarted.",
        "Add a HEALTHCHECK that calls the application's health endpoint, or declare one in the orchestrator (compose healthcheck, Kubernetes probes).",
        new[] { "trivy:DS-0026", "checkov:CKV_DOCKER_2", "hadolint:DL3057" });

    public static readonly RuleDescriptor EnvSecret = D("DC3105", "image-env-secret", Severity.High,
        "Image configuration holds a credential in an environment variable",
        "ENV values are part of the image configuration: anyone who can pull the image reads them with docker inspect, and they are the same in every environment.",
        "Pass secrets at run time (orchestrator secrets, a mounted file, --mount=type=secret during the build) and rotate the exposed value.",
        new[] { "trivy:DS-0031" }, new[] { "CWE-798" }, new[] { "image", "secrets", "security" });

    public static readonly RuleDescriptor DevServer = D("DC3106", "image-dev-server", Severity.High,
        "Image starts a development server",
        "manage.py runserver, flask run, fastapi dev and --reload are single-process development servers: not hardened, not tuned for load, and they often enable debug behaviour.",
        "Start the application with a production server (gunicorn, uvicorn workers without --reload, uwsgi) in CMD/ENTRYPOINT.",
        cwe: new[] { "CWE-489" });

    public static readonly RuleDescriptor ExposedPort = D("DC3107", "image-exposed-port", Severity.Medium,
        "Image exposes an administrative or database port",
        "A web image that exposes SSH (22) invites running an SSH daemon in the container; exposing database or cache ports from the web image means those services run inside it or are meant to be reachable from outside.",
        "Expose only the port the application server listens on; run databases and caches as their own services on a private network.",
        new[] { "trivy:DS-0004", "checkov:CKV_DOCKER_1" });

    public static readonly RuleDescriptor LayerSecret = D("DC3108", "image-secret-in-layer", Severity.High,
        "A layer of the image contains a credential",
        "Every layer ships with the image: a secret added in one layer stays extractable (docker save, registry pull) even when a later layer deletes the file.",
        "Remove the file from the build context (.dockerignore), pass build secrets with RUN --mount=type=secret, rebuild without the layer, and rotate the credential.",
        new[] { "trivy:secret" }, new[] { "CWE-798", "CWE-312" }, new[] { "image", "secrets", "security" });

    public static readonly RuleDescriptor PythonVulnerability = D("DC3109", "image-python-vulnerability", Severity.High,
        "A Python package installed in the image has a known vulnerability",
        "What runs is what is installed in the image, whatever the lock file says: a vulnerable installed distribution is exploitable in production.",
        "Upgrade the package to the fixed version in the lock/requirements the image installs from and rebuild.",
        new[] { "trivy:vuln" }, new[] { "CWE-1395" });

    public static readonly RuleDescriptor OsVulnerability = D("DC3110", "image-os-vulnerability", Severity.High,
        "An OS package installed in the image has a known vulnerability",
        "Vulnerable system libraries (OpenSSL, glibc, libxml2) are reached through the application and its native extensions.",
        "Rebuild on an updated base image (or apt-get/apk upgrade the package in the build) and rebuild regularly.",
        new[] { "trivy:vuln" }, new[] { "CWE-1395" });

    public static IReadOnlyList<RuleDescriptor> All { get; } = new[]
    {
        OsEndOfLife, PythonEndOfLife, RunsAsRoot, NoHealthcheck, EnvSecret, DevServer, ExposedPort, LayerSecret, PythonVulnerability, OsVulnerability,
    };
}
