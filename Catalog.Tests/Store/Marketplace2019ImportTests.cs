using System.Net;
using Catalog.Schema.Compatibility;
using Catalog.Schema.Import;
using Catalog.Schema.Model;
using Catalog.Schema.Store;
using Catalog.Tests.Support;

namespace Catalog.Tests.Store;

/// <summary>The real 2019 export through the import write path, then read over HTTP.</summary>
public sealed class Marketplace2019ImportTests
{
    private CatalogApplication _app = null!;
    private ContentWriteResult _first = null!;
    private Marketplace2019Import _import = null!;

    [OneTimeSetUp]
    public async Task ImportIntoAnEmptyServer()
    {
        _app = await CatalogApplication.StartAsync(seed: false);
        _import = await new Marketplace2019Reader().ReadAsync(ReferenceData.Marketplace2019);
        _first = await _app.Get<ICatalogContentWriter>().WriteAsync(_import.Content, CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    [Test]
    public void ImportsEveryListing()
    {
        Assert.That(_first.ListingsAdded, Is.EqualTo(1664));
        Assert.That(_first.Warnings, Is.Empty);
    }

    [Test]
    public async Task ImportingTwiceChangesNothing()
    {
        var store = _app.Get<ICatalogStore>();
        var before = await store.GetChangeNumberAsync(CancellationToken.None);
        var again = await new Marketplace2019Reader().ReadAsync(ReferenceData.Marketplace2019);

        var second = await _app.Get<ICatalogContentWriter>().WriteAsync(again.Content, CancellationToken.None);

        Assert.That(second.ChangedAnything, Is.False);
        Assert.That(second.ListingsUnchanged, Is.EqualTo(1664));
        Assert.That(await store.GetChangeNumberAsync(CancellationToken.None), Is.EqualTo(before));
    }

    [Test]
    public async Task RootListsTheFiveMarketsWithCategoryCounts()
    {
        var root = await ProtocolResponse.GetAsync(_app.Client, "/api/p");

        var markets = root.TopLevel("market");
        Assert.That(markets, Has.Count.EqualTo(5));
        Assert.That(markets.Select(m => m.Attribute("name")!.Value), Does.Contain("IoT"));
        var counts = root.Root.Descendants("category").Select(c => int.Parse(c.Attribute("count")!.Value)).ToList();
        Assert.That(counts.Sum(), Is.GreaterThan(1000));
    }

    [Test]
    public async Task EveryCategoryOfTheRootAnswersWithItsListings()
    {
        var root = await ProtocolResponse.GetAsync(_app.Client, "/api/p?platform.version=4.14");

        foreach (var category in root.Root.Descendants("category").Take(15))
        {
            var path = new Uri(category.Attribute("url")!.Value).AbsolutePath + "/api/p?platform.version=4.14";
            var result = await ProtocolResponse.GetAsync(_app.Client, path);
            Assert.That(result.Status, Is.EqualTo(HttpStatusCode.OK), path);
            Assert.That(result.Root.Element("category")!.Attribute("count")!.Value, Is.EqualTo(category.Attribute("count")!.Value), path);
        }
    }

    [Test]
    public async Task MultiVersionListingAnswersDifferentlyAsPlatformVersionChanges()
    {
        var (listing, older, newer) = await FindListingWhoseChoiceDependsOnReleaseAsync();

        var a = (await ProtocolResponse.GetAsync(_app.Client, $"/node/{listing.Id}/api/p?platform.version={older.Version}")).Root.Element("node")!;
        var b = (await ProtocolResponse.GetAsync(_app.Client, $"/node/{listing.Id}/api/p?platform.version={newer.Version}")).Root.Element("node")!;

        var expectedA = listing.Versions[CompatibilityResolver.Choose(listing.Versions, older, null, ReleaseTable.Default).Index];
        var expectedB = listing.Versions[CompatibilityResolver.Choose(listing.Versions, newer, null, ReleaseTable.Default).Index];
        Assert.That(a.Element("updateurl")?.Value, Is.EqualTo(expectedA.UpdateSiteUrl));
        Assert.That(b.Element("updateurl")?.Value, Is.EqualTo(expectedB.UpdateSiteUrl));
        Assert.That(a.Element("ius")!.Elements("iu").Select(i => i.Value), Is.EqualTo(expectedA.Features.Select(f => f.Id)));
        Assert.That(a.ToString(), Is.Not.EqualTo(b.ToString()));
    }

    [Test]
    public async Task RealListingsAnswerSchemaValidXmlWhateverTheirData()
    {
        // Every 50th listing, in every client flavour: the real data holds control characters and odd HTML.
        var paths = Enumerable.Range(1, 1664).Where(i => i % 50 == 1)
            .SelectMany(id => new[] { $"/node/{id}/api/p", $"/node/{id}/api/p?platform.version=4.14&os=win32" })
            .Concat(["/catalogs/api/p", "/recent/api/p?client=org.eclipse.epp.mpc.core&platform.version=4.14",
                     "/popular/top/api/p?client=org.eclipse.epp.mpc.core"]);
        foreach (var path in paths)
        {
            // ProtocolResponse validates against the schema; the status shows it was a real answer, not an error body.
            var response = await ProtocolResponse.GetAsync(_app.Client, path);
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), path);
        }
    }

    private async Task<(Listing Listing, EclipseRelease Older, EclipseRelease Newer)> FindListingWhoseChoiceDependsOnReleaseAsync()
    {
        var store = _app.Get<ICatalogStore>();
        var releases = ReleaseTable.Default;
        var candidates = await store.GetListingsAsync(Enumerable.Range(1, 1664).ToList(), CancellationToken.None);
        foreach (var listing in candidates.Where(l => l.Versions.Count > 1))
        {
            var choices = releases.All
                .Select(r => (Release: r, Choice: CompatibilityResolver.Choose(listing.Versions, r, null, releases)))
                .Where(c => c.Choice.Index >= 0 && listing.Versions[c.Choice.Index].IsInstallable)
                .ToList();
            var first = choices.FirstOrDefault();
            var other = choices.FirstOrDefault(c => c.Choice.Index != first.Choice.Index
                && listing.Versions[c.Choice.Index].UpdateSiteUrl != listing.Versions[first.Choice.Index].UpdateSiteUrl);
            if (first.Release is not null && other.Release is not null)
                return (listing, first.Release, other.Release);
        }
        throw new InvalidOperationException("The 2019 data has no listing whose version depends on the release.");
    }
}
