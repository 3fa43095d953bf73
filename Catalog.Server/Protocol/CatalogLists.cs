using Catalog.Schema.Store;
using Microsoft.Extensions.Options;

namespace Catalog.Server.Protocol;

/// <summary>
/// The catalog's lists as the protocol defines them (sizes, promoted entries, the Eclipse client's list
/// rules), read from the store; the XML list endpoints and the web pages both ask here.
/// </summary>
public sealed class CatalogLists(ICatalogStore store, IOptions<ProtocolOptions> options)
{
    public int CategoryPageSize => options.Value.CategoryPageSize;

    public int MaxPageNumber => options.Value.MaxPageNumber;

    /// <summary>Catalog-wide featured, or of one market and/or category (<paramref name="scope"/>).</summary>
    public Task<ListingPage> FeaturedAsync(TermScope? scope, ClientContext client, CancellationToken ct)
    {
        var o = options.Value;
        return scope is null
            ? store.GetFeaturedAsync(null, null, ProtocolResponder.FilterFor(client), o.ListSize, o.MaxPromoted, ct)
            : store.GetFeaturedAsync(scope.MarketId, scope.CategoryId, ProtocolResponder.FilterFor(client), o.ScopedFeaturedSize, o.MaxPromoted, ct);
    }

    /// <summary>
    /// Recent, favorites or popular. The Eclipse client's own requests show only installable listings, and
    /// no commercial ones unless a foundation member owns them (PROTOCOL.md).
    /// </summary>
    public Task<ListingPage> OrderedAsync(ListingOrder order, ClientContext client, CancellationToken ct) =>
        store.QueryListingsAsync(
            new ListingQuery(ProtocolResponder.FilterFor(client, clientListRules: true), order, 0, options.Value.ListSize), ct);

    /// <summary>Listings sharing categories or tags with the given ones.</summary>
    public Task<ListingPage> RelatedAsync(IReadOnlyList<int> ids, ClientContext client, CancellationToken ct) =>
        store.GetRelatedAsync(ids, ProtocolResponder.FilterFor(client), options.Value.ListSize, ct);

    /// <summary>
    /// One page of a category, market or tag (<paramref name="query"/> names the scope), by name, leaving
    /// out what the client cannot install. The protocol asks for the first page only.
    /// </summary>
    public Task<ListingPage> InScopeAsync(ListingQuery query, ClientContext client, int page, CancellationToken ct)
    {
        var size = options.Value.CategoryPageSize;
        return store.QueryListingsAsync(
            query with { Filter = ProtocolResponder.FilterFor(client), Order = ListingOrder.Name, Offset = (page - 1) * size, Limit = size }, ct);
    }

    /// <summary>Ids asked for at once (<c>/node/{ids}</c>, <c>related</c>).</summary>
    public IReadOnlyList<int> ParseIds(string? value, string what) =>
        RequestParsing.ParseIdList(value, what, options.Value.MaxIdsPerRequest);
}
