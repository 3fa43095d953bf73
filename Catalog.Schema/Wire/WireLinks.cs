using Catalog.Schema.Model;

namespace Catalog.Schema.Wire;

/// <summary>
/// Absolute URLs in responses, all from one public base URL (configured, or taken from the request),
/// so that every link the client follows points back at this server.
/// </summary>
public sealed class WireLinks
{
    public WireLinks(string baseUrl) => BaseUrl = baseUrl.TrimEnd('/');

    /// <summary>Scheme, host and path prefix with no trailing slash.</summary>
    public string BaseUrl { get; }

    public string Node(Listing listing) => $"{BaseUrl}/content/{Uri.EscapeDataString(listing.UrlTitle)}";

    public string Category(int categoryId) => $"{BaseUrl}/taxonomy/term/{categoryId}";

    /// <summary>The pair form the real server lists under each market; the comma travels encoded.</summary>
    public string CategoryInMarket(int categoryId, int marketId) => $"{BaseUrl}/taxonomy/term/{categoryId}%2C{marketId}";

    public string Market(Market market) => $"{BaseUrl}/category/markets/{Uri.EscapeDataString(market.Slug)}";

    public string Tag(string name) => $"{BaseUrl}/category/free-tagging/{Uri.EscapeDataString(name)}";

    public string Search(string term) => $"{BaseUrl}/search/site/{Uri.EscapeDataString(term)}";

    /// <summary>A URL as stored, made absolute on this server when it is a path (<c>/files/12</c>, which .NET on Unix would read as a file URI).</summary>
    public string Absolute(string url) =>
        url.Length == 0 || (!url.StartsWith('/') && Uri.TryCreate(url, UriKind.Absolute, out _)) ? url : $"{BaseUrl}/{url.TrimStart('/')}";
}
