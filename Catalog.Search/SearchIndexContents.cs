namespace Catalog.Search;

/// <summary>What the index's last commit holds, read without a writer (so it can be read while a server runs).</summary>
/// <param name="Unusable">Why the index cannot be compared (missing, unreadable, older format); null when it can.</param>
public sealed record SearchIndexContents(long ChangeNumber, IReadOnlyList<IndexedListing> Listings, string? Unusable)
{
    /// <summary>The store the index was built from (<see cref="ISearchIndexer.StoreId"/>); null when it records none.</summary>
    public string? StoreId { get; init; }
}

/// <param name="Fingerprint"><see cref="ListingFingerprint"/> stored with the document.</param>
public sealed record IndexedListing(int Id, string Fingerprint);

/// <summary>Figures for operators: documents searchable now, bytes on disk and the change number reflected.</summary>
public sealed record SearchIndexStatistics(int Documents, long SizeBytes, long ChangeNumber);
