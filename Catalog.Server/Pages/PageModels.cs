using Catalog.Schema.Model;
using Catalog.Server.Protocol;

namespace Catalog.Server.Pages;

/// <summary>A link to a market, category, tag or facet, with how many listings it leads to when known.</summary>
public sealed record TermLink(string Name, string Href, int? Count = null, bool Active = false)
{
    public string Name { get; init; } = PageText.Clean(Name);

    /// <summary>The categories <c>/api/p</c> lists for the market, by name.</summary>
    public static IReadOnlyList<TermLink> CategoriesOf(Market market, IEnumerable<Category> categories, IReadOnlyList<Catalog.Schema.Store.CategoryCount> counts, PageLinks links) =>
        [.. MarketCategories.Of(market, categories, counts)
            .Select(c => new TermLink(c.Category.Name, links.CategoryInMarket(c.Category.Id, market.Id), c.Count))
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)];
}

public sealed record MarketSummary(string Name, string Href, IReadOnlyList<TermLink> Categories)
{
    public string Name { get; init; } = PageText.Clean(Name);
}

public sealed record HomeModel(
    PageFrame Frame,
    IReadOnlyList<MarketSummary> Markets,
    IReadOnlyList<Listing> Featured,
    IReadOnlyList<Listing> Recent,
    IReadOnlyList<Listing> Popular,
    NewsItem? LatestNews);

/// <summary>One page of listings: a category, market, tag or one of the lists.</summary>
public sealed record ListingsModel(
    PageFrame Frame,
    string Title,
    string Summary,
    int TotalCount,
    IReadOnlyList<Listing> Listings,
    Paging? Paging = null,
    IReadOnlyList<TermLink>? Related = null,
    string? RelatedTitle = null)
{
    public string Title { get; init; } = PageText.Clean(Title);
    public string Summary { get; init; } = PageText.Clean(Summary);
}

/// <summary>Page links 1..<see cref="PageCount"/>; <see cref="LinkFor"/> builds one.</summary>
public sealed record Paging(int Page, int PageCount, Func<int, string> LinkFor);

/// <summary>A solution version as a person reads it.</summary>
public sealed record VersionRow(
    string Version,
    string Releases,
    string Platforms,
    string MinJava,
    string? UpdateSite,
    IReadOnlyList<Feature> Features,
    bool Chosen);

public sealed record NodeModel(
    PageFrame Frame,
    Listing Listing,
    IReadOnlyList<TermLink> Categories,
    IReadOnlyList<TermLink> Tags,
    string DescriptionHtml,
    IReadOnlyList<VersionRow> Versions,
    string? InstallLink,
    string? ClientRelease);

public sealed record FacetGroup(string Title, IReadOnlyList<TermLink> Links);

public sealed record SearchModel(
    PageFrame Frame,
    SearchQuery Query,
    int TotalCount,
    IReadOnlyList<Listing> Listings,
    Paging Paging,
    IReadOnlyList<TermLink> ActiveFilters,
    IReadOnlyList<FacetGroup> Facets);

public sealed record NewsModel(PageFrame Frame, IReadOnlyList<NewsItem> Items);

public sealed record InstallIntroModel(PageFrame Frame, Listing? Listing);
