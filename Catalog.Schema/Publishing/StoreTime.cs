using System.Globalization;

namespace Catalog.Schema.Publishing;

/// <summary>
/// Times of the publishing tables: UTC ISO 8601 text of one fixed width, so that comparing the text in SQL
/// compares the times.
/// </summary>
public static class StoreTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string ToText(DateTimeOffset at) => at.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
