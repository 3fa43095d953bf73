using System.Diagnostics;
using Catalog.Schema.Compatibility;
using Catalog.Schema.Model;
using Catalog.Search;

namespace Catalog.Tests.Search;

/// <summary>Search over the 1,664 listings of the December 2019 Eclipse Marketplace export.</summary>
[NonParallelizable]
public sealed class RealCatalogSearchTests
{
    private RealCatalog real = null!;
    private TemporarySearchIndex index = null!;

    [OneTimeSetUp]
    public async Task IndexRealExport()
    {
        real = RealCatalog.Read();
        index = await TemporarySearchIndex.CreateAsync(real.Listings);
    }

    [OneTimeTearDown]
    public async Task DeleteIndex() => await index.DisposeAsync();

    private string FirstName(string text) => real.Listings[index.Search(text).ListingIds[0] - 1].Name;

    private IEnumerable<string> TopNames(string text, int count) =>
        index.Search(text, limit: count).ListingIds.Select(id => real.Listings[id - 1].Name);

    [Test]
    public void Every_listing_is_indexed()
    {
        Assert.That(index.Search("").TotalCount, Is.EqualTo(1664));
    }

    [TestCase("SonarLint", "SonarLint")]
    [TestCase("checkstyle plug-in", "Checkstyle Plug-in")]
    [TestCase("PyDev - Python IDE for Eclipse", "PyDev - Python IDE for Eclipse")]
    [TestCase("Simple Properties Editor", "Simple Properties Editor")]
    public void Exact_name_comes_first(string text, string name)
    {
        Assert.That(FirstName(text), Is.EqualTo(name));
    }

    [TestCase("pydev", "PyDev - Python IDE for Eclipse")]
    [TestCase("python", "PyDev - Python IDE for Eclipse")]
    [TestCase("checkstyle", "Checkstyle Plug-in")]
    [TestCase("git", "EGit - Git Integration for Eclipse")]
    [TestCase("spring", "Spring Tools 4 - for Spring Boot (aka Spring Tool Suite 4)")]
    [TestCase("uml", "UMLet - UML Tool for Fast UML Diagrams")]
    public void Popular_name_match_comes_first(string text, string name)
    {
        Assert.That(FirstName(text), Is.EqualTo(name));
    }

    [TestCase("chekstyle", "Checkstyle Plug-in")]
    [TestCase("sonarlnt", "SonarLint")]
    [TestCase("pydve", "PyDev - Python IDE for Eclipse")]
    public void Misspelled_name_still_finds_the_listing(string text, string name)
    {
        Assert.That(TopNames(text, 3), Does.Contain(name));
    }

    [Test]
    public void Browse_orders_by_installs_then_favorites()
    {
        var expected = real.Listings
            .OrderByDescending(listing => listing.InstallsTotal)
            .ThenByDescending(listing => listing.Favorites)
            .ThenBy(listing => listing.Id)
            .Select(listing => listing.Id)
            .Take(20);
        Assert.That(index.Search("", limit: 20).ListingIds, Is.EqualTo(expected));
    }

    [Test]
    public void Text_matches_are_a_subset_found_in_some_field()
    {
        var result = index.Search("yaml", limit: 1000);
        Assert.That(result.TotalCount, Is.GreaterThan(0));
        Assert.That(result.ListingIds, Has.Count.EqualTo(result.TotalCount));
        foreach (var id in result.ListingIds)
        {
            var listing = real.Listings[id - 1];
            var text = string.Join(' ', listing.Name, listing.ShortDescription, listing.Body, listing.Owner, listing.CompanyName,
                string.Join(' ', listing.Tags.Select(tag => tag.Name)));
            Assert.That(text, Does.Contain("yaml").IgnoreCase, listing.Name);
        }
    }

