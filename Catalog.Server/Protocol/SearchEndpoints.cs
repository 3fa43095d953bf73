using System.Globalization;
using Catalog.Schema.Store;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Protocol;

/// <summary>
/// <c>/api/p/search/apachesolr_search/{query}</c> with facets and paging. Until the Lucene index serves it,
/// words are matched in the store; user text is only ever data, never query syntax.
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

    public static async Task<XmlResponse> Search(HttpContext http, ProtocolResponder responder, IOptions<ProtocolOptions> options, string? query = null)
    {
        var o = options.Value;
        var text = RequestParsing.FormDecodedPathPiece(query ?? "").Trim();
        if (text.Length > o.MaxSearchLength)
            throw ProtocolException.BadRequest($"Search text is limited to {o.MaxSearchLength} characters.");
        var filters = SearchFilters.Parse(http.Request.Query["filters"].ToString());
        var page = ParsePage(http.Request.Query["page_num"].ToString(), o.MaxPageNumber);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(32).ToList();

        var client = responder.Client(http);
        var result = await responder.Store.QueryListingsAsync(
            new ListingQuery(ProtocolResponder.FilterFor(client), ListingOrder.Favorites, (page - 1) * o.SearchPageSize, o.SearchPageSize)
            {
                Words = words, AllTerms = filters.Terms, Statuses = filters.Statuses, Licenses = filters.Licenses,
            }, http.RequestAborted);
        var links = responder.Links(http);
        return await responder.RespondAsync(http, doc =>
            doc.Search(text, links.Search(text), result.TotalCount, responder.Views(result.Listings, client)));
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
