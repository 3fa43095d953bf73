using Catalog.Schema.Model;

namespace Catalog.Search;

/// <summary>
/// The write side of search. Every method returns only once its changes are committed and visible to
/// <see cref="ISearchService.Search"/>, so a publisher sees their edit in the next search.
/// </summary>
public interface ISearchIndexer
{
    /// <summary>
    /// The store change number the index reflects; 0 for a new or recreated index, which means the caller must
    /// rebuild. Survives restarts, so catch-up resumes from here. Index and delete never move it backwards;
    /// only a rebuild sets it outright.
    /// </summary>
    long IndexedChangeNumber { get; }

    /// <summary>
    /// The store the index was built from (its <c>IChangeLog.GetStoreIdAsync</c>), recorded by every commit
    /// after a rebuild; null for a new index or one written before indexes recorded it. An index of another
    /// store (its database path changed, its file was replaced) is rebuilt rather than followed.
    /// </summary>
    string? StoreId { get; }

    /// <summary>Adds the listings or replaces the indexed ones with the same id.</summary>
    Task IndexAsync(IReadOnlyList<Listing> listings, long changeNumber, CancellationToken ct);

    /// <summary>Removes the listings with these ids; unknown ids are ignored.</summary>
    Task DeleteAsync(IReadOnlyList<int> ids, long changeNumber, CancellationToken ct);

    /// <summary>
    /// Replaces the whole index with <paramref name="all"/>. Searches see the old index until the rebuild is
    /// committed. If the rebuild fails, <see cref="IndexedChangeNumber"/> drops to 0 so the caller retries it.
    /// </summary>
    Task RebuildAsync(IAsyncEnumerable<Listing> all, long changeNumber, string storeId, CancellationToken ct);
}
