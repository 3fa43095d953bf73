using Catalog.Schema.Wire;
using Catalog.Server.Pages;
using Catalog.Server.Protocol;
using Catalog.Server.Publishing;

namespace Catalog.Server.Hosting;

/// <summary>
/// A refusal made before routing (by a guard in front of the endpoints), written in the format of the endpoint the
/// path names: the protocol's XML error, the publisher API's JSON error, or the site's HTML error page.
/// </summary>
public static class RefusalInEndpointFormat
{
    public static Task WriteAsync(HttpContext http, int status, string message, string? field = null)
    {
        http.Response.Clear();
        if (ProtocolRoutes.IsProtocolPath(http.Request.Path))
        {
            // The error document holds no links, so no base URL is needed to write it.
            using var document = new MarketplaceDocument(new WireLinks(""));
            document.Error(status, message);
            return new XmlResponse(document.ToArray(), status).ExecuteAsync(http);
        }
        if (PublisherApiRoutes.IsPublisherApiPath(http.Request.Path))
            return PublisherJson.WriteErrorAsync(http, new ApiError(status, message, field));
        PageSecurityHeaders.Apply(http.Response);
        return PageErrors.Page(status, message).ExecuteAsync(http);
    }
}
