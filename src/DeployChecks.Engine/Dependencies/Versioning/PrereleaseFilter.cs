using System.Collections.Generic;

namespace DeployChecks.Engine.Dependencies.Versioning;

/// <summary>packaging's pre-release policy applied to already-matched items.</summary>
internal static class PrereleaseFilter
{
    /// <summary>True keeps everything; false drops pre-releases; null is PEP 440's default: pre-releases (and
    /// non-version strings, in order) only when no final release is present.</summary>
    public static IEnumerable<string> Apply(IEnumerable<string> matches, bool? prereleases)
    {
        if (prereleases == true)
        {
            return matches;
        }
        if (prereleases == false)
        {
            return DropPrereleases(matches);
        }
        return Pep440Default(matches);
    }

    private static IEnumerable<string> DropPrereleases(IEnumerable<string> matches)
    {
        foreach (string item in matches)
        {
            if (!Pep440Version.TryParse(item, out var v) || !v!.IsPrerelease)
            {
                yield return item;
            }
        }
    }

    private static IEnumerable<string> Pep440Default(IEnumerable<string> matches)
    {
        var nonFinal = new List<string>();
        var arbitrary = new List<string>();
        bool foundFinal = false;
        foreach (string item in matches)
        {
            if (!Pep440Version.TryParse(item, out var v))
            {
                if (foundFinal)
                {
                    yield return item;
                }
                else
                {
                    arbitrary.Add(item);
                    nonFinal.Add(item);
                }
                continue;
            }
            if (!v!.IsPrerelease)
            {
                if (!foundFinal)
                {
                    foreach (string a in arbitrary)
                    {
                        yield return a;
                    }
                    foundFinal = true;
                }
                yield return item;
                continue;
            }
            if (!foundFinal)
            {
                nonFinal.Add(item);
            }
        }
        if (!foundFinal)
        {
            foreach (string item in nonFinal)
            {
                yield return item;
            }
        }
    }
}
