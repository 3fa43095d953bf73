using System.Net;
using Catalog.Tests.Support;

namespace Catalog.Tests.Protocol;

/// <summary>Every read endpoint of PROTOCOL.md on the seed catalog: status, wire rules, schema, golden XML.</summary>
public sealed class ProtocolEndpointsTests : SeededCatalogFixture
{
    private const string Client = "client=org.eclipse.epp.mpc.core&os=linux&platform.version=4.38";

    public static IEnumerable<TestCaseData> Endpoints()
    {
        (string Name, string Path)[] cases =
        [
            ("catalogs", "/catalogs/api/p"),
            ("root", "/api/p"),
            ("root-for-4.2-client", "/api/p?client=org.eclipse.epp.mpc.core&os=win32&platform.version=4.2"),
            ("node", "/node/10/api/p"),
            ("node-for-old-client", "/node/10/api/p?platform.version=4.4"),
            ("node-incompatible", "/node/29/api/p?" + Client),
            ("node-batch", "/node/24,1,999/api/p?" + Client),
            ("content-title", "/content/cobalt-test-runner/api/p?" + Client),
            ("taxonomy-category-market", "/taxonomy/term/5,1/api/p?" + Client),
            ("taxonomy-category", "/taxonomy/term/5/api/p"),
            ("taxonomy-market", "/taxonomy/term/1/api/p?" + Client),
            ("category-by-slug", "/category/categories/editors/api/p"),
            ("free-tagging", "/category/free-tagging/fileExtension_yaml,fileExtension_proto/api/p"),
            ("featured", "/featured/api/p?" + Client),
            ("featured-market", "/featured/1/api/p"),
            ("featured-market-category", "/featured/1,5/api/p"),
            ("recent", "/recent/api/p?" + Client),
            ("recent-any-client", "/recent/api/p"),
            ("favorites", "/favorites/top/api/p?" + Client),
            ("popular", "/popular/top/api/p?" + Client),
            ("related", "/related/api/p?nodes=10+24&" + Client),
            ("news", "/news/api/p"),
            ("search", "/api/p/search/apachesolr_search/editor?filters=tid:1&" + Client),
        ];
        return cases.Select(c => new TestCaseData(c.Name, c.Path).SetName($"Endpoint_{c.Name}"));
    }

    [TestCaseSource(nameof(Endpoints))]
    public async Task AnswersSchemaValidXmlMatchingItsApprovedFile(string name, string path)
    {
        var response = await GetAsync(path);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Text);
        Approvals.Verify(Normalize(response.Text), name);
    }

    [Test]
    public async Task ServesFavoritesAndPopularAtBothPaths()
    {
        foreach (var (shortPath, topPath) in new[] { ("/favorites/api/p", "/favorites/top/api/p"), ("/popular/api/p", "/popular/top/api/p") })
        {
            var a = await GetAsync(shortPath);
            var b = await GetAsync(topPath);
            Assert.That(a.Text, Is.EqualTo(b.Text), shortPath);
        }
    }

    [Test]
    public async Task ServesCategoryResultAtTheUrlGivenInTheRootListing()
    {
        var root = await GetAsync("/api/p");
        var categoryUrl = root.Root.Elements("market").First().Elements("category").First().Attribute("url")!.Value;

        var response = await GetAsync(new Uri(categoryUrl).PathAndQuery + "/api/p");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.TopLevel("category"), Has.Count.EqualTo(1));
    }
}
