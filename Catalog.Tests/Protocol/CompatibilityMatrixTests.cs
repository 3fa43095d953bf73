using Catalog.Tests.Support;

namespace Catalog.Tests.Protocol;

/// <summary>
/// Version choice over HTTP. Seed listing 10 (cobalt-test-runner) has four versions: 1.5.3 for 3.7–4.4,
/// 2.8.0 for 4.5–4.12, 3.3.0 for 4.13–4.24, 4.0.2 for 4.25–4.40. Listing 24 has two 2.4.0 versions
/// for 4.12–4.40 that differ only by OS.
/// </summary>
public sealed class CompatibilityMatrixTests : SeededCatalogFixture
{
    private const string Incompatible = "-";

    [TestCase("", "4.0.2")]
    [TestCase("platform.version=3.7", "1.5.3")]
    [TestCase("platform.version=4.4", "1.5.3")]
    [TestCase("platform.version=4.0", "1.5.3")]
    [TestCase("platform.version=4.1", "1.5.3")]
    [TestCase("platform.version=4.1.2.v20111011", "1.5.3")]
    [TestCase("platform.version=3.9", "1.5.3")]
    [TestCase("platform.version=4.4.2.v20150204-1700", "1.5.3")]
    [TestCase("platform.version=4.5", "2.8.0")]
    [TestCase("platform.version=4.12.0", "2.8.0")]
    [TestCase("platform.version=4.13", "3.3.0")]
    [TestCase("platform.version=4.24", "3.3.0")]
    [TestCase("platform.version=4.25", "4.0.2")]
    [TestCase("platform.version=4.38", "4.0.2")]
    [TestCase("platform.version=4.41", "4.0.2")]
    [TestCase("platform.version=3.5", Incompatible)]
    [TestCase("platform.version=3.6", Incompatible)]
    [TestCase("platform.version=nonsense", "4.0.2")]
    [TestCase("runtime.version=3.10.0.v20140318-2214", "1.5.3")]
    [TestCase("runtime.version=3.12.0.v20160606-1342", "2.8.0")]
    [TestCase("runtime.version=3.15.300.v20190508-0543", "2.8.0")]
    [TestCase("runtime.version=3.17.0.v20191122-2104", "3.3.0")]
    [TestCase("runtime.version=3.33.0.v20250206-0919", "4.0.2")]
    [TestCase("runtime.version=3.6.0.v20100505", Incompatible)]
    [TestCase("runtime.version=9.9", "4.0.2")]
    [TestCase("platform.version=4.5&runtime.version=3.33.0.v20250206-0919", "2.8.0")]
    [TestCase("platform.version=&runtime.version=3.10.0", "1.5.3")]
    [TestCase("os=win32&platform.version=4.20", "3.3.0")]
    public async Task ChoosesTheVersionForTheClientsRelease(string query, string expected)
    {
        var node = (await GetAsync("/node/10/api/p?client=org.eclipse.epp.mpc.core&" + query)).Root.Element("node")!;

        if (expected == Incompatible)
        {
            Assert.That(node.Element("updateurl"), Is.Null, "an incompatible node loses its update site");
            Assert.That(node.Element("ius"), Is.Null, "an incompatible node loses its features");
            Assert.That(node.Element("shortdescription"), Is.Not.Null, "but keeps its details");
        }
        else
        {
            Assert.That(node.Element("version")?.Value, Is.EqualTo(expected));
            Assert.That(node.Element("updateurl")!.Value, Does.StartWith("https://example.com/updates/cobalt/" + expected[0]));
            Assert.That(node.Element("ius")!.Elements("iu"), Is.Not.Empty);
        }
    }

    [TestCase("win32", "https://example.com/updates/pinecone/win32/")]
    [TestCase("linux", "https://example.com/updates/pinecone/unix/")]
    [TestCase("macosx", "https://example.com/updates/pinecone/unix/")]
    public async Task OsDecidesBetweenVersionsThatDifferOnlyByOs(string os, string updateSite)
    {
        var node = (await GetAsync($"/node/24/api/p?platform.version=4.30&os={os}")).Root.Element("node")!;

        Assert.That(node.Element("updateurl")!.Value, Is.EqualTo(updateSite));
    }

    [TestCase("4.2", true)]
    [TestCase("4.4", true)]
    [TestCase("4.5", false)]
    [TestCase("4.38", false)]
    public async Task ListsLeaveOutListingsWithNoCompatibleVersion(string release, bool oldListingListed)
    {
        // Listing 29 supports 3.5–4.4 only.
        var response = await GetAsync($"/taxonomy/term/{await CategoryOfListing29()}/api/p?platform.version={release}");

        var ids = response.Root.Element("category")!.Elements("node").Select(n => n.Attribute("id")!.Value).ToList();
        Assert.That(ids.Contains("29"), Is.EqualTo(oldListingListed));
        Assert.That(int.Parse(response.Root.Element("category")!.Attribute("count")!.Value), Is.EqualTo(ids.Count));
    }

    [TestCase("4.0")]
    [TestCase("4.1")]
    public async Task AReleaseBetweenShippedOnesIsFilteredAsTheNextShippedOne(string release)
    {
        // ECLIPSE-RELEASES.md rule 4: e4's 4.0 and 4.1 are development lines of Juno 4.2, so listings that need
        // 4.8 are not offered to them.
        var between = await SearchAsync($"platform.version={release}");
        var juno = await SearchAsync("platform.version=4.2");
        var unfiltered = await SearchAsync("");

        Assert.That(between.ToString(), Is.EqualTo(juno.ToString()));
        Assert.That(int.Parse(between.Attribute("count")!.Value), Is.LessThan(int.Parse(unfiltered.Attribute("count")!.Value)));
    }

    private async Task<System.Xml.Linq.XElement> SearchAsync(string query) =>
        (await GetAsync("/api/p/search/apachesolr_search/?client=org.eclipse.epp.mpc.core&" + query)).Root.Element("search")!;

    [Test]
    public async Task RootCountsOnlyCompatibleListings()
    {
        var all = await CountsAsync("/api/p");
        var newest = await CountsAsync("/api/p?platform.version=4.40");

        Assert.That(newest.Sum(), Is.LessThan(all.Sum()));
        Assert.That(newest.Zip(all).All(p => p.First <= p.Second), Is.True);
    }

    private async Task<int[]> CountsAsync(string path) =>
        (await GetAsync(path)).Root.Descendants("category").Select(c => int.Parse(c.Attribute("count")!.Value)).ToArray();

    private async Task<string> CategoryOfListing29() =>
        (await GetAsync("/node/29/api/p")).Root.Element("node")!.Element("categories")!.Element("category")!.Attribute("id")!.Value;
}
