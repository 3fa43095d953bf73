using Catalog.Schema.Publishing;
using Catalog.Schema.Store;

namespace Catalog.Server.Publishing.Reports;

/// <summary>Operator-wide counts; <c>recent_days</c> says what "recent" covers and <c>as_of</c> when it was counted.</summary>
public sealed record MetricsView(
    DateTimeOffset AsOf, int RecentDays, long ListingsLive, PackageCounts Packages, long Publishers,
    long InstallsTotal, long InstallsRecent, long Favorites, long InstallErrors, long InstallErrorsRecent, long Files, long FileBytes)
{
    public static MetricsView From(CatalogMetrics m, DateTimeOffset asOf) =>
        new(asOf, ICatalogStore.RecentInstallDays, m.ListingsLive, m.Packages, m.Publishers, m.InstallsTotal, m.InstallsRecent,
            m.Favorites, m.InstallErrors, m.InstallErrorsRecent, m.Files, m.FileBytes);
}

public sealed record ListingUsageView(
    int ListingId, int? PublisherId, string Name, bool Live, long InstallsTotal, long InstallsRecent, long Favorites,
    long InstallErrors, long InstallErrorsRecent)
{
    public static ListingUsageView From(ListingUsage u) =>
        new(u.ListingId, u.PublisherId, u.Name, u.Live, u.InstallsTotal, u.InstallsRecent, u.Favorites, u.InstallErrors, u.InstallErrorsRecent);
}

/// <summary>One listing's usage, with its installs per day over the recent days.</summary>
public sealed record ListingReportView(DateTimeOffset AsOf, int RecentDays, ListingUsageView Listing, IReadOnlyList<InstallDayView> InstallsByDay);

public sealed record InstallDayView(DateOnly Day, long Installs);

/// <summary>A publisher's totals (install errors counted once however many of its listings a report names) and a row per listing.</summary>
public sealed record PublisherTotalsView(
    DateTimeOffset AsOf, int RecentDays, int PublisherId, int ListingCount, long InstallsTotal, long InstallsRecent, long Favorites,
    long InstallErrors, long InstallErrorsRecent, IReadOnlyList<ListingUsageView> Listings)
{
    public static PublisherTotalsView From(PublisherUsage u, DateTimeOffset asOf) =>
        new(asOf, ICatalogStore.RecentInstallDays, u.PublisherId, u.Listings.Count, u.InstallsTotal, u.InstallsRecent, u.Favorites,
            u.InstallErrors, u.InstallErrorsRecent, u.Listings.Select(ListingUsageView.From).ToList());
}
