using Catalog.Schema.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalog.Server.Operations;

/// <summary>Ready needs a store that opens, has every migration this build knows, and can take writes.</summary>
public sealed class StoreHealthCheck(IStoreMigrator migrations, StoreWritability writability) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await migrations.GetPendingAsync(cancellationToken);
            if (pending.Count > 0)
                return HealthCheckResult.Unhealthy($"store lacks migrations {string.Join(", ", pending)}");
            return await writability.CheckAsync(cancellationToken)
                ? HealthCheckResult.Healthy("store open, migrated and writable")
                : HealthCheckResult.Unhealthy("store not writable: its storage is full (reads still served)");
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"store cannot be read: {e.Message}");
        }
    }
}
