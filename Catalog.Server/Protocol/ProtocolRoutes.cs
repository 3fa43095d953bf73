using Catalog.Schema.Wire;

namespace Catalog.Server.Protocol;

/// <summary>Route patterns of the Eclipse protocol (PROTOCOL.md's endpoint table), in one place.</summary>
public static class ProtocolRoutes
{
    public static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public const string Catalogs = "/catalogs/api/p";
    public const string Root = CatalogPaths.Api;
    public const string Taxonomy = CatalogPaths.Taxonomy + CatalogPaths.Api;
    public const string CategoryBySlug = CatalogPaths.CategoryBySlug + CatalogPaths.Api;
    public const string MarketBySlug = CatalogPaths.MarketBySlug + CatalogPaths.Api;
    public const string FreeTagging = CatalogPaths.FreeTagging + CatalogPaths.Api;
    public const string Nodes = CatalogPaths.NodePrefix + "{ids}" + CatalogPaths.Api;
    public const string NodeByTitle = CatalogPaths.NodeByTitle + CatalogPaths.Api;
    public const string Featured = "/featured/api/p";
    public const string FeaturedScoped = "/featured/{terms}/api/p";
    public const string Recent = "/recent/api/p";
    public const string Favorites = "/favorites/api/p";
    public const string FavoritesTop = "/favorites/top/api/p";
    public const string Popular = "/popular/api/p";
    public const string PopularTop = "/popular/top/api/p";
    public const string Related = "/related/api/p";
    public const string News = "/news/api/p";
    public const string Search = "/api/p/search/apachesolr_search/{**query}";
    public const string SearchBrowse = "/api/p/search/apachesolr_search";
    public const string NodeInstallSuccess = CatalogPaths.Node + "/success";
    public const string TitleInstallSuccess = CatalogPaths.NodeByTitle + "/success";
    public const string InstallErrorReport = "/install/error/report";

    /// <summary>Whether a request path belongs to the XML protocol (and so gets XML errors).</summary>
    public static bool IsProtocolPath(PathString path) =>
        path.StartsWithSegments("/api/p")
        || path.Value is { } p && (p.EndsWith("/api/p", StringComparison.Ordinal) || p.EndsWith("/success", StringComparison.Ordinal)
                                   || p.StartsWith(InstallErrorReport, StringComparison.Ordinal));
}
