using Catalog.Schema.Store;
using Catalog.Server.Indexing;
using Catalog.Tests.Support;
using static Catalog.Tests.Operations.OperationsScenario;

namespace Catalog.Tests.Operations;

public sealed class MetricsEndpointTests
{
    private const string NodeOk = "http_server_requests_total{method=\"GET\",route=\"/node/{ids}/api/p\",status=\"200\"}";
    private const string NodeNotFound = "http_server_requests_total{method=\"GET\",route=\"/node/{ids}/api/p\",status=\"404\"}";
    private const string NodeOkDuration = "http_server_request_duration_seconds_count{method=\"GET\",route=\"/node/{ids}/api/p\",status=\"200\"}";
    private const string NodeOkSlowest = "http_server_request_duration_seconds_bucket{method=\"GET\",route=\"/node/{ids}/api/p\",status=\"200\",le=\"+Inf\"}";
    private const string Unmatched = "http_server_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"}";

    [Test]
    public async Task Request_counts_and_latency_move_as_requests_arrive_by_route_template_and_status()
    {
        await using var app = await CatalogApplication.StartAsync();
        var before = await ScrapeAsync(app);
        Assert.That(Value(before, NodeOk), Is.Zero);

        for (var i = 0; i < 3; i++)
            Assert.That((int)(await app.Client.GetAsync($"/node/{10 + i}/api/p")).StatusCode, Is.EqualTo(200));
        Assert.That((int)(await app.Client.GetAsync("/node/999999/api/p")).StatusCode, Is.EqualTo(404));
        Assert.That((int)(await app.Client.GetAsync("/no/such/path")).StatusCode, Is.EqualTo(404));

        var after = await ScrapeUntilAsync(app, s => Value(s, NodeOk) >= 3 && Value(s, NodeNotFound) >= 1 && Value(s, Unmatched) >= 1);
        Assert.That(Value(after, NodeOk), Is.EqualTo(3));
        Assert.That(Value(after, NodeNotFound), Is.EqualTo(1));
        Assert.That(Value(after, Unmatched), Is.EqualTo(1));
        Assert.That(Value(after, NodeOkDuration), Is.EqualTo(3));
        Assert.That(Value(after, NodeOkSlowest), Is.EqualTo(3), "the +Inf bucket holds every request");
        Assert.That(after.Keys.Where(k => k.Contains("no/such")), Is.Empty, "client paths never become labels");
        var buckets = after.Where(s => s.Key.StartsWith("http_server_request_duration_seconds_bucket{method=\"GET\",route=\"/node/{ids}/api/p\",status=\"200\"", StringComparison.Ordinal))
            .Select(s => s.Value).ToList();
        Assert.That(buckets, Is.Ordered, "buckets are cumulative");
        Assert.That(Value(after, "http_server_request_duration_seconds_sum{method=\"GET\",route=\"/node/{ids}/api/p\",status=\"200\"}"), Is.GreaterThan(0));
    }

    [Test]
    public async Task Installs_index_size_lag_and_memory_are_reported()
    {
        await using var app = await CatalogApplication.StartAsync(NoPolling);
        var listings = await app.Get<ICatalogStore>().CountListingsAsync(CancellationToken.None);
        var before = await ScrapeAsync(app);
        Assert.That(Value(before, "catalog_index_documents"), Is.EqualTo(listings));
        Assert.That(Value(before, "catalog_index_size_bytes"), Is.GreaterThan(0));
        Assert.That(Value(before, "catalog_index_lag"), Is.Zero);
        Assert.That(Value(before, "process_resident_memory_bytes"), Is.GreaterThan(10_000_000));
        Assert.That(Value(before, "catalog_installs_total"), Is.Zero);

        Assert.That((int)(await app.Client.GetAsync("/node/10/success")).StatusCode, Is.EqualTo(200));
        Assert.That((int)(await app.Client.GetAsync("/node/10/success")).StatusCode, Is.EqualTo(200));
        Assert.That((int)(await app.Client.GetAsync("/node/999999/success")).StatusCode, Is.EqualTo(404));
        Assert.That(Value(await ScrapeAsync(app), "catalog_installs_total"), Is.EqualTo(2), "only successful reports of known listings");

        var latest = await WriteBehindTheIndexAsync(app);
        var behind = await ScrapeAsync(app);
        Assert.That(Value(behind, "catalog_store_change_number"), Is.EqualTo(latest));
        Assert.That(Value(behind, "catalog_index_lag"), Is.EqualTo(latest - Value(behind, "catalog_index_change_number")).And.GreaterThan(0));

        await app.Get<SearchIndexFollower>().CatchUpAsync(CancellationToken.None);
        Assert.That(Value(await ScrapeAsync(app), "catalog_index_lag"), Is.Zero);
    }

    [Test]
    public async Task Each_server_counts_only_its_own_requests()
    {
        await using var busy = await CatalogApplication.StartAsync();
        await using var idle = await CatalogApplication.StartAsync();
        for (var i = 0; i < 2; i++)
            await busy.Client.GetAsync("/node/10/api/p");
        await ScrapeUntilAsync(busy, s => Value(s, NodeOk) >= 2);
        Assert.That(Value(await ScrapeAsync(idle), NodeOk), Is.Zero);
    }
}
