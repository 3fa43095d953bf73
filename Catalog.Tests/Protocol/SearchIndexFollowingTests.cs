using Catalog.Schema.Content;
using Catalog.Schema.Store;
using Catalog.Tests.Support;

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

    private static async Task<int> SearchCountAsync(CatalogApplication app, string text)
    {
        var response = await ProtocolResponse.GetAsync(app.Client, "/api/p/search/apachesolr_search/" + text);
        return int.Parse(response.Root.Element("search")!.Attribute("count")!.Value);
    }
}
