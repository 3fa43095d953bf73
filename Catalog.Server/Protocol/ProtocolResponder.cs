using Catalog.Schema.Compatibility;
using Catalog.Schema.Model;
using Catalog.Schema.Store;
using Catalog.Schema.Wire;
using Catalog.Server.Hosting;

namespace Catalog.Server.Protocol;

/// <summary>
/// What every protocol handler needs: the client's context, compatibility resolution into node views,
/// and a document bound to this request's public links. Handlers stay a few lines each.
/// </summary>
public sealed class ProtocolResponder(CatalogStore store, ReleaseTable releases, PublicBaseUrl baseUrl)
{
    public CatalogStore Store => store;

    public ClientContext Client(HttpContext http) => ClientContext.From(http.Request, releases);

    public WireLinks Links(HttpContext http) => new(baseUrl.For(http.Request));

    /// <summary>Lists and search leave incompatible listings out; node details keep them, without install data.</summary>
    public static ListingFilter FilterFor(ClientContext client, bool clientListRules = false) =>
        new(client.Release,
            InstallableOnly: clientListRules && client.IsMarketplaceClient,
            HideCommercialUnlessMember: clientListRules && client.IsMarketplaceClient);

    public NodeView View(Listing listing, ClientContext client)
    {
        var choice = CompatibilityResolver.Choose(listing.Versions, client.Release, client.Os, releases);
        return new NodeView(listing, choice.Index);
    }

    public IEnumerable<NodeView> Views(IEnumerable<Listing> listings, ClientContext client) =>
        listings.Select(l => View(l, client));

    /// <summary>Builds a document whose node categories carry names and links.</summary>
    public async Task<XmlResponse> RespondAsync(HttpContext http, Action<MarketplaceDocument> write, bool needsCategories = true)
    {
        var ct = http.RequestAborted;
        var categories = needsCategories
            ? (await store.GetCategoriesAsync(ct).ConfigureAwait(false)).ToDictionary(c => c.Id)
            : null;
        var lastModified = await store.GetLastModifiedAsync(ct).ConfigureAwait(false);
        using var document = new MarketplaceDocument(Links(http), categories);
        write(document);
        return new XmlResponse(document.ToArray(), lastModified: lastModified);
    }

    public XmlResponse Error(HttpContext http, int status, string message)
    {
        using var document = new MarketplaceDocument(Links(http));
        document.Error(status, message);
        return new XmlResponse(document.ToArray(), status);
    }
}
