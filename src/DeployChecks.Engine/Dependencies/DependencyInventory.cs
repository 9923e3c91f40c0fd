using System;
using System.Collections.Generic;
using System.IO;
using DeployChecks.Engine.Artifacts;
using DeployChecks.Engine.Dependencies.Parsers;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Dependencies;

/// <summary>
/// Every dependency file of a directory (or one given file), each parsed once by its format's parser: entries in
/// file order, and what could not be read. Files under tests/docs/examples are included like any other; their
/// entries' <see cref="DeployChecks.DependencyLockEntry.Source"/> says where they come from. <c>-r</c>/<c>-c</c>
/// includes are not followed here: each included requirements file of the tree is read as a file of its own
/// (<see cref="ResolveRequirements"/> follows them for one file).
/// </summary>
public sealed class DependencyInventory
{
    private DependencyInventory(List<DependencyDocument> documents)
    {
        Documents = documents;
        var entries = new List<DeployChecks.DependencyLockEntry>();
        var problems = new List<DependencyProblem>();
        foreach (var doc in documents)
        {
            entries.AddRange(doc.Entries);
            problems.AddRange(doc.Problems);
        }
        Entries = entries;
        Problems = problems;
    }

    /// <summary>The parsed files, in workspace order.</summary>
    public IReadOnlyList<DependencyDocument> Documents { get; }

    /// <summary>Every entry, file by file, each file's entries in line order.</summary>
    public IReadOnlyList<DeployChecks.DependencyLockEntry> Entries { get; }

    /// <summary>Malformed or unreadable content: file, line (0 = whole file) and message.</summary>
    public IReadOnlyList<DependencyProblem> Problems { get; }

    /// <summary>Reads every dependency file of <paramref name="path"/> (a directory or one file).</summary>
    public static DependencyInventory Read(string path, WorkspaceOptions? options = null) =>
        new(new List<DependencyDocument>(Parse(path, options)));

    /// <summary>
    /// Parses the dependency files of <paramref name="path"/> lazily, one document per file, so a caller can write
    /// entries as they come. A directory is walked like a checklist target (ignore files honoured); a file is
    /// parsed by the parser its name selects and yields nothing when that name is no dependency format. Source
    /// paths are relative to the directory (for a single file: its name). An unreadable file yields a document
    /// with one problem and no entries.
    /// </summary>
    public static IEnumerable<DependencyDocument> Parse(string path, WorkspaceOptions? options = null)
    {
        if (path == null)
        {
            throw new ArgumentNullException(nameof(path));
        }
        options ??= new WorkspaceOptions();
        IEnumerable<WorkspaceFile> files;
        if (Directory.Exists(path))
        {
            files = Workspace.Workspace.Open(path, options).Files;
        }
        else if (File.Exists(path))
        {
            string full = System.IO.Path.GetFullPath(path);
            string name = System.IO.Path.GetFileName(full);
            files = new[] { new WorkspaceFile(name, full, WorkspaceFile.LengthNotRead, ClassifyAlone(full, name), GitStatus.NoRepository) };
        }
        else
        {
            throw new FileNotFoundException($"Cannot find path '{path}' because it does not exist.", path);
        }
        return ParseFiles(files, new ArtifactCache(options.MaxFileSize));
    }

