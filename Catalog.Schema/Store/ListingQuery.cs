using Catalog.Schema.Compatibility;

namespace Catalog.Schema.Store;

/// <summary>
/// Which listings a list may show. <see cref="Release"/> null means no compatibility filtering (the client
/// sent no version, or one that maps to no known release).
/// </summary>
public sealed record ListingFilter(EclipseRelease? Release, bool InstallableOnly = false, bool HideCommercialUnlessMember = false)
{
    public static ListingFilter None { get; } = new(Release: null);
}

public enum ListingOrder
{
    /// <summary>Most recently changed first.</summary>
    Recent,
    Favorites,

    /// <summary>Most installs in the last 30 days first, then most installs ever.</summary>
    Popular,
    Name,
}

public sealed record ListingQuery(ListingFilter Filter, ListingOrder Order, int Offset, int Limit)
{
    public int? CategoryId { get; init; }
    public int? MarketId { get; init; }

    /// <summary>Listings carrying any of these tags (names, case-insensitive).</summary>
    public IReadOnlyList<string> AnyTags { get; init; } = [];
}

/// <summary>A page of listings and how many match in all.</summary>
public sealed record ListingPage(int TotalCount, IReadOnlyList<Catalog.Schema.Model.Listing> Listings)
{
    public static ListingPage Empty { get; } = new(0, []);
}

/// <summary>Listings in one category of one market (as <c>/api/p</c> counts them).</summary>
public readonly record struct CategoryCount(int MarketId, int CategoryId, int Count);
