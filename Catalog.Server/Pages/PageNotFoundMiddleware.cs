using Catalog.Server.Protocol;
using Catalog.Server.Publishing;

namespace Catalog.Server.Pages;

/// <summary>
/// A path that no endpoint serves gets the site's 404 page rather than an empty body: as HTML when the
/// request accepts it (or says nothing, as curl does), otherwise as one line of plain text. Protocol and
/// publisher API paths keep their own error format.
/// </summary>
public sealed class PageNotFoundMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        await next(http);
        if (http.Response.StatusCode != StatusCodes.Status404NotFound || http.Response.HasStarted
            || http.GetEndpoint() is not null || ProtocolRoutes.IsProtocolPath(http.Request.Path)
            || PublisherApiRoutes.IsPublisherApiPath(http.Request.Path)
            || !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)))
            return;
        PageSecurityHeaders.Apply(http.Response);
        if (AcceptsHtml(http.Request))
            await PageErrors.Page(StatusCodes.Status404NotFound, Message).ExecuteAsync(http);
        else
            await Results.Text(Message + "\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound).ExecuteAsync(http);
    }

    private const string Message = "There is no page at this address.";

    private static bool AcceptsHtml(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        return accept.Count == 0 || accept.Any(a => a is not null && (string.IsNullOrWhiteSpace(a)
            || a.Contains("text/html", StringComparison.OrdinalIgnoreCase)
            || a.Contains("text/*", StringComparison.Ordinal) || a.Contains("*/*", StringComparison.Ordinal)));
    }
}
