using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Catalog.Schema.Model;
using Catalog.Schema.Wire;

namespace Catalog.Server.Pages;

/// <summary>
/// Stored text may hold control characters (the real export does). HTML can carry them only as character
/// references that are parse errors, so pages drop them, as the XML wire does.
/// </summary>
public static partial class PageText
{
    /// <summary>"1 listing", "1,204 listings": a count with its noun, singular for one.</summary>
    public static string Counted(long count, string singular, string plural) =>
        $"{count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {(count == 1 ? singular : plural)}";

    public static string Clean(string? value)
    {
        var text = XmlText.Clean(value);
        // A carriage return is written as a character reference, which HTML also counts as an error.
        if (text.Contains('\r', StringComparison.Ordinal))
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        // XML allows the C1 controls and DEL; HTML does not.
        return text.AsSpan().IndexOfAnyInRange('\u007F', '\u009F') < 0
            ? text
            : string.Concat(text.Where(c => c is < '\u007F' or > '\u009F'));
    }

    /// <summary>The listing with every text a page shows cleaned.</summary>
    public static Listing Clean(Listing listing) => listing with
    {
        Name = Clean(listing.Name),
        UrlTitle = Clean(listing.UrlTitle),
        Owner = Clean(listing.Owner),
        CompanyName = Clean(listing.CompanyName),
        ShortDescription = PlainText(Clean(listing.ShortDescription)),
        Body = Clean(listing.Body),
        License = Clean(listing.License),
        Status = Clean(listing.Status),
        HomepageUrl = Clean(listing.HomepageUrl),
        SupportUrl = Clean(listing.SupportUrl),
        ImageUrl = Clean(listing.ImageUrl),
        ScreenshotUrl = Clean(listing.ScreenshotUrl),
        Tags = [.. listing.Tags.Select(t => t with { Name = Clean(t.Name) })],
        Versions = [.. listing.Versions.Select(v => v with
        {
            Version = Clean(v.Version),
            UpdateSiteUrl = Clean(v.UpdateSiteUrl),
            MinJavaVersion = Clean(v.MinJavaVersion),
            Platforms = [.. v.Platforms.Select(Clean)],
            Releases = [.. v.Releases.Select(Clean)],
            Features = [.. v.Features.Select(f => f with { Id = Clean(f.Id) })],
        })],
    };

    /// <summary>
    /// Short descriptions are meant as plain text, but imported ones are often HTML teasers: a page shows
    /// their text, with whitespace collapsed, never their markup.
    /// </summary>
    public static string PlainText(string value)
    {
        if (value.AsSpan().IndexOfAny('<', '&') < 0)
            return value;
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + value);
        foreach (var hidden in document.QuerySelectorAll("script, style, template, noscript, title").ToList())
            hidden.Remove();
        return Whitespace().Replace(document.Body?.TextContent ?? "", " ").Trim();
    }

    /// <summary>At most about <paramref name="max"/> characters, cut at a word, with an ellipsis when cut.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
            return text;
        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)].TrimEnd(' ', ',', '.', ';', ':') + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static NewsItem Clean(NewsItem item) => item with { ShortTitle = Clean(item.ShortTitle), Url = Clean(item.Url) };

    public static IReadOnlyList<Listing> Clean(IReadOnlyList<Listing> listings) => [.. listings.Select(Clean)];
}
