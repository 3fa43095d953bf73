using Catalog.Server.Protocol;
using Catalog.Server.Publishing;

namespace Catalog.Server.Pages;

/// <summary>
/// A browser asking for a path that no endpoint serves gets the site's 404 page rather than an empty body.
/// Only requests that accept HTML and are not protocol paths: other APIs keep their own error format.
/// </summary>
public sealed class PageNotFoundMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        await next(http);
        if (http.Response.StatusCode != StatusCodes.Status404NotFound || http.Response.HasStarted
            || http.GetEndpoint() is not null || ProtocolRoutes.IsProtocolPath(http.Request.Path)
            || PublisherApiRoutes.IsPublisherApiPath(http.Request.Path)
            || !HttpMethods.IsGet(http.Request.Method) || !AcceptsHtml(http.Request))
            return;
        PageSecurityHeaders.Apply(http.Response);
        await PageErrors.Page(StatusCodes.Status404NotFound, "There is no page at this address.").ExecuteAsync(http);
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));
}
