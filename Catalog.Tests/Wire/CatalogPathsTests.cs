using Catalog.Schema.Wire;

namespace Catalog.Tests.Wire;

/// <summary>Links are the route patterns filled in, escaped where a value could break the path.</summary>
public sealed class CatalogPathsTests
{
    [Test]
    public void Each_link_fills_its_routes_one_parameter()
    {
        Assert.That(CatalogPaths.NodeOf(42), Is.EqualTo("/node/42"));
        Assert.That(CatalogPaths.NodeByTitleOf("a b/c"), Is.EqualTo("/content/a%20b%2Fc"));
        Assert.That(CatalogPaths.CategoryOf(5), Is.EqualTo("/taxonomy/term/5"));
        Assert.That(CatalogPaths.CategoryInMarketOf(5, 1, "%2C"), Is.EqualTo("/taxonomy/term/5%2C1"));
        Assert.That(CatalogPaths.MarketOf("tools"), Is.EqualTo("/category/markets/tools"));
        Assert.That(CatalogPaths.TagOf("c#"), Is.EqualTo("/category/free-tagging/c%23"));
        Assert.That(CatalogPaths.SiteSearchOf("x y"), Is.EqualTo("/search/site/x%20y"));
    }
}
