using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace DeployChecks.Engine.Workspace;

/// <summary>Walks a target once: skips VCS, virtualenv, dependency and build directories, applies
/// .gitignore files (git semantics: tracked files are never ignored), include/exclude globs and the size cap.</summary>
internal sealed class WorkspaceWalker
{
    private static readonly HashSet<string> SkippedDirectoryNames = new(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", "node_modules", "__pycache__", ".tox", ".nox", ".venv", "venv", ".mypy_cache",
        ".pytest_cache", ".ruff_cache", ".eggs", "build", "dist", "site-packages", ".idea", ".vscode", "htmlcov",
        ".terraform", "bower_components",
    };

    private readonly string _root;
    private readonly WorkspaceOptions _options;
    private readonly List<Glob> _include = new();
    private readonly List<Glob> _exclude = new();
    /// <summary>Subtrees this shallow are walked in parallel; their files are concatenated in directory order,
    /// so the result is the same as a sequential walk.</summary>
    private const int ParallelDepth = 2;

    private readonly List<ReportMessage> _problems = new();
    private GitRepository? _git;
    private string _gitPrefix = "";
    private int _ignored;
    private int _skippedDirs;

    public WorkspaceWalker(string root, WorkspaceOptions options)
    {
        _root = Path.GetFullPath(root);
        _options = options;
        foreach (var p in options.Include)
        {
            _include.Add(new Glob(p.Replace('\\', '/')));
        }
        foreach (var p in options.Exclude)
        {
            _exclude.Add(new Glob(p.Replace('\\', '/')));
        }
    }

    public Workspace Walk()
    {
        if (!Directory.Exists(_root))
        {
            throw new DirectoryNotFoundException($"Target directory not found: {_root}");
        }
        var ignores = IgnoreStack.Empty;
        if (_options.UseGitIgnore)
        {
            try
            {
                _git = GitRepository.Discover(_root);
            }
            catch (Exception ex) when (ex is InvalidDataException || ex is IOException || ex is UnauthorizedAccessException)
            {
                _problems.Add(new ReportMessage { ErrorId = "GitIndexUnreadable", Path = ".git/index", Message = ex.Message + "; files are treated as untracked" });
            }
            if (_git != null)
            {
                string rel = _root.Length > _git.WorkTree.Length ? _root.Substring(_git.WorkTree.Length).Trim('/', '\\').Replace('\\', '/') : "";
                _gitPrefix = rel.Length == 0 ? "" : rel + "/";
                ignores = LoadOuterIgnores(_git);
            }
            else
            {
                ignores = PushIgnoreFile(ignores, _root, "");
            }
        }
        var files = new List<WorkspaceFile>();
        WalkDirectory(_root, "", ignores, insideIgnored: false, files, depth: 0);
        return new Workspace(_root, files, _git, _gitPrefix, _options, _problems, _ignored, _skippedDirs);
    }

    private IgnoreStack LoadOuterIgnores(GitRepository git)
    {
        var stack = IgnoreStack.Empty;
        string exclude = Path.Combine(git.GitDirectory, "info", "exclude");
        stack = PushFile(stack, exclude, "", "info/exclude");
        // .gitignore files from the work tree root down to (and including) the target.
        string dir = git.WorkTree;
        string rel = "";
        stack = PushIgnoreFile(stack, dir, rel);
        if (_gitPrefix.Length > 0)
        {
            foreach (var seg in _gitPrefix.TrimEnd('/').Split('/'))
            {
                dir = Path.Combine(dir, seg);
                rel = rel.Length == 0 ? seg : rel + "/" + seg;
                stack = PushIgnoreFile(stack, dir, rel);
            }
        }
        return stack;
    }

    private IgnoreStack PushIgnoreFile(IgnoreStack stack, string fullDir, string gitRelDir) =>
        PushFile(stack, Path.Combine(fullDir, ".gitignore"), gitRelDir, (gitRelDir.Length == 0 ? "" : gitRelDir + "/") + ".gitignore");

    private IgnoreStack PushFile(IgnoreStack stack, string path, string gitRelDir, string source)
    {
        try
        {
            if (File.Exists(path))
            {
                return stack.Push(new IgnoreFile(gitRelDir, File.ReadAllText(path), source));
            }
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            AddProblem(new ReportMessage { ErrorId = "IgnoreFileUnreadable", Path = source, Message = ex.Message });
        }
        return stack;
    }

    private void AddProblem(ReportMessage problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }

