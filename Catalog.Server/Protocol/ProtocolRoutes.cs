namespace Catalog.Server.Protocol;

/// <summary>Route patterns of the Eclipse protocol (PROTOCOL.md's endpoint table), in one place.</summary>
public static class ProtocolRoutes
{
    public static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public const string Catalogs = "/catalogs/api/p";
    public const string Root = "/api/p";
    public const string Taxonomy = "/taxonomy/term/{terms}/api/p";
    public const string CategoryBySlug = "/category/categories/{slug}/api/p";
    public const string MarketBySlug = "/category/markets/{slug}/api/p";
    public const string FreeTagging = "/category/free-tagging/{tags}/api/p";
    public const string Nodes = "/node/{ids}/api/p";
    public const string NodeByTitle = "/content/{title}/api/p";
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
    public const string NodeInstallSuccess = "/node/{id}/success";
    public const string TitleInstallSuccess = "/content/{title}/success";
    public const string InstallErrorReport = "/install/error/report";

    /// <summary>Whether a request path belongs to the XML protocol (and so gets XML errors).</summary>
    public static bool IsProtocolPath(PathString path) =>
        path.StartsWithSegments("/api/p")
        || path.Value is { } p && (p.EndsWith("/api/p", StringComparison.Ordinal) || p.EndsWith("/success", StringComparison.Ordinal)
                                   || p.StartsWith(InstallErrorReport, StringComparison.Ordinal));
}
