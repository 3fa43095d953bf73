using Catalog.Schema.Model;
using Catalog.Schema.Store;

namespace Catalog.Server.Protocol;

/// <summary>Node details by id (one or several) and by url title.</summary>
public static class NodeEndpoints
{
    public static RouteGroupBuilder MapNodeEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Protocol: nodes");
        group.MapMethods(ProtocolRoutes.Nodes, ProtocolRoutes.GetOrHead, GetNodes);
        group.MapMethods(ProtocolRoutes.NodeByTitle, ProtocolRoutes.GetOrHead, GetNodeByTitle);
        return group;
    }

    /// <summary>
    /// One id: exactly one node or 404. Several ids (the Installed tab): the ones that exist, in the order
    /// asked, never one that was not asked for (the client rejects the whole answer then).
    /// </summary>
    public static async Task<XmlResponse> GetNodes(string ids, HttpContext http, ProtocolResponder responder, ICatalogStore store, Microsoft.Extensions.Options.IOptions<ProtocolOptions> options)
    {
        var wanted = RequestParsing.ParseIdList(ids, "node id", options.Value.MaxIdsPerRequest);
        var listings = await store.GetListingsAsync(wanted, http.RequestAborted);
        if (listings.Count == 0 && wanted.Count == 1)
            throw ProtocolException.NotFound($"No node with id {wanted[0]}.");
        return await RespondWithNodes(http, responder, listings);
    }

    public static async Task<XmlResponse> GetNodeByTitle(string title, HttpContext http, ProtocolResponder responder, ICatalogStore store)
    {
        var listing = await FindByTitleAsync(store, title, http.RequestAborted);
        return await RespondWithNodes(http, responder, [listing]);
    }

    /// <summary>The title as sent, else form-decoded (<c>+</c> for a space).</summary>
    /// <exception cref="ProtocolException">404 when no listing has this url title.</exception>
    public static async Task<Listing> FindByTitleAsync(ICatalogStore store, string title, CancellationToken ct) =>
        await store.GetListingByUrlTitleAsync(title, ct)
        ?? await store.GetListingByUrlTitleAsync(RequestParsing.FormDecodedPathPiece(title), ct)
        ?? throw ProtocolException.NotFound($"No node titled '{RequestParsing.Shorten(title)}'.");

    private static Task<XmlResponse> RespondWithNodes(HttpContext http, ProtocolResponder responder, IReadOnlyList<Listing> listings)
    {
        var client = responder.Client(http);
        return responder.RespondAsync(http, doc =>
        {
            foreach (var view in responder.Views(listings, client))
                doc.Node(view);
        });
    }
}
