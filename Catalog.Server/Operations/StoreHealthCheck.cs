using Catalog.Schema.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalog.Server.Operations;

/// <summary>Ready needs a store that opens and has every migration this build knows.</summary>
public sealed class StoreHealthCheck(IStoreMigrator migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await migrations.GetPendingAsync(cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy("store open and migrated")
                : HealthCheckResult.Unhealthy($"store lacks migrations {string.Join(", ", pending)}");
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"store cannot be read: {e.Message}");
        }
    }
}
