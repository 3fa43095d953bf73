using Catalog.Schema.Store;

namespace Catalog.Schema.Model;

/// <summary>A category of a market with the number of listings it holds there.</summary>
public readonly record struct CategoryInMarket(Category Category, int Count);

/// <summary>
/// Which categories a market shows: those the taxonomy places in it, with a count of zero when empty. A listing
/// filed under a category of another market does not add the category to this one; `/api/p` and the pages
/// both answer from here so they cannot disagree.
/// </summary>
public static class MarketCategories
{
    public static IReadOnlyList<CategoryInMarket> Of(Market market, IEnumerable<Category> categories, IReadOnlyList<CategoryCount> counts)
    {
        var countOf = counts.Where(c => c.MarketId == market.Id).ToDictionary(c => c.CategoryId, c => c.Count);
        return [.. categories.Where(c => c.MarketIds.Contains(market.Id))
            .Select(c => new CategoryInMarket(c, countOf.GetValueOrDefault(c.Id)))];
    }
}
