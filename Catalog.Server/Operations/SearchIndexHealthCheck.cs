using Catalog.Schema.Store;
using Catalog.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalog.Server.Operations;

/// <summary>
/// Ready needs an index at the store's change number that holds every listing: a replica still catching up
/// would answer searches without the latest writes, so the load balancer should wait for it; an index that
/// claims the store's change number but lacks listings (a lost write) will not catch up by itself.
/// </summary>
/// <remarks>
/// The count is the cheap check that catches listings missing from the index; a listing indexed in an older
/// state is what <c>check</c> compares.
/// </remarks>
public sealed class SearchIndexHealthCheck(ICatalogStore store, LuceneSearchIndex index) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // The index before the store, and its change number before its documents (it publishes a change
        // number once its documents are searchable): a write landing meanwhile shows as "behind", never as missing.
        var indexedChange = index.IndexedChangeNumber;
        var documents = index.GetStatistics().Documents;
        long latest;
        int listings;
        try
        {
            latest = await store.GetChangeNumberAsync(cancellationToken);
            listings = indexedChange == latest ? await store.CountListingsAsync(cancellationToken) : 0;
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"store cannot be read: {e.Message}");
        }
        if (indexedChange != latest)
            return HealthCheckResult.Unhealthy($"search index at change {indexedChange}, store at change {latest}");
        return documents == listings
            ? HealthCheckResult.Healthy($"search index at change {latest}")
            : HealthCheckResult.Unhealthy(
                $"search index at change {latest} holds {documents} listings, the store {listings}; stop the server and run reindex");
    }
}
