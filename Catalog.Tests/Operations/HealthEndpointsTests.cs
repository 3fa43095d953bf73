using Catalog.Schema.Store;
using Catalog.Server.Indexing;
using Catalog.Server.Operations;
using Catalog.Tests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Catalog.Tests.Operations;

public sealed class HealthEndpointsTests
{
    [Test]
    public async Task Alive_and_ready_once_started()
    {
        await using var app = await CatalogApplication.StartAsync();
        var live = await app.Client.GetAsync("/healthz");
        Assert.That((int)live.StatusCode, Is.EqualTo(200));
        Assert.That(live.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        Assert.That(await live.Content.ReadAsStringAsync(), Is.EqualTo("Healthy\n"));
        var ready = await app.Client.GetAsync("/readyz");
        Assert.That((int)ready.StatusCode, Is.EqualTo(200));
        Assert.That(await ready.Content.ReadAsStringAsync(), Is.EqualTo("Healthy\n"));
    }

    [Test]
    public async Task Not_ready_while_the_index_is_behind_the_store_and_ready_again_once_it_catches_up()
    {
        await using var app = await CatalogApplication.StartAsync(OperationsScenario.NoPolling);
        var before = await app.Get<ICatalogStore>().GetChangeNumberAsync(CancellationToken.None);
        var latest = await OperationsScenario.WriteBehindTheIndexAsync(app);

        var behind = await app.Client.GetAsync("/readyz");
        Assert.That((int)behind.StatusCode, Is.EqualTo(503));
        Assert.That(await behind.Content.ReadAsStringAsync(),
            Is.EqualTo($"Unhealthy\nindex: search index at change {before}, store at change {latest}\n"));
        Assert.That((int)(await app.Client.GetAsync("/healthz")).StatusCode, Is.EqualTo(200), "alive all the same");

        await app.Get<SearchIndexFollower>().CatchUpAsync(CancellationToken.None);
        Assert.That((int)(await app.Client.GetAsync("/readyz")).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Not_ready_while_the_index_misses_listings_even_at_the_stores_change_number()
    {
        await using var app = await CatalogApplication.StartAsync(OperationsScenario.NoPolling);
        var latest = await app.Get<ICatalogStore>().GetChangeNumberAsync(CancellationToken.None);
        var listings = await app.Get<ICatalogStore>().CountListingsAsync(CancellationToken.None);
        // What a lost chunk left behind: the index claims the store's change number without one of its listings.
        await app.Get<Catalog.Search.ISearchIndexer>().DeleteAsync([3], latest, CancellationToken.None);

        var ready = await app.Client.GetAsync("/readyz");

        Assert.That((int)ready.StatusCode, Is.EqualTo(503));
        Assert.That(await ready.Content.ReadAsStringAsync(), Is.EqualTo(
            $"Unhealthy\nindex: search index at change {latest} holds {listings - 1} listings, the store {listings}; stop the server and run reindex\n"));
    }

    [Test]
    public async Task Store_without_its_migrations_is_not_ready()
    {
        var folder = Directory.CreateTempSubdirectory("catalog-health-").FullName;
        try
        {
            var options = Options.Create(new StoreOptions { DatabasePath = Path.Combine(folder, "catalog.db") });
            var connections = new SqliteConnectionFactory(options);
            var migrations = new MigrationRunner(connections, TimeProvider.System);
            var writability = new StoreWritability(new SqliteStoreSpace(options), Microsoft.Extensions.Logging.Abstractions.NullLogger<StoreWritability>.Instance);
            var check = new StoreHealthCheck(migrations, writability);

            var fresh = await check.CheckHealthAsync(new HealthCheckContext());
            Assert.That(fresh.Status, Is.EqualTo(HealthStatus.Unhealthy));
            Assert.That(fresh.Description, Does.StartWith("store lacks migrations 1"));

            await migrations.MigrateAsync(CancellationToken.None);
            Assert.That((await check.CheckHealthAsync(new HealthCheckContext())).Status, Is.EqualTo(HealthStatus.Healthy));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
