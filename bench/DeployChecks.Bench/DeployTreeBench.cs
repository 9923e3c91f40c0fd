using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using DeployChecks.Engine.Hosting;
using DeployChecks.Engine.Running;

namespace DeployChecks.Bench;

/// <summary>
/// <c>deploy-tree [--services 1040] [--runs 7] [--keep]</c>: a tree of deploy files only — per service a multi-stage
/// Dockerfile, a compose file, a GitHub Actions workflow, a .gitlab-ci.yml and an azure-pipelines.yml (5 files per
/// service: 5,200 files by default) — then the full checklist over it (warm-up, median of R runs, CPU time). This is
/// the tree where the container, CI and dependency rules read the same YAML and Dockerfiles.
/// </summary>
internal static class DeployTreeBench
{
    public static int Run(string[] args)
    {
        int services = 1040;
        int runs = 7;
        bool keep = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--services": services = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--keep": keep = true; break;
                default: Console.Error.WriteLine("unknown argument " + args[i]); return 2;
            }
        }
        string root = TreeGenerator.NewTempRoot();
        try
        {
            long bytes = Generate(root, services);
            int files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count();
            Console.WriteLine($"Generated {files:N0} deploy files ({bytes / 1e6:F1} MB) for {services:N0} services: {root}");
            var request = new CheckRequest(root) { Environment = new Hashtable() };
            var report = CheckRunner.Run(request, NullHost.Instance); // warm-up
            Console.WriteLine($"Report: {report.FilesScanned:N0} files, {report.Findings.Count} findings, {report.Errors.Count} errors, {report.Checks.Count} checks");
            var times = new List<double>();
            var cpu = new List<double>();
            var sw = new Stopwatch();
            for (int r = 0; r < runs; r++)
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                sw.Restart();
                CheckRunner.Run(request, NullHost.Instance);
                times.Add(sw.Elapsed.TotalMilliseconds);
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds);
            }
            times.Sort();
            cpu.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CheckRunner.Run  median {times[times.Count / 2],8:F1} ms  min {times[0],8:F1} ms  max {times[^1],8:F1} ms  CPU (median) {cpu[cpu.Count / 2]:F0} ms  {files / (times[times.Count / 2] / 1000),8:N0} files/s; load average at end: {LoadAverage()}"));
            return 0;
        }
        finally
        {
            if (!keep)
            {
                try
                {
                    Directory.Delete(root, true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Writes the tree; returns its size in bytes.</summary>
    internal static long Generate(string root, int services)
    {
        long bytes = 0;
        void Write(string rel, string text)
        {
            string full = Path.Combine(root, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            bytes += text.Length;
        }
        for (int i = 0; i < services; i++)
        {
            string dir = $"services/group{i / 40}/svc{i}";
            string server = (i % 3) switch { 0 => "gunicorn", 1 => "uvicorn", _ => "uwsgi" };
            Write(dir + "/Dockerfile", Dockerfile(i, server));
            Write(dir + "/docker-compose.yml", Compose(i));
            Write(dir + "/.github/workflows/ci.yml", Workflow(i));
            Write(dir + "/.gitlab-ci.yml", GitLab(i));
            Write(dir + "/azure-pipelines.yml", Azure(i));
        }
        return bytes;
    }

    private static string Dockerfile(int i, string server) => $@"# syntax=docker/dockerfile:1
ARG PYTHON_VERSION=3.12
FROM python:${{PYTHON_VERSION}}-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1
WORKDIR /app

FROM base AS builder
RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev \
    && rm -rf /var/lib/apt/lists/*
COPY requirements.txt requirements-dev.txt ./
RUN --mount=type=cache,target=/root/.cache/pip \
    pip wheel --wheel-dir /wheels -r requirements.txt

FROM base AS test
COPY --from=builder /wheels /wheels
RUN pip install /wheels/* && pip install -r requirements-dev.txt
COPY . .
RUN pytest -q

FROM base AS runtime
RUN groupadd -r app && useradd -r -g app app
COPY --from=builder /wheels /wheels
RUN pip install --no-index --find-links=/wheels /wheels/* && rm -rf /wheels
COPY --chown=app:app . .
USER app
EXPOSE 800{i % 10}
HEALTHCHECK --interval=30s --timeout=3s CMD python -c ""import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health')""
ENTRYPOINT [""tini"", ""--""]
CMD [""{server}"", ""svc{i}.app:application"", ""--bind"", ""0.0.0.0:8000""]
";

    private static string Compose(int i) => $@"services:
  web:
    build:
      context: .
      target: runtime
      args:
        PYTHON_VERSION: ""3.12""
    image: registry.example.com/svc{i}:latest
    command: gunicorn svc{i}.app:application --workers 4 --bind 0.0.0.0:8000
    environment:
      - DATABASE_URL=postgres://app:${{DB_PASSWORD}}@db:5432/svc{i}
      - LOG_LEVEL=info
    env_file:
      - .env.production
    ports:
      - ""80{i % 100:00}:8000""
    depends_on:
      db:
        condition: service_healthy
    healthcheck:
      test: [""CMD"", ""curl"", ""-f"", ""http://localhost:8000/health""]
      interval: 30s
      timeout: 5s
      retries: 3
    restart: unless-stopped
  worker:
    build: .
    command: [""celery"", ""-A"", ""svc{i}"", ""worker"", ""-l"", ""info""]
    depends_on: [db, redis]
  db:
    image: postgres:16
    environment:
      POSTGRES_DB: svc{i}
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
    volumes:
      - db-data:/var/lib/postgresql/data
    secrets: [db_password]
  redis:
    image: redis:7-alpine
volumes:
  db-data:
secrets:
  db_password:
    file: ./secrets/db_password.txt
";

    private static string Workflow(int i) => $@"name: svc{i}
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
env:
  PYTHON_VERSION: ""3.12""
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        python: [""3.11"", ""3.12""]
    services:
      postgres:
        image: postgres:16
        env:
          POSTGRES_PASSWORD: example-not-real
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: ${{{{ matrix.python }}}}
      - name: Install
        run: |
          python -m pip install --upgrade pip
          pip install -r requirements.txt -r requirements-dev.txt
      - run: pytest -q
  deploy:
    needs: test
    if: github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
      - run: docker build -t registry.example.com/svc{i}:${{{{ github.sha }}}} .
";

    private static string GitLab(int i) => $@"stages: [test, deploy]
default:
  image: python:3.12
variables:
  PIP_CACHE_DIR: ""$CI_PROJECT_DIR/.cache/pip""
before_script:
  - pip install -r requirements.txt
test:
  stage: test
  script:
    - pip install -r requirements-dev.txt
    - pytest
deploy:
  stage: deploy
  needs: [test]
  environment: production
  rules:
    - if: $CI_COMMIT_BRANCH == ""main""
  script:
    - ./deploy.sh svc{i}
";

    private static string Azure(int i) => $@"trigger:
  branches:
    include: [main]
pool:
  vmImage: ubuntu-latest
variables:
  pythonVersion: '3.12'
stages:
  - stage: Test
    jobs:
      - job: test
        steps:
          - task: UsePythonVersion@0
            inputs:
              versionSpec: $(pythonVersion)
          - script: |
              pip install -r requirements.txt
              pytest
            displayName: Test svc{i}
  - stage: Deploy
    dependsOn: Test
    condition: succeeded()
    jobs:
      - deployment: deploy
        environment: production
        strategy:
          runOnce:
            deploy:
              steps:
                - bash: ./deploy.sh svc{i}
";
}
