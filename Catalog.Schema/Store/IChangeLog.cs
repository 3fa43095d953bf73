using Catalog.Schema.Model;

namespace Catalog.Schema.Store;

/// <summary>
/// The store's change log as derived views (the search index, answer caches, another replica) follow it:
/// every content write appends a change number and the ids it touched.
/// </summary>
public interface IChangeLog
{
    /// <summary>
    /// This store's identity: made once when the store is created and never changed, so change numbers of two
    /// stores (two databases) are never mistaken for one another.
    /// </summary>
    Task<string> GetStoreIdAsync(CancellationToken ct);

    /// <summary>The latest change number; 0 for a store that was never written.</summary>
    Task<long> GetChangeNumberAsync(CancellationToken ct);

    /// <summary>
    /// Listings written after <paramref name="afterChangeNumber"/>, change by change, and the change number they
    /// then reflect. Both come from one consistent read, so every change up to <c>Latest</c> has its ids in the answer.
    /// </summary>
    Task<ListingChanges> GetListingChangesSinceAsync(long afterChangeNumber, CancellationToken ct);

    /// <summary>Every listing, in id order, a page at a time (for rebuilding derived views).</summary>
    IAsyncEnumerable<Listing> StreamAllListingsAsync(CancellationToken ct);
}
