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

    public string Node(Listing listing) => BaseUrl + CatalogPaths.NodeByTitleOf(listing.UrlTitle);

    public string Category(int categoryId) => BaseUrl + CatalogPaths.CategoryOf(categoryId);

    /// <summary>The pair form the real server lists under each market; the comma travels encoded.</summary>
    public string CategoryInMarket(int categoryId, int marketId) => BaseUrl + CatalogPaths.CategoryInMarketOf(categoryId, marketId, "%2C");

    public string Market(Market market) => BaseUrl + CatalogPaths.MarketOf(market.Slug);

    public string Tag(string name) => BaseUrl + CatalogPaths.TagOf(name);

    public string Search(string term) => BaseUrl + CatalogPaths.SiteSearchOf(term);

    /// <summary>
    /// A stored URL as the client must see it: absolute ones as they are, paths on this server (uploaded files
    /// are stored as <c>/files/{id}</c>) under the public base URL. Only a scheme makes a URL absolute here:
    /// on Unix <see cref="Uri"/> would take <c>/files/1</c> for an absolute file path.
    /// </summary>
    public string Absolute(string url) =>
        url.Length == 0 || HasScheme(url) ? url : $"{BaseUrl}/{url.TrimStart('/')}";

    private static bool HasScheme(string url) =>
        !url.StartsWith('/') && Uri.TryCreate(url, UriKind.Absolute, out _);
}
