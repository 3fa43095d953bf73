using Catalog.Schema.Compatibility;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Catalog.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>The Lucene index as both <see cref="ISearchIndexer"/> and <see cref="ISearchService"/>; TryAdd so hosts and tests can override.</summary>
    public static IServiceCollection AddCatalogSearch(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(ReleaseTable.Default);
        services.TryAddSingleton<LuceneSearchIndex>();
        // One instance behind both interfaces: the searcher must see what the writer wrote.
        services.TryAddSingleton<ISearchIndexer>(provider => provider.GetRequiredService<LuceneSearchIndex>());
        services.TryAddSingleton<ISearchService>(provider => provider.GetRequiredService<LuceneSearchIndex>());
        return services;
    }
}
