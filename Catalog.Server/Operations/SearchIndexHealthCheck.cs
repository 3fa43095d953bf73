using Catalog.Schema.Store;
using Catalog.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalog.Server.Operations;

/// <summary>
/// Ready needs an index at the store's change number: a replica still catching up would answer searches
/// without the latest writes, so the load balancer should wait for it.
/// </summary>
public sealed class SearchIndexHealthCheck(ICatalogStore store, ISearchIndexer index) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var indexed = index.IndexedChangeNumber;
        long latest;
        try
        {
            latest = await store.GetChangeNumberAsync(cancellationToken);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"store cannot be read: {e.Message}");
        }
        return indexed == latest
            ? HealthCheckResult.Healthy($"search index at change {indexed}")
            : HealthCheckResult.Unhealthy($"search index at change {indexed}, store at change {latest}");
    }
}
