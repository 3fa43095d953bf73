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
        var request = SearchQuery.Parse(query, http.Request.Query["filters"].ToString(), http.Request.Query["page_num"].ToString(), o);
        var client = responder.Client(http);
        var result = request.Run(search, client, o.SearchPageSize);
        var text = request.Text;
        var nodes = await responder.NodesAsync(http, result.ListingIds, client, depth: 2);
        var links = responder.Links(http);
        return await responder.RespondAsync(http, doc => doc.Search(text, links.Search(text), result.TotalCount, nodes), needsCategories: false);
    }
}
