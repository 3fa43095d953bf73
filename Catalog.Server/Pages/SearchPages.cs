using Catalog.Schema.Store;
using Catalog.Schema.Model;
using Catalog.Search;
using Catalog.Server.Protocol;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Pages;

/// <summary>
/// Search as the protocol reads it (<c>/search/apachesolr_search/{text}?filters=…&amp;page_num=N</c>), plus
/// <c>?q=</c> from the search box. Facet links add or swap one filter and show how many results they leave.
/// </summary>
public static class SearchPages
{
    public static IEndpointRouteBuilder MapSearchPages(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods(PageRoutes.Search, ProtocolRoutes.GetOrHead, Search);
        routes.MapMethods(PageRoutes.SearchForm, ProtocolRoutes.GetOrHead, Search);
        routes.MapMethods(PageRoutes.SiteSearch, ProtocolRoutes.GetOrHead, Search);
        return routes;
    }

    public static async Task<RazorComponentResult<SearchPage>> Search(
        HttpContext http, PageFrames frames, ProtocolResponder responder, ICatalogStore store, ISearchService search, IOptions<ProtocolOptions> options, string? text = null)
    {
        var o = options.Value;
        var ct = http.RequestAborted;
        var request = http.Request.Query;
        var typed = string.IsNullOrEmpty(text) ? request["q"].ToString() : text;
        var query = SearchQuery.Parse(typed, request["filters"].ToString(), request["page_num"].ToString(), o);
        var client = responder.Client(http);
        var result = query.Run(search, client, o.SearchPageSize);
        var listings = await store.GetListingsAsync(result.ListingIds, ct);

        var frame = await frames.ForAsync(http);
        var links = frame.Links;
        frame = frame with
        {
            SearchText = query.Text,
            XmlTwin = http.Request.PathBase + "/api/p" + links.Search(query.Text, query.Filters, query.Page)[(http.Request.PathBase.Value ?? "").Length..],
        };
        var markets = await store.GetMarketsAsync(ct);
        var categories = await store.GetCategoriesAsync(ct);
        var (licenses, statuses) = await store.GetFacetValuesAsync(ct);
        var facets = new Facets(query, search, client, links);
        var marketIds = markets.Select(m => m.Id).ToHashSet();
        var categoryIds = categories.Select(c => c.Id).ToHashSet();
        // Each count is a search of its own, so categories are offered once a market narrows them down.
        var chosenMarkets = query.Filters.Terms.Where(marketIds.Contains).ToHashSet();
        var groups = result.TotalCount == 0 && query.Filters.IsEmpty ? [] : new List<FacetGroup>
        {
            facets.Group("Market", markets.Select(m => (m.Name, Filter: query.Filters with { Terms = Swap(query.Filters.Terms, marketIds, m.Id) }, Active: query.Filters.Terms.Contains(m.Id)))),
            facets.Group("Category", categories.Where(c => c.MarketIds.Any(chosenMarkets.Contains) || query.Filters.Terms.Contains(c.Id))
                .Select(c => (c.Name, Filter: query.Filters with { Terms = Swap(query.Filters.Terms, categoryIds, c.Id) }, Active: query.Filters.Terms.Contains(c.Id)))),
            facets.Group("License", licenses.Select(l => (l, Filter: query.Filters with { Licenses = [l] }, Active: query.Filters.Licenses.Contains(l)))),
            facets.Group("Status", statuses.Select(s => (s, Filter: query.Filters with { Statuses = [s] }, Active: query.Filters.Statuses.Contains(s)))),
        };
        var active = ActiveFilters(query, links, markets, categories);
        var pageCount = Math.Min(BrowsePages.PageCount(result.TotalCount, o.SearchPageSize), o.MaxPageNumber);
        var paging = new Paging(query.Page, pageCount, n => links.Search(query.Text, query.Filters, n));
        return HomePages.Render<SearchPage>(new SearchModel(frame, query, result.TotalCount, PageText.Clean(listings), paging, active, groups.Where(g => g.Links.Count > 0).ToList()));
    }

    /// <summary>Replaces any term of the same kind (market or category) with <paramref name="id"/>.</summary>
    private static IReadOnlyList<int> Swap(IReadOnlyList<int> terms, HashSet<int> sameKind, int id) =>
        [.. terms.Where(t => !sameKind.Contains(t)), id];

    /// <summary>Each filter in force, linking to the same search without it.</summary>
    private static List<TermLink> ActiveFilters(SearchQuery query, PageLinks links, IReadOnlyList<Market> markets, IReadOnlyList<Category> categories)
    {
        var names = markets.Select(m => (m.Id, m.Name)).Concat(categories.Select(c => (c.Id, c.Name))).GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First().Name);
        var filters = query.Filters;
        var active = new List<TermLink>();
        foreach (var term in filters.Terms)
            active.Add(new TermLink(names.GetValueOrDefault(term, $"term {term}"), links.Search(query.Text, filters with { Terms = [.. filters.Terms.Where(t => t != term)] }), Active: true));
        foreach (var license in filters.Licenses)
            active.Add(new TermLink($"License: {license}", links.Search(query.Text, filters with { Licenses = [.. filters.Licenses.Where(l => l != license)] }), Active: true));
        foreach (var status in filters.Statuses)
            active.Add(new TermLink($"Status: {status}", links.Search(query.Text, filters with { Statuses = [.. filters.Statuses.Where(s => s != status)] }), Active: true));
        return active;
    }

    /// <summary>Facet links with the number of results each leaves; links that leave none are not offered.</summary>
    private sealed class Facets(SearchQuery query, ISearchService search, ClientContext client, PageLinks links)
    {
        public FacetGroup Group(string title, IEnumerable<(string Name, SearchFilters Filter, bool Active)> options)
        {
            var terms = new List<TermLink>();
            foreach (var (name, filter, active) in options)
            {
                var count = query.Count(search, client, filter);
                if (count > 0 || active)
                    terms.Add(new TermLink(name, links.Search(query.Text, filter), count, active));
            }
            return new FacetGroup(title, terms);
        }
    }
}
