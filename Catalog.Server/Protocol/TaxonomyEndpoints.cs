using Catalog.Schema.Model;
using Catalog.Schema.Store;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Protocol;

/// <summary>Catalogs, markets and categories, and the listings of a category, market or tag.</summary>
public static class TaxonomyEndpoints
{
    public static RouteGroupBuilder MapTaxonomyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Protocol: taxonomy");
        group.MapMethods(ProtocolRoutes.Catalogs, ProtocolRoutes.GetOrHead, GetCatalogs);
        group.MapMethods(ProtocolRoutes.Root, ProtocolRoutes.GetOrHead, GetMarkets);
        group.MapMethods(ProtocolRoutes.Taxonomy, ProtocolRoutes.GetOrHead, GetTaxonomy);
        group.MapMethods(ProtocolRoutes.CategoryBySlug, ProtocolRoutes.GetOrHead, GetCategoryBySlug);
        group.MapMethods(ProtocolRoutes.MarketBySlug, ProtocolRoutes.GetOrHead, GetMarketBySlug);
        group.MapMethods(ProtocolRoutes.FreeTagging, ProtocolRoutes.GetOrHead, GetByTags);
        return group;
    }

    public static async Task<XmlResponse> GetCatalogs(HttpContext http, ProtocolResponder responder, ICatalogStore store)
    {
        var catalogs = await store.GetCatalogsAsync(http.RequestAborted);
        return await responder.RespondAsync(http, doc => doc.Catalogs(catalogs), needsCategories: false);
    }

    public static async Task<XmlResponse> GetMarkets(HttpContext http, ProtocolResponder responder, ICatalogStore store)
    {
        var ct = http.RequestAborted;
        var client = responder.Client(http);
        // Counting every listing per market and category takes a quarter of a second at 100,000 listings;
        // installs do not change it, so it is counted once per change number and release.
        var (markets, categories, counts) = await responder.PerChangeNumberAsync($"root:{client.Release?.Index}", async () => (
            await store.GetMarketsAsync(ct),
            await store.GetCategoriesAsync(ct),
            await store.CountByMarketAndCategoryAsync(ProtocolResponder.FilterFor(client), ct)));
        return await responder.RespondAsync(http, doc => doc.Markets(markets, categories, counts), needsCategories: false);
    }

    /// <summary><c>{category},{market}</c>, or either alone; the result's id is the pair as asked.</summary>
    public static async Task<XmlResponse> GetTaxonomy(string terms, HttpContext http, ProtocolResponder responder, ICatalogStore store, CatalogLists lists)
    {
        var ids = RequestParsing.ParseIdList(terms, "taxonomy term", 2);
        var scope = await TermScope.ResolveAsync(store, ids, http.RequestAborted);
        var id = string.Join(',', ids);
        var url = ids.Count == 2 ? responder.Links(http).CategoryInMarket(ids[0], ids[1]) : responder.Links(http).Category(ids[0]);
        return await RespondWithListings(http, responder, lists, id, scope.Name, url,
            new ListingQuery(ListingFilter.None, ListingOrder.Name, 0, 0) { CategoryId = scope.CategoryId, MarketId = scope.MarketId });
    }

    public static async Task<XmlResponse> GetCategoryBySlug(string slug, HttpContext http, ProtocolResponder responder, ICatalogStore store, CatalogLists lists)
    {
        var category = await TermScope.FindCategoryBySlugAsync(store, slug, http.RequestAborted);
        return await RespondWithListings(http, responder, lists, category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            category.Name, responder.Links(http).Category(category.Id),
            new ListingQuery(ListingFilter.None, ListingOrder.Name, 0, 0) { CategoryId = category.Id });
    }

    public static async Task<XmlResponse> GetMarketBySlug(string slug, HttpContext http, ProtocolResponder responder, ICatalogStore store, CatalogLists lists)
    {
        var market = await TermScope.FindMarketBySlugAsync(store, slug, http.RequestAborted);
        return await RespondWithListings(http, responder, lists, market.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            market.Name, responder.Links(http).Market(market),
            new ListingQuery(ListingFilter.None, ListingOrder.Name, 0, 0) { MarketId = market.Id });
    }

    /// <summary>
    /// Listings with any of the comma-separated tags; the IDE asks this for <c>fileExtension_*</c> and
    /// <c>nature_*</c> discovery. An unknown tag is an empty result, not an error.
    /// </summary>
    public static async Task<XmlResponse> GetByTags(string tags, HttpContext http, ProtocolResponder responder, ICatalogStore store, IOptions<ProtocolOptions> options, CatalogLists lists)
    {
        var names = RequestParsing.ParseTagList(tags, options.Value.MaxIdsPerRequest);
        var known = await store.FindTagsAsync(names, http.RequestAborted);
        var id = known.Count > 0 ? string.Join(',', known.Select(t => t.Id)) : "0";
        return await RespondWithListings(http, responder, lists, id, string.Join(", ", names), responder.Links(http).Tag(string.Join(',', names)),
            new ListingQuery(ListingFilter.None, ListingOrder.Name, 0, 0) { AnyTags = names });
    }

    private static async Task<XmlResponse> RespondWithListings(
        HttpContext http, ProtocolResponder responder, CatalogLists lists, string id, string name, string url, ListingQuery query)
    {
        var client = responder.Client(http);
        var page = await lists.InScopeAsync(query, client, 1, http.RequestAborted);
        return await responder.RespondAsync(http, doc => doc.CategoryResult(id, name, url, page.TotalCount, responder.Views(page.Listings, client)));
    }
}
