using Catalog.Schema.Content;
using Catalog.Schema.Store;
using Catalog.Tests.Support;

namespace Catalog.Tests.Store;

public sealed class CatalogContentWriterTests
{
    private static readonly DateTimeOffset When = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task UpdatesAChangedListingAndKeepsItsIdUrlTitleAndInstalls()
    {
        await using var app = await CatalogApplication.StartAsync(seed: false);
        var writer = app.Get<ICatalogContentWriter>();
        var store = app.Get<ICatalogStore>();
        await writer.WriteAsync(Content(Listing("k1", "First Name")), CancellationToken.None);
        var id = (await store.GetListingByUrlTitleAsync("first-name", CancellationToken.None))!.Id;
        await store.RecordInstallAsync(id, CancellationToken.None);

        var result = await writer.WriteAsync(Content(Listing("k1", "Renamed Listing")), CancellationToken.None);
        var listing = await store.GetListingAsync(id, CancellationToken.None);

        Assert.That(result.ListingsUpdated, Is.EqualTo(1));
        Assert.That(listing!.Name, Is.EqualTo("Renamed Listing"));
        Assert.That(listing.UrlTitle, Is.EqualTo("first-name"), "links to a listing keep working after a rename");
        Assert.That(listing.InstallsTotal, Is.EqualTo(1), "a re-import does not reset counters");
    }

    [Test]
    public async Task GivesListingsWithTheSameNameDistinctUrlTitles()
    {
        await using var app = await CatalogApplication.StartAsync(seed: false);

        await app.Get<ICatalogContentWriter>().WriteAsync(Content(Listing("a", "Same Name"), Listing("b", "Same Name")), CancellationToken.None);
        var store = app.Get<ICatalogStore>();

        Assert.That((await store.GetListingByUrlTitleAsync("same-name", CancellationToken.None))!.ExternalKey, Is.EqualTo("a"));
        Assert.That((await store.GetListingByUrlTitleAsync("same-name-2", CancellationToken.None))!.ExternalKey, Is.EqualTo("b"));
    }

    [Test]
    public async Task UrlTitleTakenInAnEarlierWriteGetsASuffix()
    {
        await using var app = await CatalogApplication.StartAsync(seed: false);
        var writer = app.Get<ICatalogContentWriter>();
        await writer.WriteAsync(Content(Listing("a", "Alpha") with { UrlTitle = "alpha-tools" }), CancellationToken.None);

        var result = await writer.WriteAsync(Content(Listing("b", "Beta") with { UrlTitle = "alpha-tools" }), CancellationToken.None);
        var store = app.Get<ICatalogStore>();

        Assert.That((await store.GetListingByUrlTitleAsync("alpha-tools-2", CancellationToken.None))!.ExternalKey, Is.EqualTo("b"));
        Assert.That(result.Warnings, Has.Some.Contains("is taken"));
    }

    [Test]
    public async Task RenamedUrlTitleFreesTheOldOneInTheSameWrite()
    {
        await using var app = await CatalogApplication.StartAsync(seed: false);
        var writer = app.Get<ICatalogContentWriter>();
        await writer.WriteAsync(Content(Listing("a", "Alpha") with { UrlTitle = "old-title" }), CancellationToken.None);

        await writer.WriteAsync(Content(
            Listing("a", "Alpha") with { UrlTitle = "new-title" },
            Listing("b", "Beta") with { UrlTitle = "old-title" }), CancellationToken.None);
        var store = app.Get<ICatalogStore>();

        Assert.That((await store.GetListingByUrlTitleAsync("new-title", CancellationToken.None))!.ExternalKey, Is.EqualTo("a"));
        Assert.That((await store.GetListingByUrlTitleAsync("old-title", CancellationToken.None))!.ExternalKey, Is.EqualTo("b"));
    }

    [Test]
    public async Task TagNamesDifferingOnlyInAsciiCaseAreOneTagAcrossWrites()
    {
        await using var app = await CatalogApplication.StartAsync(seed: false);
        var writer = app.Get<ICatalogContentWriter>();
        await writer.WriteAsync(Content(Listing("a", "Alpha") with { Tags = ["Java", "Éclair"] }), CancellationToken.None);

        await writer.WriteAsync(Content(Listing("b", "Beta") with { Tags = ["JAVA", "éclair"] }), CancellationToken.None);
        var store = app.Get<ICatalogStore>();
        var alpha = await store.GetListingByUrlTitleAsync("alpha", CancellationToken.None);
        var beta = await store.GetListingByUrlTitleAsync("beta", CancellationToken.None);

        Assert.That(beta!.Tags[0].Id, Is.EqualTo(alpha!.Tags[0].Id), "ASCII case folds, as in SQLite's NOCASE");
        Assert.That(beta.Tags[1].Id, Is.Not.EqualTo(alpha.Tags[1].Id), "NOCASE folds no other letters");
    }

    [Test]
    public async Task DropsUnknownReferencesWithAWarning()
    {
        await using var app = await CatalogApplication.StartAsync(seed: false);

        var result = await app.Get<ICatalogContentWriter>().WriteAsync(
            Content(Listing("a", "Listing") with { Categories = ["no-such-category"] }), CancellationToken.None);

        Assert.That(result.ListingsAdded, Is.EqualTo(1));
        Assert.That(result.Warnings, Has.Some.Contains("no-such-category"));
    }

    [Test]
    public async Task KeepsListingsAbsentFromLaterContent()
    {
        await using var app = await CatalogApplication.StartAsync(seed: false);
        var writer = app.Get<ICatalogContentWriter>();
        await writer.WriteAsync(Content(Listing("a", "Alpha"), Listing("b", "Beta")), CancellationToken.None);

        await writer.WriteAsync(Content(Listing("a", "Alpha")), CancellationToken.None);

        Assert.That(await app.Get<ICatalogStore>().GetListingByUrlTitleAsync("beta", CancellationToken.None), Is.Not.Null);
    }

    [Test]
    public async Task SeedsAnEmptyDatabaseOnceAndSurvivesRestart()
    {
        var folder = Directory.CreateTempSubdirectory("catalog-restart-").FullName;
        var keep = new Dictionary<string, string?>();
        long changeNumber;
        await using (var first = await CatalogApplication.StartAsync(keep, folder: folder + "/a"))
        {
            changeNumber = await first.Get<ICatalogStore>().GetChangeNumberAsync(CancellationToken.None);
            await first.Get<ICatalogStore>().RecordInstallAsync(5, CancellationToken.None);
            File.Copy(first.DatabasePath, folder + "/copy.db");
        }
        keep["Catalog:Store:DatabasePath"] = folder + "/copy.db";
        await using var second = await CatalogApplication.StartAsync(keep, folder: folder + "/b");

        Assert.That(await second.Get<ICatalogStore>().GetChangeNumberAsync(CancellationToken.None), Is.EqualTo(changeNumber), "no second seeding");
        Assert.That((await second.Get<ICatalogStore>().GetListingAsync(5, CancellationToken.None))!.InstallsTotal,
            Is.GreaterThan(0));
        Directory.Delete(folder, recursive: true);
    }

    private static CatalogContent Content(params ListingSource[] listings) => new() { Listings = listings };

    private static ListingSource Listing(string key, string name) =>
        new() { Key = key, Name = name, Created = When, Changed = When };
}
