using System.Globalization;
using Catalog.Search;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Protocol;

/// <summary>
/// <c>/api/p/search/apachesolr_search/{query}</c> with facets and paging, answered from the search index.
/// User text is only ever data, never query syntax; over-long input is a 400.
/// </summary>
public static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearchEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Protocol: search");
        group.MapMethods(ProtocolRoutes.Search, ProtocolRoutes.GetOrHead, Search);
        group.MapMethods(ProtocolRoutes.SearchBrowse, ProtocolRoutes.GetOrHead, Search);
        return group;
    }

    public static async Task<XmlResponse> Search(
        HttpContext http, ProtocolResponder responder, ISearchService search, IOptions<ProtocolOptions> options, string? query = null)
    {
        var o = options.Value;
        var text = RequestParsing.FormDecodedPathPiece(query ?? "").Trim();
        if (text.Length > o.MaxSearchLength)
            throw ProtocolException.BadRequest($"Search text is limited to {o.MaxSearchLength} characters.");
        var filters = SearchFilters.Parse(http.Request.Query["filters"].ToString());
        var page = ParsePage(http.Request.Query["page_num"].ToString(), o.MaxPageNumber);
        var client = responder.Client(http);

        SearchResult result;
        try
        {
            result = search.Search(new SearchRequest(text, filters.Terms, filters.Statuses, filters.Licenses,
                client.Release, client.Os, (page - 1) * o.SearchPageSize, o.SearchPageSize));
        }
        catch (SearchInputException e)
        {
            throw ProtocolException.BadRequest(e.Message);
        }
        var nodes = await responder.NodesAsync(http, result.ListingIds, client, depth: 2);
        var links = responder.Links(http);
        return await responder.RespondAsync(http, doc => doc.Search(text, links.Search(text), result.TotalCount, nodes), needsCategories: false);
    }

    /// <summary>1-based; absent means the first page.</summary>
    private static int ParsePage(string value, int max)
    {
        if (value.Length == 0)
            return 1;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page > max)
            throw ProtocolException.BadRequest($"page_num must be a whole number from 1 to {max}.");
        return Math.Max(page, 1);
    }
}
