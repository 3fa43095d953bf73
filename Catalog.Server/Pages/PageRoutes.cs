using Catalog.Schema.Wire;

namespace Catalog.Server.Pages;

/// <summary>
/// Route patterns of the web pages: the protocol's URLs without <c>/api/p</c>, as on the real marketplace,
/// where every page has an XML twin at the same URL plus <c>/api/p</c>.
/// </summary>
public static class PageRoutes
{
    public const string Home = "/";
    public const string Taxonomy = CatalogPaths.Taxonomy;
    public const string CategoryBySlug = CatalogPaths.CategoryBySlug;
    public const string MarketBySlug = CatalogPaths.MarketBySlug;
    public const string FreeTagging = CatalogPaths.FreeTagging;
    public const string Node = CatalogPaths.Node;
    public const string NodeByTitle = CatalogPaths.NodeByTitle;
    public const string Featured = "/featured";
    public const string FeaturedScoped = "/featured/{terms}";
    public const string Recent = "/recent";
    public const string Favorites = "/favorites";
    public const string FavoritesTop = "/favorites/top";
    public const string Popular = "/popular";
    public const string PopularTop = "/popular/top";
    public const string Related = "/related";
    public const string News = "/news";
    public const string Search = "/search/apachesolr_search/{**text}";
    public const string SearchForm = "/search/apachesolr_search";

    /// <summary>The search link the XML answers carry in <c>search/@url</c>.</summary>
    public const string SiteSearch = CatalogPaths.SiteSearch;

    /// <summary>The drag-and-drop install link's target (PROTOCOL.md, "Links from web pages into the IDE").</summary>
    public const string InstallIntro = "/marketplace-client-intro";

    /// <summary>What the IDE's embedded browser follows to install; a plain browser lands on the same help.</summary>
    public const string EmbeddedInstall = "/mpc/install";

    public const string Stylesheet = "/assets/site.css";
}
