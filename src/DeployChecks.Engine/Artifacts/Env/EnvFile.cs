using System.Collections.Generic;

namespace DeployChecks.Engine.Artifacts.Env;

/// <summary>One <c>KEY=value</c> binding of an env file.</summary>
public sealed class EnvEntry
{
    public EnvEntry(string key, string? value, int line, int column, int valueColumn, char quote, bool exported)
    {
        Key = key;
        Value = value;
        Line = line;
        Column = column;
        ValueColumn = valueColumn;
        Quote = quote;
        Exported = exported;
    }

    public string Key { get; }

    /// <summary>The value after unquoting and unescaping; null for a bare <c>KEY</c> with no <c>=</c>.</summary>
    public string? Value { get; }

    /// <summary>1-based line of the key.</summary>
    public int Line { get; }

    public int Column { get; }

    public int ValueColumn { get; }

    /// <summary><c>'</c>, <c>"</c>, or <c>\0</c> for an unquoted value.</summary>
    public char Quote { get; }

    public bool Exported { get; }

    public override string ToString() => Key;
}

/// <summary>A line of an env file that does not parse.</summary>
public sealed class EnvProblem
{
    public EnvProblem(int line, string message)
    {
        Line = line;
        Message = message;
    }

    public int Line { get; }

    public string Message { get; }
}

/// <summary>An env file (<c>.env</c>, <c>.flaskenv</c>, <c>*.env</c>) parsed as python-dotenv reads it.</summary>
public sealed class EnvFile
{
    public EnvFile(IReadOnlyList<EnvEntry> entries, IReadOnlyList<EnvProblem> problems)
    {
        Entries = entries;
        Problems = problems;
    }

    public IReadOnlyList<EnvEntry> Entries { get; }

    public IReadOnlyList<EnvProblem> Problems { get; }

    /// <summary>The last binding of <paramref name="key"/> (later lines win, as in python-dotenv).</summary>
    public EnvEntry? Find(string key)
    {
        for (int i = Entries.Count - 1; i >= 0; i--)
        {
            if (Entries[i].Key == key)
            {
                return Entries[i];
            }
        }
        return null;
    }
}
