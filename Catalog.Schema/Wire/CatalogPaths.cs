using System.Globalization;

namespace Catalog.Schema.Wire;

/// <summary>
/// The catalog's public paths, written once: the route patterns the server maps (pages as they are, the XML
/// protocol with <see cref="Api"/> after them) and the links the wire, the pages and the publisher API build
/// from the same patterns, so a link cannot drift from the route that answers it.
/// </summary>
public static class CatalogPaths
{
    /// <summary>What the protocol's answer adds to a page's path.</summary>
    public const string Api = "/api/p";

    public const string Taxonomy = "/taxonomy/term/{terms}";
    public const string CategoryBySlug = "/category/categories/{slug}";
    public const string MarketBySlug = "/category/markets/{slug}";
    public const string FreeTagging = "/category/free-tagging/{tags}";
    public const string NodePrefix = "/node/";
    public const string Node = NodePrefix + "{id}";
    public const string NodeByTitle = "/content/{title}";

    /// <summary>The search link the XML answers carry in <c>search/@url</c>.</summary>
    public const string SiteSearch = "/search/site/{**text}";

    public static string NodeOf(int id) => Fill(Node, Id(id));

    public static string NodeByTitleOf(string urlTitle) => Fill(NodeByTitle, Uri.EscapeDataString(urlTitle));

    public static string CategoryOf(int categoryId) => Fill(Taxonomy, Id(categoryId));

    /// <param name="separator">"%2C" on the wire (as the real server lists it), "," in page links.</param>
    public static string CategoryInMarketOf(int categoryId, int marketId, string separator) =>
        Fill(Taxonomy, Id(categoryId) + separator + Id(marketId));

    public static string MarketOf(string slug) => Fill(MarketBySlug, Uri.EscapeDataString(slug));

    public static string TagOf(string name) => Fill(FreeTagging, Uri.EscapeDataString(name));

    public static string SiteSearchOf(string term) => Fill(SiteSearch, Uri.EscapeDataString(term));

    /// <summary>The pattern with its one parameter replaced by <paramref name="value"/> (already escaped).</summary>
    private static string Fill(string pattern, string value)
    {
        var open = pattern.IndexOf('{', StringComparison.Ordinal);
        var close = pattern.IndexOf('}', open);
        return string.Concat(pattern.AsSpan(0, open), value, pattern.AsSpan(close + 1));
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
