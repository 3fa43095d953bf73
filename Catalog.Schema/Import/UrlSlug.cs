using System.Text;

namespace Catalog.Schema.Import;

/// <summary>Slugs for markets and categories, which the export only carries inside their urls.</summary>
internal static class UrlSlug
{
    /// <summary>The last path segment of <paramref name="url"/>, or empty when it has none.</summary>
    public static string LastSegment(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return "";
        var path = Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) ? uri.AbsolutePath : url.Trim();
        path = path.Split('?', '#')[0].TrimEnd('/');
        var segment = path[(path.LastIndexOf('/') + 1)..];
        return Uri.UnescapeDataString(segment).Trim();
    }

    /// <summary>A slug in the export's own style (lower case, dashes), for items whose url gives none.</summary>
    public static string FromName(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
                slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }
        return slug.ToString().TrimEnd('-');
    }
}
