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
/// includes are not followed here: each included requirements file of the tree is read as a file of its own.
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
