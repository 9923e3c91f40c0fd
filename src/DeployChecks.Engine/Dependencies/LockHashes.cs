using System;
using System.Collections.Generic;
using DeployChecks.Engine.Artifacts.Toml;

namespace DeployChecks.Engine.Dependencies;

/// <summary>
/// The content hashes that pipenv and Poetry store in their locks, recomputed from the parsed manifest exactly as
/// the tools compute them (checked against the real tools by tests/DeployChecks.Engine.Tests/Fixtures/dependencies/
/// lockhash/regenerate.py).
/// </summary>
internal static class LockHashes
{
    // plette.pipfiles.PIPFILE_SECTIONS plus the two names get_hash() skips explicitly.
    private static readonly HashSet<string> PipfileNonCategories = new(StringComparer.Ordinal)
    {
        "source", "packages", "dev-packages", "requires", "scripts", "pipfile", "pipenv", "default", "develop",
    };

    private static readonly string[] PoetryLegacyKeys = { "dependencies", "source", "extras", "dev-dependencies" };

    private static readonly string[] PoetryProjectKeys = { "requires-python", "dependencies", "optional-dependencies" };

    /// <summary>
    /// pipenv <c>Project.calculate_pipfile_hash</c> = plette <c>Pipfile.load(f).get_hash().value</c>:
    /// when the Pipfile has no <c>source</c>, plette prepends <c>[[source]] name = "pypi", url =
    /// "https://pypi.org/simple", verify_ssl = true</c>; then sha256 over <c>json.dumps({"_meta": {"sources": source,
    /// "requires": requires or {}}, "default": packages or {}, "develop": dev-packages or {}, **other top-level
    /// tables (package categories)}, sort_keys=True, separators=(",", ":"))</c>. False when the Pipfile holds a
    /// value JSON cannot encode (a TOML date: pipenv itself fails there).
    /// </summary>
    public static bool TryPipfileHash(TomlTable pipfile, out string hash)
    {
        object sources = pipfile["source"] ?? (object)new List<object>
        {
            new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["name"] = "pypi",
                ["url"] = "https://pypi.org/simple",
                ["verify_ssl"] = true,
            },
        };
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["_meta"] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["sources"] = sources,
                ["requires"] = pipfile["requires"] ?? (object)EmptyObject(),
            },
            ["default"] = pipfile["packages"] ?? (object)EmptyObject(),
            ["develop"] = pipfile["dev-packages"] ?? (object)EmptyObject(),
        };
        foreach (var kv in pipfile.Entries)
        {
            if (!PipfileNonCategories.Contains(kv.Key))
            {
                data[kv.Key] = kv.Value;
            }
        }
        return TryHash(data, compact: true, out hash);
    }

    /// <summary>The hash recipes Poetry used for a lock of this <c>lock-version</c>, or null for a version whose
    /// recipe is not known. Poetry 1.0/1.1 (lock 1.0, 1.1) hashed the legacy keys of <c>[tool.poetry]</c>
    /// (<c>dependencies, source, extras, dev-dependencies</c>, null when absent); Poetry 1.2 (still lock 1.1) and
    /// 1.3–1.8 (lock 2.0) add <c>group</c> when present (poetry/packages/locker.py <c>_get_content_hash</c>).
    /// Poetry 2.x (lock 2.1) also hashes <c>[project]</c> <c>requires-python, dependencies,
    /// optional-dependencies</c>: with any of them present the JSON is <c>{"project": {...}, "tool": {"poetry":
    /// {tool.poetry keys present}}}</c>, otherwise it is the legacy top-level form.</summary>
    public static IReadOnlyList<PoetryRecipe>? PoetryRecipes(string? lockVersion) => lockVersion switch
    {
        "1.0" or "1.1" => new[] { PoetryRecipe.Legacy, PoetryRecipe.LegacyWithGroup },
        "2.0" => new[] { PoetryRecipe.LegacyWithGroup },
        "2.1" => new[] { PoetryRecipe.Project },
        _ => null,
    };

    /// <summary><c>json.dumps(relevant_content, sort_keys=True)</c> (default separators) → sha256, per recipe.</summary>
    public static bool TryPoetryHash(TomlTable pyproject, PoetryRecipe recipe, out string hash)
    {
        var poetry = pyproject.Path("tool", "poetry");
        var projectContent = new Dictionary<string, object>(StringComparer.Ordinal);
        if (recipe == PoetryRecipe.Project && pyproject.Table("project") is TomlTable project)
        {
            foreach (string key in PoetryProjectKeys)
            {
                if (project[key] is TomlNode value)
                {
                    projectContent[key] = value;
                }
            }
        }
        var poetryContent = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (string key in PoetryLegacyKeys)
        {
            if (poetry?[key] is TomlNode value)
            {
                poetryContent[key] = value;
            }
            else if (projectContent.Count == 0)
            {
                poetryContent[key] = PythonJson.Null;
            }
        }
        if (recipe != PoetryRecipe.Legacy && poetry?["group"] is TomlNode group)
        {
            poetryContent["group"] = group;
        }
        object relevant = projectContent.Count == 0
            ? poetryContent
            : new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["project"] = projectContent,
                ["tool"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["poetry"] = poetryContent },
            };
        return TryHash(relevant, compact: false, out hash);
    }

    private static bool TryHash(object data, bool compact, out string hash)
    {
        if (!PythonJson.TryDumps(data, compact, out string json))
        {
            hash = "";
            return false;
        }
        hash = PythonJson.Sha256Hex(json);
        return true;
    }

    private static Dictionary<string, object> EmptyObject() => new(StringComparer.Ordinal);
}

/// <summary>Which of Poetry's content-hash recipes (see <see cref="LockHashes.PoetryRecipes"/>).</summary>
internal enum PoetryRecipe
{
    /// <summary>Poetry 1.0–1.1: legacy keys only.</summary>
    Legacy,

    /// <summary>Poetry 1.2–1.8: legacy keys plus <c>group</c>.</summary>
    LegacyWithGroup,

    /// <summary>Poetry 2.x: <c>[project]</c> keys too.</summary>
    Project,
}
