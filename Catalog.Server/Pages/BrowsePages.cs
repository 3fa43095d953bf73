using System.Globalization;
using Catalog.Schema.Model;
using Catalog.Schema.Store;
using Catalog.Server.Protocol;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Pages;

/// <summary>Categories, markets, tags and the featured, recent, favorites, popular and related lists.</summary>
public static class BrowsePages
{
    public static IEndpointRouteBuilder MapBrowsePages(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods(PageRoutes.Taxonomy, ProtocolRoutes.GetOrHead, Taxonomy);
        routes.MapMethods(PageRoutes.CategoryBySlug, ProtocolRoutes.GetOrHead, CategoryBySlug);
        routes.MapMethods(PageRoutes.MarketBySlug, ProtocolRoutes.GetOrHead, MarketBySlug);
        routes.MapMethods(PageRoutes.FreeTagging, ProtocolRoutes.GetOrHead, Tags);
        routes.MapMethods(PageRoutes.Featured, ProtocolRoutes.GetOrHead, Featured);
        routes.MapMethods(PageRoutes.FeaturedScoped, ProtocolRoutes.GetOrHead, ScopedFeatured);
        routes.MapMethods(PageRoutes.Recent, ProtocolRoutes.GetOrHead, Recent);
        routes.MapMethods(PageRoutes.Favorites, ProtocolRoutes.GetOrHead, Favorites);
        routes.MapMethods(PageRoutes.FavoritesTop, ProtocolRoutes.GetOrHead, Favorites);
        routes.MapMethods(PageRoutes.Popular, ProtocolRoutes.GetOrHead, Popular);
        routes.MapMethods(PageRoutes.PopularTop, ProtocolRoutes.GetOrHead, Popular);
        routes.MapMethods(PageRoutes.Related, ProtocolRoutes.GetOrHead, Related);
        return routes;
    }

    /// <summary><c>{category},{market}</c>, or either alone, as the protocol reads it.</summary>
    public static async Task<RazorComponentResult<ListingsPage>> Taxonomy(string terms, HttpContext http, PageFrames frames, ProtocolResponder responder, ICatalogStore store, CatalogLists lists)
    {
        var ids = RequestParsing.ParseIdList(terms, "taxonomy term", 2);
        var scope = await TermScope.ResolveAsync(store, ids, http.RequestAborted);
        if (scope.CategoryId is null && scope.MarketId is { } marketId)
            return await MarketPage(http, frames, responder, store, lists, (await store.GetMarketsAsync(http.RequestAborted)).First(m => m.Id == marketId));
        var query = new ListingQuery(ListingFilter.None, ListingOrder.Name, 0, 0) { CategoryId = scope.CategoryId, MarketId = scope.MarketId };
        var frame = await frames.ForAsync(http);
        var title = scope.Name;
        IReadOnlyList<TermLink>? related = null;
        if (scope.MarketId is { } inMarket)
        {
            var market = (await store.GetMarketsAsync(http.RequestAborted)).First(m => m.Id == inMarket);
            title = $"{scope.Name} in {market.Name}";
            related = [new TermLink(market.Name, frame.Links.Market(market)), new TermLink($"{scope.Name} in every market", frame.Links.Category(scope.CategoryId!.Value))];
        }
        return await InScope(http, frame, responder, lists, query, title, $"Listings in {title}, by name.", related, "See also");
    }

    public static async Task<RazorComponentResult<ListingsPage>> CategoryBySlug(string slug, HttpContext http, PageFrames frames, ProtocolResponder responder, ICatalogStore store, CatalogLists lists)
    {
        var category = await TermScope.FindCategoryBySlugAsync(store, slug, http.RequestAborted);
        var frame = await frames.ForAsync(http);
        return await InScope(http, frame, responder, lists, new ListingQuery(ListingFilter.None, ListingOrder.Name, 0, 0) { CategoryId = category.Id },
            category.Name, $"Listings in {category.Name}, by name.", null, null);
    }

    public static async Task<RazorComponentResult<ListingsPage>> MarketBySlug(string slug, HttpContext http, PageFrames frames, ProtocolResponder responder, ICatalogStore store, CatalogLists lists)
    {
        var market = await TermScope.FindMarketBySlugAsync(store, slug, http.RequestAborted);
        return await MarketPage(http, frames, responder, store, lists, market);
    }

    /// <summary>An unknown tag is an empty page, as it is an empty answer in the protocol.</summary>
    public static async Task<RazorComponentResult<ListingsPage>> Tags(string tags, HttpContext http, PageFrames frames, ProtocolResponder responder, CatalogLists lists, IOptions<ProtocolOptions> options)
    {
        var names = RequestParsing.ParseTagList(tags, options.Value.MaxIdsPerRequest);
        var frame = await frames.ForAsync(http);
        var title = "Tagged " + string.Join(", ", names);
        return await InScope(http, frame, responder, lists, new ListingQuery(ListingFilter.None, ListingOrder.Name, 0, 0) { AnyTags = names },
            title, $"Listings tagged {string.Join(" or ", names)}, by name.", null, null);
    }

