using Catalog.Schema.Store;
using Catalog.Server.Protocol;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Catalog.Server.Pages;

/// <summary>The front page, the news and the install link's landing page.</summary>
public static class HomePages
{
    public static IEndpointRouteBuilder MapHomePages(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods(PageRoutes.Home, ProtocolRoutes.GetOrHead, Home);
        routes.MapMethods(PageRoutes.News, ProtocolRoutes.GetOrHead, News);
        routes.MapMethods(PageRoutes.InstallIntro, ProtocolRoutes.GetOrHead, InstallIntro);
        routes.MapMethods(PageRoutes.EmbeddedInstall, ProtocolRoutes.GetOrHead, InstallIntro);
        return routes;
    }

    /// <summary>Markets with the categories and counts of <c>/api/p</c>, and the featured, recent and popular lists.</summary>
    public static async Task<RazorComponentResult<HomePage>> Home(HttpContext http, PageFrames frames, ProtocolResponder responder, ICatalogStore store, CatalogLists lists)
    {
        var ct = http.RequestAborted;
        var frame = await frames.ForAsync(http);
        var client = responder.Client(http);
        var markets = await store.GetMarketsAsync(ct);
        var categories = await store.GetCategoriesAsync(ct);
        var counts = await store.CountByMarketAndCategoryAsync(ProtocolResponder.FilterFor(client), ct);
        var summaries = markets.Select(market => new MarketSummary(market.Name, frame.Links.Market(market),
            TermLink.CategoriesOf(market, categories, counts, frame.Links))).ToList();
        var featured = await lists.FeaturedAsync(null, client, ct);
        var recent = await lists.OrderedAsync(ListingOrder.Recent, client, ct);
        var popular = await lists.OrderedAsync(ListingOrder.Popular, client, ct);
        var news = await store.GetNewsAsync(ct);
        return Render<HomePage>(new HomeModel(frame, summaries, PageText.Clean(featured.Listings), PageText.Clean(recent.Listings), PageText.Clean(popular.Listings), news.Select(PageText.Clean).FirstOrDefault()));
    }

    public static async Task<RazorComponentResult<NewsPage>> News(HttpContext http, PageFrames frames, ICatalogStore store)
    {
        var frame = await frames.ForAsync(http);
        var news = await store.GetNewsAsync(http.RequestAborted);
        return Render<NewsPage>(new NewsModel(frame, [.. news.Select(PageText.Clean)]));
    }

    /// <summary><c>?mpc_install={id}</c>; an id that is not a listing still gets the general help.</summary>
    public static async Task<RazorComponentResult<InstallIntroPage>> InstallIntro(HttpContext http, PageFrames frames, ICatalogStore store)
    {
        var frame = await frames.ForAsync(http);
        var id = http.Request.Query["mpc_install"].ToString();
        var listing = id.Length > 0 ? await store.GetListingAsync(RequestParsing.ParseId(id, "mpc_install"), http.RequestAborted) : null;
        return Render<InstallIntroPage>(new InstallIntroModel(frame, listing is null ? null : PageText.Clean(listing)));
    }

    internal static RazorComponentResult<T> Render<T>(object model) where T : Microsoft.AspNetCore.Components.IComponent =>
        new(new Dictionary<string, object?> { ["Model"] = model });
}
