using System.Text.RegularExpressions;
using Catalog.Schema.Store;
using Catalog.Tests.Support;
using Microsoft.Playwright;

namespace Catalog.Tests.Pages;

/// <summary>
/// A person in a real browser (headless Chromium) on the seed catalog: home, a category, search, a facet,
/// a listing, the keyboard, a phone, and a listing whose description tries to run script.
/// </summary>
public sealed class PagesInBrowserTests : PageFixture
{
    /// <summary>Records what a page tried that its Content-Security-Policy refused; injected by the browser, not the page.</summary>
    private const string CspRecorder =
        "window.cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

    private Chromium chromium = null!;

    [OneTimeSetUp]
    public async Task LaunchBrowser() => chromium = await Chromium.LaunchAsync();

    [OneTimeTearDown]
    public async Task CloseBrowser()
    {
        if (chromium is not null)
            await chromium.DisposeAsync();
    }

    [Test]
    public async Task HomeShowsMarketsCategoriesAndTheLists()
    {
        var page = await OpenAsync("/");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Lanternfish Solutions Catalog");
        await Expect(page.Locator(".market h3")).ToHaveCountAsync(4);
        await Expect(page.Locator("section[aria-labelledby=featured-title] .listing-card")).ToHaveCountAsync(6);
        await Expect(page.Locator(".ide-setup pre")).ToContainTextAsync("MarketplaceService.url=" + Origin);
        await Chromium.ScreenshotAsync(page, "home");
        await Chromium.ScreenshotAsync(page, "home-viewport", fullPage: false);
        await AssertNoCspViolationsAsync(page);
    }

    [Test]
    public async Task FollowingACategoryShowsItsListings()
    {
        var page = await OpenAsync("/");
        var tools = page.Locator(".market", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Tools" }) });
        var editors = tools.GetByRole(AriaRole.Link, new() { Name = "Editors", Exact = true });
        var count = int.Parse(await editors.Locator("xpath=following-sibling::span[@class='count']").First.InnerTextAsync() is var t ? new string(t.TakeWhile(char.IsDigit).ToArray()) : "0");

        await editors.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/taxonomy/term/\d+,\d+$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Editors in Tools");
        await Expect(page.Locator(".listing-card")).ToHaveCountAsync(count);
        await Chromium.ScreenshotAsync(page, "category");
    }

    [Test]
    public async Task SearchingFromTheBoxThenNarrowingByAFacet()
    {
        var page = await OpenAsync("/");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the catalog" }).FillAsync("editor");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex(@"/search/apachesolr_search\?q=editor$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Search: editor");
        var before = await page.Locator(".results .listing-card").CountAsync();
        Assert.That(before, Is.GreaterThan(1));

        var facets = page.GetByRole(AriaRole.Navigation, new() { Name = "Narrow down" });
        var license = facets.Locator("h3:text-is('License') + ul a").First;
        var licenseName = (await license.InnerTextAsync()).Trim();
        var expected = int.Parse(await license.Locator("xpath=following-sibling::span[@class='count']").InnerTextAsync() is var c ? new string(c.TakeWhile(char.IsDigit).ToArray()) : "0");
        await license.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("filters=sm_field_licensetype"));
        await Expect(page.Locator(".active-filters a")).ToContainTextAsync("License: " + licenseName);
        await Expect(page.Locator(".results .listing-card")).ToHaveCountAsync(Math.Min(expected, 10));
        await Expect(page.Locator("#results-title")).ToContainTextAsync(expected == 1 ? "1 result" : $"{expected} results");
        await Chromium.ScreenshotAsync(page, "search");
        await AssertNoCspViolationsAsync(page);
    }

