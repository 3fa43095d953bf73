using System.Net;
using AngleSharp.Dom;
using Catalog.Schema.Store;
using Catalog.Server.Pages;
using Catalog.Tests.Support;

namespace Catalog.Tests.Pages;

/// <summary>The web pages over plain HTTP: status, well-formed HTML, security headers, what a person reads.</summary>
public sealed class PagesTests : PageFixture
{
    /// <summary>Every kind of page, as a browser would ask for it.</summary>
    public static readonly string[] PagePaths =
    [
        "/",
        "/node/1",
        "/content/tidewater-yaml-editor",
        "/content/polyglot-resource-bundle-editor",
        "/taxonomy/term/5",
        "/taxonomy/term/5,1",
        "/taxonomy/term/5%2C1",
        "/taxonomy/term/1",
        "/category/categories/editors",
        "/category/markets/tools",
        "/category/free-tagging/yaml",
        "/category/free-tagging/yaml,toml",
        "/category/free-tagging/no-such-tag",
        "/featured",
        "/featured/1",
        "/featured/1,5",
        "/recent",
        "/favorites",
        "/favorites/top",
        "/popular",
        "/popular/top",
        "/related?nodes=1+2",
        "/news",
        "/search/apachesolr_search/yaml",
        "/search/apachesolr_search/yaml?page_num=1",
        "/search/apachesolr_search/editor?filters=tid:1%20sm_field_licensetype:%22EPL%202.0%22",
        "/search/apachesolr_search?q=rust",
        "/search/apachesolr_search",
        "/search/apachesolr_search/no-such-thing-anywhere",
        "/search/site/yaml",
        "/marketplace-client-intro",
        "/marketplace-client-intro?mpc_install=1",
        "/mpc/install?mpc_install=1",
        "/content/hostile-listing",
        "/search/apachesolr_search/hostile",
        "/node/1?platform.version=4.14",
    ];

