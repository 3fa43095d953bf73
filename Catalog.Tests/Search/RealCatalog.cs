using Catalog.Schema.Content;
using Catalog.Schema.Import;
using Catalog.Schema.Model;
using Catalog.Tests.Support;

namespace Catalog.Tests.Search;

/// <summary>
/// The December 2019 export as <see cref="Listing"/> records: ids 1..n in export order, categories numbered from
/// 1 and markets from 1001 so both share one term id space as the store's do.
/// </summary>
internal sealed class RealCatalog
{
    public const int FirstMarketId = 1001;

    private RealCatalog(IReadOnlyList<Listing> listings, IReadOnlyDictionary<string, int> categoryIds, IReadOnlyDictionary<string, int> marketIds, CatalogContent content)
    {
        Listings = listings;
        CategoryIds = categoryIds;
        MarketIds = marketIds;
        Content = content;
    }

    public IReadOnlyList<Listing> Listings { get; }

    /// <summary>By category name.</summary>
    public IReadOnlyDictionary<string, int> CategoryIds { get; }

    /// <summary>By market name.</summary>
    public IReadOnlyDictionary<string, int> MarketIds { get; }

    public CatalogContent Content { get; }

    public Listing Named(string name) => Listings.Single(listing => listing.Name == name);

    public static RealCatalog Read()
    {
        var content = new Marketplace2019Reader().Read(ReferenceData.Marketplace2019).Content;
        var categoryByKey = content.Categories.Select((category, i) => (category.Key, Id: i + 1)).ToDictionary(x => x.Key, x => x.Id);
        var marketByKey = content.Markets.Select((market, i) => (market.Key, Id: FirstMarketId + i)).ToDictionary(x => x.Key, x => x.Id);
        var categoryMarkets = content.Categories.ToDictionary(category => category.Key, category => category.Markets);

        var listings = content.Listings.Select((source, i) =>
        {
            // As the store reads it: without markets of its own, a listing is in the markets of its categories.
            var marketKeys = source.Markets.Count > 0
                ? source.Markets
                : source.Categories.SelectMany(key => categoryMarkets.GetValueOrDefault(key) ?? []).ToList();
            return new Listing
            {
                Id = i + 1,
                ExternalKey = source.Key,
                UrlTitle = source.UrlTitle ?? source.Key,
                Name = source.Name,
                Type = source.Type,
                Owner = source.Owner,
                CompanyName = source.CompanyName,
                ShortDescription = source.ShortDescription,
                Body = source.Body,
                License = source.License,
                Status = source.Status,
                Created = source.Created,
                Changed = source.Changed,
                Favorites = source.Favorites,
                InstallsTotal = source.Installs,
                Tags = source.Tags.Select((tag, t) => new Tag(t + 1, tag)).ToList(),
                CategoryIds = source.Categories.Where(categoryByKey.ContainsKey).Select(key => categoryByKey[key]).Distinct().ToList(),
                MarketIds = marketKeys.Where(marketByKey.ContainsKey).Select(key => marketByKey[key]).Distinct().ToList(),
                Versions = source.Versions.Select(version => version.ToModel()).ToList(),
            };
        }).ToList();

        return new RealCatalog(
            listings,
            content.Categories.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => categoryByKey[g.First().Key]),
            content.Markets.ToDictionary(m => m.Name, m => marketByKey[m.Key]),
            content);
    }
}
