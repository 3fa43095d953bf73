using System.Net;
using System.Text.RegularExpressions;
using Catalog.Schema.Import;
using Catalog.Schema.Model;
using Catalog.Schema.Store;
using Catalog.Server.Indexing;
using Catalog.Tests.Support;
using Microsoft.Playwright;

namespace Catalog.Tests.Pages;

/// <summary>
/// The imported 2019 marketplace, read by a person: every listing's page answers and shows its name,
/// every category page answers, and a browser can search and open real listings.
/// </summary>
public sealed class RealCatalogPagesTests
{
    private CatalogApplication app = null!;
    private Chromium chromium = null!;
    private List<Listing> listings = null!;

    [OneTimeSetUp]
    public async Task ImportAndLaunch()
    {
        app = await CatalogApplication.StartAsync(seed: false);
        var import = await new Marketplace2019Reader().ReadAsync(ReferenceData.Marketplace2019);
        await app.Get<ICatalogContentWriter>().WriteAsync(import.Content, CancellationToken.None);
        await app.Get<SearchIndexFollower>().CatchUpAsync(CancellationToken.None);
        listings = [];
        await foreach (var listing in app.Get<ICatalogStore>().StreamAllListingsAsync(CancellationToken.None))
            listings.Add(listing);
        chromium = await Chromium.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (chromium is not null)
            await chromium.DisposeAsync();
        await app.DisposeAsync();
    }

    [Test]
    public async Task EveryListingHasAPageThatShowsItsNameAndVersions()
    {
        Assert.That(listings, Has.Count.EqualTo(1664));
        foreach (var listing in listings)
        {
            var path = "/content/" + Uri.EscapeDataString(listing.UrlTitle);
            var page = await HtmlPage.GetAsync(app.Client, path);

            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK), path);
            Assert.That(Collapse(page.Text("h1")), Is.EqualTo(Collapse(listing.Name)), path);
            Assert.That(page.Document.QuerySelectorAll(".versions tbody tr"), Has.Length.EqualTo(listing.Versions.Count), path);
            Assert.That(page.Document.QuerySelectorAll("main script, main iframe, main [style]"), Is.Empty, path);
        }
    }

    [Test]
    public async Task EveryMarketAndCategoryPageAnswers()
    {
        var home = await HtmlPage.GetAsync(app.Client, "/");
        var links = home.Document.QuerySelectorAll(".markets a").Select(a => a.GetAttribute("href")!).ToList();

        Assert.That(links, Has.Count.GreaterThan(40));
        foreach (var link in links)
        {
            var page = await HtmlPage.GetAsync(app.Client, link);
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK), link);
            Assert.That(page.Document.QuerySelectorAll(".listing-card"), Is.Not.Empty, link);
        }
    }

    [Test]
    public async Task APersonOpensRealListingsAndReadsTheirNames()
    {
        var chosen = new[]
        {
            listings.MinBy(l => l.Id)!,
            listings.MaxBy(l => l.Id)!,
            listings.MaxBy(l => l.InstallsTotal)!,
            listings.MaxBy(l => l.Versions.Count)!,
            listings.MaxBy(l => l.Body.Length)!,
        };
        var page = await chromium.NewPageAsync(app.BaseAddress);
        foreach (var listing in chosen.DistinctBy(l => l.Id))
        {
            var response = await page.GotoAsync("/node/" + listing.Id);

            Assert.That(response!.Status, Is.EqualTo(200));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Collapse(listing.Name));
            await Assertions.Expect(page.Locator(".versions tbody tr")).ToHaveCountAsync(listing.Versions.Count);
        }
        await Chromium.ScreenshotAsync(page, "real-listing");
    }

    [Test]
    public async Task APersonSearchesTheRealCatalogAndOpensAResult()
    {
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the catalog" }).FillAsync("git");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".results .listing-card")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "real-search");
        var first = page.Locator(".results .listing-card h3 a").First;
        var name = (await first.InnerTextAsync()).Trim();
        await first.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/content/"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
    }

    /// <summary>A browser shows runs of whitespace as one space.</summary>
    private static string Collapse(string text) => Regex.Replace(Server.Pages.PageText.Clean(text), @"\s+", " ").Trim();
}
