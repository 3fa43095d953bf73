using Catalog.Schema.Store;
using Catalog.Server.Hosting;

namespace Catalog.Server.Pages;

/// <summary>What every page's shell shows: the site's name, its links, the XML twin and the search text.</summary>
public sealed record PageFrame(PageLinks Links, string SiteName, string XmlTwin, string SearchText = "")
{
    public string SearchText { get; init; } = PageText.Clean(SearchText);
}

/// <summary>Builds the <see cref="PageFrame"/> of a request.</summary>
public sealed class PageFrames(ICatalogStore store, PublicBaseUrl baseUrl, PageAssets assets)
{
    public const string DefaultSiteName = "Marketplace Catalog";

    public async Task<PageFrame> ForAsync(HttpContext http)
    {
        var links = new PageLinks(http.Request.PathBase.Value ?? "", baseUrl.For(http.Request), assets.StylesheetVersion);
        var catalogs = await store.GetCatalogsAsync(http.RequestAborted);
        // The self-contained catalog with no URL of its own is the one this server is (seed-data/README.md).
        var own = catalogs.FirstOrDefault(c => c.Url.Length == 0) ?? catalogs.FirstOrDefault(c => c.SelfContained);
        return new PageFrame(links, own?.Title is { Length: > 0 } title ? PageText.Clean(title) : DefaultSiteName, links.XmlTwin(http.Request));
    }
}
