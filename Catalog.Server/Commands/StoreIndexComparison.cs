using Catalog.Schema.Model;
using Catalog.Search;

namespace Catalog.Server.Commands;

public enum DifferenceKind
{
    /// <summary>In the store, not in the index.</summary>
    Missing,

    /// <summary>In the index, not in the store.</summary>
    Extra,

    /// <summary>In both, but the index was made from other content.</summary>
    Stale,

    /// <summary>In the index more than once.</summary>
    Duplicate,
}

public sealed record StoreIndexDifference(DifferenceKind Kind, int ListingId, string Detail);

/// <summary>The store's listings against the index's documents, by id and content fingerprint.</summary>
public sealed record StoreIndexComparison(int StoreListings, IReadOnlyList<StoreIndexDifference> Differences)
{
    public static async Task<StoreIndexComparison> CompareAsync(IAsyncEnumerable<Listing> store, SearchIndexContents index)
    {
        var indexed = new Dictionary<int, string>(index.Listings.Count);
        var differences = new List<StoreIndexDifference>();
        foreach (var document in index.Listings)
        {
            if (!indexed.TryAdd(document.Id, document.Fingerprint))
                differences.Add(new StoreIndexDifference(DifferenceKind.Duplicate, document.Id, "indexed more than once"));
        }
        var count = 0;
        await foreach (var listing in store)
        {
            count++;
            if (!indexed.Remove(listing.Id, out var fingerprint))
                differences.Add(new StoreIndexDifference(DifferenceKind.Missing, listing.Id, $"'{listing.Name}' is not in the index"));
            else if (fingerprint != ListingFingerprint.Of(listing))
                differences.Add(new StoreIndexDifference(DifferenceKind.Stale, listing.Id, $"'{listing.Name}' is indexed with other content"));
        }
        foreach (var id in indexed.Keys.Order())
            differences.Add(new StoreIndexDifference(DifferenceKind.Extra, id, "is in the index but not in the store"));
        return new StoreIndexComparison(count, differences.OrderBy(d => d.ListingId).ThenBy(d => d.Kind).ToList());
    }
}
