using System.Globalization;
using System.Text.Json;
using Catalog.Schema.Content;
using Catalog.Schema.Publishing;
using Catalog.Schema.Store;
using Catalog.Schema.Text;
using Catalog.Server.Indexing;
using Catalog.Server.Publishing.Auth;
using Catalog.Server.Publishing.Packages;

namespace Catalog.Server.Publishing.Operator;

/// <summary>
/// The operator's catalog: catalogs, markets, categories, featured and promoted entries, news (GET list, POST
/// create, PUT partial, DELETE), and the approval queue. Every write goes through <see cref="ICatalogContentWriter"/>
/// and its change log, and the search index catches up before the answer.
/// </summary>
public static class OperatorEndpoints
{
    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapOperatorEndpoints(this RouteGroupBuilder api)
    {
        var op = api.MapGroup("").RequireAuthorization(PublisherApiPolicies.Operator);
        op.MapGet(PublisherApiRoutes.Approvals, ListApprovals).Produces<List<PackageView>>();

        op.MapGet(PublisherApiRoutes.Markets, ListMarkets).Produces<List<MarketView>>();
        op.MapPost(PublisherApiRoutes.Markets, CreateMarket).Accepts<MarketRequest>("application/json").Produces<MarketView>(StatusCodes.Status201Created);
        op.MapPut(PublisherApiRoutes.Market, UpdateMarket).Accepts<MarketRequest>("application/json").Produces<MarketView>();
        op.MapDelete(PublisherApiRoutes.Market, DeleteMarket).Produces(StatusCodes.Status204NoContent);

        op.MapGet(PublisherApiRoutes.Categories, ListCategories).Produces<List<CategoryView>>();
        op.MapPost(PublisherApiRoutes.Categories, CreateCategory).Accepts<CategoryRequest>("application/json").Produces<CategoryView>(StatusCodes.Status201Created);
        op.MapPut(PublisherApiRoutes.Category, UpdateCategory).Accepts<CategoryRequest>("application/json").Produces<CategoryView>();
        op.MapDelete(PublisherApiRoutes.Category, DeleteCategory).Produces(StatusCodes.Status204NoContent);

        op.MapGet(PublisherApiRoutes.Catalogs, ListCatalogs).Produces<List<CatalogView>>();
        op.MapPost(PublisherApiRoutes.Catalogs, CreateCatalog).Accepts<CatalogRequest>("application/json").Produces<CatalogView>(StatusCodes.Status201Created);
        op.MapPut(PublisherApiRoutes.Catalog, UpdateCatalog).Accepts<CatalogRequest>("application/json").Produces<CatalogView>();
        op.MapDelete(PublisherApiRoutes.Catalog, DeleteCatalog).Produces(StatusCodes.Status204NoContent);

        op.MapGet(PublisherApiRoutes.FeaturedList, ListFeatured).Produces<List<FeaturedView>>();
        op.MapPost(PublisherApiRoutes.FeaturedList, CreateFeatured).Accepts<FeaturedRequest>("application/json").Produces<FeaturedView>(StatusCodes.Status201Created);
        op.MapPut(PublisherApiRoutes.FeaturedEntry, UpdateFeatured).Accepts<FeaturedRequest>("application/json").Produces<FeaturedView>();
        op.MapDelete(PublisherApiRoutes.FeaturedEntry, DeleteFeatured).Produces(StatusCodes.Status204NoContent);

        op.MapGet(PublisherApiRoutes.NewsList, ListNews).Produces<List<NewsView>>();
        op.MapPost(PublisherApiRoutes.NewsList, CreateNews).Accepts<NewsRequest>("application/json").Produces<NewsView>(StatusCodes.Status201Created);
        op.MapPut(PublisherApiRoutes.NewsItem, UpdateNews).Accepts<NewsRequest>("application/json").Produces<NewsView>();
        op.MapDelete(PublisherApiRoutes.NewsItem, DeleteNews).Produces(StatusCodes.Status204NoContent);
        return api;
    }

    public static async Task<IResult> ListApprovals(HttpContext http, IPackageStore packages)
    {
        var pending = await packages.ListPendingAsync(PackageStates.Submitted, http.RequestAborted);
        return List(http, pending.Select(PackageView.From).ToList());
    }

    // Markets

    public static async Task<IResult> ListMarkets(HttpContext http, ICatalogAdminStore admin) =>
        List(http, (await admin.GetMarketsAsync(http.RequestAborted)).Select(ToView).ToList());