    [TestCaseSource(nameof(PagePaths))]
    public async Task AnswersWellFormedHtmlWithASecurityPolicy(string path)
    {
        var page = await GetAsync(path);

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK), page.Html);
        AssertSecurityHeaders(page, path);
        Assert.That(page.Html, Does.StartWith("<!DOCTYPE html>"));
    }

    [TestCaseSource(nameof(PagePaths))]
    public async Task AnswersHeadLikeGetWithoutABody(string path)
    {
        using var head = await App.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        var body = await head.Content.ReadAsByteArrayAsync();

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        Assert.That(head.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(body, Is.Empty);
    }

    [TestCaseSource(nameof(PagePaths))]
    public async Task IsBuiltForEveryone(string path)
    {
        var page = await GetAsync(path);
        var document = page.Document;

        Assert.That(document.DocumentElement.GetAttribute("lang"), Is.EqualTo("en"));
        Assert.That(document.Title, Is.Not.Empty);
        Assert.That(document.QuerySelector("meta[name=viewport]"), Is.Not.Null);
        foreach (var landmark in new[] { "header", "nav", "main", "footer" })
            Assert.That(document.QuerySelectorAll(landmark), Is.Not.Empty, $"{path}: <{landmark}>");
        Assert.That(document.QuerySelectorAll("h1"), Has.Length.EqualTo(1), path);
        AssertHeadingsInOrder(document, path);
        foreach (var image in document.QuerySelectorAll("img"))
            Assert.That(image.HasAttribute("alt"), Is.True, $"{path}: {image.OuterHtml}");
        foreach (var input in document.QuerySelectorAll("input:not([type=hidden])"))
        {
            var id = input.GetAttribute("id");
            Assert.That(id is not null && document.QuerySelector($"label[for='{id}']") is not null, Is.True, $"{path}: unlabelled {input.OuterHtml}");
        }
        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.That(ids, Is.Unique, path);
        Assert.That(document.QuerySelectorAll("script"), Is.Empty, $"{path}: pages need no script");
    }

    [TestCase("/node/999999", HttpStatusCode.NotFound)]
    [TestCase("/content/no-such-listing", HttpStatusCode.NotFound)]
    [TestCase("/taxonomy/term/999999", HttpStatusCode.NotFound)]
    [TestCase("/taxonomy/term/5,999999", HttpStatusCode.NotFound)]
    [TestCase("/category/categories/no-such-category", HttpStatusCode.NotFound)]
    [TestCase("/category/markets/no-such-market", HttpStatusCode.NotFound)]
    [TestCase("/featured/999999", HttpStatusCode.NotFound)]
    [TestCase("/no/such/page", HttpStatusCode.NotFound)]
    [TestCase("/taxonomy/term/5?page_num=99", HttpStatusCode.NotFound)]
    [TestCase("/node/abc", HttpStatusCode.BadRequest)]
    [TestCase("/node/0", HttpStatusCode.BadRequest)]
    [TestCase("/node/-5", HttpStatusCode.BadRequest)]
    [TestCase("/node/1,2", HttpStatusCode.BadRequest)]
    [TestCase("/node/99999999999999999999", HttpStatusCode.BadRequest)]
    [TestCase("/node/%zz", HttpStatusCode.BadRequest)]
    [TestCase("/taxonomy/term/x", HttpStatusCode.BadRequest)]
    [TestCase("/taxonomy/term/1,2,3", HttpStatusCode.BadRequest)]
    [TestCase("/taxonomy/term/5?page_num=abc", HttpStatusCode.BadRequest)]
    [TestCase("/related", HttpStatusCode.BadRequest)]
    [TestCase("/related?nodes=1+two", HttpStatusCode.BadRequest)]
    [TestCase("/search/apachesolr_search/x?page_num=abc", HttpStatusCode.BadRequest)]
    [TestCase("/search/apachesolr_search/x?page_num=99999999999", HttpStatusCode.BadRequest)]
    [TestCase("/search/apachesolr_search/x?filters=tid:abc", HttpStatusCode.BadRequest)]
    [TestCase("/marketplace-client-intro?mpc_install=abc", HttpStatusCode.BadRequest)]
    public async Task AnswersAnHtmlErrorPage(string path, HttpStatusCode expected)
    {
        var page = await GetAsync(path);

        Assert.That(page.Status, Is.EqualTo(expected), page.Html);
        AssertSecurityHeaders(page, path);
        Assert.That(page.Text("h1"), Is.EqualTo(expected == HttpStatusCode.NotFound ? "Not found" : "Bad request"));
        Assert.That(page.Document.QuerySelector("a[href='/']"), Is.Not.Null, "the way home");
    }

    [Test]
    public async Task SearchTextOverTheLimitIsA400Page()
    {
        var page = await GetAsync("/search/apachesolr_search?q=" + new string('a', 5000));

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page.Text("main p"), Does.Contain("1000 characters"));
    }

    [TestCase("play!")]
    [TestCase("%22unbalanced")]
    [TestCase("a:b")]
    [TestCase("*")]
    [TestCase("AND")]
    [TestCase("%F0%9F%98%80")]
    [TestCase("100%25")]
    [TestCase("%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task AnyTypedTextIsASearchNeverAnError(string text)
    {
        var page = await GetAsync("/search/apachesolr_search?q=" + text);

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Document.QuerySelector("#search-page-text")!.GetAttribute("value"), Is.EqualTo(Uri.UnescapeDataString(text)));
    }

    [Test]
    public async Task UnknownPathsOutsidePagesKeepTheirOwnFormat()
    {
        var xml = await App.Client.GetAsync("/no/such/page/api/p");

        Assert.That(xml.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(xml.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/xml"));
    }

    [Test]
    public async Task HomeShowsMarketsWithCategoryCountsAndTheLists()
    {
        var page = await GetAsync("/");
        var markets = await App.Get<ICatalogStore>().GetMarketsAsync(CancellationToken.None);
        var root = System.Xml.Linq.XDocument.Parse(await App.Client.GetStringAsync("/api/p"));

        Assert.That(page.Document.QuerySelectorAll(".market h3").Select(h => h.TextContent.Trim()), Is.EqualTo(markets.Select(m => m.Name)));
        // The same market/category pairs with the same counts as /api/p: a listing filed under a category of
        // another market does not add that category to this one (the page showed 36 pairs where /api/p had 27).
        var shown = page.Document.QuerySelectorAll(".market").SelectMany(m => m.QuerySelectorAll(".terms li").Select(li =>
            $"{m.QuerySelector("h3")!.TextContent.Trim()}/{li.QuerySelector("a")!.TextContent.Trim()}={li.QuerySelector(".count")!.FirstChild!.TextContent}"));
        var served = root.Descendants("market").SelectMany(m => m.Elements("category").Select(c =>
            $"{(string)m.Attribute("name")!}/{(string)c.Attribute("name")!}={(string)c.Attribute("count")!}"));
        Assert.That(shown, Is.EquivalentTo(served));
        Assert.That(page.Document.QuerySelectorAll(".market .count .visually-hidden").Select(h => h.TextContent.Trim()),
            Has.All.EqualTo("listings").Or.EqualTo("listing"));
        var ones = page.Document.QuerySelectorAll(".market .count").Where(c => c.FirstChild!.TextContent == "1").Select(c => c.TextContent).ToList();
        Assert.That(ones, Is.Not.Empty, "the demo catalog has categories holding one listing");
        Assert.That(ones, Has.All.EqualTo("1 listing"), "one listing, not \"1 listings\"");
        Assert.That(page.Document.QuerySelectorAll("section[aria-labelledby=featured-title] .listing-card"), Has.Length.EqualTo(6));
        Assert.That(page.Document.QuerySelectorAll("section[aria-labelledby=recent-title] .listing-card"), Has.Length.EqualTo(6));
        Assert.That(page.Document.QuerySelectorAll("section[aria-labelledby=popular-title] .listing-card"), Has.Length.EqualTo(6));
        Assert.That(page.Text("section[aria-labelledby=featured-title] .badge"), Is.EqualTo("Promoted"), "promoted marker shown as a badge");
        Assert.That(page.Html, Does.Not.Contain("**Promoted**"));
    }

    [Test]
    public async Task NodePageShowsEveryVersionWithItsReleasesAndTheInstallLink()
    {
        var page = await GetAsync("/node/1");
        var listing = (await App.Get<ICatalogStore>().GetListingAsync(1, CancellationToken.None))!;

        Assert.That(page.Text("h1"), Is.EqualTo(listing.Name));
        Assert.That(page.Document.Title, Does.StartWith(listing.Name));
        var install = page.Document.QuerySelector("a.install-link")!;
        Assert.That(install.GetAttribute("href"), Is.EqualTo($"{App.BaseAddress.GetLeftPart(UriPartial.Authority)}/marketplace-client-intro?mpc_install=1"));
        var rows = page.Document.QuerySelectorAll(".versions tbody tr");
        Assert.That(rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()), Is.EqualTo(listing.Versions.Select(v => v.Version)));
        Assert.That(rows.Select(r => r.Children[1].TextContent.Trim()),
            Is.EqualTo(new[] { "4.2 (Juno) – 4.8 (Photon)", "4.9 (2018-09) – 4.19 (2021-03)", "4.20 (2021-06) – 4.38 (2025-12)" }));
        Assert.That(page.Document.QuerySelectorAll(".versions .badge"), Is.Empty, "no release asked, so no version is marked");
        Assert.That(page.Text(".body"), Does.Contain("Anchors & aliases resolved in hovers"));
        Assert.That(page.Document.QuerySelector(".screenshot img")!.GetAttribute("alt"), Is.EqualTo("Screenshot of " + listing.Name));
        Assert.That(page.Document.QuerySelectorAll(".tags a").Select(a => a.TextContent), Is.EqualTo(listing.Tags.Select(t => t.Name)));
        Assert.That(page.Text(".ide-setup pre"), Does.Contain(
            $"-Dorg.eclipse.epp.internal.mpc.core.service.MarketplaceService.url={App.BaseAddress.GetLeftPart(UriPartial.Authority)}"));
        Assert.That(page.Document.QuerySelector("link[rel=alternate]")!.GetAttribute("href"), Is.EqualTo("/node/1/api/p"));
    }

    [Test]
    public async Task NodePageMarksTheVersionAnIdeOfTheAskedReleaseGets()
    {
        var page = await GetAsync("/node/1?platform.version=4.14");

        var chosen = page.Document.QuerySelectorAll(".versions tbody tr.chosen");
        Assert.That(chosen.Select(r => r.QuerySelector("th")!.TextContent.Replace("chosen", "").Trim()), Is.EqualTo(new[] { "2.6.0" }));
    }

    [Test]
    public async Task ListingWithoutInstallableVersionOffersNoInstallLink()
    {
        var page = await GetAsync("/content/" + await UrlTitleOf("seed-036"));

        Assert.That(page.Document.QuerySelector("a.install-link"), Is.Null);
        Assert.That(page.Text(".install"), Does.Contain("no version"));
    }

    [Test]
    public async Task TitleAndIdNameTheSamePage()
    {
        var byId = await GetAsync("/node/1");
        var byTitle = await GetAsync("/content/tidewater-yaml-editor");

        Assert.That(byTitle.Text("main"), Is.EqualTo(byId.Text("main")));
    }

    [Test]
    public async Task CategoryInMarketShowsOnlyThatPairsListings()
    {
        var store = App.Get<ICatalogStore>();
        var counts = await store.CountByMarketAndCategoryAsync(ListingFilter.None, CancellationToken.None);
        var pair = counts.First(c => c.Count > 1);

        var page = await GetAsync($"/taxonomy/term/{pair.CategoryId},{pair.MarketId}");

        Assert.That(page.Document.QuerySelectorAll(".listing-card"), Has.Length.EqualTo(pair.Count));
        Assert.That(page.Text("#listings-title"), Is.EqualTo($"{pair.Count} listings"));
    }

    [Test]
    public async Task SearchShowsResultsFacetsWithCountsAndActiveFilters()
    {
        var all = await GetAsync("/search/apachesolr_search/editor");
        var marketFacet = all.Document.QuerySelectorAll(".facets a").First(a => a.GetAttribute("href")!.Contains("filters=tid", StringComparison.Ordinal));
        var expected = int.Parse(marketFacet.NextElementSibling!.FirstChild!.TextContent);

        var narrowed = await GetAsync(marketFacet.GetAttribute("href")!);

        Assert.That(narrowed.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(narrowed.Document.QuerySelectorAll(".results .listing-card"), Has.Length.EqualTo(Math.Min(expected, 10)));
        Assert.That(narrowed.Text("#results-title"), Does.StartWith(expected == 1 ? "1 result" : $"{expected} results"));
        var remove = narrowed.Document.QuerySelector(".active-filters a")!;
        Assert.That(remove.TextContent, Does.Contain(marketFacet.TextContent));
        Assert.That(remove.GetAttribute("href"), Is.EqualTo("/search/apachesolr_search/editor"));
        Assert.That(narrowed.Document.QuerySelector("#search-page-text")!.GetAttribute("value"), Is.EqualTo("editor"));
        Assert.That(narrowed.Document.QuerySelector("input[name=filters]")!.GetAttribute("value"), Does.StartWith("tid:"));
        var groups = (HtmlPage p) => p.Document.QuerySelectorAll(".facets h3").Select(h => h.TextContent).ToList();
        Assert.That(groups(all), Does.Not.Contain("Category"), "categories are offered once a market narrows them");
        Assert.That(groups(narrowed), Does.Contain("Category").And.Contain("Market").And.Contain("License"));
    }

    [Test]
    public async Task SearchPagesThroughResultsTenAtATime()
    {
        var first = await GetAsync("/search/apachesolr_search");
        var next = first.Document.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;

        var second = await GetAsync(next);

        Assert.That(next, Is.EqualTo("/search/apachesolr_search?page_num=2"));
        Assert.That(first.Document.QuerySelectorAll(".results .listing-card"), Has.Length.EqualTo(10));
        Assert.That(second.Document.QuerySelectorAll(".results .listing-card"), Has.Length.EqualTo(10));
        var firstNames = first.Document.QuerySelectorAll(".listing-card h3").Select(h => h.TextContent);
        var secondNames = second.Document.QuerySelectorAll(".listing-card h3").Select(h => h.TextContent);
        Assert.That(firstNames.Intersect(secondNames), Is.Empty);
        Assert.That(second.Document.QuerySelector(".pager a[aria-current=page]")!.TextContent, Is.EqualTo("2"));
    }

    [Test]
    public async Task HostileListingIsShownAsTextAndRunsNothing()
    {
        var page = await GetAsync("/content/" + HostileListing.UrlTitle);
        var document = page.Document;

        Assert.That(page.Text("h1"), Is.EqualTo(HostileListing.Name), "the name is shown as typed, not interpreted");
        Assert.That(document.QuerySelectorAll("script, iframe, object, embed, svg, math, style, base, form[action^=javascript]"), Is.Empty);
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.That(attribute.Name, Does.Not.StartWith("on"), element.OuterHtml);
                Assert.That(attribute.Value, Does.Not.Contain("javascript:").IgnoreCase, element.OuterHtml);
            }
        }
        var links = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        foreach (var link in links)
            Assert.That(link.StartsWith('/') || link == "#main" || SafeUrl.IsHttp(link), Is.True, link);
        Assert.That(document.QuerySelector(".logo"), Is.Null, "a javascript: logo is not shown");
        Assert.That(document.QuerySelector(".screenshot"), Is.Null, "a data: screenshot is not shown");
        Assert.That(page.Text(".body"), Does.Contain("Visible introduction.").And.Contain("safe link").And.Contain("unclosed item"));
        Assert.That(document.QuerySelector(".body a[href='https://example.com/safe']")!.GetAttribute("rel"), Is.EqualTo("nofollow noopener"));
    }

    [Test]
    public async Task StylesheetIsServedOnceAndCachedByVersion()
    {
        var home = await GetAsync("/");
        var href = home.Document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        var css = await App.Client.GetAsync(href);
        using var again = new HttpRequestMessage(HttpMethod.Get, href);
        again.Headers.IfNoneMatch.Add(css.Headers.ETag!);
        var cached = await App.Client.SendAsync(again);

        Assert.That(href, Does.Match(@"^/assets/site\.css\?v=[0-9a-f]{12}$"));
        Assert.That(css.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/css; charset=utf-8"));
        Assert.That(await css.Content.ReadAsStringAsync(), Does.Contain("@media"));
        Assert.That(css.Headers.CacheControl!.ToString(), Does.Contain("immutable"));
        Assert.That(cached.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task XmlTwinsAreUntouchedByThePages()
    {
        var node = await App.Client.GetAsync("/node/1/api/p");
        var search = await App.Client.GetAsync("/api/p/search/apachesolr_search/yaml");

        Assert.That(node.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/xml"));
        Assert.That(search.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/xml"));
        Assert.That(node.Headers.Contains("Content-Security-Policy"), Is.False);
    }

    private async Task<string> UrlTitleOf(string key)
    {
        await foreach (var listing in App.Get<ICatalogStore>().StreamAllListingsAsync(CancellationToken.None))
        {
            if (listing.ExternalKey == key)
                return listing.UrlTitle;
        }
        throw new InvalidOperationException(key);
    }

    private static void AssertSecurityHeaders(HtmlPage page, string path)
    {
        var csp = page.Header("Content-Security-Policy");
        Assert.That(csp, Is.EqualTo(PageSecurityHeaders.ContentSecurityPolicy), path);
        Assert.That(csp, Does.Contain("default-src 'none'").And.Not.Contain("script-src").And.Not.Contain("unsafe"), path);
        Assert.That(page.Header("X-Content-Type-Options"), Is.EqualTo("nosniff"), path);
    }

    /// <summary>h1 first, and no heading more than one level below the one before it.</summary>
    private static void AssertHeadingsInOrder(IDocument document, string path)
    {
        var levels = document.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
        Assert.That(levels, Is.Not.Empty, path);
        Assert.That(levels[0], Is.EqualTo(1), $"{path}: first heading");
        for (var i = 1; i < levels.Count; i++)
            Assert.That(levels[i], Is.LessThanOrEqualTo(levels[i - 1] + 1), $"{path}: heading {i} jumps from h{levels[i - 1]} to h{levels[i]}");
    }
}
