using System.Globalization;

namespace Catalog.Benchmarks.Generation;

/// <summary>Sizes as typed on the command line: <c>1k</c>, <c>10k</c>, <c>100k</c> or a plain number.</summary>
public static class CatalogSize
{
    public static int Parse(string text)
    {
        var s = text.Trim().ToLowerInvariant();
        var thousands = s.EndsWith('k');
        if (!int.TryParse(thousands ? s[..^1] : s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
            throw new ArgumentException($"Size '{text}' is not a positive number such as 1k, 10k or 100k.");
        return thousands ? n * 1000 : n;
    }
}