    public static async Task<IResult> CreateMarket(HttpContext http, ICatalogAdminStore admin, ICatalogContentWriter writer, SearchIndexFollower follower)
    {
        var request = await JsonBody.ReadAsync<MarketRequest>(http.Request);
        var name = Validation.Text("name", request.Name, 200, required: true);
        var slug = Slug(request.Slug ?? name);
        var existing = await admin.GetMarketsAsync(http.RequestAborted);
        if (existing.Any(m => m.Slug == slug))
            throw ApiException.Conflict($"A market already has slug '{slug}'.", "slug");
        var key = UniqueKey("market-" + slug, existing.Select(m => m.Key));
        await WriteAsync(writer, follower, new CatalogContent { Markets = [new MarketSource(key, name, slug)], CreateOnly = true }, http.RequestAborted);
        var created = (await admin.GetMarketsAsync(http.RequestAborted)).Single(m => m.Key == key);
        return PublisherJson.Result(ToView(created), StatusCodes.Status201Created);
    }

    public static async Task<IResult> UpdateMarket(int id, HttpContext http, ICatalogAdminStore admin, ICatalogContentWriter writer, SearchIndexFollower follower)
    {
        var markets = await admin.GetMarketsAsync(http.RequestAborted);
        var current = markets.SingleOrDefault(m => m.Id == id) ?? throw ApiException.NotFound("market");
        var request = await JsonBody.ReadAsync<MarketRequest>(http.Request);
        var name = request.Name is null ? current.Name : Validation.Text("name", request.Name, 200, required: true);
        var slug = request.Slug is null ? current.Slug : Slug(request.Slug);
        if (markets.Any(m => m.Id != id && m.Slug == slug))
            throw ApiException.Conflict($"A market already has slug '{slug}'.", "slug");
        await WriteAsync(writer, follower, new CatalogContent { Markets = [new MarketSource(current.Key, name, slug)] }, http.RequestAborted);
        return PublisherJson.Result(ToView((await admin.GetMarketsAsync(http.RequestAborted)).Single(m => m.Id == id)));
    }

    public static Task<IResult> DeleteMarket(int id, ICatalogContentWriter writer, SearchIndexFollower follower, CancellationToken ct) =>
        RemoveAsync(writer, follower, CatalogItemKind.Market, id, "market", ct);

    // Categories

    public static async Task<IResult> ListCategories(HttpContext http, ICatalogAdminStore admin) =>
        List(http, (await admin.GetCategoriesAsync(http.RequestAborted)).Select(ToView).ToList());

    public static async Task<IResult> CreateCategory(HttpContext http, ICatalogAdminStore admin, ICatalogContentWriter writer, SearchIndexFollower follower)
    {
        var request = await JsonBody.ReadAsync<CategoryRequest>(http.Request);
        var name = Validation.Text("name", request.Name, 200, required: true);
        var slug = Slug(request.Slug ?? name);
        var existing = await admin.GetCategoriesAsync(http.RequestAborted);
        if (existing.Any(c => c.Slug == slug))
            throw ApiException.Conflict($"A category already has slug '{slug}'.", "slug");
        var key = UniqueKey("category-" + slug, existing.Select(c => c.Key));
        var markets = await MarketKeysAsync(admin, request.Markets ?? [], http.RequestAborted);
        await WriteAsync(writer, follower, new CatalogContent { Categories = [new CategorySource(key, name, slug) { Markets = markets }], CreateOnly = true }, http.RequestAborted);
        var created = (await admin.GetCategoriesAsync(http.RequestAborted)).Single(c => c.Key == key);
        return PublisherJson.Result(ToView(created), StatusCodes.Status201Created);
    }

    public static async Task<IResult> UpdateCategory(int id, HttpContext http, ICatalogAdminStore admin, ICatalogContentWriter writer, SearchIndexFollower follower)
    {
        var categories = await admin.GetCategoriesAsync(http.RequestAborted);
        var current = categories.SingleOrDefault(c => c.Id == id) ?? throw ApiException.NotFound("category");
        var request = await JsonBody.ReadAsync<CategoryRequest>(http.Request);
        var name = request.Name is null ? current.Name : Validation.Text("name", request.Name, 200, required: true);
        var slug = request.Slug is null ? current.Slug : Slug(request.Slug);
        if (categories.Any(c => c.Id != id && c.Slug == slug))
            throw ApiException.Conflict($"A category already has slug '{slug}'.", "slug");
        var markets = await MarketKeysAsync(admin, request.Markets ?? current.Markets.ToList(), http.RequestAborted);
        await WriteAsync(writer, follower, new CatalogContent { Categories = [new CategorySource(current.Key, name, slug) { Markets = markets }] }, http.RequestAborted);
        return PublisherJson.Result(ToView((await admin.GetCategoriesAsync(http.RequestAborted)).Single(c => c.Id == id)));
    }

