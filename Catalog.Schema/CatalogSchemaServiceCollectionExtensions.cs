using Catalog.Schema.Compatibility;
using Catalog.Schema.Seeding;
using Catalog.Schema.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Catalog.Schema;

public static class CatalogSchemaServiceCollectionExtensions
{
    /// <summary>
    /// The store's settings, the clock, the release table and the seed loader; TryAdd so hosts and tests can
    /// override. A store provider (such as <c>AddSqliteStore</c>) adds the store interfaces.
    /// </summary>
    public static IServiceCollection AddCatalogSchema(this IServiceCollection services)
    {
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(ReleaseTable.Default);
        services.TryAddSingleton<SeedLoader>();
        return services;
    }
}
