using Catalog.Schema.Store;
using Catalog.Search;

namespace Catalog.Server.Indexing;

/// <summary>
/// Keeps the search index at the store's change number: rebuilds it when it is new (or was recreated
/// because it was missing, corrupt or of an older format), otherwise re-indexes the listings the change log
/// names since the index's own change number. A restart, an import by another process and a reindex are
/// this one code path.
/// </summary>
public sealed class SearchIndexFollower(ICatalogStore store, ISearchIndexer indexer, ILogger<SearchIndexFollower> logger)
{
    /// <summary>Listings read from the store and written to the index per commit.</summary>
    public const int ChunkSize = 500;

    private readonly SemaphoreSlim _gate = new(1, 1);

    // A store's identity never changes, so it is read once.
    private string? _storeId;

    public async Task CatchUpAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var from = indexer.IndexedChangeNumber;
            var storeId = await StoreIdAsync(ct);
            var latest = await store.GetChangeNumberAsync(ct);
            if (from > 0 && indexer.StoreId != storeId)
                logger.LogWarning("Search index was built from {What}, not from this store ({StoreId}): rebuilding it",
                    indexer.StoreId is null ? "a store it does not record" : $"another store ({indexer.StoreId})", storeId);
            // An index ahead of the store belongs to another database too (the file was replaced): start over.
            if (from == 0 || from > latest || indexer.StoreId != storeId)
            {
                await RebuildLockedAsync(latest, storeId, null, ct);
                return;
            }
            var changes = await store.GetListingChangesSinceAsync(from, ct);
            if (changes.Latest <= from)
                return;
            var count = await ApplyAsync(changes, from, ct);
            logger.LogInformation("Search index caught up from change {From} to {To}: {Count} listings", from, changes.Latest, count);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Indexes the listings the changes name, a chunk at a time. Each commit claims only the change number it
    /// completes (the last change whose listings are all in the index by then), so a chunk that fails or is
    /// cancelled leaves an index that the next catch-up resumes from, never one claiming listings it lacks.
    /// </summary>
    /// <returns>The listings indexed or dropped.</returns>
    private async Task<int> ApplyAsync(ListingChanges changes, long from, CancellationToken ct)
    {
        var seen = new HashSet<int>();
        var pending = new List<int>(ChunkSize);
        var completed = from;
        foreach (var change in changes.Changes)
        {
            // A listing named again later is read once: what is read is its state now, which covers both.
            var fresh = change.ListingIds.Where(seen.Add).ToList();
            for (var i = 0; i < fresh.Count; i++)
            {
                pending.Add(fresh[i]);
                if (pending.Count == ChunkSize && i < fresh.Count - 1)
                    await WriteChunkAsync(pending, completed, ct);
            }
            completed = change.ChangeNumber;
            if (pending.Count == ChunkSize)
                await WriteChunkAsync(pending, completed, ct);
        }
        await WriteChunkAsync(pending, changes.Latest, ct);
        return seen.Count;
    }

    /// <summary>Indexes the listings of <paramref name="ids"/> that exist and drops the others, then commits <paramref name="changeNumber"/>.</summary>
    private async Task WriteChunkAsync(List<int> ids, long changeNumber, CancellationToken ct)
    {
        var listings = await store.GetListingsAsync(ids, ct);
        // A logged listing that is gone was unpublished or removed. Dropped first and without moving the change
        // number, so a failure between the two commits cannot leave a claimed change half applied.
        if (listings.Count < ids.Count)
            await indexer.DeleteAsync(ids.Except(listings.Select(l => l.Id)).ToList(), 0, ct);
        await indexer.IndexAsync(listings, changeNumber, ct);
        ids.Clear();
    }

    /// <summary>Replaces the whole index with the store's listings, whatever the index holds (the <c>reindex</c> command).</summary>
    /// <param name="listingsIndexed">Told how many listings have been indexed so far.</param>
    /// <returns>The listings indexed and the change number the index now reflects.</returns>
    public async Task<(int Listings, long ChangeNumber)> RebuildAsync(IProgress<int>? listingsIndexed, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var storeId = await StoreIdAsync(ct);
            var latest = await store.GetChangeNumberAsync(ct);
            return (await RebuildLockedAsync(latest, storeId, listingsIndexed, ct), latest);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <param name="latest">Read before the listings: a write during the rebuild is picked up again by the next catch-up.</param>
    private async Task<int> RebuildLockedAsync(long latest, string storeId, IProgress<int>? listingsIndexed, CancellationToken ct)
    {
        var count = 0;
        async IAsyncEnumerable<Schema.Model.Listing> Counted()
        {
            await foreach (var listing in store.StreamAllListingsAsync(ct))
            {
                yield return listing;
                count++; // not inside the call below: a null-conditional call skips evaluating its arguments
                listingsIndexed?.Report(count);
            }
        }
        await indexer.RebuildAsync(Counted(), latest, storeId, ct);
        logger.LogInformation("Search index rebuilt at change {ChangeNumber}: {Count} listings", latest, count);
        return count;
    }

    private async Task<string> StoreIdAsync(CancellationToken ct) => _storeId ??= await store.GetStoreIdAsync(ct);
}
