using Catalog.Schema.Content;
using Catalog.Schema.Store;
using Catalog.Search;
using Catalog.Server.Indexing;
using Catalog.Tests.Operations;
using Catalog.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Catalog.Tests.Protocol;

/// <summary>The index follows the store across restarts, other writers and damage.</summary>
public sealed class SearchIndexFollowingTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("catalog-index-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task ListingWrittenWhileTheServerWasDownIsSearchableAfterRestart()
    {
        await using (var first = await CatalogApplication.StartAsync(folder: _folder))
        {
            Assert.That(await SearchCountAsync(first, "zephyrine"), Is.Zero);
            // Another process (an import) writes the store; this server does not see it happen.
            var when = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
            await first.Get<ICatalogContentWriter>().WriteAsync(new CatalogContent
            {
                Listings = [new ListingSource { Key = "late", Name = "Zephyrine Widget Toolkit", Created = when, Changed = when }],
            }, CancellationToken.None);
        }

        await using var second = await CatalogApplication.StartAsync(folder: _folder);

        Assert.That(await SearchCountAsync(second, "zephyrine"), Is.EqualTo(1));
        Assert.That(await SearchCountAsync(second, "cobalt"), Is.EqualTo(1), "earlier listings are still there");
    }

    [Test]
    public async Task ListingWrittenByAnotherProcessBecomesSearchableWhileRunning()
    {
        await using var app = await CatalogApplication.StartAsync(
            new Dictionary<string, string?> { ["Catalog:Indexing:PollMilliseconds"] = "100" }, folder: _folder);
        var when = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        await app.Get<ICatalogContentWriter>().WriteAsync(new CatalogContent
        {
            Listings = [new ListingSource { Key = "late", Name = "Zephyrine Widget Toolkit", Created = when, Changed = when }],
        }, CancellationToken.None);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await SearchCountAsync(app, "zephyrine") == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.That(await SearchCountAsync(app, "zephyrine"), Is.EqualTo(1));
    }

    [Test]
    public async Task CorruptIndexIsRebuiltFromTheStoreAtStart()
    {
        await using (var first = await CatalogApplication.StartAsync(folder: _folder))
            Assert.That(await SearchCountAsync(first, "cobalt"), Is.EqualTo(1));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_folder, "index")))
            await File.WriteAllBytesAsync(file, [1, 2, 3, 4, 5]);

        await using var second = await CatalogApplication.StartAsync(folder: _folder);

        Assert.That(await SearchCountAsync(second, "cobalt"), Is.EqualTo(1));
    }

    [Test]
    public async Task ChunkThatFailsLeavesTheIndexAtTheLastChangeItFullyHolds()
    {
        await using var app = await CatalogApplication.StartAsync(OperationsScenario.NoPolling, folder: _folder);
        var indexer = app.Get<ISearchIndexer>();
        var writer = app.Get<ICatalogContentWriter>();
        var first = (await writer.WriteAsync(Listings("quorvex", SearchIndexFollower.ChunkSize), CancellationToken.None)).ChangeNumber;
        var second = (await writer.WriteAsync(Listings("blandorith", 10), CancellationToken.None)).ChangeNumber;
        // The second chunk's listings cannot be read: the first chunk is in the index, the second is not.
        var follower = new SearchIndexFollower(
            FailingStore.Wrap(app.Get<ICatalogStore>(), nameof(ICatalogStore.GetListingsAsync), failOnCall: 2),
            indexer, NullLogger<SearchIndexFollower>.Instance);

        await Assert.ThrowsAsync<IOException>(() => follower.CatchUpAsync(CancellationToken.None));

        Assert.That(indexer.IndexedChangeNumber, Is.EqualTo(first), $"change {second} was never indexed");
        Assert.That(await SearchCountAsync(app, "quorvex"), Is.EqualTo(SearchIndexFollower.ChunkSize));
        Assert.That((int)(await app.Client.GetAsync("/readyz")).StatusCode, Is.EqualTo(503));

        await app.Get<SearchIndexFollower>().CatchUpAsync(CancellationToken.None);

        Assert.That(indexer.IndexedChangeNumber, Is.EqualTo(second));
        Assert.That(await SearchCountAsync(app, "blandorith"), Is.EqualTo(10));
        Assert.That((int)(await app.Client.GetAsync("/readyz")).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task ChunkThatFailsWithinOneLargeChangeLeavesTheIndexBeforeIt()
    {
        await using var app = await CatalogApplication.StartAsync(OperationsScenario.NoPolling, folder: _folder);
        var indexer = app.Get<ISearchIndexer>();
        var before = indexer.IndexedChangeNumber;
        var large = (await app.Get<ICatalogContentWriter>().WriteAsync(
            Listings("zintarulo", SearchIndexFollower.ChunkSize + 10), CancellationToken.None)).ChangeNumber;
        var follower = new SearchIndexFollower(
            FailingStore.Wrap(app.Get<ICatalogStore>(), nameof(ICatalogStore.GetListingsAsync), failOnCall: 2),
            indexer, NullLogger<SearchIndexFollower>.Instance);

        await Assert.ThrowsAsync<IOException>(() => follower.CatchUpAsync(CancellationToken.None));

        Assert.That(indexer.IndexedChangeNumber, Is.EqualTo(before), $"change {large} is only partly indexed");
        await app.Get<SearchIndexFollower>().CatchUpAsync(CancellationToken.None);
        Assert.That(indexer.IndexedChangeNumber, Is.EqualTo(large));
        Assert.That(await SearchCountAsync(app, "zintarulo"), Is.EqualTo(SearchIndexFollower.ChunkSize + 10));
    }

    private static CatalogContent Listings(string word, int count)
    {
        var when = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return new CatalogContent
        {
            Listings = Enumerable.Range(1, count)
                .Select(i => new ListingSource { Key = $"{word}-{i}", Name = $"{word} {i}", Created = when, Changed = when })
                .ToList(),
        };
    }

    private static async Task<int> SearchCountAsync(CatalogApplication app, string text)
    {
        var response = await ProtocolResponse.GetAsync(app.Client, "/api/p/search/apachesolr_search/" + text);
        return int.Parse(response.Root.Element("search")!.Attribute("count")!.Value);
    }
}
