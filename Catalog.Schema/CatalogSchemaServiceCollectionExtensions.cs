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
        // The server and commands depend on the interfaces; the concrete classes stay registered because the
        // publishing stores write through the content writer inside their own transactions.
        services.TryAddSingleton<IStoreMigrator>(sp => sp.GetRequiredService<MigrationRunner>());
        services.TryAddSingleton<ICatalogStore>(sp => sp.GetRequiredService<CatalogStore>());
        services.TryAddSingleton<IChangeLog>(sp => sp.GetRequiredService<CatalogStore>());
        services.TryAddSingleton<IStoreVersionSource>(sp => sp.GetRequiredService<StoreVersionMonitor>());
        services.TryAddSingleton<ICatalogContentWriter>(sp => sp.GetRequiredService<CatalogContentWriter>());
        services.TryAddSingleton<IPublisherStore>(sp => sp.GetRequiredService<PublisherStore>());
        services.TryAddSingleton<IAppKeyStore>(sp => sp.GetRequiredService<AppKeyStore>());
        services.TryAddSingleton<IFileRecordStore>(sp => sp.GetRequiredService<FileRecordStore>());
        services.TryAddSingleton<IReportStore>(sp => sp.GetRequiredService<ReportStore>());
        services.TryAddSingleton<IPackageStore>(sp => sp.GetRequiredService<PackageStore>());
        services.TryAddSingleton<ICatalogAdminStore>(sp => sp.GetRequiredService<CatalogAdminStore>());
        return services;
    }
}
