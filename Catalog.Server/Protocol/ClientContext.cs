using Catalog.Schema.Compatibility;

namespace Catalog.Server.Protocol;

/// <summary>
/// What the client said about itself in the query string: its target release (from
/// <c>platform.version</c>, else <c>runtime.version</c>), its OS, and whether it is the Eclipse client.
/// </summary>
public sealed record ClientContext(EclipseRelease? Release, string? Os, bool IsMarketplaceClient)
{
    public const string MarketplaceClientId = "org.eclipse.epp.mpc.core";

    public static ClientContext From(HttpRequest request, ReleaseTable releases)
    {
        var query = request.Query;
        var release = releases.Resolve(query["platform.version"].FirstOrDefault(), query["runtime.version"].FirstOrDefault());
        var os = query["os"].FirstOrDefault();
        var isClient = string.Equals(query["client"].FirstOrDefault(), MarketplaceClientId, StringComparison.Ordinal);
        return new ClientContext(release, string.IsNullOrWhiteSpace(os) ? null : os, isClient);
    }
}
