using Catalog.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Tests.Search;

public sealed class SearchServiceCollectionExtensionsTests
{
    [Test]
    public async Task One_index_serves_both_interfaces_at_the_configured_path()
    {
        var folder = Directory.CreateTempSubdirectory("catalog-search-di-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Catalog:Search:IndexPath"] = Path.Combine(folder, "idx") })
                .Build();
            var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
            services.AddCatalogSearch();
            await using (var provider = services.BuildServiceProvider())
            {
                var index = provider.GetRequiredService<LuceneSearchIndex>();
                using (Assert.EnterMultipleScope())
                {
                    Assert.That(provider.GetRequiredService<ISearchIndexer>(), Is.SameAs(index));
                    Assert.That(provider.GetRequiredService<ISearchService>(), Is.SameAs(index));
                    Assert.That(index.IndexPath, Is.EqualTo(Path.Combine(folder, "idx")));
                }
            }
            Assert.That(Directory.GetFiles(Path.Combine(folder, "idx"), "segments*"), Is.Not.Empty);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_host_registration_wins()
    {
        var services = new ServiceCollection();
        var custom = new NoSearch();
        services.AddSingleton<ISearchService>(custom);
        services.AddCatalogSearch();
        using var provider = services.BuildServiceProvider();
        Assert.That(provider.GetRequiredService<ISearchService>(), Is.SameAs(custom));
    }

    private sealed class NoSearch : ISearchService
    {
        public SearchResult Search(SearchRequest request) => SearchResult.Empty;
    }
}
