using Catalog.Schema.Model;
using Catalog.Schema.Store;

namespace Catalog.Server.Protocol;

/// <summary>
/// Markets and categories share one id space, so a term list such as <c>38,31</c> is resolved by looking
/// each id up: at most one category and one market, in either order.
/// </summary>
public sealed record TermScope(int? CategoryId, int? MarketId, string Name)
{
    public static async Task<TermScope> ResolveAsync(ICatalogStore store, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var categories = (await store.GetCategoriesAsync(ct)).ToDictionary(c => c.Id);
        var markets = (await store.GetMarketsAsync(ct)).ToDictionary(m => m.Id);
        int? categoryId = null, marketId = null;
        foreach (var id in ids)
        {
            if (categories.TryGetValue(id, out var category) && categoryId is null)
            {
                categoryId = id;
            }
            else if (markets.TryGetValue(id, out var market) && marketId is null)
            {
                marketId = id;
            }
            else
            {
                throw ProtocolException.NotFound($"No category or market with id {id}.");
            }
        }
        var name = categoryId is { } c ? categories[c].Name : markets[marketId!.Value].Name;
        return new TermScope(categoryId, marketId, name);
    }

    /// <exception cref="ProtocolException">404 when no category has this slug.</exception>
    public static async Task<Category> FindCategoryBySlugAsync(ICatalogStore store, string slug, CancellationToken ct) =>
        (await store.GetCategoriesAsync(ct)).FirstOrDefault(c => string.Equals(c.Slug, slug, StringComparison.OrdinalIgnoreCase))
        ?? throw ProtocolException.NotFound($"No category '{RequestParsing.Shorten(slug)}'.");

    /// <exception cref="ProtocolException">404 when no market has this slug.</exception>
    public static async Task<Market> FindMarketBySlugAsync(ICatalogStore store, string slug, CancellationToken ct) =>
        (await store.GetMarketsAsync(ct)).FirstOrDefault(m => string.Equals(m.Slug, slug, StringComparison.OrdinalIgnoreCase))
        ?? throw ProtocolException.NotFound($"No market '{RequestParsing.Shorten(slug)}'.");
}