    public static async Task<RazorComponentResult<ListingsPage>> Featured(HttpContext http, PageFrames frames, ProtocolResponder responder, CatalogLists lists)
    {
        var page = await lists.FeaturedAsync(null, responder.Client(http), http.RequestAborted);
        return await ListPage(http, frames, "Featured", "Listings the catalog's editors recommend.", page);
    }

    /// <summary>Here the market comes first: <c>/featured/{market}</c> or <c>/featured/{market},{category}</c>.</summary>
    public static async Task<RazorComponentResult<ListingsPage>> ScopedFeatured(string terms, HttpContext http, PageFrames frames, ProtocolResponder responder, ICatalogStore store, CatalogLists lists)
    {
        var ids = RequestParsing.ParseIdList(terms, "featured market or category", 2);
        var scope = await TermScope.ResolveAsync(store, ids, http.RequestAborted);
        var page = await lists.FeaturedAsync(scope, responder.Client(http), http.RequestAborted);
        return await ListPage(http, frames, $"Featured in {scope.Name}", $"Listings the catalog's editors recommend in {scope.Name}.", page);
    }

    public static async Task<RazorComponentResult<ListingsPage>> Recent(HttpContext http, PageFrames frames, ProtocolResponder responder, CatalogLists lists) =>
        await ListPage(http, frames, "Recently updated", "The listings changed most recently.",
            await lists.OrderedAsync(ListingOrder.Recent, responder.Client(http), http.RequestAborted));

    public static async Task<RazorComponentResult<ListingsPage>> Favorites(HttpContext http, PageFrames frames, ProtocolResponder responder, CatalogLists lists) =>
        await ListPage(http, frames, "Favorites", "The listings people favorited most.",
            await lists.OrderedAsync(ListingOrder.Favorites, responder.Client(http), http.RequestAborted));

    public static async Task<RazorComponentResult<ListingsPage>> Popular(HttpContext http, PageFrames frames, ProtocolResponder responder, CatalogLists lists) =>
        await ListPage(http, frames, "Most popular", "The listings installed most in the last 30 days.",
            await lists.OrderedAsync(ListingOrder.Popular, responder.Client(http), http.RequestAborted));

    /// <summary><c>?nodes=1+2</c>: listings sharing categories or tags with the given ones.</summary>
    public static async Task<RazorComponentResult<ListingsPage>> Related(HttpContext http, PageFrames frames, ProtocolResponder responder, CatalogLists lists)
    {
        var ids = lists.ParseIds(http.Request.Query["nodes"].ToString(), "nodes");
        var page = await lists.RelatedAsync(ids, responder.Client(http), http.RequestAborted);
        return await ListPage(http, frames, "Related", "Listings that share categories or tags with the ones asked about.", page);
    }

    /// <summary>A market: its categories with counts, then its listings page by page.</summary>
    private static async Task<RazorComponentResult<ListingsPage>> MarketPage(HttpContext http, PageFrames frames, ProtocolResponder responder, ICatalogStore store, CatalogLists lists, Market market)
    {
        var ct = http.RequestAborted;
        var frame = await frames.ForAsync(http);
        var categories = await store.GetCategoriesAsync(ct);
        var counts = await store.CountByMarketAndCategoryAsync(ProtocolResponder.FilterFor(responder.Client(http)), ct);
        var related = TermLink.CategoriesOf(market, categories, counts, frame.Links);
        return await InScope(http, frame, responder, lists, new ListingQuery(ListingFilter.None, ListingOrder.Name, 0, 0) { MarketId = market.Id },
            market.Name, $"Listings in the {market.Name} market, by name.", related, "Categories");
    }

    private static async Task<RazorComponentResult<ListingsPage>> InScope(
        HttpContext http, PageFrame frame, ProtocolResponder responder, CatalogLists lists, ListingQuery query,
        string title, string summary, IReadOnlyList<TermLink>? related, string? relatedTitle)
    {
        var pageNumber = RequestParsing.ParsePageNumber(http.Request.Query["page_num"].ToString(), lists.MaxPageNumber);
        var page = await lists.InScopeAsync(query, responder.Client(http), pageNumber, http.RequestAborted);
        var path = http.Request.PathBase + http.Request.Path;
        var paging = new Paging(pageNumber, PageCount(page.TotalCount, lists.CategoryPageSize),
            n => n == 1 ? path : $"{path}?page_num={n.ToString(CultureInfo.InvariantCulture)}");
        if (pageNumber > 1 && page.Listings.Count == 0)
            throw ProtocolException.NotFound($"There is no page {pageNumber} here.");
        return HomePages.Render<ListingsPage>(new ListingsModel(frame, title, summary, page.TotalCount, PageText.Clean(page.Listings), paging, related, relatedTitle));
    }

    private static async Task<RazorComponentResult<ListingsPage>> ListPage(HttpContext http, PageFrames frames, string title, string summary, ListingPage page)
    {
        var frame = await frames.ForAsync(http);
        return HomePages.Render<ListingsPage>(new ListingsModel(frame, title, summary, page.TotalCount, PageText.Clean(page.Listings)));
    }

    internal static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);
}
