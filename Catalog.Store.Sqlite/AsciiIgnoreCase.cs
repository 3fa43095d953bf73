using Catalog.Schema.Publishing;
using Catalog.Schema.Store;

namespace Catalog.Store.Sqlite;

/// <summary>
/// Equality as SQLite's <c>COLLATE NOCASE</c> sees it: only ASCII letters fold. Maps kept in memory beside
/// NOCASE columns (tag names, url titles) must agree with the column's own uniqueness.
/// </summary>
internal sealed class AsciiIgnoreCase : IEqualityComparer<string>
{
    public static readonly AsciiIgnoreCase Instance = new();

    public bool Equals(string? x, string? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.Length == y.Length && EqualsFoldingAsciiOnly(x, y));

    public int GetHashCode(string value)
    {
        var hash = new HashCode();
        foreach (var c in value)
            hash.Add(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
        return hash.ToHashCode();
    }

    private static bool EqualsFoldingAsciiOnly(string x, string y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var a = x[i] is >= 'A' and <= 'Z' ? (char)(x[i] + 32) : x[i];
            var b = y[i] is >= 'A' and <= 'Z' ? (char)(y[i] + 32) : y[i];
            if (a != b)
                return false;
        }
        return true;
    }
}
