using System.Globalization;
using System.Text;
using Catalog.Schema.Model;
using Catalog.Schema.Wire;
using Catalog.Server.Protocol;

namespace Catalog.Server.Pages;

/// <summary>
/// Every link a page shows, built in one place: site links relative to the host (under the request's path
/// base), and the absolute ones an IDE needs (install link, catalog URL) from the public base URL.
/// </summary>
public sealed class PageLinks(string pathBase, string publicBaseUrl, string stylesheetVersion)
{
    /// <summary>Scheme, host and path prefix with no trailing slash; what an IDE is pointed at.</summary>
    public string PublicBaseUrl { get; } = publicBaseUrl.TrimEnd('/');

    public string Home => pathBase + "/";
    public string Featured => pathBase + PageRoutes.Featured;
    public string Recent => pathBase + PageRoutes.Recent;
    public string Popular => pathBase + PageRoutes.Popular;
    public string Favorites => pathBase + PageRoutes.Favorites;
    public string News => pathBase + PageRoutes.News;
    public string SearchForm => pathBase + PageRoutes.SearchForm;
    public string Stylesheet => $"{pathBase}{PageRoutes.Stylesheet}?v={stylesheetVersion}";

    public string Node(Listing listing) => pathBase + CatalogPaths.NodeByTitleOf(listing.UrlTitle);

    public string Category(int categoryId) => pathBase + CatalogPaths.CategoryOf(categoryId);

    public string CategoryInMarket(int categoryId, int marketId) => pathBase + CatalogPaths.CategoryInMarketOf(categoryId, marketId, ",");

    public string Market(Market market) => pathBase + CatalogPaths.MarketOf(market.Slug);

    public string Tag(string name) => pathBase + CatalogPaths.TagOf(name);

    /// <summary>A search page; <paramref name="page"/> 1 is left out of the link.</summary>
    public string Search(string text, SearchFilters filters, int page = 1)
    {
        var link = new StringBuilder(pathBase).Append(PageRoutes.SearchForm);
        if (text.Length > 0)
            link.Append('/').Append(Uri.EscapeDataString(text));
        var separator = '?';
        var filterText = filters.Format();
        if (filterText.Length > 0)
        {
            link.Append(separator).Append("filters=").Append(Uri.EscapeDataString(filterText));
            separator = '&';
        }
        if (page > 1)
            link.Append(separator).Append("page_num=").Append(Id(page));
        return link.ToString();
    }

    /// <summary>
    /// Dropped on a running IDE, this opens its install wizard for the node; the client accepts any http(s)
    /// URL whose query holds <c>mpc_install</c> and finds the catalog from the host (PROTOCOL.md).
    /// </summary>
    public string Install(int listingId) => $"{PublicBaseUrl}{PageRoutes.InstallIntro}?mpc_install={Id(listingId)}";

    /// <summary>The protocol answer a page mirrors: the same path plus <c>/api/p</c> (search has it as a prefix).</summary>
    public string XmlTwin(HttpRequest request)
    {
        var path = request.Path.HasValue ? request.Path.ToUriComponent() : "/";
        if (path.StartsWith("/search/", StringComparison.Ordinal))
            return pathBase + "/api/p" + path.Replace("/search/site/", "/search/apachesolr_search/", StringComparison.Ordinal) + request.QueryString;
        return pathBase + (path == "/" ? "" : path.TrimEnd('/')) + "/api/p" + request.QueryString;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
