namespace Catalog.Schema.Publishing;

/// <summary>Usage figures for publishers and the operator; recent means the last <see cref="Store.ICatalogStore.RecentInstallDays"/> days.</summary>
public interface IReportStore
{
    Task<CatalogMetrics> GetMetricsAsync(CancellationToken ct);

    /// <summary>Whether a listing or package has this id, and which publisher owns it (none: the operator's, as seeded listings are).</summary>
    Task<(bool Exists, int? PublisherId)> FindListingOwnerAsync(int listingId, CancellationToken ct);

    /// <summary>The usage of one listing, or null when no listing or package has this id.</summary>
    Task<ListingUsage?> GetListingUsageAsync(int listingId, CancellationToken ct);

    /// <summary>Installs per UTC day of the recent days; days without installs are left out.</summary>
    Task<IReadOnlyList<InstallDay>> GetRecentInstallDaysAsync(int listingId, CancellationToken ct);

    /// <summary>A publisher's totals over the packages it owns, with one row per package (by id).</summary>
    Task<PublisherUsage> GetPublisherUsageAsync(int publisherId, CancellationToken ct);
}