    public static Task<IResult> DeleteCategory(int id, ICatalogContentWriter writer, SearchIndexFollower follower, CancellationToken ct) =>
        RemoveAsync(writer, follower, CatalogItemKind.Category, id, "category", ct);

    // Catalogs

    public static async Task<IResult> ListCatalogs(HttpContext http, ICatalogAdminStore admin) =>
        List(http, (await admin.GetCatalogsAsync(http.RequestAborted)).Select(ToView).ToList());

    public static async Task<IResult> CreateCatalog(HttpContext http, ICatalogAdminStore admin, ICatalogContentWriter writer, SearchIndexFollower follower)
    {
        var request = await JsonBody.ReadAsync<CatalogRequest>(http.Request);
        var title = Validation.Text("title", request.Title, 200, required: true);
        var key = UniqueKey("catalog-" + Slug(title), (await admin.GetCatalogsAsync(http.RequestAborted)).Select(c => c.Key));
        await WriteAsync(writer, follower, new CatalogContent { Catalogs = [Apply(new CatalogSource { Key = key, Title = title }, request)] }, http.RequestAborted);
        var created = (await admin.GetCatalogsAsync(http.RequestAborted)).Single(c => c.Key == key);
        return PublisherJson.Result(ToView(created), StatusCodes.Status201Created);
    }

    public static async Task<IResult> UpdateCatalog(int id, HttpContext http, ICatalogAdminStore admin, ICatalogContentWriter writer, SearchIndexFollower follower)
    {
        var current = (await admin.GetCatalogsAsync(http.RequestAborted)).SingleOrDefault(c => c.Id == id) ?? throw ApiException.NotFound("catalog");
        var request = await JsonBody.ReadAsync<CatalogRequest>(http.Request);
        await WriteAsync(writer, follower, new CatalogContent { Catalogs = [Apply(ToSource(current), request)] }, http.RequestAborted);
        return PublisherJson.Result(ToView((await admin.GetCatalogsAsync(http.RequestAborted)).Single(c => c.Id == id)));
    }

    public static Task<IResult> DeleteCatalog(int id, ICatalogContentWriter writer, SearchIndexFollower follower, CancellationToken ct) =>
        RemoveAsync(writer, follower, CatalogItemKind.Catalog, id, "catalog", ct);

    // Featured and promoted

    public static async Task<IResult> ListFeatured(HttpContext http, ICatalogAdminStore admin) =>
        List(http, (await admin.GetFeaturedAsync(http.RequestAborted)).Select(ToView).ToList());

    public static async Task<IResult> CreateFeatured(HttpContext http, ICatalogAdminStore admin, ICatalogContentWriter writer, SearchIndexFollower follower)
    {
        var request = await JsonBody.ReadAsync<FeaturedRequest>(http.Request);
        if (request.ListingId is not { } listingId)
            throw ApiException.Invalid("listing_id", "listing_id names the listing to feature.");
        var listingKey = await admin.KeyOfAsync("listings", listingId, http.RequestAborted) ?? throw ApiException.Invalid("listing_id", $"No listing {listingId}.");
        var marketKey = request.MarketId is { } m ? await admin.KeyOfAsync("markets", m, http.RequestAborted) ?? throw ApiException.Invalid("market_id", $"No market {m}.") : null;
        var categoryKey = request.CategoryId is { } c ? await admin.KeyOfAsync("categories", c, http.RequestAborted) ?? throw ApiException.Invalid("category_id", $"No category {c}.") : null;
        var position = Position(request.Position) ?? (await admin.GetFeaturedAsync(http.RequestAborted))
            .Where(f => f.MarketId == request.MarketId && f.CategoryId == request.CategoryId).Select(f => (int)f.Position + 1).DefaultIfEmpty(0).Max();
        await WriteAsync(writer, follower, new CatalogContent
        {
            Featured = [new FeaturedSource(listingKey, marketKey, categoryKey, request.Promoted ?? false) { Position = position }],
        }, http.RequestAborted);
        var created = (await admin.GetFeaturedAsync(http.RequestAborted))
            .Single(f => f.ListingId == listingId && f.MarketId == request.MarketId && f.CategoryId == request.CategoryId);
        return PublisherJson.Result(ToView(created), StatusCodes.Status201Created);
    }

