using Catalog.Schema.Compatibility;
using Catalog.Schema.Publishing;
using Catalog.Schema.Seeding;
using Catalog.Schema.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Catalog.Schema;

public static class CatalogSchemaServiceCollectionExtensions
{
    /// <summary>The store, its migrations, the release table, the seed loader and the publishing stores; TryAdd so hosts and tests can override.</summary>
    public static IServiceCollection AddCatalogSchema(this IServiceCollection services)
    {
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(ReleaseTable.Default);
        services.TryAddSingleton<SqliteConnectionFactory>();
        services.TryAddSingleton<MigrationRunner>();
        services.TryAddSingleton<CatalogStore>();
        services.TryAddSingleton<StoreVersionMonitor>();
        services.TryAddSingleton<CatalogContentWriter>();
        services.TryAddSingleton<SeedLoader>();
        services.TryAddSingleton<PublisherStore>();
        services.TryAddSingleton<AppKeyStore>();
        services.TryAddSingleton<FileRecordStore>();
        services.TryAddSingleton<ReportStore>();
        services.TryAddSingleton<PackageStore>();
        services.TryAddSingleton<CatalogAdminStore>();
        return services;
    }
}
