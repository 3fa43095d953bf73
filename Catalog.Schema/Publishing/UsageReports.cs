namespace Catalog.Schema.Publishing;

/// <summary>Counts across the whole catalog, for the operator.</summary>
public sealed record CatalogMetrics
{
    public required long ListingsLive { get; init; }
    public required PackageCounts Packages { get; init; }
    public required long Publishers { get; init; }
    public required long InstallsTotal { get; init; }
    public required long InstallsRecent { get; init; }
    public required long Favorites { get; init; }
    public required long InstallErrors { get; init; }
    public required long InstallErrorsRecent { get; init; }
    public required long Files { get; init; }
    public required long FileBytes { get; init; }
}

/// <summary>
/// Packages by state. A package is live, unpublished (was or never was live) or removed; besides, it may have a
/// revision under work (draft, submitted or rejected), so the pending counts overlap the others.
/// </summary>
public sealed record PackageCounts(long Total, long Live, long Unpublished, long Removed, long Draft, long Submitted, long Rejected);

/// <summary>Usage of one listing: installs (total and of the recent days), favorites and install error reports naming it.</summary>
public sealed record ListingUsage
{
    public required int ListingId { get; init; }
    public int? PublisherId { get; init; }
    public required string Name { get; init; }
    public required bool Live { get; init; }
    public required long InstallsTotal { get; init; }
    public required long InstallsRecent { get; init; }
    public required long Favorites { get; init; }
    public required long InstallErrors { get; init; }
    public required long InstallErrorsRecent { get; init; }
}

/// <summary>A publisher's totals and one row per package it owns.</summary>
public sealed record PublisherUsage
{
    public required int PublisherId { get; init; }
    public required long InstallsTotal { get; init; }
    public required long InstallsRecent { get; init; }
    public required long Favorites { get; init; }

    /// <summary>Reports naming any of the publisher's listings, each counted once.</summary>
    public required long InstallErrors { get; init; }
    public required long InstallErrorsRecent { get; init; }
    public required IReadOnlyList<ListingUsage> Listings { get; init; }
}

/// <summary>Successful installs of one listing on one UTC day.</summary>
public sealed record InstallDay(DateOnly Day, long Installs);