    public static async Task<IResult> UpdateFeatured(int id, HttpContext http, ICatalogAdminStore admin, ICatalogContentWriter writer, SearchIndexFollower follower)
    {
        var current = (await admin.GetFeaturedAsync(http.RequestAborted)).SingleOrDefault(f => f.Id == id) ?? throw ApiException.NotFound("featured entry");
        var request = await JsonBody.ReadAsync<FeaturedRequest>(http.Request);
        if ((request.ListingId ?? current.ListingId) != current.ListingId || (request.MarketId is not null && request.MarketId != current.MarketId)
            || (request.CategoryId is not null && request.CategoryId != current.CategoryId))
            throw ApiException.Invalid(request.ListingId is not null ? "listing_id" : request.MarketId is not null ? "market_id" : "category_id",
                "An entry's listing and scope do not change; delete it and create another.");
        var marketKey = current.MarketId is { } m ? await admin.KeyOfAsync("markets", (int)m, http.RequestAborted) : null;
        var categoryKey = current.CategoryId is { } c ? await admin.KeyOfAsync("categories", (int)c, http.RequestAborted) : null;
        await WriteAsync(writer, follower, new CatalogContent
        {
            Featured = [new FeaturedSource(current.ListingKey, marketKey, categoryKey, request.Promoted ?? current.Promoted != 0)
            {
                Position = Position(request.Position) ?? (int)current.Position,
            }],
        }, http.RequestAborted);
        return PublisherJson.Result(ToView((await admin.GetFeaturedAsync(http.RequestAborted)).Single(f => f.Id == id)));
    }

    public static Task<IResult> DeleteFeatured(int id, ICatalogContentWriter writer, SearchIndexFollower follower, CancellationToken ct) =>
        RemoveAsync(writer, follower, CatalogItemKind.Featured, id, "featured entry", ct);

    // News

    public static async Task<IResult> ListNews(HttpContext http, ICatalogAdminStore admin) =>
        List(http, (await admin.GetNewsAsync(http.RequestAborted)).Select(ToView).ToList());

    public static async Task<IResult> CreateNews(HttpContext http, ICatalogAdminStore admin, ICatalogContentWriter writer, SearchIndexFollower follower, TimeProvider clock)
    {
        var request = await JsonBody.ReadAsync<NewsRequest>(http.Request);
        var title = Validation.Text("short_title", request.ShortTitle, 500, required: true);
        var url = Validation.Url("url", request.Url);
        if (url.Length == 0)
            throw ApiException.Invalid("url", "url is the news item's link and identifies it.");
        if ((await admin.GetNewsAsync(http.RequestAborted)).Any(n => n.Url == url))
            throw ApiException.Conflict("A news item already has this url.", "url");
        await WriteAsync(writer, follower, new CatalogContent { News = [new NewsSource(title, request.Published ?? clock.GetUtcNow(), url)], CreateOnly = true }, http.RequestAborted);
        return PublisherJson.Result(ToView((await admin.GetNewsAsync(http.RequestAborted)).Single(n => n.Url == url)), StatusCodes.Status201Created);
    }

    public static async Task<IResult> UpdateNews(int id, HttpContext http, ICatalogAdminStore admin, ICatalogContentWriter writer, SearchIndexFollower follower)
    {
        var current = (await admin.GetNewsAsync(http.RequestAborted)).SingleOrDefault(n => n.Id == id) ?? throw ApiException.NotFound("news item");
        var request = await JsonBody.ReadAsync<NewsRequest>(http.Request);
        if (request.Url is not null && request.Url != current.Url)
            throw ApiException.Invalid("url", "A news item's url identifies it; delete the item and create another.");
        var title = request.ShortTitle is null ? current.ShortTitle : Validation.Text("short_title", request.ShortTitle, 500, required: true);
        var published = request.Published ?? DateTimeOffset.FromUnixTimeMilliseconds(current.Published);
        await WriteAsync(writer, follower, new CatalogContent { News = [new NewsSource(title, published, current.Url)] }, http.RequestAborted);
        return PublisherJson.Result(ToView((await admin.GetNewsAsync(http.RequestAborted)).Single(n => n.Id == id)));
    }

    public static Task<IResult> DeleteNews(int id, ICatalogContentWriter writer, SearchIndexFollower follower, CancellationToken ct) =>
        RemoveAsync(writer, follower, CatalogItemKind.News, id, "news item", ct);

    // Shared

