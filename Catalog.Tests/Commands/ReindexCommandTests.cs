using Catalog.Search;
using Catalog.Server.Commands;
using Catalog.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Catalog.Tests.Commands;

public sealed class ReindexCommandTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("catalog-reindex-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Rebuilds_every_listing_with_progress_and_a_summary()
    {
        Assert.That((await CommandRun.InFolderAsync(folder, "seed")).ExitCode, Is.EqualTo(ExitCodes.Ok));

        var run = await CommandRun.InFolderAsync(folder, "reindex");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString);
        var contents = LuceneSearchIndex.ReadContents(Path.Combine(folder, "index"));
        var count = contents.Listings.Count;
        Assert.That(count, Is.GreaterThan(5));
        Assert.That(run.Out, Does.Match($@"Reindexed {count} listings at change {contents.ChangeNumber} in \d+\.\d s"));
        // stderr is not a terminal here: plain lines, ending with the full count.
        Assert.That(run.Error.TrimEnd().Split('\n')[^1], Is.EqualTo($"indexed {count}/{count} listings (100%)"));
        Assert.That(run.Error, Does.Not.Contain("\r"));
    }

    [Test]
    public async Task Refuses_an_index_held_by_a_running_server_and_leaves_it_intact()
    {
        await using var app = await CatalogApplication.StartAsync(folder: folder);
        var before = LuceneSearchIndex.ReadContents(Path.Combine(folder, "index"));

        var run = await CommandRun.InFolderAsync(folder, "reindex");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed), run.ToString);
        Assert.That(run.Error, Does.Contain("is open in another process").And.Contain("Stop that process"));
        var after = LuceneSearchIndex.ReadContents(Path.Combine(folder, "index"));
        Assert.That(after.Listings, Is.EquivalentTo(before.Listings));
        var search = await app.Client.GetAsync("/api/p/search/apachesolr_search/editor");
        Assert.That((int)search.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Empty_store_gives_an_empty_index()
    {
        var run = await CommandRun.InFolderAsync(folder, "reindex");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString);
        Assert.That(run.Out, Does.Contain("Reindexed 0 listings"));
        Assert.That(LuceneSearchIndex.ReadContents(Path.Combine(folder, "index")).Unusable, Is.Null);
    }
}
