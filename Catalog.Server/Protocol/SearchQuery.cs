using Catalog.Search;

namespace Catalog.Server.Protocol;

/// <summary>
/// One search as a request states it (text, <c>filters</c>, <c>page_num</c>), checked against the limits;
/// the XML search endpoint and the search page both read their input through it.
/// </summary>
public sealed record SearchQuery(string Text, SearchFilters Filters, int Page)
{
    /// <exception cref="ProtocolException">The text, filters or page number break a limit or do not parse.</exception>
    public static SearchQuery Parse(string? text, string? filters, string? pageNumber, ProtocolOptions options)
    {
        var decoded = RequestParsing.FormDecodedPathPiece(text ?? "").Trim();
        if (decoded.Length > options.MaxSearchLength)
            throw ProtocolException.BadRequest($"Search text is limited to {options.MaxSearchLength} characters.");
        return new SearchQuery(decoded, SearchFilters.Parse(filters), RequestParsing.ParsePageNumber(pageNumber, options.MaxPageNumber));
    }

    /// <summary>Runs this query for a client; a search the index refuses is a 400, never a 500.</summary>
    public SearchResult Run(ISearchService search, ClientContext client, int pageSize) =>
        RunWith(search, client, Filters, (Page - 1) * pageSize, pageSize);

    /// <summary>How many listings match this text exactly with other filters (a facet count); no listing is read.</summary>
    public int Count(ISearchService search, ClientContext client, SearchFilters filters) =>
        RunWith(search, client, filters, 0, 0, typoTolerant: false).TotalCount;

    private SearchResult RunWith(ISearchService search, ClientContext client, SearchFilters filters, int offset, int limit, bool typoTolerant = true)
    {
        try
        {
            return search.Search(new SearchRequest(Text, filters.Terms, filters.Statuses, filters.Licenses, client.Release, client.Os, offset, limit)
            {
                TypoTolerant = typoTolerant,
            });
        }
        catch (SearchInputException e)
        {
            throw ProtocolException.BadRequest(e.Message);
        }
    }
}
