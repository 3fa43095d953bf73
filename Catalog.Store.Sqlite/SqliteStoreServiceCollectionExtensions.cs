using Catalog.Schema.Publishing;
using Catalog.Schema.Store;
using Catalog.Store.Sqlite.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Catalog.Store.Sqlite;

public static class SqliteStoreServiceCollectionExtensions
{
    /// <summary>The store on one SQLite file (the embedded default): every store interface, its migrations and its version probe.</summary>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services)
    {
        services.TryAddSingleton<SqliteConnectionFactory>();
        services.TryAddSingleton<MigrationRunner>();
        services.TryAddSingleton<CatalogStore>();
        services.TryAddSingleton<StoreVersionMonitor>();
        services.TryAddSingleton<CatalogContentWriter>();
        services.TryAddSingleton<PublisherStore>();
        services.TryAddSingleton<AppKeyStore>();
        services.TryAddSingleton<FileRecordStore>();
        services.TryAddSingleton<ReportStore>();
        services.TryAddSingleton<PackageStore>();
        services.TryAddSingleton<CatalogAdminStore>();
        // The server and commands depend on the interfaces; the classes stay registered because the package
        // store writes through the content writer inside its own transaction.
        services.TryAddSingleton<IStoreMigrator>(sp => sp.GetRequiredService<MigrationRunner>());
        services.TryAddSingleton<IStoreSpace, SqliteStoreSpace>();
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
