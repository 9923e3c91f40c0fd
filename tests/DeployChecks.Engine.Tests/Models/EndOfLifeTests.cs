using System;
using DeployChecks.Engine.Models.Catalogs;

namespace DeployChecks.Engine.Tests.Models;

public class EndOfLifeTests
{
    [Theory]
    [InlineData("Debian", "10", "Debian 10 (buster)")]
    [InlineData("Debian", "buster", "Debian 10 (buster)")]
    [InlineData("debian", "12.5", "Debian 12 (bookworm)")]
    [InlineData("Ubuntu", "jammy", "Ubuntu 22.04 (jammy)")]
    [InlineData("Alpine", "3.18.4", "Alpine 3.18")]
    [InlineData("PostgreSQL", "13.4", "PostgreSQL 13")]
    [InlineData("MariaDB", "10.11.6", "MariaDB 10.11")]
    [InlineData("MariaDB", "10.1", null)]
    [InlineData("Redis", "7.0.15", "Redis 7.0")]
    [InlineData("Node.js", "18", "Node.js 18")]
    [InlineData("Python", "3.9", "Python 3.9")]
    [InlineData("Python", "3.99", null)]
    [InlineData("nginx", "1.25.3", "nginx 1.25")]
    public void Finds_the_cycle_of_a_version_or_codename(string product, string version, string? display) =>
        Assert.Equal(display, EndOfLife.Find(product, version)?.Display);

    [Fact]
    public void The_run_date_decides_ended_near_and_supported()
    {
        var bookworm = EndOfLife.Find("Debian", "12")!;
        Assert.Null(EndOfLife.Status(bookworm, new DateTime(2027, 6, 30)));
        Assert.Equal(EolStatus.Near, EndOfLife.Status(bookworm, new DateTime(2028, 1, 15)));
        Assert.Equal(EolStatus.Ended, EndOfLife.Status(bookworm, new DateTime(2028, 6, 30)));
        Assert.Equal(EolStatus.Ended, EndOfLife.Status(EndOfLife.Find("Python", "3.9")!, new DateTime(2026, 1, 1)));
    }

    [Fact]
    public void Every_cycle_is_dated_after_the_table_s_oldest_entries_and_names_a_known_product()
    {
        foreach (var c in EndOfLife.All)
        {
            Assert.Contains(c.Product, new[] { "Debian", "Ubuntu", "Alpine", "PostgreSQL", "MySQL", "MariaDB", "Redis", "nginx", "Node.js" });
            Assert.InRange(c.EndOfLife, new DateTime(2015, 1, 1), new DateTime(2040, 1, 1));
            Assert.Same(c, EndOfLife.Find(c.Product, c.Cycle));
        }
    }
}
