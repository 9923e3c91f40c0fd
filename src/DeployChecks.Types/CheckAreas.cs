using System;
using System.Collections.Generic;

namespace DeployChecks;

/// <summary>Display names and parsing for <see cref="CheckArea"/>.</summary>
public static class CheckAreas
{
    public static IReadOnlyList<CheckArea> All { get; } = new[]
    {
        CheckArea.Configuration, CheckArea.Dependencies, CheckArea.Containers, CheckArea.WebServer,
        CheckArea.Database, CheckArea.Logging, CheckArea.Security, CheckArea.Testing, CheckArea.Backup,
    };

    public static string Title(CheckArea area) => area switch
    {
        CheckArea.Configuration => "Configuration",
        CheckArea.Dependencies => "Dependency management",
        CheckArea.Containers => "Containers",
        CheckArea.WebServer => "Web server / WSGI",
        CheckArea.Database => "Database migrations",
        CheckArea.Logging => "Logging and monitoring",
        CheckArea.Security => "Security",
        CheckArea.Testing => "Testing and CI/CD",
        CheckArea.Backup => "Backup and recovery",
        _ => area.ToString(),
    };

    /// <summary>Parses an area name, case-insensitively, also accepting its digit (1–9) and kebab/short forms.</summary>
    public static bool TryParse(string? text, out CheckArea area)
    {
        area = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        string t = text!.Trim().Replace("-", "").Replace("_", "").Replace(" ", "");
        if (t.Length == 1 && t[0] >= '1' && t[0] <= '9')
        {
            area = (CheckArea)(t[0] - '0');
            return true;
        }
        switch (t.ToLowerInvariant())
        {
            case "config": area = CheckArea.Configuration; return true;
            case "deps": case "dependency": area = CheckArea.Dependencies; return true;
            case "container": case "docker": area = CheckArea.Containers; return true;
            case "web": case "wsgi": area = CheckArea.WebServer; return true;
            case "db": case "migrations": area = CheckArea.Database; return true;
            case "monitoring": area = CheckArea.Logging; return true;
            case "ci": case "cicd": case "tests": area = CheckArea.Testing; return true;
            case "backups": area = CheckArea.Backup; return true;
        }
        foreach (var a in All)
        {
            if (string.Equals(a.ToString(), t, StringComparison.OrdinalIgnoreCase))
            {
                area = a;
                return true;
            }
        }
        return false;
    }
}
