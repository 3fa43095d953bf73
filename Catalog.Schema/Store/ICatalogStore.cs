using Catalog.Schema.Model;

namespace Catalog.Schema.Store;

/// <summary>Reads the catalog and records install activity. Every list filters inside the store's own query.</summary>
public interface ICatalogStore : IChangeLog
{
    /// <summary>"Recent" installs are those of the last this many days, today included (the wire's installsrecent, the reports).</summary>
    const int RecentInstallDays = 30;

    /// <summary>When anything a response may show last changed, install counters included.</summary>
    Task<DateTimeOffset> GetLastModifiedAsync(CancellationToken ct);

    Task<int> CountListingsAsync(CancellationToken ct);

    /// <summary>No listing, market or catalog yet: a new store, to be seeded.</summary>
    Task<bool> IsEmptyAsync(CancellationToken ct);

    Task<IReadOnlyList<CatalogEntry>> GetCatalogsAsync(CancellationToken ct);

    Task<IReadOnlyList<Market>> GetMarketsAsync(CancellationToken ct);

    Task<IReadOnlyList<Category>> GetCategoriesAsync(CancellationToken ct);

    /// <summary>Listings per (market, category) pair; a listing counts in a market it belongs to.</summary>
    Task<IReadOnlyList<CategoryCount>> CountByMarketAndCategoryAsync(ListingFilter filter, CancellationToken ct);

    Task<Listing?> GetListingAsync(int id, CancellationToken ct);

    Task<Listing?> GetListingByUrlTitleAsync(string urlTitle, CancellationToken ct);

    /// <summary>The listings that exist among <paramref name="ids"/>, in the order asked.</summary>
    Task<IReadOnlyList<Listing>> GetListingsAsync(IReadOnlyList<int> ids, CancellationToken ct);

    Task<ListingPage> QueryListingsAsync(ListingQuery query, CancellationToken ct);

    /// <summary>Featured listings of a market or category (or of the whole catalog), promoted ones first.</summary>
    Task<ListingPage> GetFeaturedAsync(int? marketId, int? categoryId, ListingFilter filter, int limit, int maxPromoted, CancellationToken ct);

    /// <summary>Listings sharing categories or tags with the given ones, most shared first.</summary>
    Task<ListingPage> GetRelatedAsync(IReadOnlyList<int> ids, ListingFilter filter, int limit, CancellationToken ct);

    /// <summary>The license and status values listings use (the search facets <c>sm_field_licensetype</c> and <c>sm_field_status</c>), by name.</summary>
    Task<(IReadOnlyList<string> Licenses, IReadOnlyList<string> Statuses)> GetFacetValuesAsync(CancellationToken ct);

    /// <summary>Tags by name (case-insensitive), for the free-tagging result's header.</summary>
    Task<IReadOnlyList<Tag>> FindTagsAsync(IReadOnlyList<string> names, CancellationToken ct);

    Task<IReadOnlyList<NewsItem>> GetNewsAsync(CancellationToken ct);

    /// <summary>Counts one install of the listing (today's bucket and the total); false when there is no such listing.</summary>
    Task<bool> RecordInstallAsync(int listingId, CancellationToken ct);

    Task SaveInstallErrorAsync(InstallErrorReport report, CancellationToken ct);

    Task<int> CountInstallErrorsAsync(CancellationToken ct);
}