    /// <summary>
    /// Reads one requirements file the way <c>pip install -r</c> does: its entries with those of its <c>-r</c>/<c>-c</c>
    /// includes (recursively, cycles and missing files reported as problems on the including line). Paths are
    /// resolved against the enclosing git work tree (so <c>-r ../base.txt</c> works), else the file's folder; entry
    /// sources are relative to that root.
    /// </summary>
    public static ResolvedRequirements ResolveRequirements(string file, WorkspaceOptions? options = null)
    {
        if (file == null)
        {
            throw new ArgumentNullException(nameof(file));
        }
        string full = System.IO.Path.GetFullPath(file);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Cannot find path '{file}' because it does not exist.", file);
        }
        options ??= new WorkspaceOptions();
        string root = IncludeRoot(full);
        var cache = new ArtifactCache(options.MaxFileSize);
        string rootRelative = RelativeTo(root, full);
        return RequirementsIncludeResolver.Resolve(rootRelative, relative =>
        {
            string path = System.IO.Path.Combine(root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));
            if (!File.Exists(path))
            {
                return null;
            }
            var wf = new WorkspaceFile(relative, path, WorkspaceFile.LengthNotRead, ArtifactKind.Requirements, GitStatus.NoRepository);
            return cache.Get(wf, RequirementsFileParser.Instance);
        });
    }

    /// <summary>True when <paramref name="file"/> is read as a pip requirements file (by its name or folder).</summary>
    public static bool IsRequirementsFile(string file)
    {
        string full = System.IO.Path.GetFullPath(file);
        return File.Exists(full) && ClassifyAlone(full, System.IO.Path.GetFileName(full)) == ArtifactKind.Requirements;
    }

    private static string IncludeRoot(string fullPath)
    {
        string dir = System.IO.Path.GetDirectoryName(fullPath)!;
        for (var d = new DirectoryInfo(dir); d != null; d = d.Parent)
        {
            if (Directory.Exists(System.IO.Path.Combine(d.FullName, ".git")) || File.Exists(System.IO.Path.Combine(d.FullName, ".git")))
            {
                return d.FullName;
            }
        }
        return dir;
    }

    private static string RelativeTo(string root, string full)
    {
        string prefix = root.EndsWith(System.IO.Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            ? root : root + System.IO.Path.DirectorySeparatorChar;
        return full.Substring(prefix.Length).Replace(System.IO.Path.DirectorySeparatorChar, '/');
    }

    private static IEnumerable<DependencyDocument> ParseFiles(IEnumerable<WorkspaceFile> files, ArtifactCache cache)
    {
        foreach (var file in files)
        {
            var parser = DependencyParsers.For(file.Kind);
            if (parser == null)
            {
                continue;
            }
            DependencyDocument doc;
            try
            {
                doc = cache.Get(file, parser);
            }
            catch (ArtifactReadException ex)
            {
                doc = new DependencyDocument(file.RelativePath, SourceKindOf(file.Kind));
                doc.AddProblem(ex.Line, ex.Message);
            }
            cache.Release(file);
            yield return doc;
        }
    }

    /// <summary>The kind of a file given on its own: by its name, else with its folder (<c>requirements/base.txt</c>).</summary>
    private static ArtifactKind ClassifyAlone(string fullPath, string name)
    {
        var kind = ArtifactClassifier.Classify(name);
        if (DependencyParsers.For(kind) != null)
        {
            return kind;
        }
        string? parent = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(fullPath));
        return string.IsNullOrEmpty(parent) ? kind : ArtifactClassifier.Classify(parent + "/" + name);
    }

    private static DeployChecks.DependencySourceKind SourceKindOf(ArtifactKind kind) => kind switch
    {
        ArtifactKind.Pyproject => DeployChecks.DependencySourceKind.Pyproject,
        ArtifactKind.Pipfile => DeployChecks.DependencySourceKind.Pipfile,
        ArtifactKind.PipfileLock => DeployChecks.DependencySourceKind.PipfileLock,
        ArtifactKind.PoetryLock => DeployChecks.DependencySourceKind.PoetryLock,
        ArtifactKind.UvLock => DeployChecks.DependencySourceKind.UvLock,
        ArtifactKind.PdmLock => DeployChecks.DependencySourceKind.PdmLock,
        ArtifactKind.PyLock => DeployChecks.DependencySourceKind.PyLock,
        ArtifactKind.SetupCfg => DeployChecks.DependencySourceKind.SetupCfg,
        ArtifactKind.SetupPy => DeployChecks.DependencySourceKind.SetupPy,
        _ => DeployChecks.DependencySourceKind.Requirements,
    };
}
