using System.Net;
using Catalog.Tests.Support;

namespace Catalog.Tests.Protocol;

/// <summary>Reads answers by the client's own rules (PROTOCOL.md "How the client reads a response").</summary>
public sealed class ClientReadingRulesTests : SeededCatalogFixture
{
    [Test]
    public async Task NodeByIdHoldsExactlyOneTopLevelNode()
    {
        var response = await GetAsync("/node/7/api/p");

        Assert.That(response.Root.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "node" }));
        Assert.That(response.Root.Element("node")!.Attribute("id")!.Value, Is.EqualTo("7"));
    }

    [Test]
    public async Task BatchNodeAnswerHoldsOnlyIdsThatWereAskedInTheirOrder()
    {
        var response = await GetAsync("/node/12,3,999999,7/api/p");

        var ids = response.TopLevel("node").Select(n => n.Attribute("id")!.Value);
        Assert.That(ids, Is.EqualTo(new[] { "12", "3", "7" }));
    }

    [TestCase("/recent/api/p")]
    [TestCase("/favorites/top/api/p")]
    [TestCase("/popular/top/api/p")]
    [TestCase("/featured/api/p")]
    [TestCase("/related/api/p?nodes=44")]
    public async Task ListsKeepTheirWrapperAndCountOnlyCompatibleListingsForAnOldClient(string path)
    {
        // Few seed listings support 3.6, and listing 44 shares nothing with others: the wrapper must be
        // there, and count must equal the nodes sent when fewer match than a list holds.
        var separator = path.Contains('?') ? '&' : '?';
        var response = await GetAsync(path + separator + "client=org.eclipse.epp.mpc.core&platform.version=3.6&os=win32");
        var wrapper = path.Split('/')[1];

        var element = response.Root.Element(wrapper);
        Assert.That(element, Is.Not.Null, response.Text);
        Assert.That(int.Parse(element!.Attribute("count")!.Value), Is.EqualTo(element.Elements("node").Count()));
    }

    [Test]
    public async Task SearchWithoutMatchesKeepsItsWrapper()
    {
        var response = await GetAsync("/api/p/search/apachesolr_search/zzqqxxnothing");

        Assert.That(response.Root.Element("search")!.Attribute("count")!.Value, Is.EqualTo("0"));
    }

    [TestCase("/recent/api/p", "recent")]
    [TestCase("/favorites/top/api/p", "favorites")]
    [TestCase("/popular/top/api/p", "popular")]
    [TestCase("/featured/api/p", "featured")]
    [TestCase("/related/api/p?nodes=1", "related")]
    public async Task ListCountIsTheNodesSentEvenWhenMoreMatch(string path, string wrapper)
    {
        // The real server counts the nodes it sends (captured answers: 6 for 6); a count of all matches makes
        // the client add a "N matches. Browse for more solutions." entry to the tab. Search keeps all matches.
        var response = await GetAsync(path);

        var list = response.Root.Element(wrapper)!;
        Assert.That(list.Elements("node").Count(), Is.GreaterThan(0), response.Text);
        Assert.That(int.Parse(list.Attribute("count")!.Value), Is.EqualTo(list.Elements("node").Count()));
    }

    [Test]
    public async Task RecentListSendsFewerNodesThanMatchSoItsCountIsNotTheMatchCount()
    {
        var recent = (await GetAsync("/recent/api/p")).Root.Element("recent")!;
        var search = (await GetAsync("/api/p/search/apachesolr_search/")).Root.Element("search")!;

        Assert.That(recent.Elements("node").Count(), Is.EqualTo(6));
        Assert.That(int.Parse(recent.Attribute("count")!.Value), Is.EqualTo(6));
        Assert.That(int.Parse(search.Attribute("count")!.Value), Is.EqualTo(46), "search still counts every match");
    }

    [Test]
    public async Task ClientListsHideCommercialListingsOfNonMembersAndUninstallableOnes()
    {
        // List counts are the nodes sent, so a list long enough to hold every listing shows what is hidden.
        await using var app = await CatalogApplication.StartAsync(new Dictionary<string, string?> { ["Catalog:Protocol:ListSize"] = "100" });
        var forClient = await ProtocolResponse.GetAsync(app.Client, "/favorites/top/api/p?client=org.eclipse.epp.mpc.core");
        var forOthers = await ProtocolResponse.GetAsync(app.Client, "/favorites/top/api/p");

        var clientCount = int.Parse(forClient.Root.Element("favorites")!.Attribute("count")!.Value);
        var otherCount = int.Parse(forOthers.Root.Element("favorites")!.Attribute("count")!.Value);
        Assert.That(otherCount, Is.EqualTo(46));
        Assert.That(clientCount, Is.LessThan(otherCount));
        foreach (var node in forClient.Root.Descendants("node"))
        {
            var commercial = node.Element("license")?.Value == "Commercial";
            Assert.That(!commercial || node.Element("foundationmember")!.Value == "1", node.Attribute("name")!.Value);
            Assert.That(node.Element("ius")?.Elements("iu").Any(), Is.True, $"{node.Attribute("name")!.Value} must be installable");
            Assert.That(Uri.TryCreate(node.Element("updateurl")?.Value, UriKind.Absolute, out _), Is.True);
        }
    }

    [Test]
    public async Task DatesAreEpochSecondsAndBooleansAreOneOrZero()
    {
        var node = (await GetAsync("/node/1/api/p")).Root.Element("node")!;

        var created = long.Parse(node.Element("created")!.Value);
        Assert.That(DateTimeOffset.FromUnixTimeSeconds(created).Year, Is.InRange(2015, 2026));
        Assert.That(node.Element("foundationmember")!.Value, Is.AnyOf("1", "0"));
    }

    [Test]
    public async Task ControlCharactersInTheDataNeverReachTheWire()
    {
        // seed-038 holds U+0007 and U+000B in its texts.
        var response = await GetAsync("/node/38/api/p");

        Assert.That(response.Body.Any(b => b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r'), Is.False);
        Assert.That(response.Root.Element("node")!.Element("shortdescription")!.Value, Is.Not.Empty);
    }

    [Test]
    public async Task TextThatLooksLikeCdataEndIsCarriedIntact()
    {
        var response = await GetAsync("/node/39/api/p");

        Assert.That(response.Root.Element("node")!.Element("body")!.Value, Does.Contain("]]>"));
    }

    [Test]
    public async Task PromotedListingsComeFirstInFeatured()
    {
        var response = await GetAsync("/featured/api/p");

        var first = response.Root.Element("featured")!.Elements("node").Take(2).Select(n => n.Element("shortdescription")!.Value);
        Assert.That(first, Has.All.StartWith("**Promoted**"));
    }

    [Test]
    public async Task FeaturedMarketTabIsTheLastWizardTab()
    {
        // The client's branding parser keeps capturing text after <featuredmarkettab>, so a tab written after
        // it would get its label glued to the featured one ("Spotlight You might also like").
        var response = await GetAsync("/catalogs/api/p");

        var wizards = response.Root.Descendants("wizard").Where(w => w.Element("featuredmarkettab") is not null).ToList();
        Assert.That(wizards, Is.Not.Empty);
        foreach (var wizard in wizards)
        {
            var tabs = wizard.Elements().Where(e => e.Name.LocalName.EndsWith("tab", StringComparison.Ordinal)).ToList();
            Assert.That(tabs.Count, Is.GreaterThan(1));
            Assert.That(tabs[^1].Name.LocalName, Is.EqualTo("featuredmarkettab"), wizard.ToString());
        }
    }

    [Test]
    public async Task TaxonomyResultIdIsThePairAsAsked()
    {
        var response = await GetAsync("/taxonomy/term/5%2C1/api/p");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Root.Element("category")!.Attribute("id")!.Value, Is.EqualTo("5,1"));
    }
}
