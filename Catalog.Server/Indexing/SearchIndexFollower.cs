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
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task CatchUpAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var from = indexer.IndexedChangeNumber;
            var latest = await store.GetChangeNumberAsync(ct);
            // An index ahead of the store belongs to another database (the file was replaced): start over.
            if (from == 0 || from > latest)
            {
                await RebuildLockedAsync(latest, null, ct);
                return;
            }
            var (upTo, ids) = await store.GetListingChangesSinceAsync(from, ct);
            if (upTo <= from)
                return;
            foreach (var chunk in ids.Chunk(500))
            {
                var listings = await store.GetListingsAsync(chunk, ct);
                await indexer.IndexAsync(listings, upTo, ct);
                // A logged listing that is gone was unpublished or removed.
                if (listings.Count < chunk.Length)
                    await indexer.DeleteAsync(chunk.Except(listings.Select(l => l.Id)).ToList(), upTo, ct);
            }
            if (ids.Count == 0)
                await indexer.IndexAsync([], upTo, ct);
            logger.LogInformation("Search index caught up from change {From} to {To}: {Count} listings", from, upTo, ids.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Replaces the whole index with the store's listings, whatever the index holds (the <c>reindex</c> command).</summary>
    /// <param name="listingsIndexed">Told how many listings have been indexed so far.</param>
    /// <returns>The listings indexed and the change number the index now reflects.</returns>
    public async Task<(int Listings, long ChangeNumber)> RebuildAsync(IProgress<int>? listingsIndexed, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var latest = await store.GetChangeNumberAsync(ct);
            return (await RebuildLockedAsync(latest, listingsIndexed, ct), latest);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <param name="latest">Read before the listings: a write during the rebuild is picked up again by the next catch-up.</param>
    private async Task<int> RebuildLockedAsync(long latest, IProgress<int>? listingsIndexed, CancellationToken ct)
    {
        var count = 0;
        async IAsyncEnumerable<Schema.Model.Listing> Counted()
        {
            await foreach (var listing in store.StreamAllListingsAsync(ct))
            {
                yield return listing;
                listingsIndexed?.Report(++count);
            }
        }
        await indexer.RebuildAsync(Counted(), latest, ct);
        logger.LogInformation("Search index rebuilt at change {ChangeNumber}: {Count} listings", latest, count);
        return count;
    }
}
