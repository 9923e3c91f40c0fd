using System;
using System.Collections.Generic;


namespace DeployChecks.Engine.Models.Catalogs;

/// <summary>One release cycle of a product and the day its support ends (security support; Debian's LTS; Ubuntu's
/// standard support, not paid ESM; MySQL's extended support).</summary>
public sealed record EolCycle(string Product, string Cycle, DateTime EndOfLife, string? Codename = null)
{
    public string Display => Product + " " + Cycle + (Codename != null ? " (" + Codename + ")" : "");
}

/// <summary>
/// End-of-life dates of what Python web images are built from and run next to: Python, Debian, Ubuntu, Alpine,
/// PostgreSQL, MySQL, MariaDB, Redis, nginx and Node.js. Source: endoflife.date's <c>products/*.md</c> (dates as the
/// site publishes them, read on <see cref="CheckedOn"/>); Python's come from <see cref="PythonReleases"/> (the
/// devguide), the one Python table. To update: add or change a line below and the date in <see cref="CheckedOn"/>.
/// The run's date (<c>RuleContext.Today</c>) decides what has ended, so the table never needs to say so.
/// </summary>
public static class EndOfLife
{
    public const string SourceUrl = "https://endoflife.date/";

    public static readonly DateTime CheckedOn = new(2026, 8, 22);

    /// <summary>How long before its end a cycle is reported as nearing it (at Low severity).</summary>
    public static readonly TimeSpan Warning = TimeSpan.FromDays(183);

    private static EolCycle C(string product, string cycle, int y, int m, int d, string? codename = null) => new(product, cycle, new DateTime(y, m, d), codename);

    private static readonly EolCycle[] Table =
    {
        // Debian: end of LTS (security updates for the images' packages keep coming through LTS).
        C("Debian", "7", 2018, 5, 31, "wheezy"), C("Debian", "8", 2020, 6, 30, "jessie"), C("Debian", "9", 2022, 7, 1, "stretch"),
        C("Debian", "10", 2024, 6, 30, "buster"), C("Debian", "11", 2026, 8, 31, "bullseye"), C("Debian", "12", 2028, 6, 30, "bookworm"),
        C("Debian", "13", 2030, 6, 30, "trixie"),
        // Ubuntu: end of standard support (ESM needs a Pro subscription the public images do not have).
        C("Ubuntu", "14.04", 2019, 4, 30, "trusty"), C("Ubuntu", "16.04", 2021, 4, 30, "xenial"), C("Ubuntu", "18.04", 2023, 5, 31, "bionic"),
        C("Ubuntu", "20.04", 2025, 5, 31, "focal"), C("Ubuntu", "22.04", 2027, 4, 1, "jammy"), C("Ubuntu", "23.10", 2024, 7, 11, "mantic"),
        C("Ubuntu", "24.04", 2029, 5, 31, "noble"), C("Ubuntu", "24.10", 2025, 7, 10, "oracular"), C("Ubuntu", "26.04", 2031, 4, 30),
        C("Alpine", "3.12", 2022, 5, 1), C("Alpine", "3.13", 2022, 11, 1), C("Alpine", "3.14", 2023, 5, 1), C("Alpine", "3.15", 2023, 11, 1),
        C("Alpine", "3.16", 2024, 5, 23), C("Alpine", "3.17", 2024, 11, 22), C("Alpine", "3.18", 2025, 5, 9), C("Alpine", "3.19", 2025, 11, 1),
        C("Alpine", "3.20", 2026, 4, 1), C("Alpine", "3.21", 2026, 11, 1), C("Alpine", "3.22", 2027, 5, 1), C("Alpine", "3.23", 2027, 11, 1),
        C("Alpine", "3.24", 2028, 6, 1),
        C("PostgreSQL", "9.6", 2021, 11, 11), C("PostgreSQL", "10", 2022, 11, 10), C("PostgreSQL", "11", 2023, 11, 9), C("PostgreSQL", "12", 2024, 11, 21),
        C("PostgreSQL", "13", 2025, 11, 13), C("PostgreSQL", "14", 2026, 11, 12), C("PostgreSQL", "15", 2027, 11, 11), C("PostgreSQL", "16", 2028, 11, 9),
        C("PostgreSQL", "17", 2029, 11, 8), C("PostgreSQL", "18", 2030, 11, 14),
        C("MySQL", "5.7", 2023, 10, 31), C("MySQL", "8.0", 2026, 4, 30), C("MySQL", "8.4", 2032, 4, 30),
        C("MariaDB", "10.4", 2024, 6, 18), C("MariaDB", "10.5", 2025, 6, 24), C("MariaDB", "10.6", 2026, 7, 6), C("MariaDB", "10.11", 2028, 2, 16),
        C("MariaDB", "11.4", 2029, 5, 29), C("MariaDB", "11.8", 2028, 6, 4), C("MariaDB", "12.3", 2029, 6, 12),
        C("Redis", "6.0", 2022, 5, 31), C("Redis", "6.2", 2027, 4, 1), C("Redis", "7.0", 2024, 7, 29), C("Redis", "7.2", 2029, 12, 1),
        C("Redis", "7.4", 2029, 12, 1), C("Redis", "8.0", 2026, 12, 1), C("Redis", "8.2", 2030, 9, 1),
        // nginx: each stable branch is retired when the next one is released (April), mainline when it forks.
        C("nginx", "1.24", 2024, 4, 23), C("nginx", "1.25", 2024, 5, 29), C("nginx", "1.26", 2025, 4, 23), C("nginx", "1.27", 2025, 6, 24),
        C("nginx", "1.28", 2026, 4, 14), C("nginx", "1.29", 2026, 5, 13),
        C("Node.js", "12", 2022, 4, 30), C("Node.js", "14", 2023, 4, 30), C("Node.js", "16", 2023, 9, 11), C("Node.js", "17", 2022, 6, 1),
        C("Node.js", "18", 2025, 4, 30), C("Node.js", "19", 2023, 6, 1), C("Node.js", "20", 2026, 4, 30), C("Node.js", "21", 2024, 6, 1),
        C("Node.js", "22", 2027, 4, 30), C("Node.js", "23", 2025, 6, 1), C("Node.js", "24", 2028, 4, 30), C("Node.js", "26", 2029, 4, 30),
    };

