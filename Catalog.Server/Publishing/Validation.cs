namespace Catalog.Server.Publishing;

/// <summary>Field checks shared by the API's requests; each failure names the field.</summary>
public static class Validation
{
    public static string Text(string field, string? value, int maxLength, bool required = false)
    {
        var text = value?.Trim() ?? "";
        if (required && text.Length == 0)
            throw ApiException.Invalid(field, $"{field} must not be empty.");
        if (text.Length > maxLength)
            throw ApiException.Invalid(field, $"{field} is longer than {maxLength} characters.");
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw ApiException.Invalid(field, $"{field} contains control characters.");
        return text;
    }

    /// <summary>Empty, or an absolute http(s) URL.</summary>
    public static string Url(string field, string? value, int maxLength = 2000)
    {
        var text = Text(field, value, maxLength);
        if (text.Length > 0 && !IsHttpUrl(text))
            throw ApiException.Invalid(field, $"{field} must be an absolute http or https URL.");
        return text;
    }

    public static string Email(string field, string? value)
    {
        var text = Text(field, value, 254);
        var at = text.IndexOf('@');
        if (text.Length > 0 && (at <= 0 || at == text.Length - 1 || text.Contains(' ') || text.IndexOf('@', at + 1) >= 0))
            throw ApiException.Invalid(field, $"{field} is not an email address.");
        return text;
    }

    public static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// Query values arrive as text and are parsed here, so one that is not a number is a 400 naming the field
    /// rather than the framework's empty binding failure.
    /// </summary>
    public static (int Offset, int Limit) Paging(string? offset, string? limit)
    {
        var from = QueryInteger("offset", offset);
        var count = QueryInteger("limit", limit);
        if (from is < 0)
            throw ApiException.Invalid("offset", "offset must be 0 or more.");
        if (count is < 1 or > 100)
            throw ApiException.Invalid("limit", "limit must be between 1 and 100.");
        return (from ?? 0, count ?? 20);
    }

    private static int? QueryInteger(string field, string? value)
    {
        if (value is null)
            return null;
        return int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : throw ApiException.Invalid(field, $"{field} must be a whole number.");
    }
}
