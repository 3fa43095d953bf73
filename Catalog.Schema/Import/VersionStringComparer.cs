namespace Catalog.Schema.Import;

/// <summary>
/// Orders free-form version strings with their digit runs compared as numbers, so 3.16 follows 3.4.2 and
/// 2.10 follows 2.9; whatever is left equal is ordered ordinally, so the order is total.
/// </summary>
internal sealed class VersionStringComparer : IComparer<string>
{
    public int Compare(string? x, string? y)
    {
        x ??= "";
        y ??= "";
        var i = 0;
        var j = 0;
        while (i < x.Length && j < y.Length)
        {
            var xDigits = char.IsAsciiDigit(x[i]);
            var yDigits = char.IsAsciiDigit(y[j]);
            var xEnd = RunEnd(x, i, xDigits);
            var yEnd = RunEnd(y, j, yDigits);
            var result = xDigits && yDigits
                ? CompareNumbers(x.AsSpan(i, xEnd - i), y.AsSpan(j, yEnd - j))
                : x.AsSpan(i, xEnd - i).CompareTo(y.AsSpan(j, yEnd - j), StringComparison.Ordinal);
            if (result != 0)
                return result;
            i = xEnd;
            j = yEnd;
        }
        var remaining = (x.Length - i).CompareTo(y.Length - j);
        return remaining != 0 ? remaining : string.CompareOrdinal(x, y);
    }

    private static int RunEnd(string text, int start, bool digits)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]) == digits)
            end++;
        return end;
    }

    // Digit runs can be longer than any integer type (build qualifiers such as 201803061555), so compare them
    // as text once leading zeros are gone: the longer run is the bigger number.
    private static int CompareNumbers(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        x = x.TrimStart('0');
        y = y.TrimStart('0');
        return x.Length != y.Length ? x.Length.CompareTo(y.Length) : x.CompareTo(y, StringComparison.Ordinal);
    }
}