    [Test]
    public async Task OpeningAListingShowsWhatAPersonNeedsToInstallIt()
    {
        var page = await OpenAsync("/search/apachesolr_search/tidewater");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tidewater YAML Editor" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/content/tidewater-yaml-editor$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tidewater YAML Editor");
        await Expect(page).ToHaveTitleAsync("Tidewater YAML Editor · Lanternfish Solutions Catalog");
        var install = page.GetByRole(AriaRole.Link, new() { Name = "Install Tidewater YAML Editor" });
        await Expect(install).ToHaveAttributeAsync("href", $"{Origin}/marketplace-client-intro?mpc_install=1");
        var versions = page.GetByRole(AriaRole.Table);
        await Expect(versions.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(versions.Locator("tbody tr").Nth(2)).ToContainTextAsync("4.20 (2021-06) – 4.38 (2025-12)");
        await Expect(page.Locator(".description li")).ToHaveCountAsync(3);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "user guide" })).ToHaveAttributeAsync("rel", "nofollow noopener");
        await Chromium.ScreenshotAsync(page, "node");
        await AssertNoCspViolationsAsync(page);
    }

    [Test]
    public async Task OnAPhoneNothingIsWiderThanTheScreen()
    {
        foreach (var path in new[] { "/", "/content/tidewater-yaml-editor", "/search/apachesolr_search/editor" })
        {
            var page = await OpenAsync(path, phone: true);

            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            Assert.That(overflow, Is.LessThanOrEqualTo(0), path);
            await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the catalog" })).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, path == "/" ? "phone-home" : "phone" + path.Replace('/', '-'));
        }
    }

    [Test]
    public async Task KeyboardAloneReachesTheSearchBoxAndSearches()
    {
        var page = await OpenAsync("/");

        await page.Keyboard.PressAsync("Tab");
        Assert.That(await page.EvaluateAsync<string>("document.activeElement.textContent"), Is.EqualTo("Skip to content"));
        var presses = 1;
        while (await page.EvaluateAsync<string>("document.activeElement.id") != "search-text" && presses < 5)
        {
            await page.Keyboard.PressAsync("Tab");
            presses++;
        }

        Assert.That(await page.EvaluateAsync<string>("document.activeElement.id"), Is.EqualTo("search-text"), "reached within a few Tab presses");
        Assert.That(await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"), Is.Not.EqualTo("none"), "focus is visible");
        await page.Keyboard.TypeAsync("rust");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Search: rust");
        await Expect(page.Locator(".results .listing-card").First).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "keyboard-search");
    }

    [Test]
    public async Task SkipLinkMovesFocusToTheContent()
    {
        var page = await OpenAsync("/");

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        Assert.That(await page.EvaluateAsync<string>("document.activeElement.id"), Is.EqualTo("main"));
    }

    /// <summary>
    /// With the browser told to ignore the page's Content-Security-Policy, only the sanitizer stands between
    /// the description and the visitor: no attempt may set the flag, even after hovering and waiting for
    /// every image to fail.
    /// </summary>
    [Test]
    public async Task HostileDescriptionRunsNoScriptEvenWithoutThePolicy()
    {
        var page = await OpenAsync("/content/" + HostileListing.UrlTitle, bypassCsp: true);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator(".body p").First.HoverAsync();
        await page.Locator("h1").HoverAsync();

        Assert.That(await page.EvaluateAsync<string>($"typeof window.{HostileListing.Flag}"), Is.EqualTo("undefined"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(HostileListing.Name);
        var tags = await page.EvaluateAsync<string[]>("[...new Set([...document.querySelectorAll('.body *')].map(e => e.localName))]");
        Assert.That(tags, Is.SubsetOf(new[] { "p", "br", "ul", "ol", "li", "b", "strong", "i", "em", "code", "pre", "a", "h3", "h4", "h5", "h6", "blockquote" }));
        var handlers = await page.EvaluateAsync<int>("[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length");
        Assert.That(handlers, Is.Zero);
        await Chromium.ScreenshotAsync(page, "hostile");
    }

    [Test]
    public async Task HostileDescriptionTriggersNoPolicyViolation()
    {
        var page = await OpenAsync("/content/" + HostileListing.UrlTitle);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.That(await page.EvaluateAsync<string>($"typeof window.{HostileListing.Flag}"), Is.EqualTo("undefined"));
        await AssertNoCspViolationsAsync(page);
    }

    [Test]
    public async Task CountsOnTheHomePageMatchTheStore()
    {
        var page = await OpenAsync("/");
        var store = App.Get<ICatalogStore>();
        var counts = await store.CountByMarketAndCategoryAsync(ListingFilter.None, CancellationToken.None);
        var categories = await store.GetCategoriesAsync(CancellationToken.None);
        var inTheirMarkets = counts.Where(c => categories.Any(k => k.Id == c.CategoryId && k.MarketIds.Contains(c.MarketId)));

        var shown = await page.Locator(".market .count").AllInnerTextsAsync();

        Assert.That(shown.Sum(s => int.Parse(new string(s.TakeWhile(char.IsDigit).ToArray()))), Is.EqualTo(inTheirMarkets.Sum(c => c.Count)));
    }

    private string Origin => App.BaseAddress.GetLeftPart(UriPartial.Authority);

    private async Task<IPage> OpenAsync(string path, bool phone = false, bool bypassCsp = false)
    {
        var page = await chromium.NewPageAsync(App.BaseAddress, phone, bypassCsp);
        await page.AddInitScriptAsync(CspRecorder);
        var response = await page.GotoAsync(path);
        Assert.That(response!.Status, Is.EqualTo(200), path);
        return page;
    }

    private static async Task AssertNoCspViolationsAsync(IPage page) =>
        Assert.That(await page.EvaluateAsync<string[]>("window.cspViolations"), Is.Empty, "the page broke its own policy");

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);
}