    private void WalkDirectory(string fullDir, string rel, IgnoreStack ignores, bool insideIgnored, List<WorkspaceFile> output, int depth)
    {
        if (rel.Length > 0 && _options.UseGitIgnore)
        {
            ignores = PushIgnoreFile(ignores, fullDir, _gitPrefix + rel);
        }
        // Paths only (no FileInfo per entry, no stat per file): the entry type comes from readdir, a file's
        // length is read when first asked for. Only directories are stat'ed, to leave symlinks alone.
        var subdirs = new List<(string Full, string Rel, bool Ignored)>();
        try
        {
            foreach (var fullPath in Directory.EnumerateFiles(fullDir))
            {
                string name = Path.GetFileName(fullPath);
                AddFile(fullPath, name, rel.Length == 0 ? name : rel + "/" + name, ignores, insideIgnored, output);
            }
            foreach (var fullPath in Directory.EnumerateDirectories(fullDir))
            {
                string name = Path.GetFileName(fullPath);
                string childRel = rel.Length == 0 ? name : rel + "/" + name;
                if (SkipDirectory(fullPath, name, childRel, ignores, insideIgnored, out bool ignoredDir))
                {
                    Interlocked.Increment(ref _skippedDirs);
                    continue;
                }
                subdirs.Add((fullPath, childRel, ignoredDir));
            }
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
        {
            AddProblem(new ReportMessage { ErrorId = "DirectoryUnreadable", Path = rel.Length == 0 ? "." : rel, Message = ex.Message });
        }
        if (depth < ParallelDepth && subdirs.Count > 1 && Environment.ProcessorCount > 1)
        {
            var results = new List<WorkspaceFile>[subdirs.Count];
            Parallel.For(0, subdirs.Count, i =>
            {
                var (sub, childRel, ignoredDir) = subdirs[i];
                var list = new List<WorkspaceFile>();
                WalkDirectory(sub, childRel, ignores, ignoredDir, list, depth + 1);
                results[i] = list;
            });
            foreach (var list in results)
            {
                output.AddRange(list);
            }
            return;
        }
        foreach (var (sub, childRel, ignoredDir) in subdirs)
        {
            WalkDirectory(sub, childRel, ignores, ignoredDir, output, depth + 1);
        }
    }

    /// <param name="ignored">Set when the directory is git-ignored but entered for the tracked files below it:
    /// everything else below it is ignored too (git never re-includes inside an ignored directory).</param>
    private bool SkipDirectory(string fullPath, string name, string rel, IgnoreStack ignores, bool parentIgnored, out bool ignored)
    {
        ignored = false;
        if (SkippedDirectoryNames.Contains(name) || name.EndsWith(".egg-info", StringComparison.Ordinal))
        {
            return true;
        }
        try
        {
            if ((File.GetAttributes(fullPath) & FileAttributes.ReparsePoint) != 0)
            {
                return true; // a symlinked directory: never followed
            }
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            return true;
        }
        if (File.Exists(Path.Combine(fullPath, "pyvenv.cfg")))
        {
            return true; // a virtualenv, whatever its name
        }
        if (IsExcluded(rel, name))
        {
            return true;
        }
        if (_options.UseGitIgnore && (parentIgnored || ignores.IsIgnored(_gitPrefix + rel, isDirectory: true)))
        {
            ignored = true;
            // Git never descends into an ignored directory, unless files below it were committed anyway.
            if (_git == null || !_git.HasTrackedBelow(_gitPrefix + rel))
            {
                return true;
            }
        }
        return false;
    }

    private void AddFile(string fullPath, string name, string rel, IgnoreStack ignores, bool insideIgnored, List<WorkspaceFile> output)
    {
        if (IsExcluded(rel, name) || (_include.Count > 0 && !MatchesAny(_include, rel, name)))
        {
            return;
        }
        GitStatus status = GitStatus.NoRepository;
        string gitRel = _gitPrefix + rel;
        if (_git != null && _git.IsTracked(gitRel))
        {
            status = GitStatus.Tracked;
        }
        else if (_options.UseGitIgnore && (insideIgnored || ignores.IsIgnored(gitRel, isDirectory: false)))
        {
            Interlocked.Increment(ref _ignored);
            return;
        }
        else if (_git != null)
        {
            status = GitStatus.Untracked;
        }
        output.Add(new WorkspaceFile(rel, fullPath, WorkspaceFile.LengthNotRead, ArtifactClassifier.Classify(rel), status));
    }

    private bool IsExcluded(string rel, string name) => _exclude.Count > 0 && MatchesAny(_exclude, rel, name);

    private static bool MatchesAny(List<Glob> globs, string rel, string name)
    {
        foreach (var g in globs)
        {
            bool hit = g.Pattern.IndexOf('/') < 0 ? Glob.MatchSegment(g.Pattern, name, false) : g.IsMatch(rel);
            if (hit)
            {
                return true;
            }
        }
        return false;
    }
}
