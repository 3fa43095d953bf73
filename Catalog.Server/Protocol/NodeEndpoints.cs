using Catalog.Schema.Model;

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
    public static async Task<XmlResponse> GetNodes(string ids, HttpContext http, ProtocolResponder responder, Microsoft.Extensions.Options.IOptions<ProtocolOptions> options)
    {
        var wanted = RequestParsing.ParseIdList(ids, "node id", options.Value.MaxIdsPerRequest);
        var listings = await responder.Store.GetListingsAsync(wanted, http.RequestAborted);
        if (listings.Count == 0 && wanted.Count == 1)
            throw ProtocolException.NotFound($"No node with id {wanted[0]}.");
        return await RespondWithNodes(http, responder, listings);
    }

    public static async Task<XmlResponse> GetNodeByTitle(string title, HttpContext http, ProtocolResponder responder)
    {
        var listing = await responder.Store.GetListingByUrlTitleAsync(title, http.RequestAborted)
            ?? await responder.Store.GetListingByUrlTitleAsync(RequestParsing.FormDecodedPathPiece(title), http.RequestAborted)
            ?? throw ProtocolException.NotFound($"No node titled '{RequestParsing.Shorten(title)}'.");
        return await RespondWithNodes(http, responder, [listing]);
    }

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