    public static IReadOnlyList<EolCycle> All => Table;

    /// <summary>The cycle of <paramref name="product"/> (case-insensitive) named <paramref name="cycle"/> — a version
    /// (<c>3.9</c>, <c>12</c>, <c>13.4</c> → <c>13</c>, <c>3.18.4</c> → <c>3.18</c>) or a Debian/Ubuntu codename.</summary>
    public static EolCycle? Find(string product, string cycle)
    {
        if (product.Equals("Python", StringComparison.OrdinalIgnoreCase))
        {
            var parts = cycle.Split('.');
            if (parts.Length >= 2 && int.TryParse(parts[0], out int major) && int.TryParse(parts[1], out int minor) &&
                PythonReleases.EndOfLife(major, minor) is { } eol)
            {
                return new EolCycle("Python", major + "." + minor, eol);
            }
            return null;
        }
        EolCycle? best = null;
        foreach (var c in Table)
        {
            if (!c.Product.Equals(product, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (c.Codename != null && c.Codename.Equals(cycle, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
            // the longest cycle that is the version or a dotted prefix of it: 13.4 → 13, 3.18.4 → 3.18, 10.11.2 → 10.11
            if ((cycle == c.Cycle || cycle.StartsWith(c.Cycle + ".", StringComparison.Ordinal)) && (best == null || c.Cycle.Length > best.Cycle.Length))
            {
                best = c;
            }
        }
        return best;
    }

    /// <summary>Ended (Past), ending within <see cref="Warning"/> (Near), or supported (null).</summary>
    public static EolStatus? Status(EolCycle cycle, DateTime today) =>
        today.Date >= cycle.EndOfLife ? EolStatus.Ended : today.Date + Warning >= cycle.EndOfLife ? EolStatus.Near : null;
}

public enum EolStatus
{
    Near,
    Ended,
}