    [TestCase("4.7")]
    [TestCase("4.13")]
    [TestCase("3.5")]
    [TestCase("4.40")]
    public void Release_filter_counts_only_compatible_listings(string version)
    {
        var release = ReleaseTable.Default.FindByVersion(version)!;
        var compatible = real.Listings
            .Where(listing => CompatibilityResolver.Choose(listing.Versions, release, null, ReleaseTable.Default).IsCompatible)
            .Select(listing => listing.Id)
            .ToHashSet();

        var result = index.Search("", release: release, limit: 2000);
        Assert.That(result.TotalCount, Is.EqualTo(compatible.Count));
        Assert.That(result.ListingIds, Is.EquivalentTo(compatible));

        var editors = index.Search("editor", release: release, limit: 2000);
        var allEditors = index.Search("editor", limit: 2000).ListingIds.Where(compatible.Contains);
        Assert.That(editors.ListingIds, Is.EquivalentTo(allEditors));
    }

    [Test]
    public void Market_and_category_facets_count_like_the_records()
    {
        foreach (var (name, id) in real.MarketIds.Concat(real.CategoryIds.Take(10)))
        {
            var expected = real.Listings.Count(listing => listing.MarketIds.Contains(id) || listing.CategoryIds.Contains(id));
            Assert.That(index.Search("", terms: [id]).TotalCount, Is.EqualTo(expected), name);
        }
    }

    [Test]
    public void Market_and_category_together_narrow()
    {
        var (market, category) = real.Listings
            .SelectMany(listing => listing.MarketIds.SelectMany(m => listing.CategoryIds.Select(c => (m, c))))
            .GroupBy(pair => pair)
            .OrderByDescending(group => group.Count())
            .Select(group => group.Key)
            .First();
        var expected = real.Listings.Count(listing => listing.MarketIds.Contains(market) && listing.CategoryIds.Contains(category));
        var result = index.Search("", terms: [market, category]);
        Assert.That(result.TotalCount, Is.EqualTo(expected));
        Assert.That(result.TotalCount, Is.LessThan(index.Search("", terms: [market]).TotalCount));
    }

    [Test]
    public void Status_and_license_facets_count_like_the_records()
    {
        var status = real.Listings.GroupBy(listing => listing.Status).OrderByDescending(g => g.Count()).First().Key;
        var license = real.Listings.GroupBy(listing => listing.License).OrderByDescending(g => g.Count()).First().Key;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(index.Search("", statuses: [status]).TotalCount, Is.EqualTo(real.Listings.Count(l => l.Status == status)));
            Assert.That(index.Search("", licenses: [license]).TotalCount, Is.EqualTo(real.Listings.Count(l => l.License == license)));
            Assert.That(index.Search("", statuses: [status], licenses: [license]).TotalCount,
                Is.EqualTo(real.Listings.Count(l => l.Status == status && l.License == license)));
        }
    }

    [TestCaseSource(typeof(HostileSearchInput), nameof(HostileSearchInput.Accepted))]
    public void Hostile_text_never_throws_and_stays_fast(string text)
    {
        var clock = Stopwatch.StartNew();
        Assert.That(() => index.Search(text), Throws.Nothing);
        Assert.That(() => index.Search(text, terms: [RealCatalog.FirstMarketId], release: ReleaseTable.Default.Newest, offset: 5), Throws.Nothing);
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
    }

    [TestCaseSource(typeof(HostileSearchInput), nameof(HostileSearchInput.TooLong))]
    public void Over_long_text_is_refused_as_input_error(string text)
    {
        Assert.That(() => index.Search(text), Throws.TypeOf<SearchInputException>());
    }

    [Test]
    public void Text_is_never_read_as_field_syntax()
    {
        using (Assert.EnterMultipleScope())
        {
            // "id:1" would be one listing if it were syntax; as words it is whatever mentions "id" and "1".
            Assert.That(index.Search("status:Beta").TotalCount, Is.EqualTo(index.Search("status Beta").TotalCount));
            Assert.That(index.Search("*").TotalCount, Is.Zero);
            Assert.That(index.Search("editor*").TotalCount, Is.EqualTo(index.Search("editor").TotalCount));
            Assert.That(index.Search("\"yaml editor").TotalCount, Is.EqualTo(index.Search("yaml editor").TotalCount));
        }
    }
}
