using System.Text;
using Catalog.Schema.Compatibility;

namespace Catalog.Server.Pages;

/// <summary>
/// A version's releases as a person reads them: runs of consecutive releases of the release table
/// collapse to <c>4.20 (2021-06) – 4.38 (2025-12)</c>; releases the table does not know follow as given.
/// </summary>
public static class ReleaseRanges
{
    public static string Format(IReadOnlyList<string> releases, ReleaseTable table)
    {
        var known = new SortedSet<int>();
        var unknown = new List<string>();
        foreach (var text in releases)
        {
            if (table.FindByVersion(text) is { } release)
                known.Add(release.Index);
            else if (!string.IsNullOrWhiteSpace(text))
                unknown.Add(text.Trim());
        }
        var parts = new List<string>();
        int? start = null, previous = null;
        foreach (var index in known)
        {
            if (previous is { } p && index != p + 1)
            {
                parts.Add(Run(table, start!.Value, p));
                start = null;
            }
            start ??= index;
            previous = index;
        }
        if (start is { } s)
            parts.Add(Run(table, s, previous!.Value));
        parts.AddRange(unknown);
        return parts.Count == 0 ? "none given" : string.Join(", ", parts);
    }

    private static string Run(ReleaseTable table, int first, int last)
    {
        var text = new StringBuilder(Name(table.All[first]));
        if (last != first)
            text.Append(" – ").Append(Name(table.All[last]));
        return text.ToString();
    }

    private static string Name(EclipseRelease release) =>
        release.Name == release.Version ? release.Version : $"{release.Version} ({release.Name})";
}
