using Catalog.Schema.Compatibility;
using Catalog.Schema.Model;
using Catalog.Schema.Store;
using Catalog.Schema.Wire;
using Catalog.Server.Hosting;
using Catalog.Server.Protocol.Caching;

namespace Catalog.Server.Protocol;

/// <summary>
/// What every protocol handler needs: the client's context, compatibility resolution into node views,
/// and a document bound to this request's public links. Handlers stay a few lines each.
/// </summary>
public sealed class ProtocolResponder(
    ICatalogStore store, ReleaseTable releases, PublicBaseUrl baseUrl, IStoreVersionSource monitor, ProtocolCache cache)
{
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

    /// <summary>
    /// The <c>node</c> elements of the listings among <paramref name="ids"/> that exist, in that order, as this
    /// client sees them: from the cache when written before at this store version, else loaded and written now.
    /// </summary>
    public async Task<IReadOnlyList<byte[]>> NodesAsync(HttpContext http, IReadOnlyList<int> ids, ClientContext client, int depth)
    {
        var version = monitor.Current();
        var links = Links(http);
        var platform = ClientOs.ToPlatform(client.Os) ?? "";
        var nodes = new byte[]?[ids.Count];
        var missing = new List<int>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (cache.TryGetNode(new NodeKey(ids[i], version, client.Release?.Index ?? -1, platform, links.BaseUrl, depth), out var xml))
                nodes[i] = xml;
            else
                missing.Add(ids[i]);
        }
        if (missing.Count > 0)
        {
            var categories = await cache.CategoriesAsync(version, store, http.RequestAborted).ConfigureAwait(false);
            var written = new Dictionary<int, byte[]>();
            foreach (var listing in await store.GetListingsAsync(missing, http.RequestAborted).ConfigureAwait(false))
            {
                var xml = MarketplaceDocument.NodeFragment(View(listing, client), links, categories, depth);
                cache.SetNode(new NodeKey(listing.Id, version, client.Release?.Index ?? -1, platform, links.BaseUrl, depth), xml);
                written[listing.Id] = xml;
            }
            for (var i = 0; i < ids.Count; i++)
                nodes[i] ??= written.GetValueOrDefault(ids[i]);
        }
        // A listing the index still names may be gone from the store: it is left out, as a list would.
        return [.. nodes.OfType<byte[]>()];
    }

    /// <inheritdoc cref="ProtocolCache.PerChangeNumberAsync"/>
    public async Task<T> PerChangeNumberAsync<T>(string what, Func<Task<T>> load)
    {
        var box = await cache.PerChangeNumberAsync(what, monitor.Current().ChangeNumber, async () => new Box<T>(await load()));
        return box.Value;
    }

    private sealed record Box<T>(T Value);

    /// <summary>Builds a document whose node categories carry names and links.</summary>
    public async Task<XmlResponse> RespondAsync(HttpContext http, Action<MarketplaceDocument> write, bool needsCategories = true)
    {
        var version = monitor.Current();
        var categories = needsCategories
            ? await cache.CategoriesAsync(version, store, http.RequestAborted).ConfigureAwait(false)
            : null;
        using var document = new MarketplaceDocument(Links(http), categories);
        write(document);
        return new XmlResponse(document.ToArray(), lastModified: version.LastModified);
    }

    public XmlResponse Error(HttpContext http, int status, string message)
    {
        using var document = new MarketplaceDocument(Links(http));
        document.Error(status, message);
        return new XmlResponse(document.ToArray(), status);
    }
}
