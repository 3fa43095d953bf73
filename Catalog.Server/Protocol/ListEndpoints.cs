using Catalog.Schema.Store;

namespace Catalog.Server.Protocol;

/// <summary>featured, recent, favorites, popular, related and news.</summary>
public static class ListEndpoints
{
    public static RouteGroupBuilder MapListEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Protocol: lists");
        group.MapMethods(ProtocolRoutes.Featured, ProtocolRoutes.GetOrHead, GetFeatured);
        group.MapMethods(ProtocolRoutes.FeaturedScoped, ProtocolRoutes.GetOrHead, GetScopedFeatured);
        group.MapMethods(ProtocolRoutes.Recent, ProtocolRoutes.GetOrHead, GetRecent);
        group.MapMethods(ProtocolRoutes.Favorites, ProtocolRoutes.GetOrHead, GetFavorites);
        group.MapMethods(ProtocolRoutes.FavoritesTop, ProtocolRoutes.GetOrHead, GetFavorites);
        group.MapMethods(ProtocolRoutes.Popular, ProtocolRoutes.GetOrHead, GetPopular);
        group.MapMethods(ProtocolRoutes.PopularTop, ProtocolRoutes.GetOrHead, GetPopular);
        group.MapMethods(ProtocolRoutes.Related, ProtocolRoutes.GetOrHead, GetRelated);
        group.MapMethods(ProtocolRoutes.News, ProtocolRoutes.GetOrHead, GetNews);
        return group;
    }

    public static async Task<XmlResponse> GetFeatured(HttpContext http, ProtocolResponder responder, CatalogLists lists)
    {
        var client = responder.Client(http);
        var page = await lists.FeaturedAsync(null, client, http.RequestAborted);
        return await Respond(http, responder, "featured", page, client);
    }

    /// <summary>Here the market comes first: <c>/featured/{market}</c> or <c>/featured/{market},{category}</c>.</summary>
    public static async Task<XmlResponse> GetScopedFeatured(string terms, HttpContext http, ProtocolResponder responder, ICatalogStore store, CatalogLists lists)
    {
        var ids = RequestParsing.ParseIdList(terms, "featured market or category", 2);
        var scope = await TermScope.ResolveAsync(store, ids, http.RequestAborted);
        var client = responder.Client(http);
        var page = await lists.FeaturedAsync(scope, client, http.RequestAborted);
        return await Respond(http, responder, "featured", page, client);
    }

    public static Task<XmlResponse> GetRecent(HttpContext http, ProtocolResponder responder, CatalogLists lists) =>
        Ordered(http, responder, lists, "recent", ListingOrder.Recent);

    public static Task<XmlResponse> GetFavorites(HttpContext http, ProtocolResponder responder, CatalogLists lists) =>
        Ordered(http, responder, lists, "favorites", ListingOrder.Favorites);

    public static Task<XmlResponse> GetPopular(HttpContext http, ProtocolResponder responder, CatalogLists lists) =>
        Ordered(http, responder, lists, "popular", ListingOrder.Popular);

    /// <summary><c>?nodes=1+2+3</c>: listings sharing categories or tags with the given ones.</summary>
    public static async Task<XmlResponse> GetRelated(HttpContext http, ProtocolResponder responder, CatalogLists lists)
    {
        var ids = lists.ParseIds(http.Request.Query["nodes"].ToString(), "nodes");
        var client = responder.Client(http);
        var page = await lists.RelatedAsync(ids, client, http.RequestAborted);
        return await Respond(http, responder, "related", page, client);
    }

    /// <summary>
    /// The newest item; no news is an empty <c>marketplace</c> with 200, since the current client's HTTP
    /// transport turns a 404 into a logged error before its "no news" path sees it (PROTOCOL.md).
    /// </summary>
    public static async Task<XmlResponse> GetNews(HttpContext http, ProtocolResponder responder, ICatalogStore store)
    {
        var news = await store.GetNewsAsync(http.RequestAborted);
        return await responder.RespondAsync(http, doc => doc.NewsItems(news.Take(1)), needsCategories: false);
    }

    private static async Task<XmlResponse> Ordered(HttpContext http, ProtocolResponder responder, CatalogLists lists, string element, ListingOrder order)
    {
        var client = responder.Client(http);
        var page = await lists.OrderedAsync(order, client, http.RequestAborted);
        return await Respond(http, responder, element, page, client);
    }

    private static Task<XmlResponse> Respond(HttpContext http, ProtocolResponder responder, string element, ListingPage page, ClientContext client) =>
        responder.RespondAsync(http, doc => doc.NodeList(element, responder.Views(page.Listings, client).ToList()));
}