    private static async Task WriteAsync(ICatalogContentWriter writer, SearchIndexFollower follower, CatalogContent content, CancellationToken ct)
    {
        var result = await writer.WriteAsync(content, ct);
        if (result.Warnings.Count > 0)
            throw ApiException.Conflict(string.Join("; ", result.Warnings));
        await follower.CatchUpAsync(ct);
    }

    private static async Task<IResult> RemoveAsync(ICatalogContentWriter writer, SearchIndexFollower follower, CatalogItemKind kind, int id, string what, CancellationToken ct)
    {
        if (!await writer.RemoveAsync(kind, id, ct))
            throw ApiException.NotFound(what);
        await follower.CatchUpAsync(ct);
        return TypedResults.NoContent();
    }

    private static IResult List<T>(HttpContext http, IReadOnlyList<T> items)
    {
        http.Response.Headers["X-Total-Count"] = items.Count.ToString(CultureInfo.InvariantCulture);
        return PublisherJson.Result(items);
    }

    private static async Task<List<string>> MarketKeysAsync(ICatalogAdminStore admin, List<int> ids, CancellationToken ct)
    {
        var keys = new List<string>();
        for (var i = 0; i < ids.Count; i++)
            keys.Add(await admin.KeyOfAsync("markets", ids[i], ct) ?? throw ApiException.Invalid($"markets[{i}]", $"No market {ids[i]}."));
        return keys;
    }

    private static string Slug(string value)
    {
        var slug = UrlTitles.FromName(Validation.Text("slug", value, 120, required: true));
        return slug.Length > 0 ? slug : throw ApiException.Invalid("slug", "slug needs letters or digits.");
    }

    private static string UniqueKey(string wanted, IEnumerable<string> taken)
    {
        var set = taken.ToHashSet(StringComparer.Ordinal);
        var key = wanted;
        for (var n = 2; set.Contains(key); n++)
            key = $"{wanted}-{n}";
        return key;
    }

    private static int? Position(int? position) =>
        position is < 0 or > 10_000 ? throw ApiException.Invalid("position", "position is 0 to 10000.") : position;

    private static CatalogSource Apply(CatalogSource source, CatalogRequest r) => source with
    {
        Title = r.Title is null ? source.Title : Validation.Text("title", r.Title, 200, required: true),
        Url = r.Url is null ? source.Url : Validation.Url("url", r.Url),
        Icon = r.Icon is null ? source.Icon : Validation.Url("icon", r.Icon),
        Description = r.Description is null ? source.Description : Validation.Text("description", r.Description, 5000),
        SelfContained = r.SelfContained ?? source.SelfContained,
        DependenciesRepository = r.DependenciesRepository is null ? source.DependenciesRepository : Validation.Url("dependencies_repository", r.DependenciesRepository),
        WizardTitle = r.WizardTitle is null ? source.WizardTitle : Validation.Text("wizard_title", r.WizardTitle, 200),
        WizardIcon = r.WizardIcon is null ? source.WizardIcon : Validation.Url("wizard_icon", r.WizardIcon),
    };

    private static CatalogSource ToSource(CatalogRow r) => new()
    {
        Key = r.Key, Title = r.Title, Url = r.Url, Icon = r.Icon, Description = r.Description, SelfContained = r.SelfContained != 0,
        DependenciesRepository = r.DependenciesRepository, WizardTitle = r.WizardTitle, WizardIcon = r.WizardIcon,
        Tabs = JsonSerializer.Deserialize<List<TabSource>>(r.TabsJson, StoredJson) ?? [],
        News = r.NewsUrl is null ? null : new NewsSource(r.NewsShortTitle ?? "", DateTimeOffset.FromUnixTimeMilliseconds(r.NewsPublished ?? 0), r.NewsUrl),
    };

    private static MarketView ToView(MarketRow r) => new((int)r.Id, r.Key, r.Name, r.Slug);

    private static CategoryView ToView(CategoryRow r) => new(r.Id, r.Key, r.Name, r.Slug, r.Markets);

    private static CatalogView ToView(CatalogRow r) => new((int)r.Id, r.Key, r.Title, r.Url, r.Icon, r.Description, r.SelfContained != 0,
        r.DependenciesRepository, r.WizardTitle, r.WizardIcon);

    private static FeaturedView ToView(FeaturedRow r) => new((int)r.Id, (int)r.ListingId, (int?)r.MarketId, (int?)r.CategoryId, (int)r.Position, r.Promoted != 0);

    private static NewsView ToView(NewsRow r) => new((int)r.Id, r.ShortTitle, r.Url, DateTimeOffset.FromUnixTimeMilliseconds(r.Published));
}
