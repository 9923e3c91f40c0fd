using System;
using System.Collections.Generic;

namespace DeployChecks.Engine.Models.Catalogs;

/// <summary>
/// CPython end-of-life dates, the one table DC2013 reads. Source: the Python Developer's Guide, "Status of Python
/// versions" (<see cref="SourceUrl"/>; its release-cycle.json and end-of-life table). Dates of branches still
/// supported are the planned ones (PEP 602: five years after the .0 release, end of October). Update this table
/// when a new branch is released or the devguide changes a date; tests fix "today" so they do not rot.
/// </summary>
public static class PythonReleases
{
    public const string SourceUrl = "https://devguide.python.org/versions/";

    /// <summary>As of this table: when it was last checked against <see cref="SourceUrl"/>.</summary>
    public static readonly DateTime CheckedOn = new(2026, 11, 24);

    /// <summary>Minor version → end of life, oldest first.</summary>
    public static IReadOnlyList<(int Major, int Minor, DateTime EndOfLife)> All { get; } = new[]
    {
        (2, 6, new DateTime(2013, 10, 29)),
        (2, 7, new DateTime(2020, 1, 1)),
        (3, 0, new DateTime(2009, 6, 27)),
        (3, 1, new DateTime(2012, 4, 9)),
        (3, 2, new DateTime(2016, 2, 20)),
        (3, 3, new DateTime(2017, 9, 29)),
        (3, 4, new DateTime(2019, 3, 18)),
        (3, 5, new DateTime(2020, 9, 30)),
        (3, 6, new DateTime(2021, 12, 23)),
        (3, 7, new DateTime(2023, 6, 27)),
        (3, 8, new DateTime(2024, 10, 7)),
        (3, 9, new DateTime(2025, 10, 31)),
        (3, 10, new DateTime(2026, 10, 31)),
        (3, 11, new DateTime(2027, 10, 31)),
        (3, 12, new DateTime(2028, 10, 31)),
        (3, 13, new DateTime(2029, 10, 31)),
        (3, 14, new DateTime(2030, 10, 31)),
    };

    /// <summary>How long before its end of life a version is reported as nearing it.</summary>
    public static readonly TimeSpan Warning = TimeSpan.FromDays(183);

    /// <summary>The end-of-life date of <c>major.minor</c>, or null for a version the table does not know.</summary>
    public static DateTime? EndOfLife(int major, int minor)
    {
        foreach (var r in All)
        {
            if (r.Major == major && r.Minor == minor)
            {
                return r.EndOfLife;
            }
        }
        return null;
    }
}
