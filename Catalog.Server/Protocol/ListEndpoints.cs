using Catalog.Schema.Store;
using Microsoft.Extensions.Options;

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

    public static async Task<XmlResponse> GetFeatured(HttpContext http, ProtocolResponder responder, IOptions<ProtocolOptions> options)
    {
        var o = options.Value;
        var client = responder.Client(http);
        var page = await responder.Store.GetFeaturedAsync(null, null, ProtocolResponder.FilterFor(client), o.ListSize, o.MaxPromoted, http.RequestAborted);
        return await Respond(http, responder, "featured", page, client);
    }

    /// <summary>Here the market comes first: <c>/featured/{market}</c> or <c>/featured/{market},{category}</c>.</summary>
    public static async Task<XmlResponse> GetScopedFeatured(string terms, HttpContext http, ProtocolResponder responder, IOptions<ProtocolOptions> options)
    {
        var o = options.Value;
        var ids = RequestParsing.ParseIdList(terms, "featured market or category", 2);
        var scope = await TermScope.ResolveAsync(responder.Store, ids, http.RequestAborted);
        var client = responder.Client(http);
        var page = await responder.Store.GetFeaturedAsync(scope.MarketId, scope.CategoryId, ProtocolResponder.FilterFor(client),
            o.ScopedFeaturedSize, o.MaxPromoted, http.RequestAborted);
        return await Respond(http, responder, "featured", page, client);
    }

    public static Task<XmlResponse> GetRecent(HttpContext http, ProtocolResponder responder, IOptions<ProtocolOptions> options) =>
        Ordered(http, responder, options.Value, "recent", ListingOrder.Recent);

    public static Task<XmlResponse> GetFavorites(HttpContext http, ProtocolResponder responder, IOptions<ProtocolOptions> options) =>
        Ordered(http, responder, options.Value, "favorites", ListingOrder.Favorites);

    public static Task<XmlResponse> GetPopular(HttpContext http, ProtocolResponder responder, IOptions<ProtocolOptions> options) =>
        Ordered(http, responder, options.Value, "popular", ListingOrder.Popular);

    /// <summary><c>?nodes=1+2+3</c>: listings sharing categories or tags with the given ones.</summary>
    public static async Task<XmlResponse> GetRelated(HttpContext http, ProtocolResponder responder, IOptions<ProtocolOptions> options)
    {
        var o = options.Value;
        var ids = RequestParsing.ParseIdList(http.Request.Query["nodes"].ToString(), "nodes", o.MaxIdsPerRequest);
        var client = responder.Client(http);
        var page = await responder.Store.GetRelatedAsync(ids, ProtocolResponder.FilterFor(client), o.ListSize, http.RequestAborted);
        return await Respond(http, responder, "related", page, client);
    }

    /// <summary>No news is a 404, which the client reads as "no news".</summary>
    public static async Task<XmlResponse> GetNews(HttpContext http, ProtocolResponder responder)
    {
        var news = await responder.Store.GetNewsAsync(http.RequestAborted);
        if (news.Count == 0)
            throw ProtocolException.NotFound("There is no news.");
        return await responder.RespondAsync(http, doc => doc.NewsItems(news.Take(1)), needsCategories: false);
    }

    /// <summary>
    /// The Eclipse client's own requests for these lists show only installable listings, and no commercial
    /// ones unless a foundation member owns them (PROTOCOL.md).
    /// </summary>
    private static async Task<XmlResponse> Ordered(HttpContext http, ProtocolResponder responder, ProtocolOptions options, string element, ListingOrder order)
    {
        var client = responder.Client(http);
        var page = await responder.Store.QueryListingsAsync(
            new ListingQuery(ProtocolResponder.FilterFor(client, clientListRules: true), order, 0, options.ListSize), http.RequestAborted);
        return await Respond(http, responder, element, page, client);
    }

    private static Task<XmlResponse> Respond(HttpContext http, ProtocolResponder responder, string element, ListingPage page, ClientContext client) =>
        responder.RespondAsync(http, doc => doc.NodeList(element, page.TotalCount, responder.Views(page.Listings, client)));
}
