namespace Catalog.Schema.Store;

/// <summary>One entry of the change log that touched listings: its change number and the listings it names.</summary>
public sealed record ListingChange(long ChangeNumber, IReadOnlyList<int> ListingIds);
