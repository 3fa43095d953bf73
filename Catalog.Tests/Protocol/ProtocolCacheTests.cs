using System.Net;
using Catalog.Schema.Compatibility;
using Catalog.Schema.Content;
using Catalog.Schema.Store;
using Catalog.Tests.Support;
using Microsoft.Extensions.Options;

namespace Catalog.Tests.Protocol;

/// <summary>
/// Answers and node XML are prepared once per store version; a write, by this process or any other, makes the
/// next answer fresh. Each test owns its server.
/// </summary>
public sealed class ProtocolCacheTests
{
    private static readonly DateTimeOffset When = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task RepeatedAnswerIsTheSameBytesWithTheSameETag()
    {
        await using var app = await CatalogApplication.StartAsync();

        using var first = await app.Client.GetAsync("/node/3/api/p?os=linux&platform.version=4.38");
        using var second = await app.Client.GetAsync("/node/3/api/p?os=linux&platform.version=4.38");

        Assert.That(await second.Content.ReadAsByteArrayAsync(), Is.EqualTo(await first.Content.ReadAsByteArrayAsync()));
        Assert.That(second.Headers.ETag, Is.EqualTo(first.Headers.ETag));
    }

    [Test]
    public async Task WrittenListingIsAnsweredFreshByIdTitleListAndSearch()
    {
        await using var app = await CatalogApplication.StartAsync(seed: false);
        var writer = app.Get<ICatalogContentWriter>();
        await writer.WriteAsync(Content("Quillon Markup Tools"), CancellationToken.None);
        await app.Get<Catalog.Server.Indexing.SearchIndexFollower>().CatchUpAsync(CancellationToken.None);
        var before = await AnswersAsync(app, "quillon-markup-tools", "quillon");

        var result = await writer.WriteAsync(Content("Quillon Markup Studio"), CancellationToken.None);
        // The index follows the store on its own schedule; this test is about the answers, not the index.
        await app.Get<Catalog.Server.Indexing.SearchIndexFollower>().CatchUpAsync(CancellationToken.None);
        var after = await AnswersAsync(app, "quillon-markup-tools", "quillon");

        Assert.That(result.ListingsUpdated, Is.EqualTo(1));
        Assert.That(before, Has.All.Contains("Quillon Markup Tools"));
        Assert.That(after, Has.All.Contains("Quillon Markup Studio"));
        Assert.That(after, Has.None.Contains("Quillon Markup Tools"));
    }

    [Test]
    public async Task WriteThroughAnotherConnectionIsSeenByTheNextRequest()
    {
        await using var app = await CatalogApplication.StartAsync();
        var before = await ProtocolResponse.GetAsync(app.Client, "/api/p");

        // Another process: its own connections to the same file, nothing shared with the server.
        var elsewhere = new SqliteConnectionFactory(Options.Create(new StoreOptions { DatabasePath = app.DatabasePath }));
        await new CatalogContentWriter(elsewhere, ReleaseTable.Default, TimeProvider.System).WriteAsync(new CatalogContent
        {
            Markets = [new MarketSource("m-new", "Brand New Market", "brand-new")],
        }, CancellationToken.None);
        var after = await ProtocolResponse.GetAsync(app.Client, "/api/p");

        Assert.That(before.Text, Does.Not.Contain("Brand New Market"));
        Assert.That(after.Text, Does.Contain("Brand New Market"));
    }

    [Test]
    public async Task MarketCountsFollowContentWritesAndIgnoreInstalls()
    {
        await using var app = await CatalogApplication.StartAsync(seed: false);
        var writer = app.Get<ICatalogContentWriter>();
        var taxonomy = new CatalogContent
        {
            Markets = [new MarketSource("m", "Tools Market", "tools")],
            Categories = [new CategorySource("c", "Editors", "editors") { Markets = ["m"] }],
        };
        await writer.WriteAsync(taxonomy with { Listings = [Listed("one")] }, CancellationToken.None);
        var before = await CountAsync(app);
        await app.Get<ICatalogStore>().RecordInstallAsync(1, CancellationToken.None);
        var afterInstall = await CountAsync(app);

        await writer.WriteAsync(taxonomy with { Listings = [Listed("one"), Listed("two")] }, CancellationToken.None);
        var afterWrite = await CountAsync(app);

        Assert.That((before, afterInstall, afterWrite), Is.EqualTo(("1", "1", "2")));
    }

    [Test]
    public async Task EveryInstallMovesTheStoreVersionEvenWithinOneMillisecond()
    {
        await using var app = await CatalogApplication.StartAsync();
        var monitor = app.Get<IStoreVersionSource>();
        var store = new CatalogStore(app.Get<SqliteConnectionFactory>(), new StoppedClock(When));

        var start = monitor.Current();
        await store.RecordInstallAsync(3, CancellationToken.None);
        var once = monitor.Current();
        await store.RecordInstallAsync(3, CancellationToken.None);
        var twice = monitor.Current();

        Assert.That(once, Is.Not.EqualTo(start));
        Assert.That(twice, Is.Not.EqualTo(once), "a second install at the same instant is a new version too");
        Assert.That(twice.ChangeNumber, Is.EqualTo(start.ChangeNumber), "counters do not touch the change log");
    }

    [Test]
    public async Task WithTheCacheOffAnswersAreTheSame()
    {
        await using var cached = await CatalogApplication.StartAsync();
        await using var uncached = await CatalogApplication.StartAsync(new Dictionary<string, string?> { ["Catalog:Cache:MaxMegabytes"] = "0" });
        string[] paths = ["/node/3/api/p?platform.version=4.38", "/featured/api/p", "/api/p/search/apachesolr_search/editor"];

        foreach (var path in paths)
        {
            var a = await ProtocolResponse.GetAsync(cached.Client, path);
            var b = await ProtocolResponse.GetAsync(uncached.Client, path);
            Assert.That(a.Status, Is.EqualTo(HttpStatusCode.OK), path);
            Assert.That(Relative(a.Text, cached), Is.EqualTo(Relative(b.Text, uncached)), path);
        }
    }

    /// <summary>The two servers listen on different ports, which every absolute link shows.</summary>
    private static string Relative(string xml, CatalogApplication app) =>
        xml.Replace(app.BaseAddress.GetLeftPart(UriPartial.Authority), "http://server", StringComparison.Ordinal);

    private static async Task<List<string>> AnswersAsync(CatalogApplication app, string title, string word)
    {
        var id = (await app.Get<ICatalogStore>().GetListingByUrlTitleAsync(title, CancellationToken.None))!.Id;
        var answers = new List<string>();
        foreach (var path in new[] { $"/node/{id}/api/p", $"/content/{title}/api/p", "/recent/api/p", $"/api/p/search/apachesolr_search/{word}" })
            answers.Add((await ProtocolResponse.GetAsync(app.Client, path)).Text);
        return answers;
    }

    private static ListingSource Listed(string key) =>
        new() { Key = key, Name = $"Listing {key}", Categories = ["c"], Created = When, Changed = When };

    private static async Task<string?> CountAsync(CatalogApplication app) =>
        (await ProtocolResponse.GetAsync(app.Client, "/api/p")).Root.Descendants("category").Single().Attribute("count")?.Value;

    private static CatalogContent Content(string name) => new()
    {
        Listings = [new ListingSource { Key = "quillon", Name = name, UrlTitle = "quillon-markup-tools", Created = When, Changed = When }],
    };

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
