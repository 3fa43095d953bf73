namespace Catalog.Schema.Model;

/// <summary>
/// A listing the operator features, catalog-wide or for one market or category.
/// Promoted entries are paid placements shown first (PROTOCOL.md: at most two).
/// </summary>
public sealed record FeaturedEntry(int ListingId, int? MarketId, int? CategoryId, int Position, bool Promoted);
